// A document's content, reduced to one number: the state keeps it instead of the fields, so a repeated
// document can be told apart (same content: a duplicate; other content: a conflict) in a few bytes.

/**
 * JSON with keys sorted at every level: events read back from a store may list keys in another order
 * (PostgreSQL jsonb, EventStoreDB), and the same content must give the same fingerprint.
 */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/**
 * cyrb53, a public-domain 53-bit string hash. It is compared only between two documents with the same
 * type and number, so a collision (about 1 in 9·10^15) could at worst take a conflicting row for a duplicate.
 */
const cyrb53 = (text: string): number => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ char, 2654435761);
    h2 = Math.imul(h2 ^ char, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};

/** The fingerprint of an event: its type and every data field. */
export const fingerprintOf = (event: { readonly type: string; readonly data: unknown }): number =>
  cyrb53(canonical({ type: event.type, data: event.data }));
