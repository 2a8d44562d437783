// The suppliers' views: legal entities by ΑΦΜ, with their totals overall and per year.
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
