// The messages between the server's thread and the worker thread that holds PGlite (pgliteWorker.ts).
// Every request carries an id and gets one answer with it; statements of a transaction carry its id, and
// the worker runs them inside that transaction while every other request waits, as PGlite does in-process.

export interface PgliteWorkerData {
  /** A data directory, or undefined for an in-memory database. */
  readonly dataDir?: string;
  /** PostgreSQL settings for the embedded server, given as its command-line `-c name=value`. */
  readonly settings: Readonly<Record<string, string>>;
  /** Only create the database and stop: its memory goes with the thread. */
  readonly createOnly: boolean;
  /** Create it from this empty cluster (a gzipped tar, makePgliteTemplate.ts) rather than by initdb. */
  readonly template?: string;
}

/** The empty cluster a new data directory is made from. */
export const PGLITE_TEMPLATE = new URL('./pgliteTemplate.tar.gz', import.meta.url);

/** A statement, alone or (with `tx`) in an open transaction. */
export type PgliteStatement =
  | { readonly id: number; readonly tx?: number; readonly op: 'query'; readonly text: string; readonly params?: readonly unknown[] }
  | { readonly id: number; readonly tx?: number; readonly op: 'value'; readonly text: string; readonly params: readonly (string | null)[] }
  | { readonly id: number; readonly tx?: number; readonly op: 'exec'; readonly script: string };

export type ToPglite =
  | PgliteStatement
  | { readonly id: number; readonly op: 'begin' }
  | { readonly id: number; readonly op: 'commit' | 'rollback'; readonly tx: number }
  | { readonly id: number; readonly op: 'listen' | 'unlisten'; readonly channel: string }
  | { readonly id: number; readonly op: 'close' };

/** An error as it crosses threads: its message and the database's fields (code, detail, …). */
export interface WireError {
  readonly message: string;
  readonly fields: Readonly<Record<string, string | number>>;
}

export type FromPglite =
  | { readonly ready: true }
  | { readonly failed: WireError }
  | { readonly id: number; readonly result: unknown }
  | { readonly id: number; readonly error: WireError }
  | { readonly channel: string; readonly payload: string };

/** Own fields of a database error worth keeping across the thread boundary. */
export const toWireError = (error: unknown): WireError => {
  if (!(error instanceof Error)) return { message: String(error), fields: {} };
  const fields: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  }
  return { message: error.message, fields };
};

/** The error again on the caller's side, with the caller's stack. */
export const fromWireError = (wire: WireError): Error => Object.assign(new Error(wire.message), wire.fields);
