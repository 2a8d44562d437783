// SqlClient over node-postgres: a pool for queries and transactions, one connection for LISTEN and one kept
// for the serial caller (the append queue).
import pg from 'pg';
import type { QueryOptions, SqlClient, SqlExecutor } from './client.ts';
import { quoteIdent } from './client.ts';
import { isStatementError, queryValue } from './pgValue.ts';

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

  const value: SqlExecutor['value'] = async (text, params, { name }) => {
    const client = await pool.connect();
    try {
      const answer = await queryValue(client, name, text, params);
      client.release();
      return answer;
    } catch (error) {
      // A broken connection goes out of the pool; a failed statement leaves it usable.
      client.release(isStatementError(error) ? undefined : (error as Error));
      throw error;
    }
  };

  const serial = createSerialConnection(options);

  return {
    dialect: 'postgresql',
    query,
    value,
    serial,
    async exec(script) {
      await pool.query(script);
    },
    async transaction(work) {
      const client = await pool.connect();
      const tx: SqlExecutor = {
        query: async <Row extends object>(text: string, params?: readonly unknown[], options?: QueryOptions) =>
          (await client.query<Row>({ text, values: params as unknown[] | undefined, name: options?.name })).rows,
        value: (text, params, { name }) => queryValue(client, name, text, params),
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
      await serial.close();
      await pool.end();
    },
  };
};

/**
 * One connection kept for a caller that sends one statement at a time and waits for it (the append queue):
 * no pool checkout and return (with its idle timer) on every append. A connection that breaks is dropped and
 * the next call opens a new one.
 */
const createSerialConnection = (options: PgClientOptions): SqlExecutor & { close(): Promise<void> } => {
  let ready: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;

  const drop = (client: pg.Client): void => {
    // Only the connection in use is forgotten: a late error of an older one must not orphan a newer one.
    if (ready === client) {
      ready = null;
      connecting = null;
    }
    void client.end().catch(() => undefined);
  };

  const connect = (): Promise<pg.Client> =>
    (connecting ??= (async () => {
      if (closed) throw new Error('The database client is closed');
      // Named apart from the pool's connections, for whoever reads pg_stat_activity.
      const client = new pg.Client({ connectionString: options.connectionString, application_name: `${options.applicationName ?? 'opendimos'}-append` });
      client.on('error', () => drop(client));
      try {
        await client.connect();
      } catch (error) {
        connecting = null;
        throw error;
      }
      ready = client;
      return client;
    })());

  // Runs `work` on the connection; a failure that is not the statement's own drops the connection.
  const use = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = ready ?? (await connect());
    try {
      return await work(client);
    } catch (error) {
      if (!isStatementError(error)) drop(client);
      throw error;
    }
  };

  return {
    query: <Row extends object>(text: string, params?: readonly unknown[], queryOptions?: QueryOptions) =>
      use(async (client) => (await client.query<Row>({ text, values: params as unknown[] | undefined, name: queryOptions?.name })).rows),
    value: (text, params, { name }) => use((client) => queryValue(client, name, text, params)),
    exec: (script) => use(async (client) => void (await client.query(script))),
    async close() {
      closed = true;
      const client = ready ?? (await connecting?.catch(() => null));
      ready = null;
      connecting = null;
      if (client) await client.end().catch(() => undefined);
    },
  };
};
