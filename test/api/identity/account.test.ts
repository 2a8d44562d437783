// The citizen's account service (issue 14 item 4): personal fields never reach the log in the clear; one
// subject per ΑΦΜ even when two first logins race; TaxisNet details recorded again only when they changed;
// the e-mail link refused when wrong, expired or replaced; bad contact details refused; and erasure, which
// leaves no table holding the person, keeps the hash chain whole, and is refused (changing nothing) while
// another context keeps something by law.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CitizenServices } from '../../../src/api/identity/account.ts';
import {
  EMAIL_LINK_HOURS,
  accountExport,
  askToVerifyEmail,
  changeLanguage,
  changePhone,
  confirmEmail,
  eraseAccount,
  forgetEmail,
  loadAccount,
  logIn,
} from '../../../src/api/identity/account.ts';
import { SUBJECTS } from '../../../src/api/identity/tables.ts';
import { allProjections } from '../../../src/contexts.ts';
import { isDomainError } from '../../../src/domain/shared/errors.ts';
import { citizenRecord, identityProjections } from '../../../src/projections/identity/index.ts';
import type { Projection } from '../../../src/projections/shared/projection.ts';
import { eventReaderFor } from '../../../src/projections/shared/eventReader.ts';
import { rebuildProjections } from '../../../src/projections/shared/rebuild.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import type { IdentityTest } from '../../support/identity.ts';
import { MARIA, NIKOS, eventCount, findInClear, newestLinkToken, openIdentityTest, settled, tableNames } from '../../support/identity.ts';

const test = suite<{ t: IdentityTest }>('identity: the account service');

test.before.each(async (context) => {
  context.t = await openIdentityTest();
});
test.after.each(async ({ t }) => t.dispose());

const EMAIL = 'maria.papa@example.gr';
const PHONE = '+306971234567';
/** Everything of Maria that must never be in the clear outside the staff read model. */
const MARIA_CLEAR = [MARIA.taxid, MARIA.lastName, MARIA.firstName, MARIA.fatherName, MARIA.motherName, MARIA.userId, EMAIL, 'maria.papa', PHONE, '6971234567'];

const at = (iso: string) => () => new Date(iso);

/** Runs the action, expects a refusal with this code, and that no event was appended meanwhile. */
const refusedWithNothingAppended = async (t: IdentityTest, code: string, action: () => Promise<unknown>): Promise<void> => {
  const before = await eventCount(t.client, t.schema);
  const error = await action().then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(isDomainError(error), `expected ${code}, got ${error instanceof Error ? error.message : 'no error'}`);
  assert.is(error.code, code);
  assert.ok(error.messageEl.length > 0 && error.messageEn.length > 0, 'Greek and English');
  assert.is(await eventCount(t.client, t.schema), before, 'nothing appended');
};

const streamTypes = async (t: IdentityTest, subjectId: string): Promise<string[]> => (await t.store.readStream(`citizen-${subjectId}`)).map((e) => e.type);

test('the first login registers the subject; later logins do not; the account shows what TaxisNet said', async ({ t }) => {
  const first = await logIn(t.services({ now: at('2026-03-01T10:00:00Z') }), MARIA);
  assert.is(first.registered, true);
  const second = await logIn(t.services({ now: at('2026-03-02T10:00:00Z') }), MARIA);
  assert.equal(second, { subjectId: first.subjectId, registered: false });
  assert.equal(await streamTypes(t, first.subjectId), ['CitizenRegistered', 'CitizenLoggedIn', 'CitizenLoggedIn']);
  const account = await loadAccount(t.services(), first.subjectId);
  assert.ok(account);
  assert.is(account.kind, 'person');
  assert.equal(account.details, {
    taxid: MARIA.taxid,
    userId: MARIA.userId,
    lastName: MARIA.lastName,
    firstName: MARIA.firstName,
    fatherName: MARIA.fatherName,
    motherName: MARIA.motherName,
    birthYear: MARIA.birthYear,
  });
  assert.is(account.logins, 2);
  assert.is(account.registeredAt, '2026-03-01T10:00:00.000Z');
  assert.is(account.lastLoginAt, '2026-03-02T10:00:00.000Z');
  assert.is(account.language, 'el');
  const other = await logIn(t.services(), NIKOS);
  assert.is.not(other.subjectId, first.subjectId, 'another ΑΦΜ, another subject');
  assert.is((await loadAccount(t.services(), other.subjectId))?.details.taxid, NIKOS.taxid);
  assert.is(await loadAccount(t.services(), 'no-such-subject'), null);
});

test('a company is registered as a company', async ({ t }) => {
  const company = { ...NIKOS, taxid: '094014201', lastName: 'ΚΑΤΑΣΚΕΥΑΣΤΙΚΗ ΠΑΛΙΚΗΣ Α.Ε.', firstName: '', kind: 'company' as const };
  const { subjectId } = await logIn(t.services(), company);
  assert.is((await loadAccount(t.services(), subjectId))?.kind, 'company');
});

test('two concurrent first logins of the same ΑΦΜ make one subject, registered once', async ({ t }) => {
  const [one, two] = await Promise.all([logIn(t.services(), MARIA), logIn(t.services(), MARIA)]);
  assert.is(one.subjectId, two.subjectId);
  const types = await streamTypes(t, one.subjectId);
  assert.is(types.filter((type) => type === 'CitizenRegistered').length, 1);
  assert.is(types.filter((type) => type === 'CitizenLoggedIn').length, 2, 'both logins recorded');
  assert.is([one, two].filter((r) => r.registered).length, 1, 'exactly one of them registered the subject');
  const [row] = await t.client.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${table(t.schema, SUBJECTS)}`);
  assert.is(Number(row!.n), 1);
  assert.is((await loadAccount(t.services(), one.subjectId))?.logins, 2);
});

test('four logins of one ΑΦΜ at once (a company used by several of its staff) all succeed, on one subject', async ({ t }) => {
  const results = await Promise.all([1, 2, 3, 4].map(() => logIn(t.services(), MARIA)));
  assert.is(new Set(results.map((r) => r.subjectId)).size, 1);
  assert.is(results.filter((r) => r.registered).length, 1);
  const types = await streamTypes(t, results[0]!.subjectId);
  assert.equal(types.filter((type) => type === 'CitizenRegistered').length, 1);
  assert.equal(types.filter((type) => type === 'CitizenLoggedIn').length, 4);
});

test('two first logins from two nodes (two connections) make one subject', async ({ t }) => {
  const node = await t.connectAgain(2);
  const [one, two] = await Promise.all([logIn(t.services(), MARIA), logIn(t.services({ client: node }), MARIA)]);
  assert.is(one.subjectId, two.subjectId);
  assert.is((await streamTypes(t, one.subjectId)).filter((type) => type === 'CitizenRegistered').length, 1);
});

test('changed TaxisNet details are recorded at the login; unchanged ones are not', async ({ t }) => {
  const { subjectId } = await logIn(t.services(), MARIA);
  await logIn(t.services(), MARIA);
  const sealedOf = async () => (await t.store.readStream(`citizen-${subjectId}`)).filter((e) => e.type === 'CitizenLoggedIn').map((e) => (e.data as { sealed: string | null }).sealed);
  assert.equal(await sealedOf(), [null, null], 'the registration carries the details; the logins add nothing');
  const married = { ...MARIA, lastName: 'ΓΕΡΑΣΊΜΟΥ' };
  await logIn(t.services(), married);
  await logIn(t.services(), married);
  const sealed = await sealedOf();
  assert.is(sealed.length, 4);
  assert.is(sealed[3], null, 'unchanged since the change');
  assert.type(sealed[2], 'string');
  assert.is((await loadAccount(t.services(), subjectId))?.details.lastName, 'ΓΕΡΑΣΊΜΟΥ');
  await logIn(t.services(), { ...married, birthYear: null });
  assert.type((await sealedOf())[4], 'string', 'any field counts, a birth year gone too');
  await logIn(t.services(), MARIA);
  const account = await loadAccount(t.services(), subjectId);
  assert.equal(account?.details.lastName, MARIA.lastName, 'back to the first details: recorded again');
  assert.equal(account?.details.birthYear, MARIA.birthYear);
});

test('sealed values are not plaintext in the events table (ΑΦΜ, names, e-mail, phone); the ΑΦΜ lookup holds a keyed hash', async ({ t }) => {
  const services = t.services();
  const { subjectId } = await logIn(services, MARIA);
  await logIn(services, { ...MARIA, lastName: 'ΓΕΡΑΣΊΜΟΥ' });
  await askToVerifyEmail(services, subjectId, EMAIL);
  await confirmEmail(services, subjectId, await newestLinkToken(t, subjectId));
  await changePhone(services, subjectId, '697 123 4567');
  const rows = await t.client.query<{ data: string; metadata: string; stream: string }>(
    `SELECT data::text AS data, metadata::text AS metadata, stream FROM ${table(t.schema, 'od_events')} ORDER BY position`,
  );
  assert.is(rows.length, 6);
  const raw = rows.map((r) => `${r.stream} ${r.data} ${r.metadata}`).join('\n');
  assert.match(raw, subjectId, 'the rows read are the subject’s');
  assert.equal(await findInClear(t.client, t.schema, [...MARIA_CLEAR, 'ΓΕΡΑΣΊΜΟΥ', 'Γερασίμου']), [], 'no table holds any of it (no read model runs here)');
  const token = await newestLinkToken(t, subjectId);
  assert.not.ok(raw.includes(token), 'nor the link token');
});

test('the e-mail link: the right token within its time verifies the address, once', async ({ t }) => {
  const services = t.services({ now: at('2026-03-01T10:00:00Z') });
  const { subjectId } = await logIn(services, MARIA);
  await askToVerifyEmail(services, subjectId, '  Maria.Papa@EXAMPLE.gr ');
  let account = await loadAccount(services, subjectId);
  assert.is(account?.email, null, 'not until the link is followed');
  assert.equal(account?.pendingEmail, { address: 'Maria.Papa@example.gr', expiresAt: `2026-03-0${1 + EMAIL_LINK_HOURS / 24}T10:00:00.000Z` });
  const token = await newestLinkToken(t, subjectId);
  await confirmEmail(t.services({ now: at('2026-03-02T09:59:00Z') }), subjectId, token);
  account = await loadAccount(services, subjectId);
  assert.is(account?.email, 'Maria.Papa@example.gr');
  assert.is(account?.pendingEmail, null);
  await refusedWithNothingAppended(t, 'OD_EMAIL_LINK_INVALID', () => confirmEmail(services, subjectId, token));
});

test('the e-mail link: a wrong token is refused with OD_EMAIL_LINK_INVALID and nothing appended', async ({ t }) => {
  const { subjectId } = await logIn(t.services(), MARIA);
  await askToVerifyEmail(t.services(), subjectId, EMAIL);
  const token = await newestLinkToken(t, subjectId);
  for (const wrong of ['', 'x', token.slice(1), `${token}x`, token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase()]) {
    await refusedWithNothingAppended(t, 'OD_EMAIL_LINK_INVALID', () => confirmEmail(t.services(), subjectId, wrong));
  }
  assert.is((await loadAccount(t.services(), subjectId))?.email, null);
});

test('the e-mail link: an expired token is refused with OD_EMAIL_LINK_INVALID and nothing appended', async ({ t }) => {
  const { subjectId } = await logIn(t.services({ now: at('2026-03-01T10:00:00Z') }), MARIA);
  await askToVerifyEmail(t.services({ now: at('2026-03-01T10:00:00Z') }), subjectId, EMAIL);
  const token = await newestLinkToken(t, subjectId);
  const late = t.services({ now: at(new Date(Date.parse('2026-03-01T10:00:00Z') + EMAIL_LINK_HOURS * 3_600_000 + 1_000).toISOString()) });
  await refusedWithNothingAppended(t, 'OD_EMAIL_LINK_INVALID', () => confirmEmail(late, subjectId, token));
  const account = await loadAccount(late, subjectId);
  assert.is(account?.email, null);
  assert.is(account?.pendingEmail, null, 'an expired link is no longer shown as waiting');
});

test('the e-mail link: a link replaced by a newer one is refused; the newer one works', async ({ t }) => {
  const { subjectId } = await logIn(t.services(), MARIA);
  await askToVerifyEmail(t.services(), subjectId, 'old@example.gr');
  const old = await newestLinkToken(t, subjectId);
  await askToVerifyEmail(t.services(), subjectId, EMAIL);
  const newer = await newestLinkToken(t, subjectId);
  assert.is.not(old, newer);
  await refusedWithNothingAppended(t, 'OD_EMAIL_LINK_INVALID', () => confirmEmail(t.services(), subjectId, old));
  await confirmEmail(t.services(), subjectId, newer);
  assert.is((await loadAccount(t.services(), subjectId))?.email, EMAIL);
});

test("the e-mail link: one subject's token does not verify another's address", async ({ t }) => {
  const maria = await logIn(t.services(), MARIA);
  const nikos = await logIn(t.services(), NIKOS);
  await askToVerifyEmail(t.services(), maria.subjectId, EMAIL);
  await askToVerifyEmail(t.services(), nikos.subjectId, 'nikos@example.gr');
  const mariasToken = await newestLinkToken(t, maria.subjectId);
  await refusedWithNothingAppended(t, 'OD_EMAIL_LINK_INVALID', () => confirmEmail(t.services(), nikos.subjectId, mariasToken));
  await refusedWithNothingAppended(t, 'OD_ACCOUNT_UNKNOWN', () => confirmEmail(t.services(), 'no-such-subject', mariasToken));
});

test('a removed address is gone, and its pending link with it', async ({ t }) => {
  const { subjectId } = await logIn(t.services(), MARIA);
  await askToVerifyEmail(t.services(), subjectId, EMAIL);
  await confirmEmail(t.services(), subjectId, await newestLinkToken(t, subjectId));
  await askToVerifyEmail(t.services(), subjectId, 'new@example.gr');
  const pending = await newestLinkToken(t, subjectId);
  await forgetEmail(t.services(), subjectId);
  const account = await loadAccount(t.services(), subjectId);
  assert.is(account?.email, null);
  assert.is(account?.pendingEmail, null);
  await refusedWithNothingAppended(t, 'OD_EMAIL_LINK_INVALID', () => confirmEmail(t.services(), subjectId, pending));
});

test('an invalid e-mail, phone or language is refused and nothing is appended', async ({ t }) => {
  const { subjectId } = await logIn(t.services(), MARIA);
  for (const email of ['', 'maria', 'maria@example', 'maria@example.gr\r\nBcc: all@example.gr', 'a b@example.gr']) {
    await refusedWithNothingAppended(t, 'OD_EMAIL_INVALID', () => askToVerifyEmail(t.services(), subjectId, email));
  }
  for (const phone of ['12345', '+44 20 7946 0958', 'τηλέφωνο', '69712345678']) {
    await refusedWithNothingAppended(t, 'OD_PHONE_INVALID', () => changePhone(t.services(), subjectId, phone));
  }
  await refusedWithNothingAppended(t, 'OD_LANGUAGE_INVALID', () => changeLanguage(t.services(), subjectId, 'de'));
  await refusedWithNothingAppended(t, 'OD_ACCOUNT_UNKNOWN', () => askToVerifyEmail(t.services(), 'no-such-subject', EMAIL));
  const account = await loadAccount(t.services(), subjectId);
  assert.is(account?.pendingEmail, null);
  assert.is(account?.phone, null);
  assert.is(account?.language, 'el');
});

test('phone and language: set, shown, removed; the same language again records nothing', async ({ t }) => {
  const { subjectId } = await logIn(t.services(), MARIA);
  await changePhone(t.services(), subjectId, '0030 697 123 4567');
  await changeLanguage(t.services(), subjectId, 'en');
  let account = await loadAccount(t.services(), subjectId);
  assert.is(account?.phone, PHONE);
  assert.is(account?.language, 'en');
  const before = await eventCount(t.client, t.schema);
  await changeLanguage(t.services(), subjectId, 'en');
  assert.is(await eventCount(t.client, t.schema), before);
  await changePhone(t.services(), subjectId, '  ');
  account = await loadAccount(t.services(), subjectId);
  assert.is(account?.phone, null);
});

test('the export (Art. 15) holds what the municipality keeps, and never the link token', async ({ t }) => {
  const { subjectId } = await logIn(t.services(), MARIA);
  await askToVerifyEmail(t.services(), subjectId, EMAIL);
  const token = await newestLinkToken(t, subjectId);
  await changePhone(t.services(), subjectId, '6971234567');
  const account = await loadAccount(t.services(), subjectId);
  assert.ok(account);
  const exported = accountExport(account, '2026-03-01T10:00:00.000Z');
  const text = JSON.stringify(exported);
  assert.is(exported.subject.taxid, MARIA.taxid);
  assert.is(exported.contact.pendingEmail, EMAIL);
  assert.is(exported.contact.phone, PHONE);
  assert.equal(
    exported.history.map((h) => h.type),
    ['CitizenRegistered', 'CitizenLoggedIn', 'ContactEmailRequested', 'ContactPhoneSet'],
  );
  assert.not.ok(text.includes(token), 'the token would let anyone holding the file confirm the address');
  assert.not.ok(text.includes('v1.'), 'nothing sealed, everything opened');
  assert.not.ok(text.includes(NIKOS.taxid));
});

interface Erasure {
  readonly t: IdentityTest;
  readonly maria: string;
  readonly nikos: string;
  readonly projections: readonly Projection[];
}

/** Maria with everything an account can hold, Nikos beside her, and every read model kept up by a runner. */
const fullAccounts = async (t: IdentityTest): Promise<Erasure> => {
  const services = t.services();
  const maria = (await logIn(services, MARIA)).subjectId;
  await logIn(services, { ...MARIA, lastName: 'ΓΕΡΑΣΊΜΟΥ' });
  await askToVerifyEmail(services, maria, EMAIL);
  await confirmEmail(services, maria, await newestLinkToken(t, maria));
  await askToVerifyEmail(services, maria, 'second.address@example.gr');
  await changePhone(services, maria, '6971234567');
  await changeLanguage(services, maria, 'en');
  const nikos = (await logIn(services, NIKOS)).subjectId;
  return { t, maria, nikos, projections: [...allProjections, ...identityProjections(t.keyring).projections] };
};

test('after eraseAccount: no account, no read-model row, a rebuild brings nobody back, no table holds the person, the chain verifies', async ({ t }) => {
  const { maria, nikos, projections } = await fullAccounts(t);
  const runner = await startProjections({ client: t.client, store: t.store, schema: t.schema, projections });
  try {
    await runner.caughtUp;
    await settled(t.store, runner);
    assert.ok(await citizenRecord(t.client, t.schema, maria));
    // The scan finds what is there: before erasure, Maria is in the staff read model and nowhere else.
    const before = await findInClear(t.client, t.schema, [MARIA.taxid, 'second.address@example.gr']);
    assert.equal(before, [`od_citizens: ${MARIA.taxid}`, 'od_citizens: second.address@example.gr']);

    const erased: string[] = [];
    await eraseAccount(t.services({ onErased: [async (subjectId) => void erased.push(subjectId)] }), maria);
    assert.equal(erased, [maria], 'the other rooms are told once');
    await settled(t.store, runner);

    assert.is(await loadAccount(t.services(), maria), null);
    assert.is(await citizenRecord(t.client, t.schema, maria), null);
    await rebuildProjections(t.client, eventReaderFor(t.store), t.schema, projections);
    assert.is(await citizenRecord(t.client, t.schema, maria), null, 'a rebuild brings nobody back');
    assert.ok(await citizenRecord(t.client, t.schema, nikos), 'Nikos is rebuilt as he was');

    const tables = await tableNames(t.client, t.schema);
    for (const name of ['od_events', 'od_citizens', SUBJECTS, 'od_subject_keys']) assert.ok(tables.includes(name), `${name} is scanned`);
    assert.equal(await findInClear(t.client, t.schema, [...MARIA_CLEAR, 'ΓΕΡΑΣΊΜΟΥ', 'second.address@example.gr']), [], 'no table holds the person');
    assert.equal(await findInClear(t.client, t.schema, [NIKOS.taxid]), [`od_citizens: ${NIKOS.taxid}`], 'the scan still sees the living');

    const report = await t.store.verify();
    assert.is(report.ok, true, JSON.stringify(report));
    assert.ok((await streamTypes(t, maria)).includes('CitizenErased'), 'the events stay, sealed, in the log');
  } finally {
    await runner.stop();
  }
});

test('after erasure nothing more can be done to the account, and a new login starts afresh', async ({ t }) => {
  const { maria } = await fullAccounts(t);
  await eraseAccount(t.services(), maria);
  await refusedWithNothingAppended(t, 'OD_ACCOUNT_ERASED', () => eraseAccount(t.services(), maria));
  await refusedWithNothingAppended(t, 'OD_ACCOUNT_ERASED', () => askToVerifyEmail(t.services(), maria, EMAIL));
  await refusedWithNothingAppended(t, 'OD_ACCOUNT_ERASED', () => changePhone(t.services(), maria, '6971234567'));
  await refusedWithNothingAppended(t, 'OD_ACCOUNT_ERASED', () => changeLanguage(t.services(), maria, 'el'));
  const again = await logIn(t.services(), MARIA);
  assert.is(again.registered, true);
  assert.is.not(again.subjectId, maria, 'a new subject: the old one cannot be linked to the ΑΦΜ any more');
  const account = await loadAccount(t.services(), again.subjectId);
  assert.is(account?.email, null);
  assert.is(account?.phone, null);
  assert.is(account?.language, 'el');
  assert.is(account?.logins, 1);
});

test('an obstacle blocks erasure with OD_ERASURE_BLOCKED and changes nothing', async ({ t }) => {
  const { maria, projections } = await fullAccounts(t);
  const runner = await startProjections({ client: t.client, store: t.store, schema: t.schema, projections });
  try {
    await runner.caughtUp;
    await settled(t.store, runner);
    const accountBefore = await loadAccount(t.services(), maria);
    const recordBefore = await citizenRecord(t.client, t.schema, maria);
    const told: string[] = [];
    const services: CitizenServices = t.services({
      erasureObstacles: [
        async () => [],
        async (subjectId) => (subjectId === maria ? [{ el: 'οφειλή ΤΑΠ 2025', en: 'a property duty debt for 2025' }] : []),
      ],
      onErased: [async (subjectId) => void told.push(subjectId)],
    });
    await refusedWithNothingAppended(t, 'OD_ERASURE_BLOCKED', () => eraseAccount(services, maria));
    const error = await eraseAccount(services, maria).catch((e: unknown) => e);
    assert.ok(isDomainError(error));
    assert.is(error.status, 409);
    assert.match(error.messageEl, 'οφειλή ΤΑΠ 2025');
    assert.match(error.messageEn, 'a property duty debt for 2025');
    assert.equal(told, [], 'no room was told to forget');
    await settled(t.store, runner);
    assert.equal(await loadAccount(t.services(), maria), accountBefore, 'the key and the stream are as they were');
    assert.equal(await citizenRecord(t.client, t.schema, maria), recordBefore);
    assert.is((await logIn(t.services(), MARIA)).subjectId, maria, 'the ΑΦΜ still leads to the same subject');
  } finally {
    await runner.stop();
  }
});

test.run();
