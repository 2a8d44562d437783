// A line of the budget and the measures its documents move: the one mapping from event to measure, used by
// the fiscal year's own state (evolve.ts) and by the budget read model alike.
import type { FiscalYearEvent, ReversibleType, Side } from './events.ts';

/** A line of the budget (γραμμή προϋπολογισμού), keyed by its normalised ΚΑΕ. All amounts net of reversals. */
export interface BudgetLine {
  readonly kae: string;
  readonly side: Side;
  readonly title: string;
  /** Initial appropriation (αρχική πίστωση) of an expense line, estimate (πρόβλεψη) of a revenue line. */
  initial: bigint;
  /** Sum of the signed amendments (αναμορφώσεις). */
  amendments: bigint;
  committed: bigint;
  ordered: bigint;
  paid: bigint;
  assessed: bigint;
  collected: bigint;
}

/** The running totals of a line that documents move (αρχική πίστωση, αναμορφώσεις, δεσμεύσεις, …). */
export type BudgetMeasure = 'initial' | 'amendments' | 'committed' | 'ordered' | 'paid' | 'assessed' | 'collected';

export const BUDGET_MEASURES: readonly BudgetMeasure[] = ['initial', 'amendments', 'committed', 'ordered', 'paid', 'assessed', 'collected'];

/** What the documents that follow one another move: everything but the budget and its amendments. */
export type DocumentMeasure = Exclude<BudgetMeasure, 'initial' | 'amendments'>;

/** The line total each document type adds to (and its reversal takes back from). */
export const MEASURE_OF: Readonly<Record<ReversibleType, DocumentMeasure>> = {
  commitment: 'committed',
  order: 'ordered',
  payment: 'paid',
  assessment: 'assessed',
  receipt: 'collected',
};

/** Which measure of its line an event moves, and the sign of the move (a reversal takes back). */
export const measureMovedBy = (event: FiscalYearEvent): { readonly measure: BudgetMeasure; readonly sign: 1n | -1n } => {
  switch (event.type) {
    case 'BudgetLineEstablished':
      return { measure: 'initial', sign: 1n };
    case 'BudgetLineAmended':
      return { measure: 'amendments', sign: 1n };
    case 'ExpenseCommitted':
      return { measure: 'committed', sign: 1n };
    case 'PaymentOrdered':
      return { measure: 'ordered', sign: 1n };
    case 'PaymentMade':
      return { measure: 'paid', sign: 1n };
    case 'RevenueAssessed':
      return { measure: 'assessed', sign: 1n };
    case 'RevenueCollected':
      return { measure: 'collected', sign: 1n };
    case 'DocumentReversed':
      return { measure: MEASURE_OF[event.data.reverses.type], sign: -1n };
    default: {
      const _exhaustive: never = event;
      throw new Error(`Unknown fiscal year event ${JSON.stringify(_exhaustive)}`);
    }
  }
};
