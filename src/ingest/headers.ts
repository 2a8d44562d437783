// The columns of the two exports and the names a header may give them, in English or Greek. Matching is
// by fold(): case, accents and space-or-underscore do not matter. Reports name columns in English.
import type { IngestError } from './errors.ts';
import { fold } from './fold.ts';
import { ingestErrors } from './ingestErrors.ts';

export type ImportKind = 'transactions' | 'assets';

interface ColumnSpec {
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

const transactionColumns: readonly ColumnSpec[] = [
  { name: 'date', aliases: ['ημερομηνία'], required: true, maxLength: CODE_CHARS },
  { name: 'type', aliases: ['είδος'], required: true, maxLength: CODE_CHARS },
  { name: 'kae', aliases: ['ΚΑΕ'], required: true, maxLength: CODE_CHARS },
  { name: 'amount', aliases: ['ποσό'], required: true, maxLength: CODE_CHARS },
  { name: 'document', aliases: ['παραστατικό'], required: true, maxLength: LABEL_CHARS },
  { name: 'ref', aliases: ['σχετικό'], maxLength: LABEL_CHARS },
  { name: 'afm', aliases: ['ΑΦΜ'], maxLength: CODE_CHARS },
  { name: 'name', aliases: ['επωνυμία'], maxLength: NAME_CHARS },
  { name: 'natural_person', aliases: ['φυσικό_πρόσωπο'], maxLength: CODE_CHARS },
  { name: 'ada', aliases: ['ΑΔΑ'], maxLength: CODE_CHARS },
  { name: 'title', aliases: ['τίτλος'], maxLength: TEXT_CHARS },
  { name: 'description', aliases: ['αιτιολογία'], maxLength: TEXT_CHARS },
];

const assetColumns: readonly ColumnSpec[] = [
  { name: 'date', aliases: ['ημερομηνία'], required: true, maxLength: CODE_CHARS },
  { name: 'action', aliases: ['ενέργεια'], required: true, maxLength: CODE_CHARS },
  { name: 'asset', aliases: ['κωδικός', 'ακίνητο', 'περιουσιακό_στοιχείο'], required: true, maxLength: LABEL_CHARS },
  { name: 'category', aliases: ['κατηγορία'], maxLength: LABEL_CHARS },
  { name: 'name', aliases: ['ονομασία'], repeats: 'counterparty_name', maxLength: NAME_CHARS },
  { name: 'kaek', aliases: ['ΚΑΕΚ'], maxLength: CODE_CHARS },
  { name: 'address', aliases: ['διεύθυνση'], maxLength: NAME_CHARS },
  { name: 'lat', aliases: ['latitude', 'γεωγραφικό_πλάτος', 'πλάτος'], maxLength: CODE_CHARS },
  { name: 'lon', aliases: ['longitude', 'γεωγραφικό_μήκος', 'μήκος'], maxLength: CODE_CHARS },
  { name: 'value', aliases: ['αξία'], maxLength: CODE_CHARS },
  { name: 'afm', aliases: ['ΑΦΜ'], maxLength: CODE_CHARS },
  { name: 'counterparty_name', aliases: ['επωνυμία', 'αντισυμβαλλόμενος'], maxLength: NAME_CHARS },
  { name: 'natural_person', aliases: ['φυσικό_πρόσωπο'], maxLength: CODE_CHARS },
  { name: 'amount', aliases: ['ποσό'], maxLength: CODE_CHARS },
  { name: 'ada', aliases: ['ΑΔΑ'], maxLength: CODE_CHARS },
  { name: 'description', aliases: ['αιτιολογία'], maxLength: TEXT_CHARS },
];

const columnsOf: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = { transactions: transactionColumns, assets: assetColumns };

export interface Header {
  /** Column name → index of its field in a record. */
  readonly indexes: ReadonlyMap<string, number>;
  readonly width: number;
  /** The columns present, each with its field's index and its longest cell. */
  readonly limits: readonly { readonly column: string; readonly index: number; readonly maxLength: number }[];
}

const lookupOf = (columns: readonly ColumnSpec[]): Map<string, ColumnSpec> =>
  new Map(columns.flatMap((column) => [column.name, ...column.aliases].map((alias) => [fold(alias), column] as const)));

const lookups: Readonly<Record<ImportKind, Map<string, ColumnSpec>>> = {
  transactions: lookupOf(transactionColumns),
  assets: lookupOf(assetColumns),
};

/** Every problem of the header at once; an empty header cell (a trailing delimiter) is a column to ignore. */
export const matchHeader = (fields: readonly string[], kind: ImportKind): { header: Header; errors: IngestError[] } => {
  const indexes = new Map<string, number>();
  const limits: { column: string; index: number; maxLength: number }[] = [];
  const errors: IngestError[] = [];
  fields.forEach((field, index) => {
    if (field.trim() === '') return;
    const spec = lookups[kind].get(fold(field));
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
  for (const column of columnsOf[kind]) {
    if (column.required && !indexes.has(column.name)) errors.push(ingestErrors.OD_HEADER_MISSING({ column: column.name }));
  }
  return { header: { indexes, width: fields.length, limits }, errors };
};
