// Unmatched bank credits in the back office (issue 15 item 5): after a statement's import, the revenue clerk
// sees the credits with no RF of ours and the excesses at /office/bank-credits (Greek, and English at
// /en/office/), assigns one to a debt with a plain form (CSRF, no JavaScript): the debt is paid, the credit
// leaves the list, the staff audit trail names who did it; a wrong debt is refused in the clerk's language
// and changes nothing; staff without the revenue role see nothing.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { subjectOf } from '../../../src/api/identity/index.ts';
import { rfOf } from '../../../src/api/debts/index.ts';
import { createStaff } from '../../../src/api/shared/staff/index.ts';
import { camtDocument } from '../../support/doubles/bank/index.ts';
import type { CitizenSite } from '../../web/identity/citizenSite.ts';
import { Browser, csrfOf, startCitizenSite } from '../../web/identity/citizenSite.ts';
import { csv, BUDGET_2025 } from '../debts/roll.ts';
import { importBytes } from '../harness.ts';

const test = suite<{ site: CitizenSite }>('the back office: unmatched bank credits', {} as { site: CitizenSite });
const PASSWORD = 'μια φράση από λέξεις';
const ROLL = csv(
  'ΑΦΜ;ονοματεπώνυμο;αριθμός_βεβαίωσης;έτος;ΚΑΕ;αιτία;ποσό;ημερομηνία_βεβαίωσης;λήξη;δόσεις;προσαυξήσεις;είδος_οφειλέτη',
  '012481630;ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000102;2025;1512.001;Πρόστιμο ΚΟΚ;80,00;03/03/2025;02/05/2025;;;φυσικό πρόσωπο',
);
const STATEMENT = camtDocument({
  message: 'camt.053',
  statements: [
    {
      id: 'STMT-1',
      iban: 'GR1601101250000000012300695',
      entries: [
        { amount: '30.00', bookingDate: '2025-10-02', accountServicerRef: 'NORF1', debtorName: 'ΚΑΠΟΙΟΣ', unstructured: ['ΠΡΟΣΤΙΜΟ'] },
        { amount: '100.00', bookingDate: '2025-10-03', accountServicerRef: 'OVER1', creditorRef: rfOf({ rfCode: 'LIX' }, ['2025-000102']) },
      ],
    },
  ],
});

const caughtUp = async (site: CitizenSite): Promise<void> => {
  const head = await site.store.headPosition();
  while (site.runner.position() < head) await new Promise((resolve) => setTimeout(resolve, 10));
};

test.before.each(async (context) => {
  const site = await startCitizenSite();
  context.site = site;
  assert.ok((await importBytes(site.store, BUDGET_2025, { fileName: 'budget-2025.csv' })).accepted);
  await caughtUp(site);
  const personal = { keyring: site.keyring, subjectOf: (taxid: string) => subjectOf(site.services, taxid) };
  assert.ok((await importBytes(site.store, ROLL, { kind: 'debts', fileName: 'debts.csv', actor: 'εσόδων', personal })).accepted);
  const report = await importBytes(site.store, STATEMENT, { kind: 'bank-statement', fileName: 'statement.xml', actor: 'εσόδων', database: { client: site.db.client, schema: site.db.schema } });
  assert.equal([report.outcome, report.imported], ['imported', 2]);
  await caughtUp(site);
});
test.after.each(async ({ site }) => site.close());

const staffBrowser = async (site: CitizenSite, email: string, roles: string[]): Promise<Browser> => {
  const link = await createStaff({ client: site.db.client, schema: site.db.schema, store: site.store }, { email, name: 'Μαρία Βαλλιάνου', roles, actor: 'cli:test' });
  const browser = new Browser(site.app);
  const form = await browser.get(`/office/password/${link.token}`);
  await browser.post(`/office/password/${link.token}`, { _csrf: csrfOf(form.body), password: PASSWORD, repeated: PASSWORD });
  const login = await browser.get('/office/login');
  assert.is((await browser.post('/office/login', { _csrf: csrfOf(login.body), email, password: PASSWORD })).statusCode, 303);
  return browser;
};

const creditOf = (body: string, amount: string): string => {
  const row = body.split('<tr>').find((r) => r.includes(`${amount} EUR`)) ?? '';
  return /name="credit" value="([^"]+)"/.exec(row)?.[1] ?? '';
};

const paid = async (site: CitizenSite): Promise<string[]> =>
  (await site.store.readStream('debt-2025-000102')).filter((e) => e.type === 'DebtPaid').map((e) => (e.data as { amount: string }).amount);

test('the revenue clerk sees the credit with no RF and the excess, and assigns one to a debt by hand', async ({ site }) => {
  const clerk = await staffBrowser(site, 'esoda@lixouri.gr', ['revenue']);
  assert.match((await clerk.get('/office/')).body, 'href="/office/bank-credits"');
  const page = await clerk.get('/office/bank-credits');
  assert.is(page.statusCode, 200);
  assert.match(page.body, 'Πιστώσεις χωρίς αντιστοίχιση');
  assert.match(page.body, '30.00 EUR');
  assert.match(page.body, 'χωρίς RF');
  assert.match(page.body, '20.00 EUR');
  assert.match(page.body, 'υπόλοιπο μετά την εξόφληση');
  assert.not.match(page.body, 'ΚΑΠΟΙΟΣ');
  const english = await clerk.get('/en/office/bank-credits');
  assert.match(english.body, 'Unmatched bank credits');
  assert.match(english.body, 'no RF');

  // The debt is paid already (80.00 by the second credit): nothing to pay, refused, nothing changed.
  const refused = await clerk.post('/office/bank-credits/assign', { _csrf: csrfOf(page.body), credit: creditOf(page.body, '30.00'), debt: '2025-000102' });
  assert.is(refused.statusCode, 400);
  assert.match(refused.body, 'δεν έχει υπόλοιπο');
  const unknown = await clerk.post('/en/office/bank-credits/assign', { _csrf: csrfOf(page.body), credit: creditOf(page.body, '30.00'), debt: '2025-999999' });
  assert.is(unknown.statusCode, 400);
  assert.match(unknown.body, 'There is no such debt.');
  assert.equal(await paid(site), ['80.00']);
  const noCsrf = await clerk.post('/office/bank-credits/assign', { credit: creditOf(page.body, '30.00'), debt: '2025-000102' });
  assert.is(noCsrf.statusCode, 403);
});

test('an assignment pays the debt, takes the credit off the list and is in the audit trail', async ({ site }) => {
  // A second debt of the same person, still owed, to assign the credit with no RF to.
  const personal = { keyring: site.keyring, subjectOf: (taxid: string) => subjectOf(site.services, taxid) };
  const more = csv(
    'ΑΦΜ;ονοματεπώνυμο;αριθμός_βεβαίωσης;έτος;ΚΑΕ;αιτία;ποσό;ημερομηνία_βεβαίωσης;λήξη;δόσεις;προσαυξήσεις;είδος_οφειλέτη',
    '012481630;ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000103;2025;0351.001;Τέλη ύδρευσης;50,00;14/08/2025;30/09/2025;;;φυσικό πρόσωπο',
  );
  assert.ok((await importBytes(site.store, more, { kind: 'debts', fileName: 'debts-2.csv', actor: 'εσόδων', personal })).accepted);
  await caughtUp(site);
  const clerk = await staffBrowser(site, 'esoda@lixouri.gr', ['revenue']);
  const page = await clerk.get('/office/bank-credits');
  const done = await clerk.post('/office/bank-credits/assign', { _csrf: csrfOf(page.body), credit: creditOf(page.body, '30.00'), debt: ' 2025-000103 ' });
  assert.is(done.statusCode, 303);
  assert.is(done.headers.location, '/office/bank-credits?done=assigned');
  const paidNow = (await site.store.readStream('debt-2025-000103')).filter((e) => e.type === 'DebtPaid');
  assert.equal(paidNow.map((e) => [(e.data as { amount: string }).amount, e.metadata.actor?.startsWith('staff:')]), [['30.00', true]]);
  await caughtUp(site);
  const after = await clerk.get('/office/bank-credits?done=assigned');
  assert.match(after.body, 'Η πίστωση αποδόθηκε');
  assert.not.match(after.body, '30.00 EUR');
  assert.match(after.body, '20.00 EUR');
  const [audit] = await site.db.client.query<{ action: string; actor: string }>(`SELECT action, actor FROM "${site.db.schema}".od_staff_audit WHERE action = 'BankCreditAssigned'`);
  assert.is(audit?.action, 'BankCreditAssigned');
  assert.ok(audit?.actor.startsWith('staff:'));
});

test('staff without the revenue role, and visitors, see no credits', async ({ site }) => {
  const admin = await staffBrowser(site, 'admin@lixouri.gr', ['admin']);
  assert.is((await admin.get('/office/bank-credits')).statusCode, 403);
  const visitor = new Browser(site.app);
  const away = await visitor.get('/office/bank-credits');
  assert.is(away.statusCode, 303);
});

test.run();
