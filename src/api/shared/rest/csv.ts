// Writing CSV in two dialects (see openapi.yaml): `excel` for a person opening the file in a Greek-locale
// spreadsheet, `rfc4180` for programs. A column knows what its cells are; the dialect decides how they look.
import type { components } from '../../openapi.d.ts';

export type CsvDialectName = components['schemas']['CsvDialect'];

export interface CsvDialect {
  readonly delimiter: ';' | ',';
  /** A UTF-8 byte-order mark: the only way Excel reads a CSV as UTF-8 when double-clicked. */
  readonly bom: boolean;
  readonly decimalComma: boolean;
  readonly yes: string;
  readonly no: string;
  /** Header cells in Greek and English for people, snake_case names for programs. */
  readonly bilingualHeader: boolean;
  /** Text cells that a spreadsheet would run as a formula (=, +, -, @) get a leading apostrophe. */
  readonly defuseFormulas: boolean;
}

export const CSV_DIALECTS: Readonly<Record<CsvDialectName, CsvDialect>> = {
  excel: { delimiter: ';', bom: true, decimalComma: true, yes: 'ναι', no: 'όχι', bilingualHeader: true, defuseFormulas: true },
  rfc4180: { delimiter: ',', bom: false, decimalComma: false, yes: 'true', no: 'false', bilingualHeader: false, defuseFormulas: false },
};

export type Cell = { readonly text: string | null } | { readonly amount: string } | { readonly flag: boolean | null };

export interface CsvColumn<Row> {
  /** snake_case, the header for programs and the field name in a Fiscal Data Package. */
  readonly name: string;
  readonly el: string;
  readonly en: string;
  readonly cell: (row: Row) => Cell;
}

const NEEDS_QUOTES = /[";,\r\n]/;
const FORMULA = /^[=+\-@\t\r]/;

const quoted = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

const cellText = (cell: Cell, dialect: CsvDialect): string => {
  if ('amount' in cell) return dialect.decimalComma ? cell.amount.replace('.', ',') : cell.amount;
  if ('flag' in cell) return cell.flag === null ? '' : cell.flag ? dialect.yes : dialect.no;
  if (cell.text === null) return '';
  return quoted(dialect.defuseFormulas && FORMULA.test(cell.text) ? `'${cell.text}` : cell.text);
};

export const csvHeader = <Row>(columns: readonly CsvColumn<Row>[], dialect: CsvDialect): string =>
  (dialect.bom ? '\uFEFF' : '') + columns.map((c) => quoted(dialect.bilingualHeader ? `${c.el} / ${c.en}` : c.name)).join(dialect.delimiter) + '\r\n';

export const csvLines = <Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], dialect: CsvDialect): string => {
  let text = '';
  for (const row of rows) text += columns.map((c) => cellText(c.cell(row), dialect)).join(dialect.delimiter) + '\r\n';
  return text;
};
