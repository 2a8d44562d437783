// A log entry: one public event as RFC 8785 (JCS) canonical JSON, UTF-8. It is built from the event as
// stored, never as upcast, so that the leaf a reader rebuilds today is the leaf that was logged then.

/** The fields of an entry, all as the store holds them. */
export interface LogEntryFields {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  /** The schema version the data was written in. */
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly recordedAt: string;
  /** The hash chain's SHA-256, hex. */
  readonly hash: string;
}

/** RFC 8785: object keys sorted by UTF-16 code units, no whitespace, ECMAScript number and string forms. */
export const canonicalJson = (value: unknown): string => {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('JCS has no form for a non-finite number');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + canonicalJson(value[i]);
        return `${text}]`;
      }
      const object = value as Record<string, unknown>;
      // The default sort compares UTF-16 code units, as RFC 8785 orders keys.
      const keys = Object.keys(object).sort();
      let text = '{';
      let first = true;
      for (const key of keys) {
        const v = object[key];
        if (v === undefined) continue;
        text += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
        first = false;
      }
      return `${text}}`;
    }
    default:
      throw new TypeError(`JCS has no form for ${typeof value}`);
  }
};

export const logEntryText = (e: LogEntryFields): string =>
  canonicalJson({ position: e.position, id: e.id, stream: e.stream, revision: e.revision, type: e.type, schemaVersion: e.schemaVersion, data: e.data, recordedAt: e.recordedAt, hash: e.hash });

/** Entry bundles prefix each entry with a big-endian uint16 length. */
export const MAX_ENTRY_BYTES = 0xffff;

export const entryBundle = (entries: readonly Uint8Array[]): Uint8Array => {
  const total = entries.reduce((n, e) => n + 2 + e.length, 0);
  const bundle = new Uint8Array(total);
  const view = new DataView(bundle.buffer);
  let at = 0;
  for (const e of entries) {
    if (e.length > MAX_ENTRY_BYTES) throw new RangeError(`an entry of ${e.length} bytes does not fit an entry bundle`);
    view.setUint16(at, e.length);
    bundle.set(e, at + 2);
    at += 2 + e.length;
  }
  return bundle;
};

export const readEntryBundle = (bundle: Uint8Array): Uint8Array[] => {
  const view = new DataView(bundle.buffer, bundle.byteOffset, bundle.byteLength);
  const entries: Uint8Array[] = [];
  for (let at = 0; at < bundle.length; ) {
    if (at + 2 > bundle.length) throw new RangeError('an entry bundle ends inside a length');
    const length = view.getUint16(at);
    if (at + 2 + length > bundle.length) throw new RangeError('an entry bundle ends inside an entry');
    entries.push(bundle.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
};
