// The ledger as one import sees it: the fiscal years, suppliers and assets its rows touch, each loaded
// once from the store, and the ΚΑΕ classification that titles budget rows written without a title.
import type { Asset, AssetEvent, ClassificationRegistry, Debt, DebtEvent, FiscalYearEvent, FiscalYearState, Supplier, SupplierEvent } from '../domain/index.ts';
import { evolveAsset, evolveDebt, evolveFiscalYear, evolveSupplier } from '../domain/index.ts';
import type { EventStore } from '../eventstore/port.ts';
import type { AggregateCache, StoredRevisions } from './aggregateCache.ts';
import { aggregateCache } from './aggregateCache.ts';
import type { PersonalData } from './personalData.ts';

export interface LedgerState {
  readonly fiscalYears: AggregateCache<FiscalYearState, FiscalYearEvent>;
  readonly suppliers: AggregateCache<Supplier, SupplierEvent>;
  readonly assets: AggregateCache<Asset, AssetEvent>;
  readonly debts: AggregateCache<Debt, DebtEvent>;
  /** The keyring and subjects, for kinds of personal data; null where the installation gave none. */
  readonly personal: PersonalData | null;
  /** This import's debtors, prepared a chunk at a time: ΑΦΜ → subject, and subject → sealing with its key. */
  readonly debtors: { readonly subjects: Map<string, string>; readonly sealers: Map<string, (value: unknown) => string> };
  readonly classifications: ClassificationRegistry;
  /** Every stream loaded, at the revision read: where the append expects to find them. */
  readonly stored: StoredRevisions;
}

/** `stored`: filled with each stream loaded, at the revision read (it may outlive the states). */
export const ledgerState = (store: EventStore, classifications: ClassificationRegistry, stored: StoredRevisions = new Map(), personal: PersonalData | null = null): LedgerState => ({
  fiscalYears: aggregateCache(store, evolveFiscalYear, stored),
  suppliers: aggregateCache(store, evolveSupplier, stored),
  assets: aggregateCache(store, evolveAsset, stored),
  debts: aggregateCache(store, evolveDebt, stored),
  personal,
  debtors: { subjects: new Map(), sealers: new Map() },
  classifications,
  stored,
});
