// Rebuilding a projection without stopping the site: fresh tables are filled from the log while the
// current ones keep serving; then, under the read-model lock, the last events are applied and the fresh
// tables take the current ones' names in the same transaction. Readers see the old tables or the new.
import type { SqlClient, SqlExecutor } from '../eventstore/sql/client.ts';
import type { EventReader } from './eventReader.ts';
import type { Projection, Tables } from './projection.ts';
import { changesChannel, lockReadModels, saveCheckpoint, tablesOf } from './registry.ts';

const BATCH = 5_000;

/** Applies every event after `from`, batch by batch, each batch through `inTransaction`. */
const fill = async (
  read: EventReader,
  projection: Projection,
  tables: Tables,
  from: number,
  inTransaction: <T>(work: (db: SqlExecutor) => Promise<T>) => Promise<T>,
): Promise<number> => {
  let position = from;
  for (;;) {
    const applied = await inTransaction(async (db) => {
      const events = await read(db, { fromPosition: position, maxCount: BATCH });
      if (events.length > 0) await projection.apply(db, tables, events);
      return events.length === 0 ? null : events[events.length - 1]!.position;
    });
    if (applied === null) return position;
    position = applied;
  }
};

export const rebuildProjection = async (client: SqlClient, read: EventReader, schema: string, projection: Projection): Promise<number> => {
  const fresh = tablesOf(schema, projection, true);
  const current = tablesOf(schema, projection);
  await client.exec(`${Object.values(fresh).map((t) => `DROP TABLE IF EXISTS ${t};`).join('\n')}\n${projection.create(fresh)}`);
  // The bulk of the log, one transaction per batch, while the site keeps reading the current tables.
  const bulk = await fill(read, projection, fresh, 0, (work) => client.transaction(work));
  return client.transaction(async (tx) => {
    await lockReadModels(tx, schema);
    const head = await fill(read, projection, fresh, bulk, (work) => work(tx));
    await tx.exec(projection.tables.map((base) => `DROP TABLE IF EXISTS ${current[base]}; ALTER TABLE ${fresh[base]} RENAME TO "${base}";`).join('\n'));
    await saveCheckpoint(tx, schema, projection, head);
    await tx.query(`SELECT pg_notify($1, $2)`, [changesChannel(schema), JSON.stringify({ position: head, rebuilt: projection.name })]);
    return head;
  });
};
