// The EventStore for PostgreSQL and PGlite: same SQL on both, over the SqlClient seam.
import { catchUpSubscription, createChangeSignal } from '../catchUpSubscription.ts';
import type { AppendResult, EventStore, ProjectedEvent, ReadAllOptions, StreamAppend } from '../port.ts';
import { prepareAppend } from '../prepareAppend.ts';
import type { EventSchemas } from '../upcasting.ts';
import { createAppendQueue } from './appendQueue.ts';
import { appendToStream, unwrap } from './appendToStream.ts';
import type { SqlClient, SqlExecutor } from './client.ts';
import { ledgerNames } from './ledgerSchema.ts';
import { existingStreams, headPosition, readAll, readProjected, readStream, readStreams } from './readEvents.ts';
import { verifyChain } from './verifyChain.ts';

export interface SqlEventStoreOptions {
  readonly client: SqlClient;
  /** PostgreSQL schema holding the ledger; tests use one schema each. */
  readonly schema: string;
  readonly schemas?: EventSchemas;
  /** How often an idle subscription polls in case a notification was lost. */
  readonly pollIntervalMs?: number;
  /** Close the client with the store (the store opened it). */
  readonly ownsClient?: boolean;
}

export interface SqlEventStore extends EventStore {
  readonly client: SqlClient;
  readonly schema: string;
  /** Reads for read models through a given executor, e.g. inside a read-model transaction (PGlite has one connection). */
  readonly readProjectedWith: (db: SqlExecutor, options?: ReadAllOptions) => Promise<ProjectedEvent[]>;
}

export const openSqlEventStore = async (options: SqlEventStoreOptions): Promise<SqlEventStore> => {
  const { client, schema } = options;
  const schemas = options.schemas ?? {};
  const names = ledgerNames(schema);

  const queue = createAppendQueue((requests) => appendToStream(client.serial, names, requests));
  const signal = createChangeSignal();
  let unlisten: Promise<() => Promise<void>> | null = null;
  const listen = () => (unlisten ??= client.listen(names.channel, () => signal.notify()));
  const subscriptions = new Set<{ stop(): Promise<void> }>();
  const now = () => new Date().toISOString();

  const appendMany = async (appends: readonly StreamAppend[]): Promise<AppendResult[]> =>
    unwrap(await queue.enqueue(prepareAppend(appends, schemas, now())));

  return {
    backend: client.dialect,
    client,
    schema,
    async append(stream, events, appendOptions) {
      const [result] = await appendMany([{ stream, events, expectedRevision: appendOptions?.expectedRevision ?? 'any' }]);
      return result!;
    },
    appendMany,
    appendBatches: (batches, onAppended) =>
      client.transaction(async (tx) => {
        const results: AppendResult[] = [];
        for await (const batch of batches) {
          const [outcome] = await appendToStream(tx, names, [prepareAppend(batch, schemas, now())]);
          const appended = unwrap(outcome!);
          results.push(...appended);
          onAppended?.(appended);
        }
        return results;
      }),
    readStream: (stream, readOptions) => readStream(client, names, schemas, stream, readOptions),
    existingStreams: (streams) => existingStreams(client, names, streams),
    readStreams: (streams) => readStreams(client, names, schemas, streams),
    readAll: (readOptions) => readAll(client, names, schemas, readOptions),
    readProjectedWith: (db, readOptions) => readProjected(db, names, schemas, readOptions),
    headPosition: () => headPosition(client, names),
    subscribeToAll(subscribeOptions) {
      const subscription = catchUpSubscription(
        { readAll: (o) => readAll(client, names, schemas, o), signal, pollIntervalMs: options.pollIntervalMs ?? 1_000, ready: listen() },
        subscribeOptions,
      );
      const tracked = {
        stop: async () => {
          subscriptions.delete(tracked);
          await subscription.stop();
        },
      };
      subscriptions.add(tracked);
      return { get position() { return subscription.position; }, caughtUp: subscription.caughtUp, stop: tracked.stop };
    },
    verify: (verifyOptions) => verifyChain(client, names, verifyOptions?.batchSize),
    async close() {
      await Promise.all([...subscriptions].map((s) => s.stop()));
      if (unlisten) await (await unlisten)();
      if (options.ownsClient) await client.close();
    },
  };
};
