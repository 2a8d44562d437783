// The events of a supplier's stream (`supplier-<ΑΦΜ>`).
// Suppliers (προμηθευτές) are legal entities only, keyed by ΑΦΜ.
export interface SupplierRegistered {
  readonly type: 'SupplierRegistered';
  readonly data: { readonly afm: string; readonly name: string; readonly date: string };
}
export interface SupplierRenamed {
  readonly type: 'SupplierRenamed';
  readonly data: { readonly afm: string; readonly name: string; readonly date: string };
}
export type SupplierEvent = SupplierRegistered | SupplierRenamed;

export const supplierStream = (afm: string) => `supplier-${afm}`;
