// Opens this installation's database (migrated to this version) and event store from the configuration,
// and closes them together.
import { ledgerEventSchemas } from '../domain/index.ts';
import { openEventStore, openSqlClient } from '../eventstore/openEventStore.ts';
import type { EventStore } from '../eventstore/port.ts';
import type { SqlClient } from '../eventstore/sql/client.ts';
import type { Config } from './config.ts';
import { migrateDatabase } from './migrations.ts';

export interface Installation {
  readonly config: Config;
  readonly client: SqlClient;
  readonly store: EventStore;
  readonly close: () => Promise<void>;
}

export const openInstallation = async (config: Config): Promise<Installation> => {
  const client = await openSqlClient(config);
  await migrateDatabase(client, config.schema, { eventsInSql: config.eventStoreUrl === null });
  const store = await openEventStore(config, client, ledgerEventSchemas);
  return {
    config,
    client,
    store,
    async close() {
      await store.close();
      await client.close();
    },
  };
};
