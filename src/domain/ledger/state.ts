// The state of one fiscal year (οικονομικό έτος): its budget lines and, per document type and number,
// what the rules need to know about each document.
//
// Amounts inside the state are bigint cents, not Decimal: a year may hold a million documents while an
// import runs under 512 MB, and cents are exact and a fraction of a Decimal's size. They are converted
// at the edges (documentRow.ts on the way in, totals.ts on the way out); events keep decimal strings.
// Descriptions, dates and counterparties are not kept: a 53-bit content fingerprint suffices to tell a
// repeated document (a duplicate) from a different one under the same number (a conflict).
import type { BudgetLine } from './budgetLine.ts';
import type { ReversibleType } from './events.ts';
import { DocumentTable } from './documentTable.ts';


export interface FiscalYearState {
  readonly year: number;
  readonly lines: Map<string, BudgetLine>;
  /** Budget rows, amendments and reversals: only their numbers must stay unique, so only fingerprints. */
  readonly recorded: {
    readonly budget: Map<string, number>;
    readonly amendment: Map<string, number>;
    readonly reversal: Map<string, number>;
  };
  /** Commitments, orders, payments, assessments and receipts: what later documents are checked against. */
  readonly tracked: { readonly [T in ReversibleType]: DocumentTable };
}

export const initialFiscalYear = (year: number): FiscalYearState => ({
  year,
  lines: new Map(),
  recorded: { budget: new Map(), amendment: new Map(), reversal: new Map() },
  tracked: {
    commitment: new DocumentTable(),
    order: new DocumentTable(),
    payment: new DocumentTable(),
    assessment: new DocumentTable(),
    receipt: new DocumentTable(),
  },
});
