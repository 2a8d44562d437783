// Opens this installation's database (migrated to this version), event store and personal-data keyring
// from the configuration, and closes them together.
import { ledgerEventSchemas } from '../domain/index.ts';
import { openEventStore, openSqlClient } from '../eventstore/openEventStore.ts';
import type { EventStore } from '../eventstore/port.ts';
import type { SqlClient } from '../eventstore/sql/client.ts';
import type { Keyring } from '../eventstore/keyring.ts';
import { openKeyring } from '../eventstore/keyring.ts';
import type { Config } from './config.ts';
import { loadMasterKey } from './masterKey.ts';
import { migrateDatabase } from './migrations.ts';

export interface Installation {
  readonly config: Config;
  readonly client: SqlClient;
  readonly store: EventStore;
  /** The personal-data keyring, under this installation's master key. */
  readonly keyring: Keyring;
  readonly close: () => Promise<void>;
}

export const openInstallation = async (config: Config): Promise<Installation> => {
  const client = await openSqlClient(config);
  await migrateDatabase(client, config.schema, { eventsInSql: config.eventStoreUrl === null });
  const store = await openEventStore(config, client, ledgerEventSchemas);
  const master = await loadMasterKey(config.masterKey, config.dataDir);
  const keyring = await openKeyring(client, config.schema, master.key);
  return {
    config,
    client,
    store,
    keyring,
    async close() {
      await store.close();
      await client.close();
    },
  };
};
