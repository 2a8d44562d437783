// Commands to the ledger: one per row of the finance department's export, already parsed (typed values)
// by the import, to be decided against the fiscal year's state.
import type { Decimal } from 'decimal.js';
import type { Counterparty, DocumentType, ReversibleType } from './events.ts';

/** A document the row follows: `order → commitment`, `payment → order`, `receipt → assessment`, reversal → any. */
export interface DocumentRef {
  readonly type: ReversibleType;
  readonly document: string;
}

/** Record one budget row or movement (the CSV `type` column says which). */
export interface RecordDocument {
  readonly type: 'RecordDocument';
  readonly data: {
    readonly documentType: DocumentType;
    /** ISO date; the fiscal year is its year. */
    readonly date: string;
    /** Normalised ΚΑΕ (see kae.ts). */
    readonly kae: string;
    readonly amount: Decimal;
    readonly document: string;
    /** Required for order, payment and reversal; optional for receipt; absent otherwise. */
    readonly ref: DocumentRef | null;
    readonly counterparty: Counterparty | null;
    readonly ada: string | null;
    /** Title of the line; used by `budget` rows (falls back to the classification's title). */
    readonly title: string | null;
    readonly description: string | null;
  };
}

export type FiscalYearCommand = RecordDocument;
