// A document's content, reduced to one number: the state keeps it instead of the fields, so a repeated
// document can be told apart (same content: a duplicate; other content: a conflict) in a few bytes.
//
// The content is hashed as it is walked, with no text built for it: an import computes one fingerprint per
// row. Keys are taken in sorted order at every level, because events read back from a store may list them
// in another order (PostgreSQL jsonb, EventStoreDB) and the same content must give the same fingerprint.
// Each value is written with a tag for its kind and, for strings, arrays and objects, its length first, so
// two different contents never read as the same sequence.

const STRING = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const NULL = 5;
const ARRAY = 6;
const OBJECT = 7;

/**
 * cyrb53, a public-domain 53-bit string hash, fed one code at a time. It is compared only between two
 * documents with the same type and number, so a collision (about 1 in 9·10^15) could at worst take a
 * conflicting row for a duplicate. Its two lanes live here: a fingerprint is computed synchronously, start to end.
 */
let h1 = 0;
let h2 = 0;

const mixCode = (code: number): void => {
  h1 = Math.imul(h1 ^ code, 2654435761);
  h2 = Math.imul(h2 ^ code, 1597334677);
};

const mixText = (text: string): void => {
  mixCode(STRING);
  mixCode(text.length);
  for (let i = 0; i < text.length; i++) mixCode(text.charCodeAt(i));
};

const mixValue = (value: unknown): void => {
  if (typeof value === 'string') return mixText(value);
  if (typeof value === 'number') {
    mixCode(NUMBER);
    return mixText(String(value));
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

/** Keys of the objects being walked, nested ones after their parent's: reused, as a sort would allocate per object. */
const keys: string[] = [];

const mixObject = (object: Readonly<Record<string, unknown>>): void => {
  const from = keys.length;
  // Undefined fields are not content: JSON drops them too. Insertion sort: an event has a dozen keys.
  for (const key in object) {
    if (!Object.hasOwn(object, key) || object[key] === undefined) continue;
    let at = keys.length;
    for (; at > from && keys[at - 1]! > key; at--) keys[at] = keys[at - 1]!;
    keys[at] = key;
  }
  const to = keys.length;
  mixCode(OBJECT);
  mixCode(to - from);
  for (let at = from; at < to; at++) {
    const key = keys[at]!;
    mixText(key);
    mixValue(object[key]);
  }
  keys.length = from;
};

/** The fingerprint of an event: its type and every data field. */
export const fingerprintOf = (event: { readonly type: string; readonly data: unknown }): number => {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  keys.length = 0;
  mixText(event.type);
  mixValue(event.data);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};
