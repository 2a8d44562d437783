// What TaxisNet's userinfo says, read by the real client over HTTP from the double: padding, Greek capitals,
// missing attributes, escaped markup, the ΑΦΜ check digit, and a person told apart from a company.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TaxisNetClient, TaxisNetUser } from '../../../src/integrations/taxisnet/index.ts';
import { createTaxisNetClient, isTaxisNetError, isValidTaxid, newLoginAttempt, standInPeople } from '../../../src/integrations/taxisnet/index.ts';
import type { TaxisNetDouble, UserinfoAttributes } from '../../support/doubles/taxisnet/index.ts';
import { paddedCitizen, startTaxisNetDouble } from '../../support/doubles/taxisnet/index.ts';

const CLIENT = { clientId: 'od-lixouri', clientSecret: 'secret', redirectUri: 'http://localhost:8080/auth/taxisnet/callback' };
const test = suite<{ double: TaxisNetDouble; client: TaxisNetClient }>('taxisnet userinfo');

test.before(async (context) => {
  context.double = await startTaxisNetDouble(CLIENT);
  context.client = createTaxisNetClient({ baseUrl: context.double.baseUrl, ...CLIENT });
});
test.after(async ({ double }) => double.close());

const loginAs = async ({ double, client }: { double: TaxisNetDouble; client: TaxisNetClient }, attributes: UserinfoAttributes): Promise<TaxisNetUser> => {
  double.setUser(attributes);
  const attempt = newLoginAttempt();
  const location = (await fetch(client.authorizeUrl(attempt), { redirect: 'manual' })).headers.get('location') ?? '';
  const { accessToken } = await client.exchangeCode(new URL(location).searchParams.get('code') ?? '', attempt.codeVerifier);
  return client.userinfo(accessToken);
};

const refusalOf = async (context: { double: TaxisNetDouble; client: TaxisNetClient }, attributes: UserinfoAttributes): Promise<string> => {
  try {
    await loginAs(context, attributes);
  } catch (error) {
    if (isTaxisNetError(error)) return error.code;
    throw error;
  }
  return 'accepted';
};

test('padded values are trimmed; Greek capitals and accents kept exactly as given', async (context) => {
  const user = await loginAs(context, { ...paddedCitizen, lastname: '  ΜΠΟΥΣΟΥΛΑ-ΆΓΓΕΛΟΥ   ', firstname: '\tΚατερίνα  ' });
  assert.is(user.lastName, 'ΜΠΟΥΣΟΥΛΑ-ΆΓΓΕΛΟΥ');
  assert.is(user.firstName, 'Κατερίνα');
  assert.is(user.taxid, '012481630');
});

test('decomposed Unicode (NFD) comes out composed (NFC), so equal names compare equal', async (context) => {
  const user = await loginAs(context, { ...paddedCitizen, firstname: 'ΆΝΝΑ'.normalize('NFD') });
  assert.is(user.firstName, 'ΆΝΝΑ'.normalize('NFC'));
  assert.is(user.firstName.length, 4);
});

test('markup in a name arrives as text (entities decoded once), for the pages to escape', async (context) => {
  const user = await loginAs(context, { ...paddedCitizen, lastname: 'Ο\'ΝΙΛ <script>alert("x")</script> & ΣΙΑ', firstname: '&lt;b&gt;' });
  assert.is(user.lastName, 'Ο\'ΝΙΛ <script>alert("x")</script> & ΣΙΑ');
  assert.is(user.firstName, '&lt;b&gt;');
});

test('missing attributes are empty, a missing or odd birth year is null; still a person', async (context) => {
  const { mothername: _m, birthyear: _b, userid: _u, ...rest } = paddedCitizen;
  const user = await loginAs(context, rest);
  assert.is(user.motherName, '');
  assert.is(user.userId, '');
  assert.is(user.birthYear, null);
  assert.is(user.kind, 'person');
  assert.is((await loginAs(context, { ...paddedCitizen, birthyear: '19x8' })).birthYear, null);
  assert.is((await loginAs(context, { ...paddedCitizen, birthyear: '3020' })).birthYear, null);
});

test('a legal entity: its name in lastname, no first/father/mother name, no birth year → company', async (context) => {
  const user = await loginAs(context, { userid: 'alieftiki ', taxid: '801234560', lastname: 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.   ', firstname: '     ', fathername: '', birthyear: ' ' });
  assert.is(user.kind, 'company');
  assert.is(user.lastName, 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.');
  assert.is(user.taxid, '801234560');
  // Any one of the person's fields makes a person.
  assert.is((await loginAs(context, { taxid: '801234560', lastname: 'ΚΑΠΟΙΟΣ', fathername: 'ΠΕΤΡΟΣ' })).kind, 'person');
});

test('no taxid, an empty one or one failing the check digit: OD_TAXISNET_BAD_ANSWER', async (context) => {
  const { taxid: _t, ...noTaxid } = paddedCitizen;
  assert.is(await refusalOf(context, noTaxid), 'OD_TAXISNET_BAD_ANSWER');
  assert.is(await refusalOf(context, { ...paddedCitizen, taxid: '   ' }), 'OD_TAXISNET_BAD_ANSWER');
  assert.is(await refusalOf(context, { ...paddedCitizen, taxid: '012481631' }), 'OD_TAXISNET_BAD_ANSWER');
  assert.is(await refusalOf(context, { ...paddedCitizen, taxid: '12481630' }), 'OD_TAXISNET_BAD_ANSWER');
  assert.is(await refusalOf(context, { ...paddedCitizen, taxid: '000000000' }), 'OD_TAXISNET_BAD_ANSWER');
});

test('isValidTaxid: 9 digits with the ΑΦΜ check digit', () => {
  for (const good of ['012481630', '047312951', '090000045', '801234560']) assert.ok(isValidTaxid(good), good);
  for (const bad of ['012481631', '01248163', '0124816300', '01248163a', ' 012481630', '000000000', '']) assert.not.ok(isValidTaxid(bad), bad);
});

test('the stand-in people have valid ΑΦΜ, four persons and one company by the same rule', () => {
  for (const person of standInPeople) assert.ok(isValidTaxid(person.taxid), person.taxid);
  assert.equal(standInPeople.map((p) => p.kind), ['person', 'person', 'person', 'person', 'company']);
  assert.ok(standInPeople.some((p) => p.lastName.includes('<script>')));
});

test.run();
