// The documents of one type in a fiscal year, stored column-wise (a typed array per field, one row per
// document) rather than one object per document: a year of a million documents then costs about 80 bytes
// each (its number, its row in the index, five numbers and a line pointer) instead of about 200, which
// is what lets an import of a million rows stay under 512 MB.
//
// Amounts are cents in BigInt64Array columns: exact, and within ±9.2·10^18 cents, far beyond any
// municipal amount (documentRow.ts refuses larger ones before they could wrap around).
import type { BudgetLine } from './budgetLine.ts';

/** A document as the rules read it: a snapshot, taken when asked for. */
export interface TrackedDocument {
  /** Its row in its table. */
  readonly row: number;
  readonly fingerprint: number;
  readonly line: BudgetLine;
  readonly amount: bigint;
  readonly reversed: bigint;
  /** What follows it, net of reversals: ordered from a commitment, paid from an order, collected from an assessment. */
  readonly followed: bigint;
  /** The row, in its own table, of the document it follows (order → commitment, …), or null. */
  readonly follows: number | null;
}

const NOTHING = -1;

const doubled = <C extends { readonly length: number; set(column: C): void }>(column: C, make: (length: number) => C): C => {
  const larger = make(column.length * 2);
  larger.set(column);
  return larger;
};

export class DocumentTable {
  readonly #rows = new Map<string, number>();
  readonly #lines: BudgetLine[] = [];
  #fingerprints = new Float64Array(64);
  #amounts = new BigInt64Array(64);
  #reversed = new BigInt64Array(64);
  #followed = new BigInt64Array(64);
  #follows = new Int32Array(64);

  get size(): number {
    return this.#lines.length;
  }

  rowOf(document: string): number | undefined {
    return this.#rows.get(document);
  }

  fingerprintOf(document: string): number | undefined {
    const row = this.#rows.get(document);
    return row === undefined ? undefined : this.#fingerprints[row];
  }

  get(document: string): TrackedDocument | undefined {
    const row = this.#rows.get(document);
    return row === undefined ? undefined : this.at(row);
  }

  at(row: number): TrackedDocument {
    const line = this.#lines[row];
    if (line === undefined) throw new RangeError(`No document at row ${row}`);
    const follows = this.#follows[row] ?? NOTHING;
    return {
      row,
      fingerprint: this.#fingerprints[row] ?? 0,
      line,
      amount: this.#amounts[row] ?? 0n,
      reversed: this.#reversed[row] ?? 0n,
      followed: this.#followed[row] ?? 0n,
      follows: follows === NOTHING ? null : follows,
    };
  }

  add(document: string, fingerprint: number, line: BudgetLine, amount: bigint, follows: number | null): number {
    const row = this.#lines.length;
    if (row === this.#amounts.length) this.#grow();
    this.#rows.set(document, row);
    this.#lines.push(line);
    this.#fingerprints[row] = fingerprint;
    this.#amounts[row] = amount;
    this.#follows[row] = follows ?? NOTHING;
    return row;
  }

  addReversed(row: number, cents: bigint): void {
    this.#reversed[row] = (this.#reversed[row] ?? 0n) + cents;
  }

  addFollowed(row: number, cents: bigint): void {
    this.#followed[row] = (this.#followed[row] ?? 0n) + cents;
  }

  #grow(): void {
    this.#fingerprints = doubled(this.#fingerprints, (length) => new Float64Array(length));
    this.#amounts = doubled(this.#amounts, (length) => new BigInt64Array(length));
    this.#reversed = doubled(this.#reversed, (length) => new BigInt64Array(length));
    this.#followed = doubled(this.#followed, (length) => new BigInt64Array(length));
    this.#follows = doubled(this.#follows, (length) => new Int32Array(length));
  }
}
