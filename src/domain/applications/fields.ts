// An application's form, checked against its service: each field by its type, with messages in Greek and
// English, the values kept as normalised strings (what the events and the document hold), and the fee
// the service's rate table gives for them.
import { Decimal } from 'decimal.js';
import { isValidAfm } from '../shared/codes/afm.ts';
import { isValidKaek } from '../shared/codes/kaek.ts';
import type { FieldDefinition, ServiceDefinition } from './catalogue.ts';

export interface FieldError {
  readonly field: string;
  readonly el: string;
  readonly en: string;
}

export interface CheckedFields {
  /**
   * Valid values, normalised. A field in error keeps what was typed (trimmed), so the form shows it again;
   * an empty optional field is left out.
   */
  readonly values: Record<string, string>;
  readonly errors: FieldError[];
}

/** Free text longer than this is not a form answer; a field's own `max` may lower (or raise) it. */
export const DEFAULT_TEXT_MAX = 500;
export const ADDRESS_MAX = 200;
/** Greece's bounding box, islands included (Gavdos 34.8 N, Othonoi 19.4 E, Kastellorizo 29.6 E). */
export const GREECE = { south: 34.5, north: 42, west: 19, east: 30 } as const;

type Verdict = { readonly value: string } | { readonly el: string; readonly en: string };

const ok = (value: string): Verdict => ({ value });
const bad = (el: string, en: string): Verdict => ({ el, en });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** As Greeks write a date (7/12/2026, 07-12-2026, 07.12.2026). */
const GREEK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

const realDate = (year: number, month: number, day: number): string | null => {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const checkDate = (text: string): Verdict => {
  const iso = ISO_DATE.exec(text);
  const greek = GREEK_DATE.exec(text);
  const date = iso ? realDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : greek ? realDate(Number(greek[3]), Number(greek[2]), Number(greek[1])) : null;
  return date === null ? bad('Δεν είναι έγκυρη ημερομηνία (ηη/μμ/εεεε).', 'Not a valid date (yyyy-mm-dd or dd/mm/yyyy).') : ok(date);
};

const checkTaxid = (text: string): Verdict => {
  const afm = text.replace(/[\s.-]/g, '');
  if (!/^\d{9}$/.test(afm)) return bad('Ο ΑΦΜ έχει 9 ψηφία.', 'A tax number (ΑΦΜ) has 9 digits.');
  return isValidAfm(afm) ? ok(afm) : bad('Ο ΑΦΜ δεν είναι έγκυρος (λάθος ψηφίο ελέγχου).', 'The tax number (ΑΦΜ) is not valid (wrong check digit).');
};

// 12 digits, as the Cadastre groups them or not, then for a horizontal property (οριζόντια ιδιοκτησία)
// its part after a slash: "050681526003/0/1" or "050681526003/0001".
const KAEK_SUFFIX = /^(?:\/\d{1,4}){1,2}$/;

const checkKaek = (text: string): Verdict => {
  const slash = text.indexOf('/');
  const [base, suffix] = slash < 0 ? [text, ''] : [text.slice(0, slash), text.slice(slash).replace(/\s/g, '')];
  if (!isValidKaek(base) || (suffix !== '' && !KAEK_SUFFIX.test(suffix)))
    return bad('Ο ΚΑΕΚ έχει 12 ψηφία, με προαιρετική κατάληξη όπως /0/1 (όπως στο Κτηματολόγιο).', 'A ΚΑΕΚ has 12 digits, optionally followed by a part such as /0/1 (as the Cadastre writes it).');
  return ok(`${base.replace(/[\s-]/g, '')}${suffix}`);
};

const checkText = (text: string, max: number): Verdict =>
  [...text].length > max ? bad(`Έως ${max} χαρακτήρες.`, `At most ${max} characters.`) : ok(text);

const checkAddress = (text: string): Verdict => checkText(text.replace(/\s+/g, ' '), ADDRESS_MAX);

const checkChoice = (field: FieldDefinition, text: string): Verdict =>
  field.choices?.some((c) => c.value === text) ? ok(text) : bad('Διαλέξτε μία από τις επιλογές.', 'Choose one of the options.');

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Greek writes the decimal comma; either separator is accepted, thousands separators are not. */
const decimalOf = (text: string): Decimal | null => {
  const plain = text.replace(',', '.');
  return DECIMAL.test(plain) ? new Decimal(plain) : null;
};

const checkNumber = (field: FieldDefinition, text: string): Verdict => {
  const n = decimalOf(text);
  if (n === null) return bad('Γράψτε έναν αριθμό (π.χ. 12,5).', 'Enter a number (e.g. 12.5).');
  if (field.min !== undefined && n.lessThan(field.min)) return bad(`Τουλάχιστον ${field.min}.`, `At least ${field.min}.`);
  if (field.max !== undefined && n.greaterThan(field.max)) return bad(`Το πολύ ${field.max}.`, `At most ${field.max}.`);
  return ok(n.toFixed());
};

const POINT = /^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/;

const checkPoint = (text: string): Verdict => {
  const match = POINT.exec(text);
  if (!match || match[1] === undefined || match[2] === undefined) return bad('Σημείο στον χάρτη ως «γεωγρ. πλάτος,μήκος» (π.χ. 38.2017,20.4386).', 'A map point as "latitude,longitude" (e.g. 38.2017,20.4386).');
  const [lat, long] = [new Decimal(match[1]), new Decimal(match[2])];
  if (lat.lessThan(GREECE.south) || lat.greaterThan(GREECE.north) || long.lessThan(GREECE.west) || long.greaterThan(GREECE.east))
    return bad('Το σημείο είναι εκτός Ελλάδας.', 'The point is outside Greece.');
  return ok(`${lat.toFixed()},${long.toFixed()}`);
};

// The debts context names a debt by the roll's year and assessment number (its stream is debt-<year>-<assessment>).
const DEBT = /^(\d{4})-([0-9A-Za-z][0-9A-Za-z./-]{0,31})$/;

const checkDebt = (text: string): Verdict =>
  DEBT.test(text.replace(/\s/g, '')) ? ok(text.replace(/\s/g, '')) : bad('Διαλέξτε μία από τις οφειλές σας (έτος-αριθμός βεβαίωσης).', 'Choose one of your debts (year-assessment number).');

const checkOne = (field: FieldDefinition, text: string): Verdict => {
  switch (field.type) {
    case 'text': return checkText(text, field.max ?? DEFAULT_TEXT_MAX);
    case 'date': return checkDate(text);
    case 'taxid': return checkTaxid(text);
    case 'kaek': return checkKaek(text);
    case 'address': return checkAddress(text);
    case 'choice': return checkChoice(field, text);
    case 'number': return checkNumber(field, text);
    case 'point': return checkPoint(text);
    case 'debt': return checkDebt(text);
    default: {
      const _exhaustive: never = field.type;
      return bad('Άγνωστος τύπος πεδίου.', 'Unknown field type.');
    }
  }
};

/** What a form or JSON body sent: text, or a number from JSON; anything else is no answer. */
const textOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
};

/** Checks the service's fields in `raw`; names the service does not have are ignored. */
export const validateFields = (service: ServiceDefinition, raw: Record<string, unknown>): CheckedFields => {
  const values: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const field of service.fields) {
    const text = Object.hasOwn(raw, field.name) ? textOf(raw[field.name]) : null;
    if (text === null || text === '') {
      if (field.required) errors.push({ field: field.name, el: 'Υποχρεωτικό πεδίο.', en: 'This field is required.' });
      continue;
    }
    const verdict = checkOne(field, text);
    if ('value' in verdict) values[field.name] = verdict.value;
    else {
      values[field.name] = text;
      errors.push({ field: field.name, el: verdict.el, en: verdict.en });
    }
  }
  const period = service.fee?.rates;
  const [from, to] = period ? [values[period.fromField], values[period.toField]] : [undefined, undefined];
  const datesValid = period && !errors.some((e) => e.field === period.fromField || e.field === period.toField);
  // ISO dates compare as text.
  if (period && datesValid && from !== undefined && to !== undefined && to < from)
    errors.push({ field: period.toField, el: 'Η λήξη πρέπει να είναι ίδια ή μετά την έναρξη.', en: 'The end must be on or after the start.' });
  return { values, errors };
};

const DAY_MS = 86_400_000;

const daysInclusive = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;

/**
 * The fee of an application whose fields validateFields accepted: the fixed amount, or the zone's rate ×
 * square metres × days from the start to the end inclusive, at least the minimum; rounded half up to
 * cents. Null when the service charges nothing.
 */
export const feeOf = (service: ServiceDefinition, values: Readonly<Record<string, string>>): Decimal | null => {
  const fee = service.fee;
  if (fee === null) return null;
  if (fee.fixed !== undefined) return new Decimal(fee.fixed).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const rates = fee.rates;
  if (rates === undefined) return null;
  const [choice, area, from, to] = [values[rates.field], values[rates.areaField], values[rates.fromField], values[rates.toField]];
  if (choice === undefined || area === undefined || from === undefined || to === undefined)
    throw new RangeError(`feeOf: ${service.code} needs ${rates.field}, ${rates.areaField}, ${rates.fromField} and ${rates.toField}; validate the fields first`);
  const row = rates.table.find((r) => r.choice === choice);
  if (!row) throw new RangeError(`feeOf: ${service.code} has no rate for ${rates.field} = ${choice}`);
  const days = daysInclusive(from, to);
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`feeOf: ${service.code}: the period ${from} – ${to} is not a period`);
  const amount = new Decimal(row.perSquareMetrePerDay).times(area).times(days);
  const atLeast = rates.minimum === undefined ? amount : Decimal.max(amount, rates.minimum);
  return atLeast.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
};
