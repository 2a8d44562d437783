// One data record seen through the header: cells by column name, each read with its parser, every
// refusal collected (not just the first) so that the report shows all that is wrong with the row.
import type { DomainError } from '../domain/index.ts';
import { isDomainError } from '../domain/index.ts';
import type { IngestError } from './errors.ts';
import { isIngestError } from './errors.ts';
import type { Header } from './headers.ts';
import { ingestErrors } from './ingestErrors.ts';
import type { CsvRecord } from './readRecords.ts';

/** A reason a row (or the file) is refused, from the import or from the domain: same shape. */
export type Refusal = IngestError | DomainError;

export const isRefusal = (e: unknown): e is Refusal => isIngestError(e) || isDomainError(e);

/** The parser of a free-text cell: its trimmed text as it is. */
export const asText = (raw: string): string => raw;

const isPadding = (fields: readonly string[], width: number): boolean => {
  for (let i = width; i < fields.length; i++) if (fields[i]!.trim() !== '') return false;
  return true;
};

// A class, not closures: a million rows should not make a million sets of functions.
export class Row {
  readonly line: number;
  readonly refusals: Refusal[] = [];
  readonly #fields: readonly string[];
  readonly #header: Header;

  constructor(record: CsvRecord, header: Header) {
    this.line = record.line;
    this.#fields = record.fields;
    this.#header = header;
    // Spreadsheets pad rows with empty cells past the last column; anything else off the header is an error.
    if (record.fields.length < header.width || !isPadding(record.fields, header.width)) this.refuse(ingestErrors.OD_FIELD_COUNT({ expected: header.width, found: record.fields.length }));
    for (const { column, index, maxLength } of header.limits) {
      const raw = record.fields[index];
      // The raw length first: trimming every cell of a million rows to measure it would cost more.
      if (raw !== undefined && raw.length > maxLength && raw.trim().length > maxLength) this.refuse(ingestErrors.OD_VALUE_TOO_LONG({ column, length: raw.trim().length, maxLength }));
    }
  }

  /** Trimmed text of a cell; null when the cell is empty or the file has no such column. */
  text(column: string): string | null {
    const index = this.#header.indexes.get(column);
    const value = index === undefined ? '' : (this.#fields[index] ?? '').trim();
    return value === '' ? null : value;
  }

  /** Parses a non-empty cell; null when it is empty or refused (the refusal is collected). */
  optional<T>(column: string, parse: (raw: string, column: string) => T): T | null {
    const raw = this.text(column);
    if (raw === null) return null;
    try {
      return parse(raw, column);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      this.refuse(error);
      return null;
    }
  }

  /** As `optional`, and an empty cell is refused too. */
  required<T>(column: string, parse: (raw: string, column: string) => T): T | null {
    if (this.text(column) === null) this.refuse(ingestErrors.OD_VALUE_MISSING({ column }));
    return this.optional(column, parse);
  }

  refuse(refusal: Refusal): void {
    this.refusals.push(refusal);
  }
}
