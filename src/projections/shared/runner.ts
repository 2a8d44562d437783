// Keeps the read models up to date: creates a projection's tables the first time, rebuilds it when its
// version changed, then follows the log (history in batches, then live) and applies each batch with its
// checkpoints in one transaction.
import type { EventStore, Subscription } from '../../eventstore/port.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import { applyBatch } from './applyBatch.ts';
import { eventReaderFor } from './eventReader.ts';
import type { Projection } from './projection.ts';
import { rebuildProjections } from './rebuild.ts';
import { analyzeReadModels, lockReadModels, readProjectionRecords, saveCheckpoint, tablesOf } from './registry.ts';

export interface ProjectionRunnerOptions {
  readonly client: SqlClient;
  readonly store: EventStore;
  readonly schema: string;
  readonly projections: readonly Projection[];
  readonly batchSize?: number;
  readonly onError?: (error: unknown) => void;
}

export interface ProjectionRunner {
  /** Resolves once the read models hold everything committed when the runner started. */
  readonly caughtUp: Promise<void>;
  /** Position the slowest projection has applied (as far as this runner knows). */
  readonly position: () => number;
  readonly stop: () => Promise<void>;
}

/** Creates missing projections and rebuilds outdated ones; returns each one's checkpoint. */
export const prepareProjections = async (options: Omit<ProjectionRunnerOptions, 'batchSize' | 'onError'>): Promise<number[]> => {
  const { client, store, schema, projections } = options;
  await client.transaction(async (tx) => {
    await lockReadModels(tx, schema);
    const records = await readProjectionRecords(tx, schema);
    for (const projection of projections) {
      if (records.has(projection.name)) continue;
      await tx.exec(projection.create(tablesOf(schema, projection)) + projection.indexes(tablesOf(schema, projection)));
      await saveCheckpoint(tx, schema, projection, 0);
    }
  });
  const records = await readProjectionRecords(client, schema);
  const outdated = projections.filter((p) => records.get(p.name)!.version !== p.version);
  const rebuiltAt = await rebuildProjections(client, eventReaderFor(store), schema, outdated);
  const positions = projections.map((p) => (outdated.includes(p) ? rebuiltAt : records.get(p.name)!.position));
  const head = await store.headPosition();
  for (const [i, projection] of projections.entries()) {
    if (projection.catchUp && head - positions[i]! > OWN_CATCH_UP_AFTER) positions[i] = await catchUpAlone(client, schema, projection, positions[i]!, head);
  }
  return positions;
};

/** Further behind than this, a projection with its own catch-up uses it rather than the runner's batches. */
const OWN_CATCH_UP_AFTER = 10_000;

const catchUpAlone = async (client: SqlClient, schema: string, projection: Projection, from: number, until: number): Promise<number> => {
  let reached = from;
  await projection.catchUp!({
    client,
    tables: tablesOf(schema, projection),
    from,
    until,
    inChunk: (at, next, work) =>
      client.transaction(async (tx) => {
        await lockReadModels(tx, schema);
        if ((await readProjectionRecords(tx, schema)).get(projection.name)?.position !== at) return false;
        await work(tx);
        await saveCheckpoint(tx, schema, projection, next);
        reached = next;
        return true;
      }),
  });
  return (await readProjectionRecords(client, schema)).get(projection.name)?.position ?? reached;
};

export const startProjections = async (options: ProjectionRunnerOptions): Promise<ProjectionRunner> => {
  const positions = await prepareProjections(options);
  const head = await options.store.headPosition();
  let subscription: Subscription | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  let failures = 0;
  let applied = Math.min(...positions);
  const startedAt = applied;
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  if (applied >= head) markCaughtUp();
  // After a large catch-up the planner needs fresh statistics (PGlite never gathers them by itself).
  void caughtUp.then(() => (applied - startedAt > 10_000 ? analyzeReadModels(options.client, options.schema, options.projections).catch(options.onError) : undefined));

  // A failed batch (the database restarting, a deadlock) rolls back whole; the runner reports it and
  // follows the log again from its last applied position after a pause that grows with repeated failures.
  const follow = () => {
    subscription = options.store.subscribeToAll({
      fromPosition: applied,
      batchSize: options.batchSize ?? 2_000,
      onEvents: async (events) => {
        await applyBatch(options.client, options.schema, options.projections, events);
        applied = events[events.length - 1]!.position;
        failures = 0;
        if (applied >= head) markCaughtUp();
      },
      onError: (error) => {
        options.onError?.(error);
        if (stopped) return;
        failures++;
        retry = setTimeout(follow, Math.min(30_000, 250 * 2 ** failures));
      },
    });
  };
  follow();

  return {
    caughtUp,
    position: () => applied,
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      await subscription?.stop();
    },
  };
};
