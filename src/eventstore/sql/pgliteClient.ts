// SqlClient over PGlite: PostgreSQL compiled to WebAssembly, one connection inside this process.
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor } from './client.ts';

export interface PgliteClientOptions {
  /** A data directory, or undefined for an in-memory database. */
  readonly dataDir?: string;
  /** Use an already open instance (tests share one per process); `close` then leaves it open. */
  readonly instance?: PGlite;
}

export const createPgliteClient = async (options: PgliteClientOptions = {}): Promise<SqlClient> => {
  const owned = !options.instance;
  const db = options.instance ?? (await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {}));
  const unlisteners = new Set<() => Promise<void>>();

  return wrapPglite(db, {
    async listen(channel, onNotify) {
      const unlisten = await db.listen(channel, onNotify);
      unlisteners.add(unlisten);
      return async () => {
        unlisteners.delete(unlisten);
        await unlisten();
      };
    },
    async close() {
      for (const unlisten of [...unlisteners]) await unlisten();
      unlisteners.clear();
      if (owned) await db.close();
    },
  });
};

type Queryable = Pick<PGlite, 'query' | 'exec'>;

/** Statements on PGlite (or one of its transactions); also what the worker thread runs them with. */
export const pgliteExecutor = (db: Queryable): SqlExecutor => ({
  query: async <Row extends object>(text: string, params?: readonly unknown[]) => (await db.query<Row>(text, params as unknown[] | undefined)).rows,
  value: async (text, params) => {
    const [row] = (await db.query<unknown[]>(text, params as unknown[], { rowMode: 'array' })).rows;
    const value = row?.[0];
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
  },
  exec: async (script) => void (await db.exec(script)),
});

const wrapPglite = (db: PGlite, rest: Pick<SqlClient, 'listen' | 'close'>): SqlClient => {
  const own = pgliteExecutor(db);
  return {
    dialect: 'pglite',
    ...own,
    serial: own,
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>) => db.transaction(async (tx) => work(pgliteExecutor(tx))),
    ...rest,
  };
};
