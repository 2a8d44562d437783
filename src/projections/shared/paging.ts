// Relay-style cursors: opaque base64url of the sort key, so a page boundary never shifts under inserts.

export const MAX_PAGE = 500;

export class InvalidCursor extends Error {
  readonly code = 'OD_INVALID_CURSOR';
  constructor() {
    super('Μη έγκυρος δρομέας σελίδας / Invalid page cursor');
  }
}

export const pageSize = (first: number | null | undefined, fallback = 50): number => Math.min(Math.max(1, Math.floor(first ?? fallback)), MAX_PAGE);

export const encodeCursor = (key: readonly (string | number)[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export const decodeCursor = (cursor: string | null | undefined, shape: readonly ('string' | 'number')[]): (string | number)[] | null => {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => typeof v === shape[i])) return key as (string | number)[];
  } catch {
    // fall through to the typed error
  }
  throw new InvalidCursor();
};
