// The ledger's views: movements, budget lines and their totals.
import type { CounterpartyView } from '../shared/views.ts';

export type TransactionTypeName = 'BUDGET' | 'AMENDMENT' | 'COMMITMENT' | 'ORDER' | 'PAYMENT' | 'ASSESSMENT' | 'RECEIPT' | 'REVERSAL';
export type SideName = 'REVENUE' | 'EXPENSE';

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
  /** Sum of the amendments (αναμορφώσεις); GraphQL and the Fiscal Data Package call them adjustments. */
  readonly amendments: string;
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
