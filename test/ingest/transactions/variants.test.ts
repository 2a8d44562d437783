// Every accepted way of writing the same export: encodings, delimiters, number and date styles, header
// names, type words, yes/no words, line ends, quoting, column order, chunking. The first variant goes in;
// every other one must then be, row for row, a duplicate of it (the same document with the same content).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import iconv from 'iconv-lite';
import type { DocumentType, FiscalYearEvent } from '../../../src/domain/index.ts';
import { afmWithCheckDigit, streams } from '../../../src/domain/index.ts';
import { errorsOf, importBytes, streamEvents, withLedger } from '../harness.ts';

const AFM = afmWithCheckDigit('09401420');
const PERSON_AFM = afmWithCheckDigit('12345678');

interface Row {
  readonly date: string;
  readonly type: DocumentType;
  readonly kae: string;
  readonly cents: bigint;
  readonly document: string;
  readonly ref: { readonly type: DocumentType; readonly document: string; readonly typed: boolean } | null;
  readonly party: 'supplier' | 'person' | null;
  readonly ada: string | null;
  readonly title: string | null;
  readonly description: string | null;
}

const ROWS: readonly Row[] = [
  { date: '2025-01-02', type: 'budget', kae: '20-6641', cents: 1_234_567n, document: 'ΠΥ-1', ref: null, party: null, ada: 'ΨΑΛΜ46ΜΛΩ6-ΑΒΓ', title: 'Προμήθεια καυσίμων', description: null },
  { date: '2025-01-02', type: 'budget', kae: '0311.001', cents: 5_000_000n, document: 'ΠΥ-2', ref: null, party: null, ada: 'ΨΑΛΜ46ΜΛΩ6-ΑΒΓ', title: 'Τέλη καθαριότητας', description: null },
  { date: '2025-03-04', type: 'amendment', kae: '20-6641', cents: -100_000n, document: 'ΑΝ-1', ref: null, party: null, ada: 'Ω1Β246ΜΛΩ6-Ξ7Π', title: null, description: 'Μεταφορά στο αποθεματικό' },
  { date: '2025-03-05', type: 'commitment', kae: '20-6641', cents: 123_456n, document: 'ΑΑΥ-1', ref: null, party: 'supplier', ada: '6ΡΤΗ46ΜΛΩ6-Ζ4Κ', title: null, description: 'Προμήθεια πετρελαίου; «κίνησης»\nΆγιος Σπυρίδων: ΐ ΰ "Α"' },
  { date: '2025-03-20', type: 'order', kae: '20-6641', cents: 100_000n, document: 'ΧΕ-1', ref: { type: 'commitment', document: 'ΑΑΥ-1', typed: false }, party: 'supplier', ada: null, title: null, description: 'Τιμολόγιο 12/2025' },
  { date: '2025-03-21', type: 'payment', kae: '20-6641', cents: 100_000n, document: 'ΕΠ-1', ref: { type: 'order', document: 'ΧΕ-1', typed: false }, party: 'supplier', ada: null, title: null, description: null },
  { date: '2025-12-15', type: 'reversal', kae: '20-6641', cents: 3_456n, document: 'ΑΝΤ-1', ref: { type: 'commitment', document: 'ΑΑΥ-1', typed: true }, party: null, ada: null, title: null, description: 'Αποδέσμευση' },
  { date: '2025-02-10', type: 'assessment', kae: '0311.001', cents: 90_000n, document: 'ΒΕΒ-1', ref: null, party: 'person', ada: null, title: null, description: null },
  { date: '2025-02-11', type: 'receipt', kae: '0311.001', cents: 89_999n, document: 'ΓΕ-1', ref: { type: 'assessment', document: 'ΒΕΒ-1', typed: false }, party: 'person', ada: null, title: null, description: null },
  { date: '2025-02-12', type: 'receipt', kae: '0311.001', cents: 1_000n, document: 'ΓΕ-2', ref: null, party: null, ada: null, title: null, description: 'Είσπραξη στο ταμείο' },
];

const COLUMNS = ['date', 'type', 'kae', 'amount', 'document', 'ref', 'afm', 'name', 'natural_person', 'ada', 'title', 'description'] as const;
type Column = (typeof COLUMNS)[number];

const HEADERS: Readonly<Record<'english' | 'greek' | 'greekCaps' | 'spaced', Readonly<Record<Column, string>>>> = {
  english: { date: 'date', type: 'type', kae: 'kae', amount: 'amount', document: 'document', ref: 'ref', afm: 'afm', name: 'name', natural_person: 'natural_person', ada: 'ada', title: 'title', description: 'description' },
  greek: { date: 'ημερομηνία', type: 'είδος', kae: 'ΚΑΕ', amount: 'ποσό', document: 'παραστατικό', ref: 'σχετικό', afm: 'ΑΦΜ', name: 'επωνυμία', natural_person: 'φυσικό_πρόσωπο', ada: 'ΑΔΑ', title: 'τίτλος', description: 'αιτιολογία' },
  greekCaps: { date: 'ΗΜΕΡΟΜΗΝΙΑ', type: 'ΕΙΔΟΣ', kae: 'Κ.Α.Ε.', amount: 'ΠΟΣΟ', document: 'ΠΑΡΑΣΤΑΤΙΚΟ', ref: 'ΣΧΕΤΙΚΟ', afm: 'Α.Φ.Μ.', name: 'ΕΠΩΝΥΜΙΑ', natural_person: 'ΦΥΣΙΚΟ ΠΡΟΣΩΠΟ', ada: 'ΑΔΑ', title: 'ΤΙΤΛΟΣ', description: 'ΑΙΤΙΟΛΟΓΙΑ' },
  spaced: { date: 'Date', type: 'Type', kae: 'KAE', amount: 'Amount', document: 'Document', ref: 'Ref', afm: 'AFM', name: 'Name', natural_person: 'Natural Person', ada: 'ADA', title: 'Title', description: 'Description' },
};

const WORDS: Readonly<Record<'english' | 'greek' | 'caps', Readonly<Record<DocumentType, string>>>> = {
  english: { budget: 'budget', amendment: 'amendment', commitment: 'commitment', order: 'order', payment: 'payment', assessment: 'assessment', receipt: 'receipt', reversal: 'reversal' },
  greek: { budget: 'προϋπολογισμός', amendment: 'αναμόρφωση', commitment: 'δέσμευση', order: 'ένταλμα', payment: 'πληρωμή', assessment: 'βεβαίωση', receipt: 'είσπραξη', reversal: 'αντιλογισμός' },
  caps: { budget: 'ΠΡΟΥΠΟΛΟΓΙΣΜΟΣ', amendment: 'ΑΝΑΜΟΡΦΩΣΗ', commitment: 'ΔΕΣΜΕΥΣΗ', order: 'ΕΝΤΑΛΜΑ', payment: 'ΠΛΗΡΩΜΗ', assessment: 'ΒΕΒΑΙΩΣΗ', receipt: 'ΕΙΣΠΡΑΞΗ', reversal: 'ΑΝΤΙΛΟΓΙΣΜΟΣ' },
};

interface Style {
  readonly name: string;
  readonly encoding: 'utf-8' | 'utf-8-bom' | 'windows-1253' | 'iso-8859-7';
  readonly delimiter: ';' | ',';
  readonly headers: keyof typeof HEADERS;
  readonly words: keyof typeof WORDS;
  readonly amount: 'greek' | 'greekPlain' | 'point' | 'pointGrouped';
  readonly date: 'ddmmyyyy' | 'dmyyyy' | 'iso';
  readonly yesNo: readonly [string, string];
  readonly lineEnd: '\n' | '\r\n';
  readonly quoteAll: boolean;
  readonly reversedColumns: boolean;
  readonly chunkSize: number;
}

const amountText = (cents: bigint, style: Style['amount']): string => {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  const integer = (abs / 100n).toString();
  const fraction = (abs % 100n).toString().padStart(2, '0');
  const grouped = (separator: string) => integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  switch (style) {
    case 'greek':
      return `${sign}${grouped('.')},${fraction}`;
    case 'greekPlain':
      return `${sign}${integer},${fraction}`;
    case 'point':
      return `${sign}${integer}.${fraction}`;
    case 'pointGrouped':
      return `${sign}${grouped(',')}.${fraction}`;
  }
};

const dateText = (iso: string, style: Style['date']): string => {
  const [year, month, day] = iso.split('-') as [string, string, string];
  if (style === 'iso') return iso;
  return style === 'ddmmyyyy' ? `${day}/${month}/${year}` : `${Number(day)}/${Number(month)}/${year}`;
};

const cells = (row: Row, style: Style): Record<Column, string> => ({
  date: dateText(row.date, style.date),
  type: WORDS[style.words][row.type],
  kae: row.kae,
  amount: amountText(row.cents, style.amount),
  document: row.document,
  ref: row.ref === null ? '' : row.ref.typed ? `${WORDS[style.words][row.ref.type]}:${row.ref.document}` : row.ref.document,
  afm: row.party === 'supplier' ? AFM : row.party === 'person' ? PERSON_AFM : '',
  name: row.party === 'supplier' ? 'ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΠΑΛΙΚΗΣ Ε.Π.Ε.' : row.party === 'person' ? 'ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ' : '',
  natural_person: row.party === 'supplier' ? style.yesNo[1] : row.party === 'person' ? style.yesNo[0] : '',
  ada: row.ada ?? '',
  title: row.title ?? '',
  description: (row.description ?? '').replace(/\n/g, style.lineEnd),
});

const field = (text: string, style: Style): string =>
  style.quoteAll || text.includes(style.delimiter) || text.includes('"') || /[\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;

const render = (style: Style): Buffer => {
  const columns = style.reversedColumns ? [...COLUMNS].reverse() : [...COLUMNS];
  const lines = [columns.map((column) => field(HEADERS[style.headers][column], style)), ...ROWS.map((row) => columns.map((column) => field(cells(row, style)[column], style)))];
  const text = lines.map((line) => line.join(style.delimiter)).join(style.lineEnd) + style.lineEnd;
  if (style.encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  return iconv.encode(text, style.encoding);
};

const BASE: Style = {
  name: 'Greek export: UTF-8, ;, 1.234,56, dd/mm/yyyy, Greek headers and words, CRLF',
  encoding: 'utf-8',
  delimiter: ';',
  headers: 'greek',
  words: 'greek',
  amount: 'greek',
  date: 'ddmmyyyy',
  yesNo: ['ναι', 'όχι'],
  lineEnd: '\r\n',
  quoteAll: false,
  reversedColumns: false,
  chunkSize: 64 * 1024,
};

const VARIANTS: readonly Style[] = [
  { ...BASE, name: 'UTF-8 with BOM, LF', encoding: 'utf-8-bom', lineEnd: '\n' },
  { ...BASE, name: 'Windows-1253, 1234,56, d/m/yyyy, in 7-byte chunks', encoding: 'windows-1253', amount: 'greekPlain', date: 'dmyyyy', chunkSize: 7 },
  { ...BASE, name: 'ISO-8859-7, capital unaccented headers and words, 1/0', encoding: 'iso-8859-7', headers: 'greekCaps', words: 'caps', yesNo: ['1', '0'] },
  { ...BASE, name: 'English: ",", 1234.56, ISO dates, yes/no, LF', delimiter: ',', headers: 'english', words: 'english', amount: 'point', date: 'iso', yesNo: ['yes', 'no'], lineEnd: '\n' },
  { ...BASE, name: 'English with spaces and capitals, 1,234.56 quoted, true/false', delimiter: ',', headers: 'spaced', words: 'english', amount: 'pointGrouped', yesNo: ['true', 'false'] },
  { ...BASE, name: 'every field quoted, columns in another order, 1-byte chunks', quoteAll: true, reversedColumns: true, chunkSize: 1 },
  { ...BASE, name: 'Windows-1253 with "," and 1234.56', encoding: 'windows-1253', delimiter: ',', amount: 'point', yesNo: ['Ναι', 'ΟΧΙ'] },
];

test(
  'variants: the same export written every accepted way records the same documents',
  withLedger(async (store) => {
    const first = await importBytes(store, render(BASE), {}, BASE.chunkSize);
    assert.equal(errorsOf(first), []);
    assert.is(first.imported, ROWS.length);
    for (const style of VARIANTS) {
      const report = await importBytes(store, render(style), {}, style.chunkSize);
      assert.equal(errorsOf(report), [], style.name);
      assert.equal([report.outcome, report.rows, report.duplicates, report.imported], ['nothing_new', ROWS.length, ROWS.length, 0], style.name);
    }

    const events = await streamEvents<FiscalYearEvent>(store, streams.fiscalYear(2025));
    assert.is(events.length, ROWS.length);
    const commitment = events.find((event) => event.type === 'ExpenseCommitted');
    assert.equal(commitment?.data.amount, '1234.56');
    assert.equal(commitment?.data.description, 'Προμήθεια πετρελαίου; «κίνησης»\nΆγιος Σπυρίδων: ΐ ΰ "Α"');
    assert.equal(commitment?.type === 'ExpenseCommitted' && commitment.data.counterparty, { naturalPerson: false, afm: AFM, name: 'ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΠΑΛΙΚΗΣ Ε.Π.Ε.' });
    const amendment = events.find((event) => event.type === 'BudgetLineAmended');
    assert.is(amendment?.data.amount, '-1000.00');
    const assessment = events.find((event) => event.type === 'RevenueAssessed');
    // The person's ΑΦΜ and name were in the file; the ledger keeps neither.
    assert.equal(assessment?.type === 'RevenueAssessed' && assessment.data.counterparty, { naturalPerson: true, afm: null, name: null });
    assert.equal(
      events.filter((event) => event.type === 'DocumentReversed').map((event) => event.type === 'DocumentReversed' && event.data.reverses),
      [{ type: 'commitment', document: 'ΑΑΥ-1' }],
    );
  }),
);

test.run();
