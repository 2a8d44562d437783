// The public shapes of the read models — what GraphQL, the live feed, the exports and the site show.
// Money is a decimal string with two decimals; a natural person is «φυσικό πρόσωπο», nothing more.

export const NATURAL_PERSON_LABEL = 'φυσικό πρόσωπο';

export type TransactionTypeName = 'BUDGET' | 'AMENDMENT' | 'COMMITMENT' | 'ORDER' | 'PAYMENT' | 'ASSESSMENT' | 'RECEIPT' | 'REVERSAL';
export type SideName = 'REVENUE' | 'EXPENSE';

export interface CounterpartyView {
  readonly afm: string | null;
  readonly name: string;
  readonly naturalPerson: boolean;
}

export interface TransactionView {
  readonly id: string;
  readonly position: number;
  readonly year: number;
  readonly date: string;
  readonly type: TransactionTypeName;
  readonly side: SideName;
  readonly kae: string;
  readonly amount: string;
  readonly document: string;
  readonly ref: string | null;
  readonly counterparty: CounterpartyView | null;
  readonly ada: string | null;
  readonly description: string | null;
}

export interface Totals {
  readonly initial: string;
  readonly adjustments: string;
  readonly final: string;
  readonly committed: string;
  readonly ordered: string;
  readonly paid: string;
  readonly assessed: string;
  readonly collected: string;
}

export interface BudgetLineView extends Totals {
  readonly year: number;
  readonly kae: string;
  readonly title: string | null;
  readonly side: SideName;
  readonly klass: string;
  readonly group: string;
  readonly code: string;
  readonly service: string | null;
}

export interface SupplierView {
  readonly afm: string;
  readonly name: string;
  readonly firstDate: string | null;
  readonly committed: string;
  readonly ordered: string;
  readonly paid: string;
  readonly movements: number;
}

export interface SupplierYearView {
  readonly year: number;
  readonly committed: string;
  readonly ordered: string;
  readonly paid: string;
  readonly movements: number;
}

export interface AssetView {
  readonly id: string;
  readonly category: string;
  readonly name: string;
  readonly kaek: string | null;
  readonly address: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly value: string;
  readonly status: 'REGISTERED' | 'LEASED' | 'TRANSFERRED' | 'DISPOSED';
  readonly holder: CounterpartyView | null;
  readonly amount: string | null;
  readonly registeredOn: string;
  readonly updatedOn: string;
}

export interface AssetEventView {
  readonly position: number;
  readonly date: string;
  readonly action: 'REGISTER' | 'REVALUE' | 'LEASE' | 'TRANSFER' | 'DISPOSE';
  readonly value: string | null;
  readonly amount: string | null;
  readonly counterparty: CounterpartyView | null;
  readonly ada: string | null;
  readonly description: string | null;
}

export interface ImportView {
  readonly id: string;
  readonly kind: 'TRANSACTIONS' | 'ASSETS';
  readonly fileName: string;
  readonly sha256: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly outcome: 'IMPORTED' | 'NOTHING_NEW' | 'REJECTED' | 'PARTIAL';
}

export interface PeriodTotals {
  /** "2025-03" for a month, "2025-03-14" for a day. */
  readonly period: string;
  readonly committed: string;
  readonly ordered: string;
  readonly paid: string;
  readonly assessed: string;
  readonly collected: string;
  readonly movements: number;
}

export interface Page<T> {
  readonly nodes: readonly T[];
  readonly cursors: readonly string[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
}

export const counterpartyView = (afm: string | null, name: string | null, naturalPerson: boolean | null): CounterpartyView | null => {
  if (naturalPerson === null) return null;
  return naturalPerson ? { afm: null, name: NATURAL_PERSON_LABEL, naturalPerson: true } : { afm, name: name ?? '', naturalPerson: false };
};
