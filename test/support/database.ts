// Test databases. Each test gets its own schema, dropped afterwards, so nothing left on a shared server
// by an earlier run matters. PGlite is expensive to start (seconds, hundreds of MB), so one instance is
// shared by the whole test process; PostgreSQL is used when DATABASE_URL is set. The shared PGlite runs
// on its worker thread, as the server's does, so every PGlite test goes through that path.
import { randomBytes } from 'node:crypto';
import type { SqlClient } from '../../src/eventstore/sql/client.ts';
import { quoteIdent } from '../../src/eventstore/sql/client.ts';
import { createPgClient } from '../../src/eventstore/sql/pgClient.ts';
import { createPgliteThreadClient } from '../../src/eventstore/sql/pgliteThread.ts';
import { migrateDatabase } from '../../src/cli/migrations.ts';

export type SqlBackend = 'pglite' | 'postgresql';

let shared: Promise<SqlClient> | null = null;
const sharedPglite = (): Promise<SqlClient> => (shared ??= createPgliteThreadClient());

/** Closes the process-wide PGlite; the test runner calls it once after the last test. */
export const closeSharedPglite = async (): Promise<void> => {
  if (shared) await (await shared).close();
  shared = null;
};

/** The shared PGlite for one caller: its listeners end with it, the database stays open for the next. */
const borrowPglite = async (): Promise<SqlClient> => {
  const client = await sharedPglite();
  const unlisteners = new Set<() => Promise<void>>();
  return {
    ...client,
    async listen(channel, onNotify) {
      const unlisten = await client.listen(channel, onNotify);
      unlisteners.add(unlisten);
      return async () => {
        unlisteners.delete(unlisten);
        await unlisten();
      };
    },
    async close() {
      for (const unlisten of [...unlisteners]) await unlisten();
      unlisteners.clear();
    },
  };
};

/** The backend of the whole suite: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export const suiteBackend = (): SqlBackend => (process.env.DATABASE_URL ? 'postgresql' : 'pglite');

/** Backends the event-store contract runs on: PGlite always, PostgreSQL when reachable. */
export const contractBackends = (): SqlBackend[] => (process.env.DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite']);

export const newSchemaName = (): string => `t_${randomBytes(6).toString('hex')}`;

/** A new client on the backend; on PGlite it shares the process instance (closing it leaves that open). */
export const connect = async (backend: SqlBackend, maxConnections = 4): Promise<SqlClient> =>
  backend === 'postgresql'
    ? createPgClient({ connectionString: process.env.DATABASE_URL!, maxConnections, applicationName: 'opendimos-test' })
    : borrowPglite();

export interface TestSchema {
  readonly backend: SqlBackend;
  readonly client: SqlClient;
  readonly schema: string;
  /** Another client on the same database (a second process, as far as PostgreSQL can tell). */
  readonly connectAgain: (maxConnections?: number) => Promise<SqlClient>;
  readonly drop: () => Promise<void>;
}

/** A new schema, migrated as an installation's database is at start-up. */
export const createTestSchema = async (backend: SqlBackend = suiteBackend()): Promise<TestSchema> => {
  const client = await connect(backend);
  const schema = newSchemaName();
  await migrateDatabase(client, schema);
  const others: SqlClient[] = [];
  return {
    backend,
    client,
    schema,
    async connectAgain(maxConnections) {
      const other = await connect(backend, maxConnections);
      others.push(other);
      return other;
    },
    async drop() {
      for (const other of others) await other.close();
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await client.close();
    },
  };
};
