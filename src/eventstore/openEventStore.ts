// Chooses the event store from the configuration: EventStoreDB when EVENTSTORE_URL is set, otherwise the
// SQL database (PostgreSQL with DATABASE_URL, embedded PGlite under the data directory).
import { mkdir } from 'node:fs/promises';
import { openEventStoreDb } from './esdb/eventStoreDbStore.ts';
import type { EventStore } from './port.ts';
import type { SqlClient } from './sql/client.ts';
import { createPgClient } from './sql/pgClient.ts';
import { createPgliteClient } from './sql/pgliteClient.ts';
import { openSqlEventStore } from './sql/sqlEventStore.ts';
import type { EventSchemas } from './upcasting.ts';

export interface StoreSettings {
  readonly databaseUrl: string | null;
  readonly eventStoreUrl: string | null;
  readonly dataDir: string;
  readonly schema: string;
}

/** The SQL database of this installation: read models always live here, events too unless on EventStoreDB. */
export const openSqlClient = async (settings: StoreSettings): Promise<SqlClient> => {
  if (settings.databaseUrl) return createPgClient({ connectionString: settings.databaseUrl });
  await mkdir(settings.dataDir, { recursive: true });
  return createPgliteClient({ dataDir: settings.dataDir });
};

export const openEventStore = async (settings: StoreSettings, client: SqlClient, schemas: EventSchemas = {}): Promise<EventStore> =>
  settings.eventStoreUrl
    ? openEventStoreDb({ connectionString: settings.eventStoreUrl, schemas })
    : openSqlEventStore({ client, schema: settings.schema, schemas });
