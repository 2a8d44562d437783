// The columns of the two exports and the names a header may give them, in English or Greek. Matching is
// by fold(): case, accents and space-or-underscore do not matter. Reports name columns in English.
import { headerDuplicate, headerMissing, headerUnknown } from './errors.ts';
import type { IngestError } from './errors.ts';
import { fold } from './fold.ts';

export type ImportKind = 'transactions' | 'assets';

interface ColumnSpec {
  /** The English header name, used in reports. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly required?: boolean;
  /** A second header with this column's name means that column: the assets export lists `name` twice. */
  readonly repeats?: string;
}

const transactionColumns: readonly ColumnSpec[] = [
  { name: 'date', aliases: ['ημερομηνία'], required: true },
  { name: 'type', aliases: ['είδος'], required: true },
  { name: 'kae', aliases: ['ΚΑΕ'], required: true },
  { name: 'amount', aliases: ['ποσό'], required: true },
  { name: 'document', aliases: ['παραστατικό'], required: true },
  { name: 'ref', aliases: ['σχετικό'] },
  { name: 'afm', aliases: ['ΑΦΜ'] },
  { name: 'name', aliases: ['επωνυμία'] },
  { name: 'natural_person', aliases: ['φυσικό_πρόσωπο'] },
  { name: 'ada', aliases: ['ΑΔΑ'] },
  { name: 'title', aliases: ['τίτλος'] },
  { name: 'description', aliases: ['αιτιολογία'] },
];

const assetColumns: readonly ColumnSpec[] = [
  { name: 'date', aliases: ['ημερομηνία'], required: true },
  { name: 'action', aliases: ['ενέργεια'], required: true },
  { name: 'asset', aliases: ['κωδικός', 'ακίνητο', 'περιουσιακό_στοιχείο'], required: true },
  { name: 'category', aliases: ['κατηγορία'] },
  { name: 'name', aliases: ['ονομασία'], repeats: 'counterparty_name' },
  { name: 'kaek', aliases: ['ΚΑΕΚ'] },
  { name: 'address', aliases: ['διεύθυνση'] },
  { name: 'lat', aliases: ['latitude', 'γεωγραφικό_πλάτος', 'πλάτος'] },
  { name: 'lon', aliases: ['longitude', 'γεωγραφικό_μήκος', 'μήκος'] },
  { name: 'value', aliases: ['αξία'] },
  { name: 'afm', aliases: ['ΑΦΜ'] },
  { name: 'counterparty_name', aliases: ['επωνυμία', 'αντισυμβαλλόμενος'] },
  { name: 'natural_person', aliases: ['φυσικό_πρόσωπο'] },
  { name: 'amount', aliases: ['ποσό'] },
  { name: 'ada', aliases: ['ΑΔΑ'] },
  { name: 'description', aliases: ['αιτιολογία'] },
];

const columnsOf: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = { transactions: transactionColumns, assets: assetColumns };

export interface Header {
  /** Column name → index of its field in a record. */
  readonly indexes: ReadonlyMap<string, number>;
  readonly width: number;
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
  const errors: IngestError[] = [];
  fields.forEach((field, index) => {
    if (field.trim() === '') return;
    const spec = lookups[kind].get(fold(field));
    if (!spec) {
      errors.push(headerUnknown(field.trim()));
      return;
    }
    const name = indexes.has(spec.name) && spec.repeats !== undefined ? spec.repeats : spec.name;
    if (indexes.has(name)) errors.push(headerDuplicate(name));
    else indexes.set(name, index);
  });
  for (const column of columnsOf[kind]) {
    if (column.required && !indexes.has(column.name)) errors.push(headerMissing(column.name));
  }
  return { header: { indexes, width: fields.length }, errors };
};
