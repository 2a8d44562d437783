// Applies one batch of events to every projection that has not seen them, in one transaction with the
// checkpoints: the effect is exactly once, however many runners (one per web node) receive the batch.
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import type { Projection } from './projection.ts';
import { changesChannel, lockReadModels, readProjectionRecords, saveCheckpoint, tablesOf } from './registry.ts';

/** Returns the position applied up to, or null when every projection had already seen the batch. */
export const applyBatch = (client: SqlClient, schema: string, projections: readonly Projection[], events: readonly ProjectedEvent[]): Promise<number | null> =>
  client.transaction(async (tx) => {
    await lockReadModels(tx, schema);
    const records = await readProjectionRecords(tx, schema);
    let applied: number | null = null;
    for (const projection of projections) {
      const checkpoint = records.get(projection.name)?.position ?? 0;
      const unseen = events.filter((e) => e.position > checkpoint);
      if (unseen.length === 0) continue;
      await projection.apply(tx, tablesOf(schema, projection), unseen);
      const last = unseen[unseen.length - 1]!.position;
      await saveCheckpoint(tx, schema, projection, last);
      applied = Math.max(applied ?? 0, last);
    }
    if (applied !== null) await tx.query(`SELECT pg_notify($1, $2)`, [changesChannel(schema), JSON.stringify({ position: applied })]);
    return applied;
  });
