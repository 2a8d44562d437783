// The import's refusals, each code once: reading the file, its header and its cells. What the values mean
// (signs, ΚΑΕ, references against the ledger) is the domain's to refuse, in its own catalogues.
import type { IngestRefusal } from './errors.ts';
import { ingestRefusals } from './errors.ts';

interface InColumn {
  readonly column: string;
}

interface AtLine {
  /** Where the file is refused: the line where its record starts. */
  readonly line: number;
}

interface Given extends InColumn {
  /** As written by the clerk. */
  readonly raw: string;
}

interface Word extends Given {
  /** The words the column takes, each `english|greek`. */
  readonly allowed: readonly string[];
}

const ENCODING_PROBLEMS = {
  utf16: { el: 'κωδικοποίηση UTF-16', en: 'UTF-16 encoding' },
  binary: { el: 'δυαδικά δεδομένα', en: 'binary data' },
  undecodable: { el: 'byte που δεν είναι χαρακτήρες', en: 'bytes that are not characters' },
} as const;

export type EncodingProblem = keyof typeof ENCODING_PROBLEMS;

/** The parser's code for a quote opened and never closed, the one CSV error a clerk is told in words. */
const QUOTE_NOT_CLOSED = 'CSV_QUOTE_NOT_CLOSED';

const count = (n: number, locale: 'el-GR' | 'en-GB'): string => n.toLocaleString(locale);

/** A word of a closed column (type, action, yes/no) that its vocabulary does not know. */
const unknownWord = (column: string): IngestRefusal<Word> => ({
  column,
  el: (p: Word) => `Άγνωστη τιμή «${p.raw}» στη στήλη «${p.column}»: επιτρέπονται ${p.allowed.join(', ')}`,
  en: (p: Word) => `Unknown value "${p.raw}" in column "${p.column}": use ${p.allowed.join(', ')}`,
});

export const ingestErrors = ingestRefusals({
  OD_FILE_EMPTY: {
    column: null,
    line: 1,
    el: () => 'Το αρχείο είναι κενό: λείπει η γραμμή επικεφαλίδων',
    en: () => 'The file is empty: the header line is missing',
  },
  OD_FILE_ENCODING: {
    column: null,
    el: (p: AtLine & { readonly problem: EncodingProblem }) =>
      `Το αρχείο δεν είναι κείμενο CSV σε UTF-8, Windows-1253 ή ISO-8859-7 (${ENCODING_PROBLEMS[p.problem].el})`,
    en: (p: AtLine & { readonly problem: EncodingProblem }) =>
      `The file is not CSV text in UTF-8, Windows-1253 or ISO-8859-7 (${ENCODING_PROBLEMS[p.problem].en})`,
  },
  OD_CSV_MALFORMED: {
    column: null,
    el: (p: AtLine & { readonly parserCode: string }) =>
      p.parserCode === QUOTE_NOT_CLOSED ? 'Μη έγκυρο CSV: εισαγωγικά που ανοίγουν εδώ δεν κλείνουν ποτέ' : `Μη έγκυρο CSV (${p.parserCode})`,
    en: (p: AtLine & { readonly parserCode: string }) =>
      p.parserCode === QUOTE_NOT_CLOSED ? 'Malformed CSV: a quote opened here is never closed' : `Malformed CSV (${p.parserCode})`,
  },
  OD_LINE_TOO_LONG: {
    column: null,
    el: (p: AtLine & { readonly maxChars: number }) =>
      `Η εγγραφή που αρχίζει σε αυτή τη γραμμή ξεπερνά τους ${count(p.maxChars, 'el-GR')} χαρακτήρες (ίσως εισαγωγικά που δεν κλείνουν)`,
    en: (p: AtLine & { readonly maxChars: number }) =>
      `The record that starts on this line is longer than ${count(p.maxChars, 'en-GB')} characters (perhaps a quote that never closes)`,
  },
  // `column` is the header as written: it names no column of the format.
  OD_HEADER_UNKNOWN: {
    column: null,
    line: 1,
    el: (p: InColumn) => `Άγνωστη στήλη «${p.column}»`,
    en: (p: InColumn) => `Unknown column "${p.column}"`,
  },
  OD_HEADER_MISSING: {
    column: null,
    line: 1,
    el: (p: InColumn) => `Λείπει η υποχρεωτική στήλη «${p.column}»`,
    en: (p: InColumn) => `The required column "${p.column}" is missing`,
  },
  OD_HEADER_DUPLICATE: {
    column: null,
    line: 1,
    el: (p: InColumn) => `Η στήλη «${p.column}» εμφανίζεται δύο φορές`,
    en: (p: InColumn) => `The column "${p.column}" appears twice`,
  },
  OD_FIELD_COUNT: {
    column: null,
    el: (p: { readonly expected: number; readonly found: number }) => `Η γραμμή έχει ${p.found} πεδία αντί για ${p.expected}`,
    en: (p: { readonly expected: number; readonly found: number }) => `The row has ${p.found} fields instead of ${p.expected}`,
  },
  OD_VALUE_TOO_LONG: {
    column: null,
    el: (p: InColumn & { readonly length: number; readonly maxLength: number }) =>
      `Η τιμή της στήλης «${p.column}» έχει ${count(p.length, 'el-GR')} χαρακτήρες· επιτρέπονται έως ${count(p.maxLength, 'el-GR')}`,
    en: (p: InColumn & { readonly length: number; readonly maxLength: number }) =>
      `The value of column "${p.column}" has ${count(p.length, 'en-GB')} characters; at most ${count(p.maxLength, 'en-GB')} are allowed`,
  },
  OD_VALUE_MISSING: {
    column: null,
    el: (p: InColumn) => `Λείπει η τιμή της στήλης «${p.column}»`,
    en: (p: InColumn) => `The column "${p.column}" has no value`,
  },
  // The same code as the domain's (sharedErrors), which refuses the value where this refuses the cell's
  // writing: clients and fixtures/bad/expected.json know one OD_DATE_INVALID, whichever level refused it.
  OD_DATE_INVALID: {
    column: 'date',
    el: (p: Given) => `Μη έγκυρη ημερομηνία «${p.raw}»: γράψτε ηη/μμ/εεεε ή εεεε-μμ-ηη`,
    en: (p: Given) => `Invalid date "${p.raw}": write dd/mm/yyyy or yyyy-mm-dd`,
  },
  // The domain's code too (sharedErrors: not a number), for the same reason as OD_DATE_INVALID.
  OD_AMOUNT_INVALID: {
    column: 'amount',
    el: (p: Given) => `Μη έγκυρο ποσό «${p.raw}»: γράψτε π.χ. 1.234,56 ή 1234.56`,
    en: (p: Given) => `Invalid amount "${p.raw}": write e.g. 1.234,56 or 1234.56`,
  },
  OD_NUMBER_INVALID: {
    column: null,
    el: (p: Given) => `Μη έγκυρος αριθμός «${p.raw}»`,
    en: (p: Given) => `Invalid number "${p.raw}"`,
  },
  OD_TYPE_UNKNOWN: unknownWord('type'),
  OD_ACTION_UNKNOWN: unknownWord('action'),
  OD_BOOLEAN_INVALID: unknownWord('natural_person'),
  // The domain's code too (ledgerErrors: `TYPE:` with no number): a clerk's bad `ref` is one code, whichever refused it.
  OD_REF_INVALID: {
    column: 'ref',
    el: (p: { readonly raw: string }) => `Μη έγκυρο σχετικό «${p.raw}»: γράψτε ΕΙΔΟΣ:ΠΑΡΑΣΤΑΤΙΚΟ, π.χ. δέσμευση:Δ-12`,
    en: (p: { readonly raw: string }) => `Invalid ref "${p.raw}": write TYPE:DOCUMENT, e.g. commitment:Δ-12`,
  },
  // `column`: the one of the two that is missing.
  OD_COORDINATES_INCOMPLETE: {
    column: null,
    el: (_: { readonly column: 'lat' | 'lon' }) => 'Οι συντεταγμένες θέλουν και γεωγραφικό πλάτος (lat) και μήκος (lon)',
    en: (_: { readonly column: 'lat' | 'lon' }) => 'Coordinates need both latitude (lat) and longitude (lon)',
  },
  OD_IMPORT_CONFLICT: {
    status: 409,
    column: null,
    line: 0,
    el: () => 'Άλλη εγγραφή άλλαξε το ίδιο οικονομικό έτος ή μητρώο κατά την εισαγωγή· δεν καταχωρίστηκε τίποτα. Δοκιμάστε ξανά.',
    en: () => 'Another writer changed the same fiscal year or register during the import; nothing was recorded. Please retry.',
  },
});
