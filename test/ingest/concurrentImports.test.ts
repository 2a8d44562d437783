// Two imports at the same moment: each report, and each import's record in the public log, says what its
// append wrote. The same file twice: one imports the rows, the other finds them all there (nothing new).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ImportRecorded } from '../../src/domain/index.ts';
import { afmWithCheckDigit } from '../../src/domain/index.ts';
import type { AppendResult, EventStore, StreamAppend } from '../../src/eventstore/port.ts';
import type { ImportReport } from '../../src/ingest/importFile.ts';
import { allEvents, errorsOf, importBytes, withLedger } from './harness.ts';

const AFM = afmWithCheckDigit('09401420');
const HEADER = 'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία';
const budget = (year: number) => `02/01/${year};προϋπολογισμός;20-6641;1.000.000,00;ΠΥ-${year};;;;;;Καύσιμα;`;
const commitment = (year: number, document: string) => `10/01/${year};δέσμευση;20-6641;10,00;${document};;${AFM};ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΠΑΛΙΚΗΣ Ε.Π.Ε.;όχι;;;`;
const file = (...rows: string[]): string => `${[HEADER, ...rows].join('\n')}\n`;
/** `count` commitments of 10,00 in the fiscal year. */
const commitments = (year: number, count: number): string[] => Array.from({ length: count }, (_, i) => commitment(year, `ΑΑΥ-${i + 1}`));

/**
 * Two imports that both decide against the ledger as it was before either appends: the first appends once
 * the second has come to its append too, and the second once the first's append is done.
 */
const oneAfterTheOther = (store: EventStore): [EventStore, EventStore] => {
  let secondArrived = (): void => {};
  const arrived = new Promise<void>((resolve) => (secondArrived = resolve));
  let firstDone = (): void => {};
  const done = new Promise<void>((resolve) => (firstDone = resolve));
  const gated = (before: () => Promise<void>, after: () => void): EventStore =>
    Object.assign(Object.create(store) as EventStore, {
      appendBatches: async (batches: AsyncIterable<readonly StreamAppend[]>, onAppended?: (results: readonly AppendResult[]) => void) => {
        await before();
        try {
          return await store.appendBatches(batches, onAppended);
        } finally {
          after();
        }
      },
    });
  return [
    gated(() => arrived, firstDone),
    gated(async () => (secondArrived(), done), () => {}),
  ];
};

const audits = async (store: EventStore): Promise<ImportRecorded['data'][]> =>
  (await allEvents(store)).filter((event) => event.type === 'ImportRecorded').map((event) => event.data as ImportRecorded['data']);

const counts = (report: ImportReport) => ({ outcome: report.outcome, imported: report.imported, duplicates: report.duplicates });

test(
  'concurrent imports: the same file twice at once is stored once; one report imports it, the other finds nothing new',
  withLedger(async (store) => {
    // 2,500 commitments and their supplier: more than one batch of the append.
    const bytes = file(budget(2025), ...commitments(2025, 2_500));
    const [first, second] = oneAfterTheOther(store);
    const reports = await Promise.all([importBytes(first, bytes), importBytes(second, bytes)]);
    assert.equal(reports.map(counts), [
      { outcome: 'imported', imported: 2_501, duplicates: 0 },
      { outcome: 'nothing_new', imported: 0, duplicates: 2_501 },
    ]);
    const events = await allEvents(store);
    assert.is(events.filter((event) => event.type === 'ExpenseCommitted').length, 2_500, 'every row stored once');
    const log = (await audits(store)).map(({ outcome, imported, duplicates }) => ({ outcome, imported, duplicates }));
    assert.equal(log, reports.map(counts), 'the import log says what the reports say');
  }),
);

test(
  'concurrent imports: a file of which another import wrote only some rows meanwhile is refused, to retry',
  withLedger(async (store) => {
    await importBytes(store, file(budget(2025), budget(2026)));
    // The second file repeats the first's commitments of 2025 and adds some of 2026 (another stream).
    const earlier = file(...commitments(2025, 10));
    const later = file(...commitments(2025, 10), ...commitments(2026, 10));
    const [first, second] = oneAfterTheOther(store);
    const [a, b] = await Promise.all([importBytes(first, earlier), importBytes(second, later)]);
    assert.equal(counts(a), { outcome: 'imported', imported: 10, duplicates: 0 });
    assert.equal([b.outcome, b.imported], ['rejected', 0]);
    assert.equal(errorsOf(b), ['0::OD_IMPORT_CONFLICT']);
    assert.is((await allEvents(store)).filter((event) => event.type === 'ExpenseCommitted').length, 10, 'nothing of the refused file');
    const retry = await importBytes(store, later);
    assert.equal(counts(retry), { outcome: 'imported', imported: 10, duplicates: 10 });
    const logged = (await audits(store)).reduce((sum, audit) => sum + audit.imported, 0);
    assert.is(logged, 2 + 10 + 10, 'the log adds up to the rows stored');
  }),
);

test.run();
