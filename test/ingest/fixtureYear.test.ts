// The fixture year of Lixouri goes in cleanly and the ledger then holds exactly the figures the generator
// computed (fixtures/lixouri-2025-expected.json); the assets register goes in with its places on Paliki.
import { createReadStream, readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { parse } from 'csv-parse/sync';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { AssetEvent, FiscalYearEvent, FiscalYearState, SupplierEvent } from '../../src/domain/index.ts';
import { budgetLines, evolveFiscalYear, formatMoney, initialFiscalYear, streams } from '../../src/domain/index.ts';
import { importFile } from '../../src/ingest/importFile.ts';
import { allEvents, streamEvents, withLedger } from './harness.ts';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('lixouri-2025-expected.json', FIXTURES), 'utf8')) as {
  rows: number;
  budgetLines: number;
  suppliers: number;
  supplierRenames: number;
  naturalPersonRows: number;
  expense: Record<'initial' | 'amendments' | 'committed' | 'ordered' | 'paid', string>;
  revenue: Record<'initial' | 'amendments' | 'assessed' | 'collected', string>;
};

const importFixture = (store: Parameters<typeof importFile>[0], name: string, kind: 'transactions' | 'assets') =>
  importFile(store, createReadStream(new URL(name, FIXTURES)), { kind, fileName: name, actor: 'test' });

const totals = (state: FiscalYearState, side: 'expense' | 'revenue', measures: readonly string[]): Record<string, string> => {
  const lines = budgetLines(state).filter((line) => line.side === side);
  return Object.fromEntries(measures.map((measure) => [measure, formatMoney(lines.reduce((sum, line) => sum.plus(line[measure as 'paid']), new Decimal(0)))]));
};

test(
  'fixture year: 2025 of Lixouri imports cleanly, reaches its figures to the cent, and a second import adds nothing',
  withLedger(async (store) => {
    const report = await importFixture(store, 'lixouri-2025-transactions.csv', 'transactions');
    assert.equal([report.outcome, report.rows, report.imported, report.duplicates, report.errors], ['imported', expected.rows, expected.rows, 0, []]);

    const state = (await streamEvents<FiscalYearEvent>(store, streams.fiscalYear(2025))).reduce(evolveFiscalYear, initialFiscalYear(2025));
    assert.is(budgetLines(state).length, expected.budgetLines);
    assert.equal(totals(state, 'expense', Object.keys(expected.expense)), expected.expense);
    assert.equal(totals(state, 'revenue', Object.keys(expected.revenue)), expected.revenue);

    const events = await allEvents(store);
    const supplierEvents = events.filter((event) => event.stream.startsWith('supplier-')).map((event) => ({ type: event.type, data: event.data }) as SupplierEvent);
    assert.is(supplierEvents.filter((event) => event.type === 'SupplierRegistered').length, expected.suppliers);
    assert.is(supplierEvents.filter((event) => event.type === 'SupplierRenamed').length, expected.supplierRenames);

    // Natural persons are flagged, and none of the ΑΦΜ or names the export carried for them is stored.
    const yearEvents = events.filter((event) => event.stream === streams.fiscalYear(2025)).map((event) => event.data as { counterparty?: { naturalPerson: boolean } | null });
    assert.is(yearEvents.filter((data) => data.counterparty?.naturalPerson === true).length, expected.naturalPersonRows);
    const rows = parse(readFileSync(new URL('lixouri-2025-transactions.csv', FIXTURES)), { delimiter: ';', from_line: 2 });
    const secrets = new Set(rows.filter((row) => row[8] === 'ναι').flatMap((row) => [row[6]!, row[7]!]).filter((cell) => cell !== ''));
    assert.ok(secrets.size > 0);
    const stored = JSON.stringify(events);
    for (const secret of secrets) assert.not.ok(stored.includes(secret), secret);

    const again = await importFixture(store, 'lixouri-2025-transactions.csv', 'transactions');
    assert.equal([again.outcome, again.imported, again.duplicates], ['nothing_new', 0, expected.rows]);
  }),
);

test(
  'fixture assets: the register of Lixouri goes in, every asset on the Paliki peninsula',
  withLedger(async (store) => {
    const report = await importFixture(store, 'lixouri-assets.csv', 'assets');
    assert.equal([report.outcome, report.errors], ['imported', []]);
    const events = (await allEvents(store)).filter((event) => event.stream.startsWith('asset-')).map((event) => ({ type: event.type, data: event.data }) as AssetEvent);
    const count = (type: AssetEvent['type']) => events.filter((event) => event.type === type).length;
    assert.equal([count('AssetRegistered'), count('AssetRevalued'), count('AssetLeased'), count('AssetTransferred'), count('AssetDisposed')], [45, 5, 6, 1, 1]);
    assert.is(report.imported, events.length);
    for (const event of events) {
      if (event.type !== 'AssetRegistered') continue;
      const { lat, lon } = event.data.location!;
      assert.ok(lat > 38.13 && lat < 38.35 && lon > 20.33 && lon < 20.47, `${event.data.name} at ${lat}, ${lon}`);
      assert.ok(event.data.kaek === null || /^\d{12}$/.test(event.data.kaek));
    }
    const leases = events.filter((event) => event.type === 'AssetLeased');
    assert.ok(leases.some((event) => event.type === 'AssetLeased' && event.data.lessee.naturalPerson && event.data.lessee.afm === null));
  }),
);

test.run();
