// Rebuilding projections without stopping the site: fresh tables are filled from the log while the
// current ones keep serving; then, under the read-model lock, the last events are applied and the fresh
// tables take the current ones' names in the same transaction. Readers see the old tables or the new.
// Several projections rebuild in one pass over the log.
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlClient, SqlExecutor } from '../../eventstore/sql/client.ts';
import type { EventReader } from './eventReader.ts';
import type { Projection } from './projection.ts';
import { analyzeReadModels, changesChannel, lockReadModels, saveCheckpoint, tablesOf } from './registry.ts';

const BATCH = 5_000;

const applyAll = async (db: SqlExecutor, schema: string, projections: readonly Projection[], events: readonly ProjectedEvent[]) => {
  for (const projection of projections) await projection.apply(db, tablesOf(schema, projection, true), events);
};

/** Applies every event after `from`, batch by batch, each batch through `inTransaction`. */
const fill = async (
  read: EventReader,
  schema: string,
  projections: readonly Projection[],
  from: number,
  inTransaction: <T>(work: (db: SqlExecutor) => Promise<T>) => Promise<T>,
): Promise<number> => {
  let position = from;
  for (;;) {
    const applied = await inTransaction(async (db) => {
      const events = await read(db, { fromPosition: position, maxCount: BATCH });
      if (events.length > 0) await applyAll(db, schema, projections, events);
      return events.length === 0 ? null : events[events.length - 1]!.position;
    });
    if (applied === null) return position;
    position = applied;
  }
};

/**
 * The bulk of the log, one transaction per batch, while the site keeps reading the current tables. The
 * next batch is read while the current one is applied: on PostgreSQL the two run side by side.
 */
const fillAhead = async (client: SqlClient, read: EventReader, schema: string, projections: readonly Projection[]): Promise<number> => {
  let position = 0;
  let next = read(client, { fromPosition: position, maxCount: BATCH });
  for (;;) {
    const events = await next;
    if (events.length === 0) return position;
    position = events[events.length - 1]!.position;
    next = read(client, { fromPosition: position, maxCount: BATCH });
    try {
      await client.transaction((tx) => applyAll(tx, schema, projections, events));
    } catch (error) {
      await next.catch(() => undefined);
      throw error;
    }
  }
};

/** Rebuilds the projections from the whole log and swaps them in; returns the position they are at. */
export const rebuildProjections = async (client: SqlClient, read: EventReader, schema: string, projections: readonly Projection[]): Promise<number> => {
  if (projections.length === 0) return 0;
  const fresh = projections.flatMap((p) => Object.values(tablesOf(schema, p, true)));
  await client.exec(`${fresh.map((t) => `DROP TABLE IF EXISTS ${t};`).join('\n')}\n${projections.map((p) => p.create(tablesOf(schema, p, true))).join('\n')}`);
  const bulk = await fillAhead(client, read, schema, projections);
  // Indexes built once over the filled tables cost a fraction of maintaining them row by row.
  await client.exec(projections.map((p) => p.indexes(tablesOf(schema, p, true))).join('\n'));
  const head = await client.transaction(async (tx) => {
    await lockReadModels(tx, schema);
    const head = await fill(read, schema, projections, bulk, (work) => work(tx));
    for (const projection of projections) {
      const current = tablesOf(schema, projection);
      const rebuilt = tablesOf(schema, projection, true);
      await tx.exec(projection.tables.map((base) => `DROP TABLE IF EXISTS ${current[base]}; ALTER TABLE ${rebuilt[base]} RENAME TO "${base}";`).join('\n'));
      await saveCheckpoint(tx, schema, projection, head);
    }
    await tx.query(`SELECT pg_notify($1, $2)`, [changesChannel(schema), JSON.stringify({ position: head, rebuilt: projections.map((p) => p.name) })]);
    return head;
  });
  await analyzeReadModels(client, schema, projections);
  return head;
};
