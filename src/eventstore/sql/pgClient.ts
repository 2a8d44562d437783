// SqlClient over node-postgres: a pool for queries and transactions, one dedicated connection for LISTEN.
import pg from 'pg';
import type { QueryOptions, SqlClient, SqlExecutor } from './client.ts';
import { quoteIdent } from './client.ts';

export interface PgClientOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
  readonly applicationName?: string;
}

type Listener = (payload: string) => void;

export const createPgClient = (options: PgClientOptions): SqlClient => {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'opendimos',
  });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);

  const listeners = new Map<string, Set<Listener>>();
  let listenConnection: Promise<pg.Client> | null = null;
  let closed = false;

  const connectListener = (): Promise<pg.Client> => {
    listenConnection ??= (async () => {
      const client = new pg.Client({ connectionString: options.connectionString, application_name: 'opendimos-listen' });
      client.on('notification', (message) => {
        for (const listener of listeners.get(message.channel) ?? []) listener(message.payload ?? '');
      });
      client.on('error', () => {
        // Reconnect lazily and re-LISTEN; subscribers also poll, so a notification lost meanwhile only delays.
        listenConnection = null;
        if (!closed && listeners.size > 0) setTimeout(() => void relisten(), 500);
      });
      await client.connect();
      return client;
    })();
    return listenConnection;
  };

  const relisten = async (): Promise<void> => {
    try {
      const client = await connectListener();
      for (const channel of listeners.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch {
      listenConnection = null;
      if (!closed) setTimeout(() => void relisten(), 1000);
    }
  };

  const query = async <Row extends object>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]> =>
    (await pool.query<Row>({ text, values: params as unknown[] | undefined, name: options?.name })).rows;

  return {
    dialect: 'postgresql',
    query,
    async exec(script) {
      await pool.query(script);
    },
    async transaction(work) {
      const client = await pool.connect();
      const tx: SqlExecutor = {
        query: async <Row extends object>(text: string, params?: readonly unknown[], options?: QueryOptions) =>
          (await client.query<Row>({ text, values: params as unknown[] | undefined, name: options?.name })).rows,
        exec: async (script) => void (await client.query(script)),
      };
      try {
        await client.query('BEGIN');
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await (await connectListener()).query(`LISTEN ${quoteIdent(channel)}`);
      }
      set.add(onNotify);
      return async () => {
        set.delete(onNotify);
        if (set.size === 0 && listeners.get(channel) === set) {
          listeners.delete(channel);
          if (listenConnection) await (await listenConnection).query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => undefined);
        }
      };
    },
    async close() {
      closed = true;
      listeners.clear();
      if (listenConnection) await (await listenConnection).end().catch(() => undefined);
      await pool.end();
    },
  };
};
