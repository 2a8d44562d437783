// A document's content, reduced to one number: the state keeps it instead of the fields, so a repeated
// document can be told apart (same content: a duplicate; other content: a conflict) in a few bytes.
//
// The content is hashed as it is walked, with no text built for it: an import computes one fingerprint per
// row. Events read back from a store may list keys in another order (PostgreSQL jsonb, EventStoreDB), and
// the same content must give the same fingerprint: each field of an object is hashed on its own, key and
// value, and the fields' hashes are added up, which no order changes. Each value is written with a tag for
// its kind and, for strings and arrays, its length first, so two different contents never read the same.

const STRING = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const NULL = 5;
const ARRAY = 6;
const OBJECT = 7;

const SEED_1 = 0xdeadbeef;
const SEED_2 = 0x41c6ce57;

/**
 * cyrb53, a public-domain 53-bit string hash, fed one code at a time. It is compared only between two
 * documents with the same type and number, so a collision (about 1 in 9·10^15) could at worst take a
 * conflicting row for a duplicate. Its two lanes live here: a fingerprint is computed synchronously, start to end.
 */
let h1 = SEED_1;
let h2 = SEED_2;

const mixCode = (code: number): void => {
  h1 = Math.imul(h1 ^ code, 2654435761);
  h2 = Math.imul(h2 ^ code, 1597334677);
};

const mixText = (text: string): void => {
  mixCode(STRING);
  mixCode(text.length);
  let a = h1;
  let b = h2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 2654435761);
    b = Math.imul(b ^ code, 1597334677);
  }
  h1 = a;
  h2 = b;
};

/** Mixes the two lanes into each other: the end of a hash (and of each field's). */
const finish = (): void => {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  h1 = a;
};

const mixValue = (value: unknown): void => {
  if (typeof value === 'string') return mixText(value);
  if (typeof value === 'number') {
    mixCode(NUMBER);
    // The same number always takes the same way: small integers as they are, others as their JSON text.
    return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? mixCode(value) : mixText(String(value));
  }
  if (typeof value === 'boolean') return mixCode(value ? TRUE : FALSE);
  // As in JSON: a missing array element is null.
  if (value === null || value === undefined) return mixCode(NULL);
  if (Array.isArray(value)) {
    mixCode(ARRAY);
    mixCode(value.length);
    for (const element of value) mixValue(element);
    return;
  }
  if (typeof value === 'object') return mixObject(value as Readonly<Record<string, unknown>>);
  throw new TypeError(`A fingerprint is of JSON data, not of a ${typeof value}`);
};

const mixObject = (object: Readonly<Record<string, unknown>>): void => {
  const outer1 = h1;
  const outer2 = h2;
  let sum1 = 0;
  let sum2 = 0;
  let fields = 0;
  for (const key in object) {
    const value = object[key];
    // Undefined fields are not content: JSON drops them too.
    if (value === undefined || !Object.hasOwn(object, key)) continue;
    h1 = SEED_1;
    h2 = SEED_2;
    mixText(key);
    mixValue(value);
    finish();
    sum1 = (sum1 + h1) | 0;
    sum2 = (sum2 + h2) | 0;
    fields++;
  }
  h1 = outer1;
  h2 = outer2;
  mixCode(OBJECT);
  mixCode(fields);
  mixCode(sum1);
  mixCode(sum2);
};

/** The fingerprint of an event: its type and every data field. */
export const fingerprintOf = (event: { readonly type: string; readonly data: unknown }): number => {
  h1 = SEED_1;
  h2 = SEED_2;
  mixText(event.type);
  mixValue(event.data);
  finish();
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};
