// Commands to a supplier's stream.
/** A legal entity seen as counterparty: registers it, or records a new name. */
export interface RecordSupplier {
  readonly type: 'RecordSupplier';
  readonly data: { readonly afm: string; readonly name: string; readonly date: string };
}
export type SupplierCommand = RecordSupplier;
