// The bank-statement import kind (issue 15 item 5): a camt.053 statement's booked credits pay the debts their
// RF names (imported first from a roll), partly in order of due date, the excess and what has no RF of ours
// recorded as unmatched for the revenue clerk; a statement imported twice pays nothing twice; a file that is
// not camt is refused whole with the reader's reason and changes nothing; the payer is nowhere in the log.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rfOf } from '../../../src/api/debts/index.ts';
import type { BankCreditUnmatched, DebtPaid } from '../../../src/domain/index.ts';
import { budgetProjection } from '../../../src/projections/ledger/index.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { settled } from '../../support/identity.ts';
import type { CamtEntry } from '../../support/doubles/bank/index.ts';
import { camtDocument } from '../../support/doubles/bank/index.ts';
import { allEvents, importBytes } from '../harness.ts';
import type { RollTest } from '../debts/roll.ts';
import { csv, debtEvents, withBudget, withRoll } from '../debts/roll.ts';

const GEORGIOS = '012481630';
const ROLL = csv(
  'ΑΦΜ;ονοματεπώνυμο;αριθμός_βεβαίωσης;έτος;ΚΑΕ;αιτία;ποσό;ημερομηνία_βεβαίωσης;λήξη;δόσεις;προσαυξήσεις;είδος_οφειλέτη',
  `${GEORGIOS};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000101;2025;0351.001;Τέλη ύδρευσης;84,20;14/08/2025;30/09/2025;;4,21;φυσικό πρόσωπο`,
  `${GEORGIOS};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000102;2025;1512.001;Πρόστιμο ΚΟΚ;80,00;03/03/2025;02/05/2025;;;φυσικό πρόσωπο`,
);
const RF_WATER = rfOf({ rfCode: 'LIX' }, ['2025-000101']);
const RF_FINE = rfOf({ rfCode: 'LIX' }, ['2025-000102']);
/** ISO 11649's own example: a valid RF, not ours. */
const RF_FOREIGN = 'RF18539007547034';
const PAYER = 'ΚΩΝΣΤΑΝΤΙΝΟΥ ΜΑΡΙΑ';
const PAYER_IBAN = 'GR9608100010000001234567890';

const credit = (ref: string, amount: string, rf?: string): CamtEntry => ({
  amount,
  bookingDate: '2025-10-02',
  accountServicerRef: ref,
  debtorName: PAYER,
  debtorIban: PAYER_IBAN,
  ...(rf === undefined ? {} : { creditorRef: rf }),
});

const statement = (...entries: CamtEntry[]): string =>
  camtDocument({ message: 'camt.053', version: '08', statements: [{ id: 'STMT-2025-10-02', iban: 'GR1601101250000000012300695', entries }] });

/** The budget of 2025 in the ledger and its read model (a collection needs its revenue line), and the roll. */
const setUp = async (t: RollTest): Promise<void> => {
  await withBudget(t);
  const runner = await startProjections({ client: t.client, store: t.store, schema: t.schema, projections: [budgetProjection] });
  try {
    await runner.caughtUp;
    await settled(t.store, runner);
  } finally {
    await runner.stop();
  }
  const roll = await t.importAs('debts', ROLL);
  assert.is(roll.outcome, 'imported');
};

const importStatement = (t: RollTest, xml: string) =>
  importBytes(t.store, xml, { kind: 'bank-statement', fileName: 'statement.xml', actor: 'εσόδων', database: { client: t.client, schema: t.schema } });

const paidOf = async (t: RollTest, assessment: string): Promise<string[]> =>
  (await debtEvents(t, 2025, assessment)).filter((e): e is DebtPaid => e.type === 'DebtPaid').map((e) => `${e.data.amount}/${e.data.channel}`);

const unmatchedOf = async (t: RollTest): Promise<string[]> =>
  (await allEvents(t.store)).filter((e) => e.type === 'BankCreditUnmatched').map((e) => {
    const d = (e as unknown as BankCreditUnmatched).data;
    return `${d.reason}:${d.amount}:${d.rf ?? ''}:${d.bankReference ?? ''}`;
  });

test(
  'bank statement: a credit short of its debt pays part of it; a selection pays the debt due first, then the next',
  withRoll(async (t) => {
    await setUp(t);
    const selection = rfOf({ rfCode: 'LIX' }, ['2025-000101', '2025-000102']);
    await t.client.query(`INSERT INTO ${table(t.schema, 'od_rf_selections')} (rf, subject_id, debts) VALUES ($1, $2, $3)`, [
      selection,
      await t.subject(GEORGIOS),
      JSON.stringify([{ year: 2025, assessment: '000101' }, { year: 2025, assessment: '000102' }]),
    ]);
    const report = await importStatement(t, statement(credit('B1', '50.00', RF_WATER), credit('B2', '100.00', selection)));
    assert.equal([report.accepted, report.outcome, report.rows, report.imported, report.duplicates, report.errors], [true, 'imported', 2, 2, 0, []]);
    // The fine (due 02/05) before the water bill (due 30/09): 80.00, then 20.00 of what 50.00 left of 88.41.
    assert.equal(await paidOf(t, '000102'), ['80.00/bank']);
    assert.equal(await paidOf(t, '000101'), ['50.00/bank', '20.00/bank']);
    assert.equal(await unmatchedOf(t), []);
    const collected = (await allEvents(t.store)).filter((e) => e.type === 'RevenueCollected' && e.metadata.importId === report.importId);
    assert.is(collected.length, 3);
  }),
);

test(
  'bank statement: more than the debt owes pays it whole and records the excess for the clerk',
  withRoll(async (t) => {
    await setUp(t);
    const report = await importStatement(t, statement(credit('B3', '100.00', RF_FINE)));
    assert.equal([report.outcome, report.imported], ['imported', 1]);
    assert.equal(await paidOf(t, '000102'), ['80.00/bank']);
    assert.equal(await unmatchedOf(t), [`excess:20.00:${RF_FINE}:B3`]);
  }),
);

test(
  'bank statement: two credits of one file for the same debt: the second pays what the first left, and its excess waits for the clerk',
  withRoll(async (t) => {
    await setUp(t);
    const report = await importStatement(t, statement(credit('E1', '60.00', RF_FINE), credit('E2', '30.00', RF_FINE)));
    assert.equal([report.outcome, report.imported], ['imported', 2]);
    assert.equal(await paidOf(t, '000102'), ['60.00/bank', '20.00/bank']);
    assert.equal(await unmatchedOf(t), [`excess:10.00:${RF_FINE}:E2`]);
    const applied = (await allEvents(t.store)).filter((e) => e.type === 'BankCreditApplied').map((e) => {
      const d = e.data as { paid: string; excess: string; debts: { receipt: string; remaining: string }[] };
      return `${d.paid}/${d.excess}/${d.debts.map((x) => `${x.receipt}:${x.remaining}`).join(',')}`;
    });
    assert.equal(applied, ['60.00/0.00/ΗΠ-E1:20.00', '20.00/10.00/ΗΠ-E2:0.00']);
  }),
);

test(
  'bank statement: imported twice, the second pays nothing and records nothing but its ImportRecorded',
  withRoll(async (t) => {
    await setUp(t);
    const xml = statement(credit('B4', '30.00', RF_WATER), credit('B5', '100.00', RF_FINE), credit('B6', '5.00'));
    const first = await importStatement(t, xml);
    assert.equal([first.outcome, first.imported], ['imported', 3]);
    const before = (await allEvents(t.store)).length;
    const second = await importStatement(t, xml);
    assert.equal([second.accepted, second.outcome, second.rows, second.imported, second.duplicates], [true, 'nothing_new', 3, 0, 3]);
    const after = await allEvents(t.store);
    assert.equal(after.slice(before).map((e) => e.type), ['ImportRecorded']);
    assert.equal(await paidOf(t, '000101'), ['30.00/bank']);
    assert.equal(await paidOf(t, '000102'), ['80.00/bank']);
    assert.is((await unmatchedOf(t)).length, 2);
  }),
);

test(
  'bank statement: credits with no RF, a foreign RF or an RF of ours that names no debt are unmatched; debits and pending entries pay nothing',
  withRoll(async (t) => {
    await setUp(t);
    const unknown = rfOf({ rfCode: 'LIX' }, ['2025-999999']);
    const report = await importStatement(
      t,
      statement(credit('C1', '12.50'), credit('C2', '40.00', RF_FOREIGN), credit('C3', '7.00', unknown), { ...credit('C4', '9.00', RF_WATER), creditDebit: 'DBIT' }, {
        ...credit('C5', '9.00', RF_WATER),
        status: 'PDNG',
      }),
    );
    assert.equal([report.outcome, report.rows, report.imported], ['imported', 3, 3]);
    assert.equal((await unmatchedOf(t)).sort(), ['foreign_rf:40.00:RF18539007547034:C2', 'no_rf:12.50::C1', `unknown_debt:7.00:${unknown}:C3`]);
    assert.equal(await paidOf(t, '000101'), []);
  }),
);

test(
  'bank statement: a file that is not XML, or XML that is not camt, is refused whole with the reason in Greek and English',
  withRoll(async (t) => {
    await setUp(t);
    const before = (await allEvents(t.store)).length;
    for (const [bytes, code] of [
      ['ΑΦΜ;ποσό\r\n012481630;10,00\r\n', 'OD_CAMT_NOT_XML'],
      ['<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>', 'OD_CAMT_NOT_CAMT'],
    ] as const) {
      const report = await importStatement(t, bytes);
      assert.equal([report.accepted, report.outcome, report.imported], [false, 'rejected', 0]);
      assert.equal(report.errors.map((e) => e.code), [code]);
      assert.match(report.errors[0]!.message_el, /αρχείο/);
      assert.match(report.errors[0]!.message_en, /file/);
    }
    assert.equal((await allEvents(t.store)).slice(before).map((e) => e.type), ['ImportRecorded', 'ImportRecorded']);
  }),
);

test(
  "bank statement: the payer's name and IBAN are nowhere in the log",
  withRoll(async (t) => {
    await setUp(t);
    await importStatement(t, statement(credit('D1', '10.00', RF_WATER), credit('D2', '10.00'), credit('D3', '10.00', RF_FOREIGN)));
    const log = JSON.stringify(await allEvents(t.store));
    assert.not.ok(log.includes(PAYER));
    assert.not.ok(log.includes(PAYER_IBAN));
  }),
);

test.run();
