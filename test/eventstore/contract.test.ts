// Runs the event-store contract on every reachable backend: PGlite always, PostgreSQL with DATABASE_URL,
// EventStoreDB with EVENTSTORE_URL (the runner reports it as not run otherwise).
import type { SqlClient } from '../../src/eventstore/sql/client.ts';
import { quoteIdent } from '../../src/eventstore/sql/client.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { openEventStoreDb } from '../../src/eventstore/esdb/eventStoreDbStore.ts';
import { contractBackends, createTestSchema } from '../support/database.ts';
import { eventStoreContract } from './contract.ts';

/** Runs a statement with triggers off: the way someone with raw database access could bypass the guard. */
const behindTheStoresBack = (client: SqlClient, sql: string, params: unknown[]) =>
  client.transaction(async (tx) => {
    await tx.query(`SET LOCAL session_replication_role = replica`);
    await tx.query(sql, params);
  });

for (const backend of contractBackends()) {
  eventStoreContract(backend, async () => {
    const db = await createTestSchema(backend);
    const store = await openSqlEventStore({ client: db.client, schema: db.schema, pollIntervalMs: 200 });
    const events = `${quoteIdent(db.schema)}.od_events`;
    return {
      store,
      openAnother: async (options) => openSqlEventStore({ client: await db.connectAgain(2), schema: db.schema, pollIntervalMs: 200, ...options }),
      tamper: {
        rewriteData: (position, dataText) => behindTheStoresBack(db.client, `UPDATE ${events} SET data = $2::json WHERE position = $1`, [position, dataText]),
        remove: (position) => behindTheStoresBack(db.client, `DELETE FROM ${events} WHERE position = $1`, [position]),
      },
      dispose: async () => {
        await store.close();
        await db.drop();
      },
    };
  });
}

const eventStoreUrl = process.env.EVENTSTORE_URL;
if (eventStoreUrl) {
  eventStoreContract('eventstoredb', async () => {
    // Each test writes under its own stream prefix so runs never see each other's streams.
    const prefix = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}-`;
    const store = await openEventStoreDb({ connectionString: eventStoreUrl, streamPrefix: prefix, pollIntervalMs: 200 });
    return {
      store,
      openAnother: (options) => openEventStoreDb({ connectionString: eventStoreUrl, streamPrefix: prefix, pollIntervalMs: 200, ...options }),
      dispose: () => store.close(),
    };
  });
}
