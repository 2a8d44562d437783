// The receipt of a bank transfer by e-mail (issue 15 item 6): a statement's credit that pays debts of a
// citizen with a verified address sends one receipt through the outbox to a real SMTP server, Greek first
// and English below, with what came in, each debt paid with its receipt number, what remains and any
// excess; a debtor with no verified address gets none; the statement imported again sends nothing more.
import { tmpdir } from 'node:os';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { rfOf } from '../../../src/api/debts/index.ts';
import { askToVerifyEmail, confirmEmail, logIn, subjectOf } from '../../../src/api/identity/index.ts';
import { createEmailTransport } from '../../../src/integrations/mail/index.ts';
import { dispatchPass, OUTBOX } from '../../../src/notify/index.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { camtDocument } from '../../support/doubles/bank/index.ts';
import type { SmtpDouble } from '../../support/doubles/smtp/index.ts';
import { startSmtpDouble } from '../../support/doubles/smtp/index.ts';
import { unusedWebhook } from '../../notify/support.ts';
import type { CitizenSite } from '../../web/identity/citizenSite.ts';
import { startCitizenSite } from '../../web/identity/citizenSite.ts';
import { BUDGET_2025, csv } from '../debts/roll.ts';
import { importBytes } from '../harness.ts';

const test = suite<{ site: CitizenSite; smtp: SmtpDouble }>('bank statement: the receipt by e-mail', {} as { site: CitizenSite; smtp: SmtpDouble });
const GEORGIOS = '012481630';
const ADDRESS = 'georgios@example.gr';
const ROLL = csv(
  'ΑΦΜ;ονοματεπώνυμο;αριθμός_βεβαίωσης;έτος;ΚΑΕ;αιτία;ποσό;ημερομηνία_βεβαίωσης;λήξη;δόσεις;προσαυξήσεις;είδος_οφειλέτη',
  `${GEORGIOS};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000101;2025;0351.001;Τέλη ύδρευσης;84,20;14/08/2025;30/09/2025;;4,21;φυσικό πρόσωπο`,
  `${GEORGIOS};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000102;2025;1512.001;Πρόστιμο ΚΟΚ;80,00;03/03/2025;02/05/2025;;;φυσικό πρόσωπο`,
  '047312951;ΓΕΡΑΚΗ ΕΛΕΝΗ;000201;2025;1512.001;Πρόστιμο ΚΟΚ;40,00;03/03/2025;02/05/2025;;;φυσικό πρόσωπο',
);
const STATEMENT = camtDocument({
  message: 'camt.053',
  version: '08',
  statements: [
    {
      id: 'STMT-2025-10-02',
      iban: 'GR1601101250000000012300695',
      entries: [
        { amount: '100.00', bookingDate: '2025-10-02', accountServicerRef: 'B1', creditorRef: rfOf({ rfCode: 'LIX' }, ['2025-000102']) },
        { amount: '30.00', bookingDate: '2025-10-02', accountServicerRef: 'B2', creditorRef: rfOf({ rfCode: 'LIX' }, ['2025-000101']) },
        { amount: '40.00', bookingDate: '2025-10-02', accountServicerRef: 'B3', creditorRef: rfOf({ rfCode: 'LIX' }, ['2025-000201']) },
      ],
    },
  ],
});

const caughtUp = async (site: CitizenSite): Promise<void> => {
  const head = await site.store.headPosition();
  while (site.runner.position() < head) await new Promise((resolve) => setTimeout(resolve, 10));
};

const importStatement = (site: CitizenSite) =>
  importBytes(site.store, STATEMENT, { kind: 'bank-statement', fileName: 'statement.xml', actor: 'εσόδων', database: { client: site.db.client, schema: site.db.schema } });

/** Delivers what the outbox holds to the SMTP double. */
const deliver = async ({ site, smtp }: { site: CitizenSite; smtp: SmtpDouble }): Promise<void> => {
  await caughtUp(site);
  const email = createEmailTransport({ smtpUrl: smtp.url, from: 'Δήμος Ληξουρίου <noreply@lixouri.gr>', dataDir: tmpdir() });
  try {
    await dispatchPass({ client: site.db.client, schema: site.db.schema, transports: { email, webhook: unusedWebhook } });
  } finally {
    await email.close();
  }
};

test.before(async (context) => {
  context.smtp = await startSmtpDouble();
});
test.after(async ({ smtp }) => smtp.close());
test.before.each(async (context) => {
  context.smtp.received.length = 0;
  const site = await startCitizenSite();
  context.site = site;
  assert.ok((await importBytes(site.store, BUDGET_2025, { fileName: 'budget-2025.csv' })).accepted);
  // Georgios has logged in and confirmed his address; Eleni, in the roll too, never gave one.
  const { subjectId } = await logIn(site.services, {
    userId: 'gpapad',
    taxid: GEORGIOS,
    lastName: 'ΠΑΠΑΔΑΤΟΣ',
    firstName: 'ΓΕΩΡΓΙΟΣ',
    fatherName: 'ΙΩΑΝΝΗΣ',
    motherName: 'ΜΑΡΙΑ',
    birthYear: 1970,
    kind: 'person',
  });
  await askToVerifyEmail(site.services, subjectId, ADDRESS);
  const requested = (await site.store.readStream(`citizen-${subjectId}`)).filter((e) => e.type === 'ContactEmailRequested').at(-1);
  const opened = await site.keyring.open<{ token: string }>(subjectId, String((requested!.data as { sealed: string }).sealed));
  await confirmEmail(site.services, subjectId, opened!.token);
  const personal = { keyring: site.keyring, subjectOf: (taxid: string) => subjectOf(site.services, taxid) };
  assert.ok((await importBytes(site.store, ROLL, { kind: 'debts', fileName: 'debts.csv', actor: 'εσόδων', personal })).accepted);
  // The link to confirm the address went out first: the receipts are what comes after.
  await deliver(context);
  context.smtp.received.length = 0;
});
test.after.each(async ({ site }) => site.close());

test('each credit that pays a debt of a citizen with a verified address sends one receipt, Greek first: paid, receipt, remaining, excess', async (context) => {
  const report = await importStatement(context.site);
  assert.equal([report.outcome, report.imported], ['imported', 3]);
  await deliver(context);
  const mails = context.smtp.received;
  assert.equal(mails.map((m) => m.to), [[ADDRESS], [ADDRESS]], 'two receipts, both to Georgios; none for Eleni');
  const bySubject = (amount: string) => mails.find((m) => m.parsed.subject?.startsWith(`Απόδειξη πληρωμής ${amount} €`));
  const fine = bySubject('80,00');
  assert.ok(fine, mails.map((m) => m.parsed.subject).join(' | '));
  assert.ok(fine.parsed.subject!.includes('Receipt for your payment of 80.00 €'));
  const fineText = fine.parsed.text ?? '';
  assert.ok(fineText.includes('Λάβαμε το έμβασμά σας 100,00 € της 02/10/2025 (αναφορά τράπεζας B1, RF'), fineText);
  assert.ok(fineText.includes('Βεβαίωση 000102/2025: 80,00 €, απόδειξη ΗΠ-B1, υπόλοιπο 0,00 €'), fineText);
  assert.ok(fineText.includes('Τα 20,00 € που περίσσεψαν θα τα εξετάσει η Υπηρεσία Εσόδων.'), fineText);
  assert.ok(fineText.includes('Assessment 000102/2025: 80.00 €, receipt ΗΠ-B1, remaining 0.00 €'), fineText);
  assert.ok(fineText.indexOf('Λάβαμε') < fineText.indexOf('We received'), 'Greek before English');
  const water = bySubject('30,00');
  assert.ok(water);
  const waterText = water.parsed.text ?? '';
  // 84.20 and 4.21 of surcharges, less the 30.00 paid.
  assert.ok(waterText.includes('Βεβαίωση 000101/2025: 30,00 €, απόδειξη ΗΠ-B2, υπόλοιπο 58,41 €'), waterText);
  assert.ok(waterText.includes('Remaining on these debts: 58.41 €.'), waterText);
  assert.not.ok(waterText.includes('περίσσεψαν'), 'no excess, no word of one');
});

test('the statement imported again sends no second receipt', async (context) => {
  assert.is((await importStatement(context.site)).imported, 3);
  await deliver(context);
  assert.is(context.smtp.received.length, 2);
  const again = await importStatement(context.site);
  assert.equal([again.outcome, again.imported, again.duplicates], ['nothing_new', 0, 3]);
  await deliver(context);
  assert.is(context.smtp.received.length, 2);
  const [row] = await context.site.db.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table(context.site.db.schema, OUTBOX)} WHERE key LIKE '%:email:receipt'`);
  assert.is(Number(row!.n), 2);
});

test.run();
