// The catalogue of services (κατάλογος υπηρεσιών): one YAML file per service, read at start-up. The
// validator below is the only way a file becomes a ServiceDefinition, so a typo in a file stops the start
// with a message naming the file and the field, in Greek and in English, instead of a broken form later.
import { Decimal } from 'decimal.js';
import { isValidKae, parseKae } from '../shared/codes/kae.ts';
import { DEPARTMENT_SLUG } from '../identity/index.ts';

export type Bilingual = { readonly el: string; readonly en: string };
export type ApplicantKind = 'person' | 'company' | 'both';
export type FieldType = 'text' | 'date' | 'taxid' | 'kaek' | 'address' | 'choice' | 'number' | 'point' | 'debt';
// 'point' = a map point {lat, long} (within Greece); 'debt' = one of the applicant's own debts, "<year>-<assessment>"
export interface FieldDefinition {
  readonly name: string; // [a-z][a-zA-Z0-9]* e.g. "squareMetres"
  readonly type: FieldType;
  readonly label: Bilingual;
  readonly help?: Bilingual;
  readonly required: boolean;
  readonly choices?: readonly { readonly value: string; readonly label: Bilingual }[]; // for 'choice'
  readonly min?: number;
  readonly max?: number; // for 'number'; for 'text' maxLength via max
}
export interface AttachmentDefinition {
  readonly kind: string; // slug e.g. "tax-statement"
  readonly label: Bilingual;
  readonly help?: Bilingual;
  readonly required: boolean;
  readonly maxBytes: number;
  readonly formats: readonly ('pdf' | 'jpeg' | 'png')[];
}
export interface FeeRate {
  // a row of the rate table: euros per square metre per day in a zone
  readonly choice: string; // a value of the service's `feeBy.field` choice field (e.g. zone "a")
  readonly perSquareMetrePerDay: string; // decimal string
}
export interface FeeDefinition {
  readonly kae: string; // revenue code (ΚΑΕ) the fee is collected on, e.g. "0431"
  readonly fixed?: string; // a fixed fee (decimal string), or
  readonly rates?: { readonly field: string; readonly areaField: string; readonly fromField: string; readonly toField: string; readonly table: readonly FeeRate[]; readonly minimum?: string };
}
export type DecisionRule = 'no-debt' | 'debt-paid';
export type Decision = { readonly kind: 'instant'; readonly rule: DecisionRule } | { readonly kind: 'staff' };
export interface ServiceDefinition {
  readonly code: string; // slug: "no-debt-certificate"
  readonly title: Bilingual;
  readonly summary: Bilingual; // one line for the catalogue
  readonly description: Bilingual; // plain-language explanation (paragraphs separated by blank lines)
  readonly applicants: ApplicantKind;
  readonly fields: readonly FieldDefinition[];
  readonly attachments: readonly AttachmentDefinition[];
  readonly fee: FeeDefinition | null;
  readonly department: string; // a department slug (DEPARTMENT_SLUG of src/domain/identity/staffEvents.ts); staff with role clerk:<department> decide it
  readonly deadlineDays: number; // legal deadline in working days
  readonly decision: Decision;
  readonly document: { readonly title: Bilingual; readonly body: Bilingual }; // what the issued document says; body may use {placeholders} of field names and {holder}, {taxid}, {date}
}

export const APPLICANT_KINDS: readonly ApplicantKind[] = ['person', 'company', 'both'];
export const FIELD_TYPES: readonly FieldType[] = ['text', 'date', 'taxid', 'kaek', 'address', 'choice', 'number', 'point', 'debt'];
export const DECISION_RULES: readonly DecisionRule[] = ['no-debt', 'debt-paid'];
export const ATTACHMENT_FORMATS: readonly AttachmentDefinition['formats'][number][] = ['pdf', 'jpeg', 'png'];
/** The largest attachment a service may accept: 10 MB, the upload limit of the whole site. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Placeholders every document body may use besides the service's field names. */
export const DOCUMENT_PLACEHOLDERS: readonly string[] = ['holder', 'taxid', 'date'];

const SERVICE_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELD_NAME = /^[a-z][a-zA-Z0-9]*$/;
const CHOICE_VALUE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A non-negative amount in euros with at most two decimals ("0.50", "12"). */
const AMOUNT = /^\d+(?:\.\d{1,2})?$/;
/** A rate may be finer than a cent (0.125 € per m² per day); the fee is rounded, not the rate. */
const RATE = /^\d+(?:\.\d{1,4})?$/;

/** A catalogue file that cannot become a service: which file, which field, and why, in Greek and English. */
export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    /** A path into the file: `fields[2].type`, `fee.rates.table[0].choice`, or `line 4` for YAML syntax. */
    readonly field: string,
    readonly el: string,
    readonly en: string,
  ) {
    super(`${file}: ${field}: ${el} / ${en}`);
    this.name = 'CatalogueError';
  }
}

export const isCatalogueError = (e: unknown): e is CatalogueError => e instanceof CatalogueError;

type Mapping = Readonly<Record<string, unknown>>;

const isMapping = (value: unknown): value is Mapping => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one file: every check names the path it is at, so the messages need no other context. */
class Reader {
  constructor(readonly file: string) {}

  fail(path: string, el: string, en: string): never {
    throw new CatalogueError(this.file, path, el, en);
  }

  mapping(value: unknown, path: string, allowed: readonly string[]): Mapping {
    if (!isMapping(value)) this.fail(path, 'πρέπει να είναι αντιστοίχιση κλειδιών (key: value)', 'must be a mapping of keys (key: value)');
    // A misspelt key (`requried`) would otherwise be silently ignored.
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.fail(join(path, key), `άγνωστο πεδίο· επιτρέπονται: ${allowed.join(', ')}`, `unknown key; allowed: ${allowed.join(', ')}`);
    return value;
  }

  present(value: unknown, path: string): unknown {
    if (value === undefined || value === null) this.fail(path, 'λείπει', 'is missing');
    return value;
  }

  text(value: unknown, path: string): string {
    this.present(value, path);
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, 'πρέπει να είναι μη κενό κείμενο', 'must be non-empty text');
    return value.trim();
  }

  slug(value: unknown, path: string, pattern: RegExp, what: Bilingual): string {
    const text = this.text(value, path);
    if (!pattern.test(text)) this.fail(path, `«${text}»: ${what.el}`, `"${text}": ${what.en}`);
    return text;
  }

  bilingual(value: unknown, path: string): Bilingual {
    const m = this.mapping(this.present(value, path), path, ['el', 'en']);
    return { el: this.text(m.el, join(path, 'el')), en: this.text(m.en, join(path, 'en')) };
  }

  optionalBilingual(value: unknown, path: string): Bilingual | undefined {
    return value === undefined || value === null ? undefined : this.bilingual(value, path);
  }

  boolean(value: unknown, path: string): boolean {
    this.present(value, path);
    if (typeof value !== 'boolean') this.fail(path, 'πρέπει να είναι true ή false', 'must be true or false');
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
    const text = this.text(value, path);
    if (!(options as readonly string[]).includes(text)) this.fail(path, `άγνωστη τιμή «${text}»· επιτρέπονται: ${options.join(', ')}`, `unknown value "${text}"; allowed: ${options.join(', ')}`);
    return text as T;
  }

  positiveInteger(value: unknown, path: string): number {
    this.present(value, path);
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) this.fail(path, 'πρέπει να είναι θετικός ακέραιος', 'must be a positive integer');
    return value;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'πρέπει να είναι αριθμός', 'must be a number');
    return value;
  }

  list(value: unknown, path: string): readonly unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(path, 'πρέπει να είναι λίστα', 'must be a list');
    return value as readonly unknown[];
  }

  /** YAML reads 0.50 as the number 0.5; a quoted "0.50" stays text. Either is accepted, as a decimal string. */
  decimal(value: unknown, path: string, pattern: RegExp, what: Bilingual): string {
    this.present(value, path);
    const text = typeof value === 'number' && Number.isFinite(value) ? new Decimal(value).toFixed() : value;
    if (typeof text !== 'string' || !pattern.test(text.trim())) this.fail(path, what.el, what.en);
    return text.trim();
  }
}

const join = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

/** Names must be unique within a list (field names, attachment kinds, choice values). */
const unique = (r: Reader, items: readonly string[], path: string, key?: string): void => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item)) r.fail(key === undefined ? join(path, i) : join(join(path, i), key), `«${item}» εμφανίζεται δύο φορές`, `"${item}" appears twice`);
    seen.add(item);
  });
};

const readChoices = (r: Reader, value: unknown, path: string): NonNullable<FieldDefinition['choices']> => {
  const list = r.list(value, path);
  if (list.length === 0) r.fail(path, 'ένα πεδίο επιλογής χρειάζεται τουλάχιστον μία επιλογή', 'a choice field needs at least one choice');
  const choices = list.map((item, i) => {
    const p = join(path, i);
    const m = r.mapping(item, p, ['value', 'label']);
    // YAML reads `value: a` as text but `value: 1` as a number; a choice value is a slug either way.
    const raw = typeof m.value === 'number' ? String(m.value) : m.value;
    return { value: r.slug(raw, join(p, 'value'), CHOICE_VALUE, { el: 'πεζά λατινικά και ψηφία, λέξεις με παύλα', en: 'lower-case Latin letters and digits, words joined by hyphens' }), label: r.bilingual(m.label, join(p, 'label')) };
  });
  unique(r, choices.map((c) => c.value), path, 'value');
  return choices;
};

const FIELD_KEYS = ['name', 'type', 'label', 'help', 'required', 'choices', 'min', 'max'];

const readField = (r: Reader, value: unknown, path: string): FieldDefinition => {
  const m = r.mapping(value, path, FIELD_KEYS);
  const name = r.slug(m.name, join(path, 'name'), FIELD_NAME, { el: 'όνομα με λατινικά, πρώτο πεζό γράμμα (π.χ. squareMetres)', en: 'a Latin name starting with a lower-case letter (e.g. squareMetres)' });
  const type = r.oneOf(m.type, join(path, 'type'), FIELD_TYPES);
  const base = { name, type, label: r.bilingual(m.label, join(path, 'label')), required: r.boolean(m.required, join(path, 'required')) };
  const help = r.optionalBilingual(m.help, join(path, 'help'));
  const withHelp = help === undefined ? base : { ...base, help };
  if (type === 'choice') return { ...withHelp, choices: readChoices(r, m.choices, join(path, 'choices')) };
  if (m.choices !== undefined) r.fail(join(path, 'choices'), 'επιλογές έχει μόνο πεδίο τύπου choice', 'only a field of type choice has choices');
  if (type === 'number') return { ...withHelp, ...readRange(r, m, path) };
  if (type === 'text') {
    if (m.min !== undefined) r.fail(join(path, 'min'), 'ένα πεδίο text έχει μόνο μέγιστο μήκος (max)', 'a text field has only a maximum length (max)');
    return m.max === undefined ? withHelp : { ...withHelp, max: r.positiveInteger(m.max, join(path, 'max')) };
  }
  if (m.min !== undefined || m.max !== undefined) r.fail(join(path, m.min !== undefined ? 'min' : 'max'), 'όρια έχουν μόνο πεδία number (και max για text)', 'only number fields have bounds (and text a max)');
  return withHelp;
};

const readRange = (r: Reader, m: Mapping, path: string): { min?: number; max?: number } => {
  const min = m.min === undefined ? undefined : r.number(m.min, join(path, 'min'));
  const max = m.max === undefined ? undefined : r.number(m.max, join(path, 'max'));
  if (min !== undefined && max !== undefined && min > max) r.fail(join(path, 'max'), `το μέγιστο (${max}) είναι μικρότερο από το ελάχιστο (${min})`, `the maximum (${max}) is below the minimum (${min})`);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
};

const readAttachment = (r: Reader, value: unknown, path: string): AttachmentDefinition => {
  const m = r.mapping(value, path, ['kind', 'label', 'help', 'required', 'maxBytes', 'formats']);
  const kind = r.slug(m.kind, join(path, 'kind'), SERVICE_CODE, { el: 'πεζά λατινικά και ψηφία, λέξεις με παύλα (π.χ. tax-statement)', en: 'lower-case Latin letters and digits, words joined by hyphens (e.g. tax-statement)' });
  const maxBytes = r.positiveInteger(m.maxBytes, join(path, 'maxBytes'));
  if (maxBytes > MAX_ATTACHMENT_BYTES) r.fail(join(path, 'maxBytes'), `${maxBytes} bytes: πάνω από το όριο των 10 MB (${MAX_ATTACHMENT_BYTES})`, `${maxBytes} bytes: above the 10 MB limit (${MAX_ATTACHMENT_BYTES})`);
  const formatList = r.list(m.formats, join(path, 'formats'));
  if (formatList.length === 0) r.fail(join(path, 'formats'), 'χρειάζεται τουλάχιστον μία μορφή (pdf, jpeg, png)', 'needs at least one format (pdf, jpeg, png)');
  const formats = formatList.map((f, i) => r.oneOf(f, join(join(path, 'formats'), i), ATTACHMENT_FORMATS));
  unique(r, formats, join(path, 'formats'));
  const base = { kind, label: r.bilingual(m.label, join(path, 'label')), required: r.boolean(m.required, join(path, 'required')), maxBytes, formats };
  const help = r.optionalBilingual(m.help, join(path, 'help'));
  return help === undefined ? base : { ...base, help };
};

/** A field the fee reads must exist, be of the type the fee needs, and be required (no fee without it). */
const feeInput = (r: Reader, fields: readonly FieldDefinition[], value: unknown, path: string, type: FieldType): FieldDefinition => {
  const name = r.text(value, path);
  const field = fields.find((f) => f.name === name);
  if (!field) r.fail(path, `δεν υπάρχει πεδίο «${name}» στα fields`, `there is no field "${name}" in fields`);
  if (field.type !== type) r.fail(path, `το πεδίο «${name}» είναι ${field.type}, ενώ το τέλος χρειάζεται ${type}`, `the field "${name}" is ${field.type}, the fee needs ${type}`);
  if (!field.required) r.fail(path, `το πεδίο «${name}» πρέπει να είναι υποχρεωτικό (required: true), αφού το τέλος το χρειάζεται`, `the field "${name}" must be required (required: true), since the fee needs it`);
  return field;
};

const AMOUNT_TEXT: Bilingual = { el: 'πρέπει να είναι ποσό σε ευρώ με έως δύο δεκαδικά (π.χ. "12.50")', en: 'must be an amount in euros with at most two decimals (e.g. "12.50")' };
const RATE_TEXT: Bilingual = { el: 'πρέπει να είναι ποσό σε ευρώ ανά m² ανά ημέρα, έως τέσσερα δεκαδικά (π.χ. "0.50")', en: 'must be euros per m² per day, at most four decimals (e.g. "0.50")' };

const readRates = (r: Reader, value: unknown, path: string, fields: readonly FieldDefinition[]): NonNullable<FeeDefinition['rates']> => {
  const m = r.mapping(r.present(value, path), path, ['field', 'areaField', 'fromField', 'toField', 'table', 'minimum']);
  const zone = feeInput(r, fields, m.field, join(path, 'field'), 'choice');
  const areaField = feeInput(r, fields, m.areaField, join(path, 'areaField'), 'number').name;
  const fromField = feeInput(r, fields, m.fromField, join(path, 'fromField'), 'date').name;
  const toField = feeInput(r, fields, m.toField, join(path, 'toField'), 'date').name;
  if (fromField === toField) r.fail(join(path, 'toField'), 'η αρχή και το τέλος πρέπει να είναι διαφορετικά πεδία', 'the start and the end must be different fields');
  const tablePath = join(path, 'table');
  const table = r.list(m.table, tablePath).map((row, i): FeeRate => {
    const p = join(tablePath, i);
    const rm = r.mapping(row, p, ['choice', 'perSquareMetrePerDay']);
    const choice = r.text(typeof rm.choice === 'number' ? String(rm.choice) : rm.choice, join(p, 'choice'));
    if (!zone.choices?.some((c) => c.value === choice)) r.fail(join(p, 'choice'), `«${choice}» δεν είναι επιλογή του πεδίου ${zone.name}`, `"${choice}" is not a choice of the field ${zone.name}`);
    return { choice, perSquareMetrePerDay: r.decimal(rm.perSquareMetrePerDay, join(p, 'perSquareMetrePerDay'), RATE, RATE_TEXT) };
  });
  unique(r, table.map((t) => t.choice), tablePath, 'choice');
  // Every choice needs its rate, or some applicants could not be charged.
  for (const c of zone.choices ?? []) if (!table.some((t) => t.choice === c.value)) r.fail(tablePath, `λείπει η τιμή για την επιλογή «${c.value}» του πεδίου ${zone.name}`, `no rate for the choice "${c.value}" of the field ${zone.name}`);
  const base = { field: zone.name, areaField, fromField, toField, table };
  return m.minimum === undefined ? base : { ...base, minimum: r.decimal(m.minimum, join(path, 'minimum'), AMOUNT, AMOUNT_TEXT) };
};

const readFee = (r: Reader, value: unknown, fields: readonly FieldDefinition[]): FeeDefinition | null => {
  if (value === undefined || value === null) return null;
  const m = r.mapping(value, 'fee', ['kae', 'fixed', 'rates']);
  // Unquoted, YAML reads 0461.001 as the number 461.001: the leading zero is lost, hence the hint.
  if (typeof m.kae === 'number') r.fail('fee.kae', `γράψτε τον ΚΑΕ σε εισαγωγικά (kae: "0461.001"), αλλιώς χάνεται το αρχικό 0`, `write the ΚΑΕ in quotes (kae: "0461.001"), or its leading 0 is lost`);
  const kae = r.text(m.kae, 'fee.kae');
  if (!isValidKae(kae) || parseKae(kae).side !== 'revenue') r.fail('fee.kae', `«${kae}» δεν είναι ΚΑΕ εσόδων (τάξεις 0–5, π.χ. 0461.001)`, `"${kae}" is not a revenue ΚΑΕ (classes 0–5, e.g. 0461.001)`);
  const normalised = parseKae(kae).kae;
  if ((m.fixed === undefined) === (m.rates === undefined)) r.fail('fee', 'ορίστε ακριβώς ένα από fixed ή rates', 'give exactly one of fixed or rates');
  if (m.fixed !== undefined) return { kae: normalised, fixed: r.decimal(m.fixed, 'fee.fixed', AMOUNT, AMOUNT_TEXT) };
  return { kae: normalised, rates: readRates(r, m.rates, 'fee.rates', fields) };
};

const readDecision = (r: Reader, value: unknown, fields: readonly FieldDefinition[]): Decision => {
  const m = r.mapping(r.present(value, 'decision'), 'decision', ['kind', 'rule']);
  const kind = r.oneOf(m.kind, 'decision.kind', ['instant', 'staff'] as const);
  if (kind === 'staff') {
    if (m.rule !== undefined) r.fail('decision.rule', 'κανόνα έχει μόνο η άμεση απόφαση (kind: instant)', 'only an instant decision (kind: instant) has a rule');
    return { kind };
  }
  const rule = r.oneOf(m.rule, 'decision.rule', DECISION_RULES);
  // The rule debt-paid checks the debt the applicant names, so the form must ask for one.
  if (rule === 'debt-paid' && !fields.some((f) => f.type === 'debt' && f.required)) r.fail('decision.rule', 'ο κανόνας debt-paid χρειάζεται υποχρεωτικό πεδίο τύπου debt', 'the rule debt-paid needs a required field of type debt');
  return { kind, rule };
};

const PLACEHOLDER = /\{([^{}]*)\}/g;

const readDocument = (r: Reader, value: unknown, fields: readonly FieldDefinition[]): ServiceDefinition['document'] => {
  const m = r.mapping(r.present(value, 'document'), 'document', ['title', 'body']);
  const body = r.bilingual(m.body, 'document.body');
  const known = [...DOCUMENT_PLACEHOLDERS, ...fields.map((f) => f.name)];
  for (const lang of ['el', 'en'] as const)
    for (const [, name] of body[lang].matchAll(PLACEHOLDER))
      if (name === undefined || !known.includes(name)) r.fail(`document.body.${lang}`, `άγνωστο σύμβολο κράτησης {${name}}· επιτρέπονται: ${known.join(', ')}`, `unknown placeholder {${name}}; allowed: ${known.join(', ')}`);
  return { title: r.bilingual(m.title, 'document.title'), body };
};

const SERVICE_KEYS = ['code', 'title', 'summary', 'description', 'applicants', 'fields', 'attachments', 'fee', 'department', 'deadlineDays', 'decision', 'document'];

/** The file's name without folders and its .yaml/.yml ending: the service's code must be it. */
const baseName = (file: string): string => (file.split(/[\\/]/).pop() ?? file).replace(/\.ya?ml$/i, '');

/** Turns a parsed catalogue file into a service, or throws a CatalogueError naming `file` and the field. */
export const validateService = (raw: unknown, file: string): ServiceDefinition => {
  const r = new Reader(file);
  if (!isMapping(raw)) r.fail('(file)', 'το αρχείο πρέπει να περιέχει μία αντιστοίχιση κλειδιών (code:, title:, …)', 'the file must hold one mapping of keys (code:, title:, …)');
  const m = r.mapping(raw, '', SERVICE_KEYS);
  const code = r.slug(m.code, 'code', SERVICE_CODE, { el: 'πεζά λατινικά και ψηφία, λέξεις με παύλα (π.χ. no-debt-certificate)', en: 'lower-case Latin letters and digits, words joined by hyphens (e.g. no-debt-certificate)' });
  if (code !== baseName(file)) r.fail('code', `ο κωδικός «${code}» πρέπει να είναι ίδιος με το όνομα του αρχείου (${baseName(file)}.yaml)`, `the code "${code}" must match the file name (${baseName(file)}.yaml)`);
  const fields = r.list(m.fields, 'fields').map((f, i) => readField(r, f, join('fields', i)));
  unique(r, fields.map((f) => f.name), 'fields', 'name');
  const attachments = r.list(m.attachments, 'attachments').map((a, i) => readAttachment(r, a, join('attachments', i)));
  unique(r, attachments.map((a) => a.kind), 'attachments', 'kind');
  return {
    code,
    title: r.bilingual(m.title, 'title'),
    summary: r.bilingual(m.summary, 'summary'),
    description: r.bilingual(m.description, 'description'),
    applicants: r.oneOf(m.applicants, 'applicants', APPLICANT_KINDS),
    fields,
    attachments,
    fee: readFee(r, m.fee, fields),
    department: r.slug(m.department, 'department', DEPARTMENT_SLUG, { el: 'όνομα τμήματος με πεζά λατινικά, λέξεις με παύλα (π.χ. technical-services)', en: 'a department slug: lower-case Latin letters, words joined by hyphens (e.g. technical-services)' }),
    deadlineDays: r.positiveInteger(m.deadlineDays, 'deadlineDays'),
    decision: readDecision(r, m.decision, fields),
    document: readDocument(r, m.document, fields),
  };
};
