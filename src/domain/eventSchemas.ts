// Schema versions of the ledger's events, for the event store's upcasting on read. The type mirrors the
// store's EventSchemas structurally because the domain imports nothing outside src/domain.
import type { LedgerEventType } from './ledger/events.ts';

export interface EventSchema {
  readonly version: number;
  /** `upcasters[v]` turns data of version v into version v + 1. */
  readonly upcasters?: Readonly<Record<number, (data: unknown) => unknown>>;
}

export type EventSchemas = Readonly<Record<string, EventSchema>>;

/** Every event type, so adding one to events.ts without a version here fails to compile. */
const schemas: { readonly [T in LedgerEventType]: EventSchema } = {
  BudgetLineEstablished: { version: 1 },
  BudgetLineAmended: { version: 1 },
  ExpenseCommitted: { version: 1 },
  PaymentOrdered: { version: 1 },
  PaymentMade: { version: 1 },
  RevenueAssessed: { version: 1 },
  RevenueCollected: { version: 1 },
  DocumentReversed: { version: 1 },
  SupplierRegistered: { version: 1 },
  SupplierRenamed: { version: 1 },
  AssetRegistered: { version: 1 },
  AssetRevalued: { version: 1 },
  AssetLeased: { version: 1 },
  AssetTransferred: { version: 1 },
  AssetDisposed: { version: 1 },
  ImportRecorded: { version: 1 },
};

export const ledgerEventSchemas: EventSchemas = schemas;

export const ledgerEventTypes = Object.keys(schemas) as LedgerEventType[];
