// The ledger's events: what happened to the municipality's money, in the words of Greek public accounting.
// Events are readonly data; amounts are decimal strings with two decimals ("1234.50"), never floats.
//
// Streams: one per fiscal year (`fiscalYear-2026`) holds every budget and movement event of that year, so
// the rules that span documents (a commitment within its line's appropriation, an order within its
// commitment, unique document numbers per year and type) are decided inside one aggregate.
// Suppliers (`supplier-<ΑΦΜ>`), assets (`asset-<id>`) and imports (`import-<id>`) have streams of their own.

/** Revenue (έσοδα: ΚΑΕ classes 0-5) or expense (έξοδα: classes 6-9). */
export type Side = 'revenue' | 'expense';

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

/**
 * The other party of a movement. A natural person (φυσικό πρόσωπο) is never stored by name or ΑΦΜ:
 * the ledger is public, and GDPR applies. Only legal entities carry `afm` and `name`.
 */
export type Counterparty =
  | { readonly naturalPerson: false; readonly afm: string; readonly name: string }
  | { readonly naturalPerson: true; readonly afm: null; readonly name: null };

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

// Suppliers (προμηθευτές): legal entities only, keyed by ΑΦΜ.
export interface SupplierRegistered {
  readonly type: 'SupplierRegistered';
  readonly data: { readonly afm: string; readonly name: string; readonly date: string };
}
export interface SupplierRenamed {
  readonly type: 'SupplierRenamed';
  readonly data: { readonly afm: string; readonly name: string; readonly date: string };
}
export type SupplierEvent = SupplierRegistered | SupplierRenamed;

// Municipal property (δημοτική περιουσία).
export interface AssetFields {
  readonly asset: string;
  readonly date: string;
  readonly ada: string | null;
  readonly description: string | null;
}
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}
export interface AssetRegistered {
  readonly type: 'AssetRegistered';
  readonly data: AssetFields & {
    readonly category: string;
    readonly name: string;
    /** ΚΑΕΚ: the 12-digit Hellenic Cadastre code (Κωδικός Αριθμός Εγγραφής Κτηματολογίου), when registered. */
    readonly kaek: string | null;
    readonly address: string | null;
    readonly location: GeoPoint | null;
    readonly value: string;
  };
}
export interface AssetRevalued {
  readonly type: 'AssetRevalued';
  readonly data: AssetFields & { readonly value: string };
}
export interface AssetLeased {
  readonly type: 'AssetLeased';
  /** `amount`: the agreed rent. */
  readonly data: AssetFields & { readonly lessee: Counterparty; readonly amount: string };
}
export interface AssetTransferred {
  readonly type: 'AssetTransferred';
  readonly data: AssetFields & { readonly to: Counterparty; readonly amount: string };
}
export interface AssetDisposed {
  readonly type: 'AssetDisposed';
  /** `amount`: proceeds of the disposal (may be "0.00" for a demolition). */
  readonly data: AssetFields & { readonly amount: string };
}
export type AssetEvent = AssetRegistered | AssetRevalued | AssetLeased | AssetTransferred | AssetDisposed;

// The import itself, as an audit trail (who, when, which file, what came of it).
export type ImportOutcome = 'imported' | 'nothing_new' | 'rejected' | 'partial';
export interface ImportRecorded {
  readonly type: 'ImportRecorded';
  readonly data: {
    readonly importId: string;
    readonly kind: 'transactions' | 'assets';
    readonly fileName: string;
    readonly sha256: string;
    readonly actor: string;
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly rows: number;
    readonly imported: number;
    readonly duplicates: number;
    readonly rejected: number;
    readonly outcome: ImportOutcome;
  };
}
export type ImportEvent = ImportRecorded;

export type LedgerEvent = FiscalYearEvent | SupplierEvent | AssetEvent | ImportEvent;
export type LedgerEventType = LedgerEvent['type'];

export const streams = {
  fiscalYear: (year: number) => `fiscalYear-${year}`,
  supplier: (afm: string) => `supplier-${afm}`,
  asset: (asset: string) => `asset-${asset}`,
  import: (importId: string) => `import-${importId}`,
} as const;
