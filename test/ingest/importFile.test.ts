// What an import does to the ledger: all or nothing, duplicates, --skip-invalid, --dry-run, the audit
// trail, concurrent writers, a crash in the middle, and ids that make a retry converge.
import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { FiscalYearEvent, ImportRecorded, SupplierEvent } from '../../src/domain/index.ts';
import { afmWithCheckDigit, streams } from '../../src/domain/index.ts';
import type { EventStore, StreamAppend } from '../../src/eventstore/port.ts';
import { allEvents, errorsOf, importBytes, streamEvents, withLedger } from './harness.ts';

const AFM = afmWithCheckDigit('09401420');
const HEADER = 'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία';
const BUDGET = '02/01/2025;προϋπολογισμός;20-6641;10.000,00;ΠΥ-1;;;;;;Προμήθεια καυσίμων;';
const commitment = (document: string, amount: string, name = 'ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΠΑΛΙΚΗΣ Ε.Π.Ε.', date = '10/01/2025') =>
  `${date};δέσμευση;20-6641;${amount};${document};;${AFM};${name};όχι;;;`;
const order = (document: string, commitmentNumber: string, amount: string) => `20/01/2025;ένταλμα;20-6641;${amount};${document};${commitmentNumber};${AFM};ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΠΑΛΙΚΗΣ Ε.Π.Ε.;όχι;;;`;
const file = (...rows: string[]): string => `${[HEADER, ...rows].join('\n')}\n`;

const GOOD = file(BUDGET, commitment('ΑΑΥ-1', '1.000,00'), order('ΧΕ-1', 'ΑΑΥ-1', '400,00'));
/** Line 3 is refused (a date that does not exist), line 5 too (over the appropriation); lines 2, 4 are good. */
const WITH_BAD_ROWS = file(BUDGET, commitment('ΑΑΥ-1', '1.000,00', undefined, '30/02/2025'), commitment('ΑΑΥ-2', '500,00'), commitment('ΑΑΥ-3', '9.600,00'));

const audits = async (store: EventStore): Promise<ImportRecorded['data'][]> =>
  (await allEvents(store)).filter((event) => event.type === 'ImportRecorded').map((event) => event.data as ImportRecorded['data']);

test(
  'import: a good file goes in with its suppliers and its audit record, each event tagged with the import',
  withLedger(async (store) => {
    const report = await importBytes(store, GOOD, { fileName: 'kinisi-2025-01.csv', actor: 'λογιστήριο' });
    assert.equal({ ...report, importId: null }, { accepted: true, rows: 3, imported: 3, duplicates: 0, errors: [], importId: null, outcome: 'imported' });
    const events = await allEvents(store);
    // A batch appends stream by stream, so the supplier follows the fiscal year's events of its batch.
    assert.equal(events.map((event) => `${event.stream}:${event.type}`), [
      'fiscalYear-2025:BudgetLineEstablished',
      'fiscalYear-2025:ExpenseCommitted',
      'fiscalYear-2025:PaymentOrdered',
      `supplier-${AFM}:SupplierRegistered`,
      `import-${report.importId}:ImportRecorded`,
    ]);
    assert.ok(events.every((event) => event.metadata.importId === report.importId && event.metadata.actor === 'λογιστήριο'));
    const [audit] = await audits(store);
    assert.equal({ ...audit, startedAt: '', finishedAt: '' }, {
      importId: report.importId!,
      kind: 'transactions',
      fileName: 'kinisi-2025-01.csv',
      sha256: createHash('sha256').update(GOOD).digest('hex'),
      actor: 'λογιστήριο',
      startedAt: '',
      finishedAt: '',
      rows: 3,
      imported: 3,
      duplicates: 0,
      rejected: 0,
      outcome: 'imported',
    });
  }),
);

test(
  'import: the same file again adds nothing but its audit record, and says so',
  withLedger(async (store) => {
    await importBytes(store, GOOD);
    const before = await store.headPosition();
    const again = await importBytes(store, GOOD);
    assert.equal([again.accepted, again.outcome, again.imported, again.duplicates], [true, 'nothing_new', 0, 3]);
    assert.is(await store.headPosition(), before + 1);
    assert.equal((await audits(store)).map((audit) => audit.outcome), ['imported', 'nothing_new']);
  }),
);

test(
  'import: a file with some rows already in the ledger adds only the new ones; a row repeated exactly is a duplicate',
  withLedger(async (store) => {
    await importBytes(store, GOOD);
    const more = file(BUDGET, commitment('ΑΑΥ-1', '1.000,00'), commitment('ΑΑΥ-2', '250,00'), commitment('ΑΑΥ-2', '250,00'), order('ΧΕ-2', 'ΑΑΥ-2', '250,00'));
    const report = await importBytes(store, more);
    assert.equal([report.outcome, report.rows, report.imported, report.duplicates], ['imported', 5, 2, 3]);
    const year = await streamEvents<FiscalYearEvent>(store, streams.fiscalYear(2025));
    assert.equal(year.map((event) => event.data.document), ['ΠΥ-1', 'ΑΑΥ-1', 'ΧΕ-1', 'ΑΑΥ-2', 'ΧΕ-2']);
  }),
);

test(
  'import: one bad row rejects the file; nothing is recorded but the audit; every bad row is reported',
  withLedger(async (store) => {
    const report = await importBytes(store, WITH_BAD_ROWS);
    assert.equal([report.accepted, report.outcome, report.rows, report.imported], [false, 'rejected', 4, 0]);
    assert.equal(errorsOf(report), ['3:date:OD_DATE_INVALID', '5:amount:OD_COMMITMENT_EXCEEDS_APPROPRIATION']);
    for (const error of report.errors) assert.ok(error.message_el.length > 0 && error.message_en.length > 0 && error.message_el !== error.message_en);
    const events = await allEvents(store);
    assert.equal(events.map((event) => event.type), ['ImportRecorded']);
    assert.equal((await audits(store)).map(({ outcome, rejected, imported }) => ({ outcome, rejected, imported })), [{ outcome: 'rejected', rejected: 2, imported: 0 }]);
  }),
);

test(
  'import: --skip-invalid records the good rows and reports the rest, including rows that needed a refused one',
  withLedger(async (store) => {
    const withDependent = `${WITH_BAD_ROWS}20/01/2025;ένταλμα;20-6641;100,00;ΧΕ-1;ΑΑΥ-1;;;;;;\n`;
    const report = await importBytes(store, withDependent, { skipInvalid: true });
    assert.equal([report.accepted, report.outcome, report.rows, report.imported], [true, 'partial', 5, 2]);
    assert.equal(errorsOf(report), ['3:date:OD_DATE_INVALID', '5:amount:OD_COMMITMENT_EXCEEDS_APPROPRIATION', '6:ref:OD_REF_UNKNOWN']);
    assert.equal((await streamEvents<FiscalYearEvent>(store, streams.fiscalYear(2025))).map((event) => event.data.document), ['ΠΥ-1', 'ΑΑΥ-2']);
    assert.equal((await audits(store)).map(({ outcome, rejected }) => ({ outcome, rejected })), [{ outcome: 'partial', rejected: 3 }]);
  }),
);

test(
  'import: a file refused as a whole (its header) is rejected even with --skip-invalid',
  withLedger(async (store) => {
    const report = await importBytes(store, GOOD.replace('ποσό', 'ΦΠΑ'), { skipInvalid: true });
    assert.equal([report.outcome, report.rows], ['rejected', 3]);
    assert.equal(errorsOf(report), ['1:ΦΠΑ:OD_HEADER_UNKNOWN', '1:amount:OD_HEADER_MISSING']);
  }),
);

test(
  'import: --dry-run decides against the ledger and reports, and records nothing',
  withLedger(async (store) => {
    await importBytes(store, file(BUDGET));
    const head = await store.headPosition();
    const good = await importBytes(store, GOOD, { dryRun: true });
    assert.equal([good.accepted, good.outcome, good.importId, good.imported, good.duplicates], [true, 'dry_run', null, 2, 1]);
    const bad = await importBytes(store, WITH_BAD_ROWS, { dryRun: true });
    assert.equal([bad.accepted, bad.outcome, bad.imported], [false, 'dry_run', 1]);
    assert.equal(errorsOf(bad), ['3:date:OD_DATE_INVALID', '5:amount:OD_COMMITMENT_EXCEEDS_APPROPRIATION']);
    const skipping = await importBytes(store, WITH_BAD_ROWS, { dryRun: true, skipInvalid: true });
    assert.equal([skipping.accepted, skipping.outcome, skipping.imported, skipping.errors.length], [true, 'dry_run', 1, 2]);
    assert.is(await store.headPosition(), head);
  }),
);

test(
  'import: a supplier with a new name is renamed; a natural person is never stored by name or ΑΦΜ',
  withLedger(async (store) => {
    const personAfm = afmWithCheckDigit('12345678');
    const rows = file(
      BUDGET,
      commitment('ΑΑΥ-1', '100,00'),
      commitment('ΑΑΥ-2', '100,00', 'ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΠΑΛΙΚΗΣ Ι.Κ.Ε.', '10/07/2025'),
      `11/07/2025;δέσμευση;20-6641;50,00;ΑΑΥ-3;;${personAfm};ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ;ναι;;;`,
    );
    assert.is((await importBytes(store, rows)).imported, 4);
    const supplier = await streamEvents<SupplierEvent>(store, streams.supplier(AFM));
    assert.equal(supplier.map((event) => `${event.type}:${event.data.name}`), ['SupplierRegistered:ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΠΑΛΙΚΗΣ Ε.Π.Ε.', 'SupplierRenamed:ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΠΑΛΙΚΗΣ Ι.Κ.Ε.']);
    const everything = JSON.stringify(await allEvents(store));
    assert.not.ok(everything.includes(personAfm) || everything.includes('ΠΑΠΑΔΟΠΟΥΛΟΣ'));
  }),
);

test('import: event ids are a function of the documents, so a retried import (EventStoreDB) converges', async () => {
  const ids: string[][] = [];
  for (let i = 0; i < 2; i++) {
    await withLedger(async (store) => {
      await importBytes(store, GOOD);
      ids.push((await allEvents(store)).filter((event) => event.type !== 'ImportRecorded').map((event) => event.id));
    })();
  }
  assert.is(ids[0]!.length, 4);
  assert.equal(ids[0], ids[1]);
});

/** A store whose appendBatches lets `before` run first: another writer, or a crash. */
const intercepted = (store: EventStore, around: (batches: AsyncIterable<readonly StreamAppend[]>) => AsyncIterable<readonly StreamAppend[]>, before: () => Promise<unknown> = async () => {}): EventStore =>
  Object.assign(Object.create(store) as EventStore, {
    appendBatches: async (batches: AsyncIterable<readonly StreamAppend[]>) => {
      await before();
      return store.appendBatches(around(batches));
    },
  });

test(
  'import: another writer on the same fiscal year meanwhile: nothing half-written, a clear error, retry works',
  withLedger(async (store) => {
    await importBytes(store, file(BUDGET));
    const racing = intercepted(
      store,
      (batches) => batches,
      () => store.append(streams.fiscalYear(2025), [{ type: 'BudgetLineEstablished', data: { year: 2025, kae: '20-6643', document: 'ΠΥ-9', date: '2025-01-03', amount: '10.00', ada: null, description: null, side: 'expense', title: 'Καύσιμα θέρμανσης' } }]),
    );
    const report = await importBytes(racing, GOOD);
    assert.equal([report.accepted, report.outcome, report.imported], [false, 'rejected', 0]);
    assert.equal(errorsOf(report), ['0::OD_IMPORT_CONFLICT']);
    assert.match(report.errors[0]!.message_el, /Δοκιμάστε ξανά/);
    assert.equal((await streamEvents<FiscalYearEvent>(store, streams.fiscalYear(2025))).map((event) => event.data.document), ['ΠΥ-1', 'ΠΥ-9']);
    assert.equal((await audits(store)).map((audit) => audit.outcome), ['imported', 'rejected']);
    const retry = await importBytes(store, GOOD);
    assert.equal([retry.outcome, retry.imported, retry.duplicates], ['imported', 2, 1]);
  }),
);

test(
  'import: a crash in the middle of the append leaves nothing behind',
  withLedger(async (store) => {
    // 2,500 commitments and their supplier: more than one batch of 2,000 events.
    const rows = [file('02/01/2025;προϋπολογισμός;20-6641;1.000.000,00;ΠΥ-1;;;;;;Καύσιμα;').trimEnd()];
    for (let i = 1; i <= 2_500; i++) rows.push(commitment(`ΑΑΥ-${i}`, '10,00'));
    const crash = new Error('the database went away');
    const crashing = intercepted(store, async function* (batches) {
      let batch = 0;
      for await (const appends of batches) {
        if (batch++ === 1) throw crash;
        yield appends;
      }
    });
    let thrown: unknown = null;
    await importBytes(crashing, `${rows.join('\n')}\n`).catch((error: unknown) => (thrown = error));
    assert.is(thrown, crash);
    assert.is(await store.headPosition(), 0);
    const retry = await importBytes(store, `${rows.join('\n')}\n`);
    assert.equal([retry.outcome, retry.imported], ['imported', 2_501]);
  }),
);

/** A budget of a million and `count` commitments of 10,00 on it, one a line: a file of many batches. */
const longFile = (count: number, bad: (i: number) => boolean = () => false): string => {
  const rows = ['02/01/2025;προϋπολογισμός;20-6641;1.000.000,00;ΠΥ-1;;;;;;Καύσιμα;'];
  for (let i = 1; i <= count; i++) rows.push(commitment(`ΑΑΥ-${i}`, '10,00', undefined, bad(i) ? '30/02/2025' : '10/01/2025'));
  return file(...rows);
};

/** A store whose appendBatches counts the batches it is given, and notes whether their iteration threw. */
const watched = (store: EventStore) => {
  const seen = { batches: 0, threw: false };
  const counting = intercepted(store, async function* (batches) {
    try {
      for await (const appends of batches) {
        seen.batches++;
        yield appends;
      }
    } catch (error) {
      seen.threw = true;
      throw error;
    }
  });
  return { store: counting, seen };
};

test(
  'import: bad rows late in a long file reject it, all reported; an append already under way (PostgreSQL) rolls back',
  withLedger(async (store) => {
    // 6,000 commitments; the rows of ΑΑΥ-5000 and ΑΑΥ-6000 (lines 5002 and 6002) have a date that does not exist.
    const { store: watching, seen } = watched(store);
    const report = await importBytes(watching, longFile(6_000, (i) => i === 5_000 || i === 6_000));
    assert.equal([report.accepted, report.outcome, report.rows, report.imported], [false, 'rejected', 6_001, 0]);
    assert.equal(errorsOf(report), ['5002:date:OD_DATE_INVALID', '6002:date:OD_DATE_INVALID']);
    assert.equal((await allEvents(store)).map((event) => event.type), ['ImportRecorded']);
    assert.equal((await audits(store)).map(({ outcome, rows, rejected }) => ({ outcome, rows, rejected })), [{ outcome: 'rejected', rows: 6_001, rejected: 2 }]);
    if (store.backend === 'postgresql') assert.ok(seen.batches >= 2 && seen.threw, 'batches were appended, then rolled back');
    else assert.is(seen.batches, 0, 'nothing was given to the append');
    const retry = await importBytes(store, longFile(6_000));
    assert.equal([retry.outcome, retry.imported], ['imported', 6_001]);
  }),
);

test(
  'import: with --skip-invalid, bad rows late in a long file are left out and the rest goes in',
  withLedger(async (store) => {
    const report = await importBytes(store, longFile(6_000, (i) => i % 2_500 === 0), { skipInvalid: true });
    assert.equal([report.accepted, report.outcome, report.rows, report.imported], [true, 'partial', 6_001, 5_999]);
    assert.equal(errorsOf(report), ['2502:date:OD_DATE_INVALID', '5002:date:OD_DATE_INVALID']);
    const year = await streamEvents<FiscalYearEvent>(store, streams.fiscalYear(2025));
    assert.is(year.length, 5_999);
    assert.not.ok(year.some((event) => event.data.document === 'ΑΑΥ-2500' || event.data.document === 'ΑΑΥ-5000'));
  }),
);

test(
  'import: a file over 8 MiB, read on a worker thread, is decided row by row like any other',
  withLedger(async (store) => {
    // 90,000 commitments of about a hundred bytes each; the last one has a date that does not exist.
    const big = longFile(90_000, (i) => i === 90_000);
    assert.ok(Buffer.byteLength(big) > 8 * 1_048_576);
    const report = await importBytes(store, big, { dryRun: true });
    assert.equal([report.outcome, report.rows, report.imported, report.accepted], ['dry_run', 90_001, 90_000, false]);
    assert.equal(errorsOf(report), ['90002:date:OD_DATE_INVALID']);
  }),
);

test.run();
