// One data record seen through the header: cells by column name, each read with its parser, every
// refusal collected (not just the first) so that the report shows all that is wrong with the row.
import type { DomainError } from '../domain/index.ts';
import { isDomainError } from '../domain/index.ts';
import type { IngestError } from './errors.ts';
import { fieldCount, isIngestError, valueMissing } from './errors.ts';
import type { Header } from './headers.ts';
import type { CsvRecord } from './readRecords.ts';

/** A reason a row (or the file) is refused, from the import or from the domain: same shape. */
export type Refusal = IngestError | DomainError;

export const isRefusal = (e: unknown): e is Refusal => isIngestError(e) || isDomainError(e);

export interface Row {
  readonly line: number;
  readonly refusals: readonly Refusal[];
  /** Trimmed text of a cell; null when the cell is empty or the file has no such column. */
  text(column: string): string | null;
  /** Parses a non-empty cell; null when it is empty or refused (the refusal is collected). */
  optional<T>(column: string, parse: (raw: string, column: string) => T): T | null;
  /** As `optional`, and an empty cell is refused too. */
  required<T>(column: string, parse: (raw: string, column: string) => T): T | null;
  refuse(refusal: Refusal): void;
}

/** The parser of a free-text cell: its trimmed text as it is. */
export const asText = (raw: string): string => raw;

const isPadding = (fields: readonly string[], width: number): boolean => fields.slice(width).every((field) => field.trim() === '');

export const rowOf = (record: CsvRecord, header: Header): Row => {
  const refusals: Refusal[] = [];
  const { fields } = record;
  // Spreadsheets pad rows with empty cells past the last column; anything else off the header is an error.
  if (fields.length < header.width || !isPadding(fields, header.width)) refusals.push(fieldCount(header.width, fields.length));

  const text = (column: string): string | null => {
    const index = header.indexes.get(column);
    const value = index === undefined ? '' : (fields[index] ?? '').trim();
    return value === '' ? null : value;
  };
  const optional = <T>(column: string, parse: (raw: string, column: string) => T): T | null => {
    const raw = text(column);
    if (raw === null) return null;
    try {
      return parse(raw, column);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      refusals.push(error);
      return null;
    }
  };
  return {
    line: record.line,
    refusals,
    text,
    optional,
    refuse: (refusal) => refusals.push(refusal),
    required(column, parse) {
      if (text(column) === null) refusals.push(valueMissing(column));
      return optional(column, parse);
    },
  };
};
