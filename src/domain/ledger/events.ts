// The ledger's events: what happened to the municipality's money, in the words of Greek public accounting.
// Events are readonly data; amounts are decimal strings with two decimals ("1234.50"), never floats.
//
// Streams: one per fiscal year (`fiscalYear-2026`) holds every budget and movement event of that year, so
// the rules that span documents (a commitment within its line's appropriation, an order within its
// commitment, unique document numbers per year and type) are decided inside one aggregate.
// Suppliers, assets and imports are contexts of their own (../suppliers, ../assets, ../imports).

import type { Counterparty } from '../shared/counterparty.ts';

export type { Counterparty } from '../shared/counterparty.ts';

import type { Side } from '../shared/codes/kae.ts';

export type { Side };

/** The document types of the finance department's export, as the CSV `type` column names them. */
export type DocumentType =
  | 'budget' // προϋπολογισμός: initial appropriation (expense) or estimate (revenue) of a line
  | 'amendment' // αναμόρφωση: signed change to a line, with a council decision ΑΔΑ
  | 'commitment' // ανάληψη υποχρέωσης / δέσμευση
  | 'order' // χρηματικό ένταλμα (payment order)
  | 'payment' // πληρωμή
  | 'assessment' // βεβαίωση (revenue assessed)
  | 'receipt' // είσπραξη (revenue collected)
  | 'reversal'; // αντιλογισμός: takes back all or part of an earlier document

/** Fields every budget and movement event carries. */
export interface DocumentFields {
  readonly year: number;
  /** Normalised ΚΑΕ code, e.g. "20-6011.001" (expense, with service) or "0311" (revenue). */
  readonly kae: string;
  readonly document: string;
  /** ISO date, yyyy-mm-dd. */
  readonly date: string;
  /** Decimal string with two decimals; signed only for amendments. */
  readonly amount: string;
  /** Diavgeia decision number (ΑΔΑ), normalised to Greek capitals. */
  readonly ada: string | null;
  readonly description: string | null;
}

export interface BudgetLineEstablished {
  readonly type: 'BudgetLineEstablished';
  readonly data: DocumentFields & { readonly side: Side; readonly title: string };
}
export interface BudgetLineAmended {
  readonly type: 'BudgetLineAmended';
  readonly data: DocumentFields;
}
export interface ExpenseCommitted {
  readonly type: 'ExpenseCommitted';
  readonly data: DocumentFields & { readonly counterparty: Counterparty | null };
}
export interface PaymentOrdered {
  readonly type: 'PaymentOrdered';
  /** `commitment`: the document number of the commitment this order follows. */
  readonly data: DocumentFields & { readonly commitment: string; readonly counterparty: Counterparty | null };
}
export interface PaymentMade {
  readonly type: 'PaymentMade';
  readonly data: DocumentFields & { readonly order: string; readonly counterparty: Counterparty | null };
}
export interface RevenueAssessed {
  readonly type: 'RevenueAssessed';
  readonly data: DocumentFields & { readonly counterparty: Counterparty | null };
}
export interface RevenueCollected {
  readonly type: 'RevenueCollected';
  readonly data: DocumentFields & { readonly assessment: string | null; readonly counterparty: Counterparty | null };
}
export interface DocumentReversed {
  readonly type: 'DocumentReversed';
  /** `amount` is the part taken back (positive); `reverses` names the original document. */
  readonly data: DocumentFields & { readonly reverses: { readonly type: ReversibleType; readonly document: string } };
}

export type ReversibleType = 'commitment' | 'order' | 'payment' | 'assessment' | 'receipt';

export type FiscalYearEvent =
  | BudgetLineEstablished
  | BudgetLineAmended
  | ExpenseCommitted
  | PaymentOrdered
  | PaymentMade
  | RevenueAssessed
  | RevenueCollected
  | DocumentReversed;

export const fiscalYearStream = (year: number) => `fiscalYear-${year}`;
