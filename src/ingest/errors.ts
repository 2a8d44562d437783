// Refusals of the import itself (the file, its header, a value that cannot be read), as opposed to the
// domain's refusals (DomainError). Same shape: a stable code, the column, a message in Greek and English.

export class IngestError extends Error {
  constructor(
    readonly code: string,
    readonly messageEl: string,
    readonly messageEn: string,
    /** English header name of the column, or the header text as written for an unknown column. */
    readonly column: string | null = null,
    /** Set for file-level errors; row errors take the line of their row. 0: the import as a whole. */
    readonly line: number | null = null,
  ) {
    super(`${code}: ${messageEn}`);
    this.name = 'IngestError';
  }
}

export const isIngestError = (e: unknown): e is IngestError => e instanceof IngestError;

/** Some of the file's events were written by another import meanwhile, some not: rows cannot be told apart. */
export class ImportOvertaken extends Error {
  constructor() {
    super('Another import recorded some of the same rows meanwhile');
    this.name = 'ImportOvertaken';
  }
}

export const isImportOvertaken = (e: unknown): e is ImportOvertaken => e instanceof ImportOvertaken;

export const fileEmpty = (): IngestError =>
  new IngestError('OD_FILE_EMPTY', 'Το αρχείο είναι κενό: λείπει η γραμμή επικεφαλίδων', 'The file is empty: the header line is missing', null, 1);

const ENCODING_PROBLEMS = {
  utf16: { el: 'κωδικοποίηση UTF-16', en: 'UTF-16 encoding' },
  binary: { el: 'δυαδικά δεδομένα', en: 'binary data' },
  undecodable: { el: 'byte που δεν είναι χαρακτήρες', en: 'bytes that are not characters' },
} as const;

export const fileEncoding = (line: number, problem: keyof typeof ENCODING_PROBLEMS): IngestError =>
  new IngestError(
    'OD_FILE_ENCODING',
    `Το αρχείο δεν είναι κείμενο CSV σε UTF-8, Windows-1253 ή ISO-8859-7 (${ENCODING_PROBLEMS[problem].el})`,
    `The file is not CSV text in UTF-8, Windows-1253 or ISO-8859-7 (${ENCODING_PROBLEMS[problem].en})`,
    null,
    line,
  );

export const csvMalformed = (line: number, parserCode: string): IngestError =>
  parserCode === 'CSV_QUOTE_NOT_CLOSED'
    ? new IngestError('OD_CSV_MALFORMED', 'Μη έγκυρο CSV: εισαγωγικά που ανοίγουν εδώ δεν κλείνουν ποτέ', 'Malformed CSV: a quote opened here is never closed', null, line)
    : new IngestError('OD_CSV_MALFORMED', `Μη έγκυρο CSV (${parserCode})`, `Malformed CSV (${parserCode})`, null, line);

export const headerUnknown = (header: string): IngestError =>
  new IngestError('OD_HEADER_UNKNOWN', `Άγνωστη στήλη «${header}»`, `Unknown column "${header}"`, header, 1);

export const headerMissing = (column: string): IngestError =>
  new IngestError('OD_HEADER_MISSING', `Λείπει η υποχρεωτική στήλη «${column}»`, `The required column "${column}" is missing`, column, 1);

export const headerDuplicate = (column: string): IngestError =>
  new IngestError('OD_HEADER_DUPLICATE', `Η στήλη «${column}» εμφανίζεται δύο φορές`, `The column "${column}" appears twice`, column, 1);

export const fieldCount = (expected: number, found: number): IngestError =>
  new IngestError(
    'OD_FIELD_COUNT',
    `Η γραμμή έχει ${found} πεδία αντί για ${expected}`,
    `The row has ${found} fields instead of ${expected}`,
  );

const count = (n: number, locale: 'el-GR' | 'en-GB'): string => n.toLocaleString(locale);

export const valueTooLong = (column: string, length: number, maxLength: number): IngestError =>
  new IngestError(
    'OD_VALUE_TOO_LONG',
    `Η τιμή της στήλης «${column}» έχει ${count(length, 'el-GR')} χαρακτήρες· επιτρέπονται έως ${count(maxLength, 'el-GR')}`,
    `The value of column "${column}" has ${count(length, 'en-GB')} characters; at most ${count(maxLength, 'en-GB')} are allowed`,
    column,
  );

export const lineTooLong = (line: number, maxChars: number): IngestError =>
  new IngestError(
    'OD_LINE_TOO_LONG',
    `Η εγγραφή που αρχίζει σε αυτή τη γραμμή ξεπερνά τους ${count(maxChars, 'el-GR')} χαρακτήρες (ίσως εισαγωγικά που δεν κλείνουν)`,
    `The record that starts on this line is longer than ${count(maxChars, 'en-GB')} characters (perhaps a quote that never closes)`,
    null,
    line,
  );

export const valueMissing = (column: string): IngestError =>
  new IngestError('OD_VALUE_MISSING', `Λείπει η τιμή της στήλης «${column}»`, `The column "${column}" has no value`, column);

export const dateInvalid = (column: string, raw: string): IngestError =>
  new IngestError(
    'OD_DATE_INVALID',
    `Μη έγκυρη ημερομηνία «${raw}»: γράψτε ηη/μμ/εεεε ή εεεε-μμ-ηη`,
    `Invalid date "${raw}": write dd/mm/yyyy or yyyy-mm-dd`,
    column,
  );

export const amountInvalid = (column: string, raw: string): IngestError =>
  new IngestError(
    'OD_AMOUNT_INVALID',
    `Μη έγκυρο ποσό «${raw}»: γράψτε π.χ. 1.234,56 ή 1234.56`,
    `Invalid amount "${raw}": write e.g. 1.234,56 or 1234.56`,
    column,
  );

export const numberInvalid = (column: string, raw: string): IngestError =>
  new IngestError('OD_NUMBER_INVALID', `Μη έγκυρος αριθμός «${raw}»`, `Invalid number "${raw}"`, column);

export const wordUnknown = (code: string, column: string, raw: string, allowed: readonly string[]): IngestError =>
  new IngestError(
    code,
    `Άγνωστη τιμή «${raw}» στη στήλη «${column}»: επιτρέπονται ${allowed.join(', ')}`,
    `Unknown value "${raw}" in column "${column}": use ${allowed.join(', ')}`,
    column,
  );

export const refInvalid = (raw: string): IngestError =>
  new IngestError(
    'OD_REF_INVALID',
    `Μη έγκυρο σχετικό «${raw}»: γράψτε ΕΙΔΟΣ:ΠΑΡΑΣΤΑΤΙΚΟ, π.χ. δέσμευση:Δ-12`,
    `Invalid ref "${raw}": write TYPE:DOCUMENT, e.g. commitment:Δ-12`,
    'ref',
  );

export const coordinateMissing = (column: 'lat' | 'lon'): IngestError =>
  new IngestError(
    'OD_COORDINATES_INCOMPLETE',
    'Οι συντεταγμένες θέλουν και γεωγραφικό πλάτος (lat) και μήκος (lon)',
    'Coordinates need both latitude (lat) and longitude (lon)',
    column,
  );

export const importConflict = (): IngestError =>
  new IngestError(
    'OD_IMPORT_CONFLICT',
    'Άλλη εγγραφή άλλαξε το ίδιο οικονομικό έτος ή μητρώο κατά την εισαγωγή· δεν καταχωρίστηκε τίποτα. Δοκιμάστε ξανά.',
    'Another writer changed the same fiscal year or register during the import; nothing was recorded. Please retry.',
    null,
    0,
  );
