// The request types (είδη αιτημάτων) of config/requests.yaml: what GET services.json lists and, for those with
// `metadata: true`, the attributes GET services/<code>.json defines, in the GeoReport v2 spec's own terms.
// Validated whole at start-up: a wrong entry stops the start with its path (`services[2].attributes[0].datatype`).
import type { Bilingual } from '../applications/index.ts';
import { CatalogueError } from '../applications/index.ts';

export type ServiceType = 'realtime' | 'batch' | 'blackbox';
export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

const SERVICE_TYPES: readonly ServiceType[] = ['realtime', 'batch', 'blackbox'];
const DATATYPES: readonly AttributeDatatype[] = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];

export interface AttributeValue {
  readonly key: string;
  readonly name: Bilingual;
}

export interface RequestAttribute {
  readonly code: string;
  /** false: an instruction shown to the reporter, which takes no answer. */
  readonly variable: boolean;
  readonly datatype: AttributeDatatype;
  readonly required: boolean;
  readonly datatypeDescription: Bilingual | null;
  readonly order: number;
  readonly description: Bilingual;
  readonly values: readonly AttributeValue[];
}

export interface RequestType {
  readonly code: string;
  readonly name: Bilingual;
  readonly description: Bilingual;
  readonly group: Bilingual;
  readonly keywords: readonly string[];
  readonly type: ServiceType;
  readonly metadata: boolean;
  /** The department that fixes it (agency_responsible). */
  readonly agency: Bilingual;
  readonly department: string;
  /** Days the department aims to take, for expected_datetime; none when it cannot say. */
  readonly expectedDays: number | null;
  readonly attributes: readonly RequestAttribute[];
}

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ATTRIBUTE_CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

type Raw = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A reader of one file's entries: each failure names the file and the path into it. */
const reader = (file: string) => {
  const fail = (path: string, el: string, en: string): never => {
    throw new CatalogueError(file, path, el, en);
  };
  const text = (raw: Raw, key: string, path: string, max = 4000): string => {
    const value = raw[key];
    if (typeof value !== 'string' || value.trim() === '' || value.length > max) fail(`${path}${key}`, `θέλει κείμενο έως ${max} χαρακτήρες`, `takes a text of up to ${max} characters`);
    return (value as string).trim();
  };
  const bilingual = (raw: Raw, key: string, path: string, max?: number): Bilingual => {
    const value = raw[key];
    if (!isRecord(value)) return fail(`${path}${key}`, 'θέλει el και en', 'takes el and en');
    return { el: text(value, 'el', `${path}${key}.`, max), en: text(value, 'en', `${path}${key}.`, max) };
  };
  const flag = (raw: Raw, key: string, path: string, fallback?: boolean): boolean => {
    const value = raw[key] ?? fallback;
    if (typeof value !== 'boolean') fail(`${path}${key}`, 'θέλει true ή false', 'takes true or false');
    return value as boolean;
  };
  const oneOf = <T extends string>(raw: Raw, key: string, path: string, allowed: readonly T[]): T => {
    const value = raw[key];
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) fail(`${path}${key}`, `θέλει ένα από: ${allowed.join(', ')}`, `takes one of: ${allowed.join(', ')}`);
    return value as T;
  };
  return { fail, text, bilingual, flag, oneOf };
};

const attributeOf = (r: ReturnType<typeof reader>, raw: unknown, path: string): RequestAttribute => {
  if (!isRecord(raw)) return r.fail(path, 'θέλει αντικείμενο', 'takes an object');
  const code = r.text(raw, 'code', `${path}.`, 64);
  if (!ATTRIBUTE_CODE.test(code)) r.fail(`${path}.code`, 'πεζά λατινικά, ψηφία, - και _', 'lower-case latin letters, digits, - and _');
  const datatype = r.oneOf(raw, 'datatype', `${path}.`, DATATYPES);
  const order = raw['order'];
  if (typeof order !== 'number' || !Number.isInteger(order) || order < 1) r.fail(`${path}.order`, 'θέλει ακέραιο από 1', 'takes an integer from 1');
  const listed = datatype === 'singlevaluelist' || datatype === 'multivaluelist';
  const rawValues = raw['values'] ?? [];
  if (!Array.isArray(rawValues) || (listed && rawValues.length === 0) || (!listed && rawValues.length > 0)) {
    r.fail(`${path}.values`, 'τιμές μόνο, και πάντα, για λίστες', 'values for lists only, and always for them');
  }
  const values = (rawValues as unknown[]).map((v, i): AttributeValue => {
    if (!isRecord(v)) return r.fail(`${path}.values[${i}]`, 'θέλει key και name', 'takes key and name');
    return { key: r.text(v, 'key', `${path}.values[${i}].`, 64), name: r.bilingual(v, 'name', `${path}.values[${i}].`, 200) };
  });
  if (new Set(values.map((v) => v.key)).size !== values.length) r.fail(`${path}.values`, 'δύο τιμές με το ίδιο key', 'two values with one key');
  return {
    code,
    variable: r.flag(raw, 'variable', `${path}.`, true),
    datatype,
    required: r.flag(raw, 'required', `${path}.`),
    datatypeDescription: raw['datatype_description'] === undefined ? null : r.bilingual(raw, 'datatype_description', `${path}.`, 500),
    order: order as number,
    description: r.bilingual(raw, 'description', `${path}.`, 1000),
    values,
  };
};

const requestTypeOf = (r: ReturnType<typeof reader>, raw: unknown, path: string): RequestType => {
  if (!isRecord(raw)) return r.fail(path, 'θέλει αντικείμενο', 'takes an object');
  const code = r.text(raw, 'service_code', `${path}.`, 64);
  if (!CODE.test(code)) r.fail(`${path}.service_code`, 'πεζά λατινικά, ψηφία και -', 'lower-case latin letters, digits and -');
  const keywords = raw['keywords'] ?? [];
  if (!Array.isArray(keywords) || keywords.some((k) => typeof k !== 'string' || k.trim() === '' || k.includes(','))) {
    r.fail(`${path}.keywords`, 'θέλει λίστα λέξεων χωρίς κόμμα', 'takes a list of words without commas');
  }
  const rawAttributes = raw['attributes'] ?? [];
  if (!Array.isArray(rawAttributes)) return r.fail(`${path}.attributes`, 'θέλει λίστα', 'takes a list');
  const attributes = rawAttributes.map((a, i) => attributeOf(r, a, `${path}.attributes[${i}]`));
  if (new Set(attributes.map((a) => a.code)).size !== attributes.length) r.fail(`${path}.attributes`, 'δύο ιδιότητες με τον ίδιο κωδικό', 'two attributes with one code');
  const metadata = r.flag(raw, 'metadata', `${path}.`);
  // The spec: metadata says whether a definition (services/<code>) has attributes to fetch.
  if (metadata !== attributes.length > 0) r.fail(`${path}.metadata`, 'true αν και μόνο αν υπάρχουν attributes', 'true if and only if there are attributes');
  const expected = raw['expected_days'] ?? null;
  if (expected !== null && (typeof expected !== 'number' || !Number.isInteger(expected) || expected < 1 || expected > 365)) {
    r.fail(`${path}.expected_days`, 'θέλει ακέραιο 1–365', 'takes an integer 1–365');
  }
  const department = r.text(raw, 'department', `${path}.`, 64);
  return {
    code,
    name: r.bilingual(raw, 'service_name', `${path}.`, 200),
    description: r.bilingual(raw, 'description', `${path}.`, 1000),
    group: r.bilingual(raw, 'group', `${path}.`, 200),
    keywords: (keywords as string[]).map((k) => k.trim()),
    type: r.oneOf(raw, 'type', `${path}.`, SERVICE_TYPES),
    metadata,
    agency: r.bilingual(raw, 'agency', `${path}.`, 200),
    department,
    expectedDays: expected as number | null,
    attributes: [...attributes].sort((a, b) => a.order - b.order),
  };
};

/** The whole catalogue from the parsed YAML (`services: [...]`); two types with one code are refused. */
export const validateRequestTypes = (raw: unknown, file: string): readonly RequestType[] => {
  const r = reader(file);
  if (!isRecord(raw) || !Array.isArray(raw['services']) || raw['services'].length === 0) return r.fail('services', 'θέλει λίστα ειδών αιτημάτων', 'takes a list of request types');
  const types = (raw['services'] as unknown[]).map((entry, i) => requestTypeOf(r, entry, `services[${i}]`));
  const seen = new Set<string>();
  types.forEach((t, i) => {
    if (seen.has(t.code)) r.fail(`services[${i}].service_code`, `ο κωδικός «${t.code}» υπάρχει ήδη`, `the code "${t.code}" is already taken`);
    seen.add(t.code);
  });
  return types;
};

