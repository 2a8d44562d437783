// What a POST requests.json says, checked against its request type and the municipality's bounds before
// anything is recorded: the location (coordinates inside the bounds, or an address), the description's
// length, the attributes' answers, the contact's shape. The first fault is refused in the catalogue's words.
import type { RequestType } from './catalogue.ts';
import { requestsErrors } from './errors.ts';
import type { ReporterContact, RequestLocation } from './events.ts';

/** The spec's limit for description. */
export const DESCRIPTION_MAX = 4000;

/** A rectangle in WGS 84 degrees: the municipality's territory, generously. */
export interface Bounds {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

/** The Paliki peninsula of Kefalonia, Lixouri and its villages, with a margin at sea. */
export const LIXOURI_BOUNDS: Bounds = { south: 38.15, west: 20.33, north: 38.32, east: 20.52 };

export const boundsText = (b: Bounds): string => `${b.south}–${b.north} N, ${b.west}–${b.east} E`;

export const withinBounds = (b: Bounds, lat: number, long: number): boolean => lat >= b.south && lat <= b.north && long >= b.west && long <= b.east;

export interface SubmissionInput {
  readonly lat?: string | undefined;
  readonly long?: string | undefined;
  readonly addressString?: string | undefined;
  readonly addressId?: string | undefined;
  readonly description?: string | undefined;
  readonly mediaUrl?: string | undefined;
  readonly email?: string | undefined;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly phone?: string | undefined;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

export interface CheckedSubmission {
  readonly location: RequestLocation;
  readonly description: string;
  readonly mediaUrl: string | null;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly contact: ReporterContact;
}

const DECIMAL = /^-?\d{1,3}(\.\d{1,12})?$/;
const EMAIL = /^[^\s@<>",;]{1,64}@[^\s@<>",;]+\.[^\s@<>",;]{2,}$/;
const PHONE = /^\+?[0-9 ()-]{5,20}$/;
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const trimmed = (value: string | undefined): string | null => {
  const t = value?.trim() ?? '';
  return t === '' ? null : t;
};

const limited = (column: string, value: string | null, max: number): string | null => {
  if (value !== null && value.length > max) throw requestsErrors.OD_REQUEST_FIELD_TOO_LONG({ column, max });
  return value;
};

/** A W3C date-time with its zone (the spec's format for every date), or null when it is not one. */
export const parseW3cDate = (value: string): Date | null => {
  if (!W3C.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

const locationOf = (input: SubmissionInput, bounds: Bounds): RequestLocation => {
  const lat = trimmed(input.lat);
  const long = trimmed(input.long);
  const address = limited('address_string', trimmed(input.addressString), 500);
  const addressId = limited('address_id', trimmed(input.addressId), 100);
  if ((lat === null) !== (long === null)) throw requestsErrors.OD_REQUEST_COORDINATES_INVALID();
  if (lat === null || long === null) {
    if (address === null && addressId === null) throw requestsErrors.OD_REQUEST_LOCATION_REQUIRED();
    return { lat: null, long: null, address, addressId };
  }
  if (!DECIMAL.test(lat) || !DECIMAL.test(long)) throw requestsErrors.OD_REQUEST_COORDINATES_INVALID();
  const [y, x] = [Number(lat), Number(long)];
  if (!withinBounds(bounds, y, x)) throw requestsErrors.OD_REQUEST_OUTSIDE_MUNICIPALITY({ bounds: boundsText(bounds) });
  return { lat: y, long: x, address, addressId };
};

const attributeFault = (column: string, reasonEl: string, reasonEn: string) => requestsErrors.OD_REQUEST_ATTRIBUTE_INVALID({ column, reasonEl, reasonEn });

const attributesOf = (type: RequestType, given: Readonly<Record<string, readonly string[]>>): Record<string, readonly string[]> => {
  const answers: Record<string, readonly string[]> = {};
  // An empty field of a form (a client that sends every input) is no answer.
  for (const [code, values] of Object.entries(given)) {
    if (values.every((v) => v.trim() === '')) continue;
    if (!type.attributes.some((a) => a.code === code && a.variable)) throw attributeFault(`attribute[${code}]`, 'δεν υπάρχει σε αυτό το είδος αιτήματος', 'this service has no such attribute');
  }
  for (const a of type.attributes) {
    if (!a.variable) continue;
    const column = `attribute[${a.code}]`;
    const values = (given[a.code] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) {
      if (a.required) throw attributeFault(column, 'είναι υποχρεωτικό', 'is required');
      continue;
    }
    if (values.length > 1 && a.datatype !== 'multivaluelist') throw attributeFault(column, 'παίρνει μία τιμή', 'takes one value');
    for (const v of values) {
      if (v.length > (a.datatype === 'text' ? 4000 : 500)) throw attributeFault(column, 'είναι πολύ μεγάλο', 'is too long');
      if ((a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') && !a.values.some((option) => option.key === v)) {
        throw attributeFault(column, `δεν είναι μία από τις τιμές (${a.values.map((o) => o.key).join(', ')})`, `is not one of the values (${a.values.map((o) => o.key).join(', ')})`);
      }
      if (a.datatype === 'number' && !/^-?\d+(\.\d+)?$/.test(v)) throw attributeFault(column, 'θέλει αριθμό', 'takes a number');
      if (a.datatype === 'datetime' && parseW3cDate(v) === null) throw attributeFault(column, 'θέλει ημερομηνία W3C', 'takes a W3C date-time');
    }
    answers[a.code] = values;
  }
  return answers;
};

const contactOf = (input: SubmissionInput): ReporterContact => {
  const email = limited('email', trimmed(input.email), 254);
  if (email !== null && !EMAIL.test(email)) throw requestsErrors.OD_REQUEST_EMAIL_INVALID();
  const phone = limited('phone', trimmed(input.phone), 20);
  if (phone !== null && !PHONE.test(phone)) throw requestsErrors.OD_REQUEST_PHONE_INVALID();
  return { email: email?.toLowerCase() ?? null, firstName: limited('first_name', trimmed(input.firstName), 100), lastName: limited('last_name', trimmed(input.lastName), 100), phone };
};

const mediaUrlOf = (value: string | null): string | null => {
  if (value === null) return null;
  limited('media_url', value, 2000);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw requestsErrors.OD_REQUEST_MEDIA_URL_INVALID();
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw requestsErrors.OD_REQUEST_MEDIA_URL_INVALID();
  return url.toString();
};

/** The submission for this type, checked and normalised; throws the first refusal. */
export const checkSubmission = (type: RequestType, input: SubmissionInput, bounds: Bounds): CheckedSubmission => {
  const description = trimmed(input.description) ?? '';
  if (description.length > DESCRIPTION_MAX) throw requestsErrors.OD_REQUEST_DESCRIPTION_TOO_LONG({ max: DESCRIPTION_MAX });
  return { location: locationOf(input, bounds), description, mediaUrl: mediaUrlOf(trimmed(input.mediaUrl)), attributes: attributesOf(type, input.attributes), contact: contactOf(input) };
};
