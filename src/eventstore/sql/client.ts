// The SQL seam shared by the PostgreSQL (pg) and PGlite adapters: both speak the same dialect, so the
// event store, migrations and read models are written once against this small interface.

export interface QueryOptions {
  /** Prepare once per connection under this name (PostgreSQL): for the statements run on every append. */
  readonly name?: string;
}

export interface SqlExecutor {
  query<Row extends object = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  /**
   * Runs a named prepared statement and answers the first column of its first row as text (null for SQL
   * NULL or no row): the statement on every append, with the least work per call on both ends.
   */
  value(text: string, params: readonly (string | null)[], options: { readonly name: string }): Promise<string | null>;
  /** Runs a script of several statements without parameters (DDL, migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlClient extends SqlExecutor {
  readonly dialect: 'postgresql' | 'pglite';
  /**
   * A connection kept for one caller that runs one statement at a time (the append queue): no pool checkout
   * on its path. PGlite has only one connection, which this is.
   */
  readonly serial: SqlExecutor;
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; resolves to a function that stops listening. Payloads arrive after commit. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Quotes an identifier (schema, channel) for SQL text; our identifiers are validated, this is defence in depth. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,39}$/;
export const assertSchemaName = (schema: string): string => {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits and _ (at most 40)`);
  }
  return schema;
};

/** Drivers return int8 as string (pg) or number/bigint (PGlite); positions and revisions fit in a double. */
export const toNumber = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
