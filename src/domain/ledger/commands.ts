// Commands to the ledger: one per row of the finance department's export, already parsed (typed values)
// by the import, to be decided against the fiscal year's state.
import type { Decimal } from 'decimal.js';
import type { Counterparty, DocumentType, GeoPoint, ReversibleType } from './events.ts';

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

/** A legal entity seen as counterparty: registers it, or records a new name. */
export interface RecordSupplier {
  readonly type: 'RecordSupplier';
  readonly data: { readonly afm: string; readonly name: string; readonly date: string };
}
export type SupplierCommand = RecordSupplier;

export type AssetAction = 'register' | 'revalue' | 'lease' | 'transfer' | 'dispose';

/** One row of the assets export. Which fields are required depends on the action. */
export interface RecordAssetAction {
  readonly type: 'RecordAssetAction';
  readonly data: {
    readonly action: AssetAction;
    readonly asset: string;
    readonly date: string;
    readonly category: string | null;
    readonly name: string | null;
    readonly kaek: string | null;
    readonly address: string | null;
    readonly location: GeoPoint | null;
    readonly value: Decimal | null;
    readonly counterparty: Counterparty | null;
    readonly amount: Decimal | null;
    readonly ada: string | null;
    readonly description: string | null;
  };
}
export type AssetCommand = RecordAssetAction;
