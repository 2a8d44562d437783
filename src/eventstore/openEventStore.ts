// Chooses the event store from the configuration: EventStoreDB when EVENTSTORE_URL is set, otherwise the
// SQL database (PostgreSQL with DATABASE_URL, embedded PGlite under the data directory).
import { openEventStoreDb } from './esdb/eventStoreDbStore.ts';
import type { EventStore } from './port.ts';
import type { SqlClient } from './sql/client.ts';
import { createPgClient } from './sql/pgClient.ts';
import { prepareDataDir, secureDataDir } from './sql/pgliteDataDir.ts';
import { isBusyAware, withKnownHead } from './sql/pgliteHead.ts';
import { createPgliteThreadClient } from './sql/pgliteThread.ts';
import { openSqlEventStore } from './sql/sqlEventStore.ts';
import type { EventSchemas } from './upcasting.ts';

export interface StoreSettings {
  readonly databaseUrl: string | null;
  readonly eventStoreUrl: string | null;
  readonly dataDir: string;
  readonly schema: string;
}

/**
 * The SQL database of this installation: read models always live here, events too unless on EventStoreDB.
 * PGlite runs on a worker thread, its data directory kept this user's alone; `notice` hears of modes fixed.
 */
export const openSqlClient = async (
  settings: StoreSettings,
  notice: (line: string) => void = (line) => process.stderr.write(line),
): Promise<SqlClient> => {
  if (settings.databaseUrl) return createPgClient({ connectionString: settings.databaseUrl });
  const { dataDir } = settings;
  await prepareDataDir(dataDir, notice);
  // The directories PGlite makes are then 0700 from the start; its files (always 0666) need the sweep after.
  const umask = process.umask(0o077);
  const client = await createPgliteThreadClient({ dataDir }).finally(() => process.umask(umask));
  await secureDataDir(dataDir);
  return {
    ...client,
    async close() {
      await client.close();
      await secureDataDir(dataDir);
    },
  };
};

export const openEventStore = async (settings: StoreSettings, client: SqlClient, schemas: EventSchemas = {}): Promise<EventStore> => {
  if (settings.eventStoreUrl) return openEventStoreDb({ connectionString: settings.eventStoreUrl, schemas });
  const store = await openSqlEventStore({ client, schema: settings.schema, schemas });
  return isBusyAware(client) ? withKnownHead(store, client) : store;
};
