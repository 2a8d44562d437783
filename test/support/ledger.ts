// A small, hand-checked fiscal year as domain events, for read-side tests: two expense lines, one revenue
// line, a supplier, a natural person, an order chain with a partial reversal, an asset, an import.
import type { LedgerEvent } from '../../src/domain/index.ts';
import { streams } from '../../src/domain/index.ts';
import type { EventStore, StreamAppend } from '../../src/eventstore/port.ts';
import { createTestSchema } from './database.ts';
import type { TestSchema } from './database.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import type { SqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { ledgerEventSchemas } from '../../src/domain/index.ts';

export const SUPPLIER = { naturalPerson: false as const, afm: '094014201', name: 'ΚΑΤΑΣΚΕΥΑΣΤΙΚΗ ΠΑΛΙΚΗΣ Α.Ε.' };
export const PERSON = { naturalPerson: true as const, afm: null, name: null };
/** The name under which the natural person was paid in the accounting system: it must never surface. */
export const PERSON_SECRET_NAME = 'ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ';

const doc = (kae: string, document: string, date: string, amount: string, extra: object = {}) => ({
  year: 2025,
  kae,
  document,
  date,
  amount,
  ada: null,
  description: null,
  ...extra,
});

/** The year as events, in order. Expected totals are written beside the tests that use them. */
export const smallYear = (): LedgerEvent[] => [
  { type: 'SupplierRegistered', data: { afm: SUPPLIER.afm, name: SUPPLIER.name, date: '2025-01-02' } },
  { type: 'BudgetLineEstablished', data: { ...doc('20-6011.001', 'Π-1', '2025-01-02', '100000.00'), side: 'expense', title: 'Τακτικές αποδοχές' } },
  { type: 'BudgetLineEstablished', data: { ...doc('30-7323.005', 'Π-2', '2025-01-02', '50000.00'), side: 'expense', title: 'Ασφαλτοστρώσεις δρόμων' } },
  { type: 'BudgetLineEstablished', data: { ...doc('0311', 'Π-3', '2025-01-02', '80000.00'), side: 'revenue', title: 'Μισθώματα από ακίνητα' } },
  { type: 'BudgetLineAmended', data: doc('30-7323.005', 'Α-1', '2025-03-10', '-5000.00', { ada: '7394ΩΞΧ-ΠΔΖ' }) },
  { type: 'ExpenseCommitted', data: { ...doc('30-7323.005', 'Δ-1', '2025-03-11', '30000.00', { description: 'Ασφαλτόστρωση οδού Πετρίτση' }), counterparty: SUPPLIER } },
  { type: 'PaymentOrdered', data: { ...doc('30-7323.005', 'Ε-1', '2025-04-01', '20000.00'), commitment: 'Δ-1', counterparty: SUPPLIER } },
  { type: 'PaymentMade', data: { ...doc('30-7323.005', 'Π-10', '2025-04-15', '20000.00'), order: 'Ε-1', counterparty: SUPPLIER } },
  { type: 'DocumentReversed', data: { ...doc('30-7323.005', 'Ρ-1', '2025-04-20', '2500.50'), reverses: { type: 'payment', document: 'Π-10' } } },
  { type: 'ExpenseCommitted', data: { ...doc('20-6011.001', 'Δ-2', '2025-04-21', '1200.00', { description: 'Αμοιβή ωρομίσθιου' }), counterparty: PERSON } },
  { type: 'PaymentOrdered', data: { ...doc('20-6011.001', 'Ε-2', '2025-04-22', '1200.00'), commitment: 'Δ-2', counterparty: PERSON } },
  { type: 'PaymentMade', data: { ...doc('20-6011.001', 'Π-11', '2025-04-22', '1200.00'), order: 'Ε-2', counterparty: PERSON } },
  { type: 'RevenueAssessed', data: { ...doc('0311', 'Β-1', '2025-02-01', '12000.00'), counterparty: SUPPLIER } },
  { type: 'RevenueCollected', data: { ...doc('0311', 'Ε-100', '2025-02-15', '11999.99'), assessment: 'Β-1', counterparty: SUPPLIER } },
];

export const smallAssets = (): LedgerEvent[] => [
  {
    type: 'AssetRegistered',
    data: { asset: 'A-001', date: '2025-01-05', ada: null, description: null, category: 'Κτίρια', name: 'Ιακωβάτειος Βιβλιοθήκη', kaek: '050220803001', address: 'Πλατεία Ηρώων, Ληξούρι', location: { lat: 38.2027, lon: 20.4385 }, value: '850000.00' },
  },
  { type: 'AssetLeased', data: { asset: 'A-001', date: '2025-06-01', ada: null, description: 'Μίσθωση κυλικείου', lessee: PERSON, amount: '3600.00' } },
];

/** Appends the events each to its natural stream, one append per event (as imports and commands would). */
export const appendAll = async (store: EventStore, events: readonly LedgerEvent[]): Promise<void> => {
  for (const event of events) {
    const stream =
      event.type === 'SupplierRegistered' || event.type === 'SupplierRenamed'
        ? streams.supplier(event.data.afm)
        : event.type.startsWith('Asset')
          ? streams.asset((event.data as { asset: string }).asset)
          : event.type === 'ImportRecorded'
            ? streams.import(event.data.importId)
            : streams.fiscalYear((event.data as { year: number }).year);
    const append: StreamAppend = { stream, events: [{ type: event.type, data: event.data }] };
    await store.appendMany([append]);
  }
};

export interface TestLedger extends TestSchema {
  readonly store: SqlEventStore;
  readonly dispose: () => Promise<void>;
}

export const openTestLedger = async (): Promise<TestLedger> => {
  const db = await createTestSchema();
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas, pollIntervalMs: 100 });
  return {
    ...db,
    store,
    async dispose() {
      await store.close();
      await db.drop();
    },
  };
};
