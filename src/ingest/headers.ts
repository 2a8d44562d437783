// A header read against the columns of an import kind (each kind's folder lists its own) and the names a
// header may give them, in English or Greek. Matching is by fold(): case, accents and space-or-underscore
// do not matter. Reports name columns in English.
import type { IngestError } from './errors.ts';
import { fold } from './fold.ts';
import { ingestErrors } from './ingestErrors.ts';

export interface ColumnSpec {
  /** The English header name, used in reports. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly required?: boolean;
  /** Longest cell accepted, in characters after trimming (fixtures/README.md lists them). */
  readonly maxLength: number;
  /** A second header with this column's name means that column: the assets export lists `name` twice. */
  readonly repeats?: string;
}

// Cell limits: a cell is stored in events, read models, pages and every live message, so one unbounded
// cell (a 10-million-character description once) swells them all. Generous beside real exports: the
// longest title of Athens' 2024 budget is 443 characters.
export const CODE_CHARS = 64;
export const LABEL_CHARS = 200;
export const NAME_CHARS = 500;
export const TEXT_CHARS = 4000;

export interface Header {
  /** Column name → index of its field in a record. */
  readonly indexes: ReadonlyMap<string, number>;
  readonly width: number;
  /** The columns present, each with its field's index and its longest cell. */
  readonly limits: readonly { readonly column: string; readonly index: number; readonly maxLength: number }[];
}

/** A kind's columns, with every name a header may give them folded once. */
export interface ImportColumns {
  readonly specs: readonly ColumnSpec[];
  readonly byName: ReadonlyMap<string, ColumnSpec>;
}

export const importColumns = (specs: readonly ColumnSpec[]): ImportColumns => ({
  specs,
  byName: new Map(specs.flatMap((column) => [column.name, ...column.aliases].map((alias) => [fold(alias), column] as const))),
});

/** Every problem of the header at once; an empty header cell (a trailing delimiter) is a column to ignore. */
export const matchHeader = (fields: readonly string[], columns: ImportColumns): { header: Header; errors: IngestError[] } => {
  const indexes = new Map<string, number>();
  const limits: { column: string; index: number; maxLength: number }[] = [];
  const errors: IngestError[] = [];
  fields.forEach((field, index) => {
    if (field.trim() === '') return;
    const spec = columns.byName.get(fold(field));
    if (!spec) {
      errors.push(ingestErrors.OD_HEADER_UNKNOWN({ column: field.trim() }));
      return;
    }
    const name = indexes.has(spec.name) && spec.repeats !== undefined ? spec.repeats : spec.name;
    if (indexes.has(name)) errors.push(ingestErrors.OD_HEADER_DUPLICATE({ column: name }));
    else {
      indexes.set(name, index);
      limits.push({ column: name, index, maxLength: spec.maxLength });
    }
  });
  for (const column of columns.specs) {
    if (column.required && !indexes.has(column.name)) errors.push(ingestErrors.OD_HEADER_MISSING({ column: column.name }));
  }
  return { header: { indexes, width: fields.length, limits }, errors };
};
