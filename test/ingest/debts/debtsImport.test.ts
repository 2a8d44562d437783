// The debt roll and its adjustments through the one import (issue 15 item 1): the same conventions as the
// transactions export (Greek or English headers, UTF-8 with or without BOM or Windows-1253, `;` or `,`,
// decimal comma), all or nothing with every bad row reported by line, column and el/en message, nothing new
// on a second import; the debtor's ΑΦΜ, name and the reason sealed with the debtor's own key, one subject per
// ΑΦΜ, the one a login finds; refused without the installation's keyring. Then the debts read model.
import { Decimal } from 'decimal.js';
import iconv from 'iconv-lite';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DebtAdjusted, DebtAssessed, DebtDetails, DebtSettled } from '../../../src/domain/index.ts';
import { debtsOf } from '../../../src/projections/debts/index.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { SUBJECTS } from '../../../src/api/identity/index.ts';
import { eventCount, findInClear, holdsInClear } from '../../support/identity.ts';
import { decideFile } from '../../../src/ingest/decideFile.ts';
import { importKindNamed } from '../../../src/ingest/kinds.ts';
import { ledgerState } from '../../../src/ingest/ledgerState.ts';
import type { CsvRecord } from '../../../src/ingest/readRecords.ts';
import { shippedClassifications } from '../../../src/ingest/shippedClassifications.ts';
import type { SpooledEvent } from '../../../src/ingest/spool.ts';
import { allEvents, errorsOf } from '../harness.ts';
import type { RollTest } from './roll.ts';
import { csv, debtEvents, withBudget, withRoll } from './roll.ts';

/** The stand-in's fixture people (src/integrations/taxisnet/standInPeople.ts): valid ΑΦΜ. */
const GEORGIOS = '012481630';
const ELENI = '047312951';
const COMPANY = '801234560';

const GREEK_HEADER = 'ΑΦΜ;ονοματεπώνυμο;αριθμός_βεβαίωσης;έτος;ΚΑΕ;αιτία;ποσό;ημερομηνία_βεβαίωσης;λήξη;δόσεις;προσαυξήσεις;είδος_οφειλέτη';
const ROLL = csv(
  GREEK_HEADER,
  `${GEORGIOS};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000101;2025;0351.001;Τέλη ύδρευσης Α΄ εξαμήνου 2025;84,20;14/08/2025;30/09/2025;;4,21;φυσικό πρόσωπο`,
  `${GEORGIOS};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000102;2025;1512.001;Πρόστιμο ΚΟΚ;80,00;03/03/2025;02/05/2025;;;φυσικό πρόσωπο`,
  `${COMPANY};ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.;000103;2025;0461.001;"Τέλη χρήσης κοινόχρηστου χώρου; λιμάνι Ληξουρίου";1.240,50;10/01/2025;31/01/2025;2;;νομικό πρόσωπο`,
);

/** The same roll as an international-style export: English headers in another order, `,`, points, ISO dates. */
const ROLL_ENGLISH = csv(
  'assessment,year,afm,name,kae,amount,surcharges,instalments,assessed_on,due_on,debtor_kind,reason',
  `000101,2025,${GEORGIOS},ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ,0351.001,84.20,4.21,,2025-08-14,2025-09-30,person,Τέλη ύδρευσης Α΄ εξαμήνου 2025`,
  `000102,2025,${GEORGIOS},ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ,1512.001,80,,,2025-03-03,2025-05-02,person,Πρόστιμο ΚΟΚ`,
  `000103,2025,${COMPANY},ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.,0461.001,1240.50,,2,2025-01-10,2025-01-31,company,Τέλη χρήσης κοινόχρηστου χώρου; λιμάνι Ληξουρίου`,
);

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const assessed = async (t: RollTest, assessment: string): Promise<DebtAssessed['data']> => {
  const [event, ...more] = await debtEvents(t, 2025, assessment);
  assert.is(event?.type, 'DebtAssessed');
  assert.is(more.length, 0);
  return (event as DebtAssessed).data;
};

test(
  'debts: a Greek roll (UTF-8, `;`, decimal comma) goes in, each row a DebtAssessed of the debtor\'s subject, what it said sealed with their key',
  withRoll(async (t) => {
    await withBudget(t);
    const report = await t.importAs('debts', ROLL);
    assert.equal([report.accepted, report.outcome, report.rows, report.imported, report.duplicates, report.errors], [true, 'imported', 3, 3, 0, []]);
    const georgios = await t.subject(GEORGIOS);
    const company = await t.subject(COMPANY);
    const water = await assessed(t, '000101');
    assert.equal({ ...water, sealed: '', contentHash: '' }, {
      subjectId: georgios,
      debtorKind: 'person',
      year: 2025,
      assessment: '000101',
      kae: '0351.001',
      amount: '84.20',
      surcharges: '4.21',
      assessedOn: '2025-08-14',
      dueOn: '2025-09-30',
      instalments: null,
      contentHash: '',
      sealed: '',
    });
    assert.equal(await t.keyring.open<DebtDetails>(georgios, water.sealed), { taxid: GEORGIOS, name: 'ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ', reason: 'Τέλη ύδρευσης Α΄ εξαμήνου 2025' });
    assert.is(await t.keyring.open<DebtDetails>(company, water.sealed), null, "sealed with the debtor's key: another subject's opens nothing");
    const fine = await assessed(t, '000102');
    assert.equal([fine.amount, fine.surcharges, fine.dueOn], ['80.00', '0.00', '2025-05-02'], 'no surcharges is zero');
    const harbour = await assessed(t, '000103');
    assert.equal([harbour.subjectId, harbour.debtorKind, harbour.amount, harbour.instalments], [company, 'company', '1240.50', 2]);
    assert.equal(await t.keyring.open<DebtDetails>(company, harbour.sealed), { taxid: COMPANY, name: 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.', reason: 'Τέλη χρήσης κοινόχρηστου χώρου; λιμάνι Ληξουρίου' });
  }),
);

test(
  'debts: the same roll in English headers and `,`, with a BOM, or in Windows-1253, is the same roll: every row a duplicate',
  withRoll(async (t) => {
    await withBudget(t);
    assert.is((await t.importAs('debts', ROLL)).imported, 3);
    const variants: [string, Buffer][] = [
      ['English, `,`, points, ISO dates', Buffer.from(ROLL_ENGLISH)],
      ['UTF-8 with BOM', Buffer.concat([BOM, Buffer.from(ROLL)])],
      ['English with BOM', Buffer.concat([BOM, Buffer.from(ROLL_ENGLISH)])],
      ['Windows-1253', iconv.encode(ROLL, 'windows-1253')],
      ['Windows-1253, English headers', iconv.encode(ROLL_ENGLISH, 'windows-1253')],
    ];
    for (const [name, bytes] of variants) {
      const report = await t.importAs('debts', bytes);
      assert.equal([report.accepted, report.outcome, report.imported, report.duplicates, errorsOf(report)], [true, 'nothing_new', 0, 3, []], name);
    }
    assert.is((await debtEvents(t, 2025, '000103')).length, 1);
  }),
);

test(
  'debts: a Windows-1253 roll on its own goes in with the Greek read right',
  withRoll(async (t) => {
    await withBudget(t);
    const report = await t.importAs('debts', iconv.encode(ROLL, 'windows-1253'));
    assert.equal([report.accepted, report.imported], [true, 3]);
    const water = await assessed(t, '000101');
    const opened = await t.keyring.open<DebtDetails>(await t.subject(GEORGIOS), water.sealed);
    assert.is(opened?.reason, 'Τέλη ύδρευσης Α΄ εξαμήνου 2025');
  }),
);

test(
  'debts: re-importing the roll adds nothing but the audit record; a row repeated in the file is a duplicate',
  withRoll(async (t) => {
    await withBudget(t);
    const first = await t.importAs('debts', ROLL);
    assert.is(first.imported, 3);
    const head = await t.store.headPosition();
    const again = await t.importAs('debts', ROLL);
    assert.equal([again.accepted, again.outcome, again.imported, again.duplicates], [true, 'nothing_new', 0, 3]);
    assert.is(await t.store.headPosition(), head + 1, 'only its ImportRecorded');
    const doubled = csv(...ROLL.trimEnd().split('\r\n'), ROLL.split('\r\n')[1]!, `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000104;2025;0441.002;ΤΑΠ 2025;35,00;01/12/2025;31/12/2025;;;φυσικό πρόσωπο`);
    const more = await t.importAs('debts', doubled);
    assert.equal([more.outcome, more.rows, more.imported, more.duplicates], ['imported', 5, 1, 4]);
  }),
);

test(
  'debts: one bad row rejects the file; every bad row is reported with its line, column and a Greek and an English message',
  withRoll(async (t) => {
    await withBudget(t);
    assert.is((await t.importAs('debts', ROLL)).imported, 3);
    const before = await eventCount(t.client, t.schema);
    const bad = csv(
      GREEK_HEADER,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000201;2025;0441.002;ΤΑΠ 2025;35,00;01/12/2025;31/12/2025;;;φυσικό πρόσωπο`,
      `012481631;ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000202;2025;0351.001;Τέλη ύδρευσης;10,00;14/08/2025;30/09/2025;;;`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000203;2025;0351.001;Τέλη ύδρευσης;12,3,4;14/08/2025;30/09/2025;;;`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000204;2025;0351.001;Τέλη ύδρευσης;-12,00;14/08/2025;30/09/2025;;;`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000205;2025;0111.001;Μίσθωμα αίθουσας;50,00;14/08/2025;30/09/2025;;;`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000206;2025;20-6641;Καύσιμα;50,00;14/08/2025;30/09/2025;;;`,
      `${GEORGIOS};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000101;2025;0351.001;Τέλη ύδρευσης Α΄ εξαμήνου 2025;94,20;14/08/2025;30/09/2025;;4,21;φυσικό πρόσωπο`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000207;2025;0351.001;Τέλη ύδρευσης;10,00;14/08/2025;30/07/2025;;;`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000208;2024;0351.001;Τέλη ύδρευσης;10,00;14/08/2025;30/09/2025;;;`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000209;2025;0351.001;Τέλη ύδρευσης;10,00;31/02/2025;30/09/2025;;;`,
      `${ELENI};;000210;2025;0351.001;Τέλη ύδρευσης;10,00;14/08/2025;30/09/2025;;;`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000201;2025;0351.001;Άλλη αιτία;10,00;14/08/2025;30/09/2025;;;φυσικό`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000211;2025;0351.001;Τέλη ύδρευσης;10,00;14/08/2025;30/09/2025;;;κάτι άλλο`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000212;2025;0351.001;Τέλη ύδρευσης;10,00;14/08/2025;30/09/2025;;-1,00;`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000213;2025;0351.001;Τέλη ύδρευσης;10,00;14/08/2025;30/09/2025;0;;`,
    );
    const report = await t.importAs('debts', bad);
    assert.is(report.accepted, false);
    assert.is(report.outcome, 'rejected');
    assert.equal(errorsOf(report), [
      '3:afm:OD_AFM_INVALID',
      '4:amount:OD_AMOUNT_INVALID',
      '5:amount:OD_DEBT_AMOUNT_NOT_POSITIVE',
      '6:kae:OD_DEBT_KAE_UNKNOWN',
      '7:kae:OD_DEBT_KAE_NOT_REVENUE',
      '8:assessment:OD_DEBT_CONFLICT',
      '9:due_on:OD_DEBT_DUE_BEFORE_ASSESSED',
      '10:year:OD_DEBT_YEAR_MISMATCH',
      '11:assessed_on:OD_DATE_INVALID',
      '12:name:OD_VALUE_MISSING',
      '13:assessment:OD_DEBT_CONFLICT',
      '14:debtor_kind:OD_DEBTOR_KIND_UNKNOWN',
      '15:surcharges:OD_DEBT_SURCHARGES_NEGATIVE',
      '16:instalments:OD_DEBT_INSTALMENTS_INVALID',
    ]);
    for (const error of report.errors) {
      assert.ok(error.message_el.length > 0 && error.message_en.length > 0 && error.message_el !== error.message_en, `${error.line}: Greek and English`);
    }
    assert.ok(report.errors.find((e) => e.code === 'OD_DEBT_KAE_UNKNOWN')!.message_el.includes('0111.001'), 'the message names the ΚΑΕ');
    assert.is(await eventCount(t.client, t.schema), before + 1, 'nothing recorded but the import itself');
    assert.is((await debtEvents(t, 2025, '000201')).length, 0, 'not even the good row');
  }),
);

test(
  'debts: a roll prepared in several chunks (each while the one before is decided) sees its own earlier rows and reports every bad row',
  withRoll(async (t) => {
    await withBudget(t);
    const row = (afm: string, assessment: string, amount: string) => `${afm};ΟΦΕΙΛΕΤΗΣ;${assessment};2025;0351.001;Τέλη ύδρευσης;${amount};14/08/2025;30/09/2025;;;`;
    // More rows than decideFile prepares at once (5,000), twice over: the repeats fall in the third chunk.
    const rows = Array.from({ length: 12_000 }, (_, i) => row(i % 2 === 0 ? ELENI : GEORGIOS, `A${i}`, '10,00'));
    const lines = [GREEK_HEADER, ...rows, row(ELENI, 'A0', '10,00'), row(GEORGIOS, 'A1', '11,00'), row('012481631', 'A99999', '10,00')];
    // A thousand records at a time, as a file read from disk comes.
    async function* chunks(): AsyncGenerator<CsvRecord[]> {
      for (let i = 0; i < lines.length; i += 1_000) yield lines.slice(i, i + 1_000).map((text, k) => ({ line: i + k + 1, fields: text.split(';') }));
    }
    const events: SpooledEvent[] = [];
    const ledger = ledgerState(t.store, await shippedClassifications(), new Map(), t.personal);
    const decision = await decideFile(chunks(), importKindNamed('debts'), ledger, async (event) => void events.push(event));
    assert.equal([decision.rows, decision.imported, decision.duplicates, decision.refused], [12_003, 12_000, 1, 2]);
    assert.equal(decision.issues.map((issue) => `${issue.line}:${issue.column}:${issue.code}`), ['12003:assessment:OD_DEBT_CONFLICT', '12004:afm:OD_AFM_INVALID']);
    assert.is(new Set(events.map((event) => event.stream)).size, 12_000);
    const subjects = new Set(events.map((event) => (event.data as DebtAssessed['data']).subjectId));
    assert.equal(subjects, new Set([await t.subject(ELENI), await t.subject(GEORGIOS)]), 'one subject per ΑΦΜ across the chunks');
    // Through the whole import: refused, nothing recorded but the import; without the bad rows, all of it.
    const before = await eventCount(t.client, t.schema);
    assert.is((await t.importAs('debts', csv(...lines))).outcome, 'rejected');
    assert.is(await eventCount(t.client, t.schema), before + 1);
    const good = await t.importAs('debts', csv(...lines.slice(0, -2)));
    assert.equal([good.outcome, good.imported, good.duplicates], ['imported', 12_000, 1]);
  }),
);

test(
  'debts: a ΚΑΕ of a year the ledger does not hold is checked by its class: revenue goes in, expense is refused',
  withRoll(async (t) => {
    await withBudget(t);
    const arrears = csv(
      GREEK_HEADER,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000301;2024;0111.001;Μίσθωμα αίθουσας 2024;50,00;14/08/2024;30/09/2024;;;`,
      `${ELENI};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000302;2024;20-6641;Καύσιμα;50,00;14/08/2024;30/09/2024;;;`,
    );
    assert.equal(errorsOf(await t.importAs('debts', arrears)), ['3:kae:OD_DEBT_KAE_NOT_REVENUE']);
    assert.is((await t.importAs('debts', csv(...arrears.trimEnd().split('\r\n').slice(0, 2)))).imported, 1);
  }),
);

test(
  'debts: the stored events hold no ΑΦΜ, name or reason in the clear, nor does any table',
  withRoll(async (t) => {
    await withBudget(t);
    assert.is((await t.importAs('debts', ROLL)).imported, 3);
    const adjustments = csv(
      'αριθμός_βεβαίωσης;έτος;ενέργεια;ποσό;δόσεις;αιτία;ΑΔΑ;ημερομηνία',
      '000101;2025;μείωση;20,00;;Διόρθωση κατανάλωσης μετά από έλεγχο υδρομέτρου;ΨΖ4Χ46ΜΛΩ6-ΑΒΓ;15/10/2025',
    );
    assert.is((await t.importAs('debt-adjustments', adjustments)).imported, 1);
    const needles = [GEORGIOS, COMPANY, 'ΠΑΠΑΔΑΤΟΣ', 'ΑΛΙΕΥΤΙΚΗ', 'Τέλη ύδρευσης', 'Πρόστιμο ΚΟΚ', 'λιμάνι', 'υδρομέτρου'];
    const events = await allEvents(t.store);
    assert.ok(events.some((e) => e.type === 'DebtAssessed') && events.some((e) => e.type === 'DebtAdjusted'));
    const stored = JSON.stringify(events);
    assert.equal(needles.filter((needle) => holdsInClear(stored, needle)), [], 'in the events');
    assert.equal(await findInClear(t.client, t.schema, needles), [], 'in any table');
    // The scan would see them: the same needles are found where they are in the clear.
    assert.ok(holdsInClear(JSON.stringify({ name: 'ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ', taxid: GEORGIOS }), GEORGIOS));
  }),
);

test(
  'debts: the same ΑΦΜ twice in a file is one subject, the one its login later finds',
  withRoll(async (t) => {
    await withBudget(t);
    assert.is((await t.importAs('debts', ROLL)).imported, 3);
    const [water, fine] = [await assessed(t, '000101'), await assessed(t, '000102')];
    assert.is(water.subjectId, fine.subjectId);
    assert.is.not(water.subjectId, (await assessed(t, '000103')).subjectId);
    const [row] = await t.client.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${table(t.schema, SUBJECTS)}`);
    assert.is(Number(row!.n), 2, 'two ΑΦΜ, two subjects');
    assert.is(await t.subject(GEORGIOS), water.subjectId, "the login's subject of the ΑΦΜ");
  }),
);

test(
  'debts: a citizen who logged in before the roll finds the roll under their own subject',
  withRoll(async (t) => {
    await withBudget(t);
    const known = await t.subject(GEORGIOS);
    assert.is((await t.importAs('debts', ROLL)).imported, 3);
    assert.is((await assessed(t, '000101')).subjectId, known);
  }),
);

test(
  'debts: without the keyring (no personal data given) the roll and its adjustments are refused, nothing recorded',
  withRoll(async (t) => {
    await withBudget(t);
    const before = await eventCount(t.client, t.schema);
    const report = await t.importAs('debts', ROLL, { personal: undefined });
    assert.is(report.accepted, false);
    assert.ok(report.errors.length > 0 && report.errors.every((e) => e.code === 'OD_PERSONAL_DATA_UNAVAILABLE'), JSON.stringify(errorsOf(report)));
    assert.ok(report.errors.every((e) => /κλειδοθήκη/.test(e.message_el) && /keyring/.test(e.message_en)));
    const adjustments = await t.importAs('debt-adjustments', csv('αριθμός_βεβαίωσης;έτος;ενέργεια;ποσό;δόσεις;αιτία;ΑΔΑ;ημερομηνία', '000101;2025;μείωση;20,00;;;ΨΖ4Χ46ΜΛΩ6-ΑΒΓ;15/10/2025'), {
      personal: undefined,
    });
    assert.equal(errorsOf(adjustments), ['2::OD_PERSONAL_DATA_UNAVAILABLE']);
    assert.is(await eventCount(t.client, t.schema), before + 2, 'the two imports recorded, nothing else');
  }),
);

const ADJUSTMENTS_HEADER = 'αριθμός_βεβαίωσης;έτος;ενέργεια;ποσό;δόσεις;αιτία;ΑΔΑ;ημερομηνία';
const ADJUSTMENTS = csv(
  ADJUSTMENTS_HEADER,
  '000101;2025;μείωση;20,00;;Διόρθωση κατανάλωσης μετά από έλεγχο υδρομέτρου;ΨΖ4Χ46ΜΛΩ6-ΑΒΓ;15/10/2025',
  '000102;2025;ρύθμιση;;4;Ρύθμιση σε 4 δόσεις;Ω7ΛΚ46ΜΛΩ6-Π2Σ;10/06/2025',
  '000103;2025;διαγραφή;0,50;;Διαγραφή υπολοίπου στρογγυλοποίησης;ΩΞΧ946ΜΛΩ6-7Γ4;01/02/2025',
);

test(
  'debt-adjustments: a reduction, a settlement and a write-off go in against their debts; again, nothing new',
  withRoll(async (t) => {
    await withBudget(t);
    assert.is((await t.importAs('debts', ROLL)).imported, 3);
    const report = await t.importAs('debt-adjustments', ADJUSTMENTS);
    assert.equal([report.accepted, report.imported, report.errors], [true, 3, []]);
    const georgios = await t.subject(GEORGIOS);
    const [, reduction] = await debtEvents(t, 2025, '000101');
    assert.equal({ ...(reduction as DebtAdjusted).data, sealed: '', contentHash: '' }, {
      subjectId: georgios,
      year: 2025,
      assessment: '000101',
      adjustment: 'reduction',
      amount: '20.00',
      ada: 'ΨΖ4Χ46ΜΛΩ6-ΑΒΓ',
      decidedOn: '2025-10-15',
      contentHash: '',
      sealed: '',
    });
    assert.equal(await t.keyring.open(georgios, (reduction as DebtAdjusted).data.sealed), { reason: 'Διόρθωση κατανάλωσης μετά από έλεγχο υδρομέτρου' });
    const [, settlement] = await debtEvents(t, 2025, '000102');
    assert.equal((settlement as DebtSettled).data.plan, [
      { number: 1, dueOn: '2025-07-10', amount: '20.00' },
      { number: 2, dueOn: '2025-08-10', amount: '20.00' },
      { number: 3, dueOn: '2025-09-10', amount: '20.00' },
      { number: 4, dueOn: '2025-10-10', amount: '20.00' },
    ]);
    const [, writeOff] = await debtEvents(t, 2025, '000103');
    assert.equal([(writeOff as DebtAdjusted).data.adjustment, (writeOff as DebtAdjusted).data.amount], ['write-off', '0.50']);
    const english = csv(
      'year,assessment,action,amount,instalments,reason,ada,date',
      '2025,000101,reduction,20.00,,Διόρθωση κατανάλωσης μετά από έλεγχο υδρομέτρου,ΨΖ4Χ46ΜΛΩ6-ΑΒΓ,2025-10-15',
      '2025,000102,settlement,,4,Ρύθμιση σε 4 δόσεις,Ω7ΛΚ46ΜΛΩ6-Π2Σ,2025-06-10',
      '2025,000103,write-off,0.50,,Διαγραφή υπολοίπου στρογγυλοποίησης,ΩΞΧ946ΜΛΩ6-7Γ4,2025-02-01',
    );
    for (const [name, bytes] of [['again', Buffer.from(ADJUSTMENTS)], ['English', Buffer.from(english)], ['Windows-1253', iconv.encode(ADJUSTMENTS, 'windows-1253')]] as const) {
      const again = await t.importAs('debt-adjustments', bytes);
      assert.equal([again.outcome, again.imported, again.duplicates, errorsOf(again)], ['nothing_new', 0, 3, []], name);
    }
  }),
);

test(
  'debt-adjustments: refused rows, each with line, column and messages; one refused row rejects the file',
  withRoll(async (t) => {
    await withBudget(t);
    assert.is((await t.importAs('debts', ROLL)).imported, 3);
    assert.is((await t.importAs('debt-adjustments', ADJUSTMENTS)).imported, 3);
    const before = await eventCount(t.client, t.schema);
    const bad = csv(
      ADJUSTMENTS_HEADER,
      '000103;2025;μείωση;100,00;;Μείωση μετά από ένσταση;ΒΓ4Δ46ΜΛΩ6-1Ε2;01/03/2025',
      '000101;2025;μείωση;68,42;;Πάνω από το υπόλοιπο;ΒΓ4Δ46ΜΛΩ6-1Ε3;20/10/2025',
      '009999;2025;μείωση;1,00;;Άγνωστη βεβαίωση;ΒΓ4Δ46ΜΛΩ6-1Ε4;20/10/2025',
      '000101;2025;μείωση;1,00;;Λάθος ΑΔΑ;όχι-ΑΔΑ!;20/10/2025',
      '000101;2025;ακύρωση;1,00;;Άγνωστη ενέργεια;ΒΓ4Δ46ΜΛΩ6-1Ε5;20/10/2025',
      '000101;2025;ρύθμιση;;;Ρύθμιση χωρίς δόσεις;ΒΓ4Δ46ΜΛΩ6-1Ε6;20/10/2025',
      '000101;2025;μείωση;25,00;;Άλλη διόρθωση με την ίδια απόφαση;ΨΖ4Χ46ΜΛΩ6-ΑΒΓ;15/10/2025',
      '000102;2025;ρύθμιση;;6;Δεύτερη ρύθμιση;ΒΓ4Δ46ΜΛΩ6-1Ε7;20/10/2025',
      '000101;2025;διαγραφή;-5,00;;Αρνητικό ποσό;ΒΓ4Δ46ΜΛΩ6-1Ε8;20/10/2025',
      '000101;2025;ρύθμιση;;1;Μία δόση;ΒΓ4Δ46ΜΛΩ6-1Ε9;20/10/2025',
    );
    const report = await t.importAs('debt-adjustments', bad);
    assert.is(report.accepted, false);
    assert.equal(errorsOf(report), [
      '3:amount:OD_DEBT_ADJUSTMENT_EXCEEDS',
      '4:assessment:OD_DEBT_UNKNOWN',
      '5:ada:OD_ADA_INVALID',
      '6:action:OD_ACTION_UNKNOWN',
      '7:instalments:OD_DEBT_INSTALMENTS_INVALID',
      '8:ada:OD_DEBT_ADJUSTMENT_CONFLICT',
      '9:ada:OD_DEBT_SETTLED_ALREADY',
      '10:amount:OD_DEBT_AMOUNT_NOT_POSITIVE',
      '11:instalments:OD_DEBT_INSTALMENTS_INVALID',
    ]);
    const exceeds = report.errors.find((e) => e.code === 'OD_DEBT_ADJUSTMENT_EXCEEDS')!;
    assert.ok(exceeds.message_el.includes('68.41') && exceeds.message_en.includes('68.41'), 'says what remains');
    for (const error of report.errors) assert.ok(error.message_el !== error.message_en && error.message_el.length > 0 && error.message_en.length > 0);
    assert.is(await eventCount(t.client, t.schema), before + 1, 'nothing but the import record; not even line 2');
  }),
);

test(
  'debts read model: each debt with its reason opened, what remains, the plan; status on a given day',
  withRoll(async (t) => {
    await withBudget(t);
    assert.is((await t.importAs('debts', ROLL)).imported, 3);
    assert.is((await t.importAs('debt-adjustments', ADJUSTMENTS)).imported, 3);
    await t.project();
    const georgios = await t.subject(GEORGIOS);
    const mine = await debtsOf(t.client, t.schema, georgios, '2025-07-01');
    const view = mine.map((d) => ({
      assessment: d.assessment,
      reason: d.reason,
      kae: d.kae,
      amount: d.amount.toFixed(2),
      surcharges: d.surcharges.toFixed(2),
      reduced: d.reduced.toFixed(2),
      remaining: d.remaining.toFixed(2),
      dueOn: d.dueOn,
      plan: d.plan?.map((i) => `${i.dueOn} ${i.amount}`) ?? null,
      settlementAda: d.settlementAda,
      status: d.status,
    }));
    assert.equal(view, [
      {
        assessment: '000101',
        reason: 'Τέλη ύδρευσης Α΄ εξαμήνου 2025',
        kae: '0351.001',
        amount: '84.20',
        surcharges: '4.21',
        reduced: '20.00',
        remaining: '68.41',
        dueOn: '2025-09-30',
        plan: null,
        settlementAda: null,
        status: 'due',
      },
      {
        assessment: '000102',
        reason: 'Πρόστιμο ΚΟΚ',
        kae: '1512.001',
        amount: '80.00',
        surcharges: '0.00',
        reduced: '0.00',
        remaining: '80.00',
        dueOn: '2025-05-02',
        plan: ['2025-07-10 20.00', '2025-08-10 20.00', '2025-09-10 20.00', '2025-10-10 20.00'],
        settlementAda: 'Ω7ΛΚ46ΜΛΩ6-Π2Σ',
        status: 'instalments',
      },
    ]);
    assert.equal((await debtsOf(t.client, t.schema, georgios, '2025-10-01')).map((d) => d.status), ['overdue', 'overdue'], 'past due; a settlement instalment missed');
    const company = await debtsOf(t.client, t.schema, await t.subject(COMPANY), '2025-01-20');
    assert.equal(
      company.map((d) => [d.assessment, d.debtorKind, d.reason, d.writtenOff.toFixed(2), d.remaining.toFixed(2), d.plan?.map((i) => `${i.dueOn} ${i.amount}`), d.status]),
      [['000103', 'company', 'Τέλη χρήσης κοινόχρηστου χώρου; λιμάνι Ληξουρίου', '0.50', '1240.00', ['2025-01-31 620.25', '2025-02-28 620.25'], 'instalments']],
    );
    assert.equal(await debtsOf(t.client, t.schema, await t.subject(ELENI), '2025-07-01'), [], 'nobody else sees them');
    const total = mine.reduce((sum, d) => sum.plus(d.remaining), new Decimal(0));
    assert.is(total.toFixed(2), '148.41');
  }),
);

test.run();
