// The EventStore port on EventStoreDB (selected by EVENTSTORE_URL), through @eventstore/db-client, one
// operation per file beside this one.
//
// What differs from the SQL adapters, by the nature of EventStoreDB:
// - No multi-stream transaction: see appendToStream.ts for how a retried import converges.
// - Positions are EventStoreDB's log positions: increasing, not dense.
// - The hash chain is per stream (each event's hash covers its stream predecessor), carried in metadata,
//   because EventStoreDB assigns the global order itself after our write. The log is immutable in the
//   server already (no update; deletion only by scavenging tombstoned streams).
// The contract suite runs against it only where EVENTSTORE_URL is set; it is not verified on our CI.
import { EventStoreDBClient } from '@eventstore/db-client';
import { catchUpSubscription, createChangeSignal } from '../catchUpSubscription.ts';
import type { EventStore, RecordedEvent, StreamAppend } from '../port.ts';
import { prepareAppend } from '../prepareAppend.ts';
import type { EventSchemas } from '../upcasting.ts';
import { appendToStream } from './appendToStream.ts';
import type { EsdbConnection } from './connection.ts';
import { openLiveSignal } from './liveSignal.ts';
import { headPosition, readAll } from './readAll.ts';
import { lastEvent, readStream } from './readStream.ts';
import { verifyChain } from './verifyChain.ts';

export interface EventStoreDbOptions {
  readonly connectionString: string;
  /** Prefix of every stream this ledger owns, so one server can hold several ledgers (or test runs). */
  readonly streamPrefix?: string;
  readonly schemas?: EventSchemas;
  readonly pollIntervalMs?: number;
  /** Where a failure of the server's live subscription is reported (it is then opened again). */
  readonly onError?: (error: unknown) => void;
}

/** What readStreams takes for a whole stream: far more than any stream it is asked for holds (a debt's few events). */
const WHOLE_STREAM = 100_000;

const reportToStderr = (error: unknown) =>
  process.stderr.write(`Σφάλμα ζωντανής συνδρομής EventStoreDB / EventStoreDB live subscription error: ${String(error)}\n`);

export const openEventStoreDb = async (options: EventStoreDbOptions): Promise<EventStore> => {
  const schemas = options.schemas ?? {};
  const connection: EsdbConnection = { client: EventStoreDBClient.connectionString(options.connectionString), prefix: options.streamPrefix ?? '', schemas };
  const signal = createChangeSignal();
  const live = openLiveSignal(connection, signal, options.onError ?? reportToStderr);
  const now = () => new Date().toISOString();
  const write = (appends: readonly StreamAppend[]) => appendToStream(connection, prepareAppend(appends, schemas, now()));

  return {
    backend: 'eventstoredb',
    append: async (stream, events, o) => (await write([{ stream, events, expectedRevision: o?.expectedRevision ?? 'any' }]))[0]!,
    appendMany: write,
    async appendBatches(batches) {
      // Collected first: an import that fails while producing its batches writes nothing.
      const all: StreamAppend[] = [];
      for await (const batch of batches) all.push(...batch);
      return write(all);
    },
    readStream: (stream, o = {}) => readStream(connection, stream, o.direction ?? 'forwards', o.fromRevision, o.maxCount ?? 1_000),
    // EventStoreDB has no query across streams: each is asked for its last event, a few at a time.
    async existingStreams(streams) {
      const found = new Set<string>();
      for (let i = 0; i < streams.length; i += 32) {
        const part = streams.slice(i, i + 32);
        const last = await Promise.all(part.map((stream) => lastEvent(connection, stream)));
        part.forEach((stream, k) => last[k] !== undefined && found.add(stream));
      }
      return found;
    },
    // The same, a few streams at a time, each read whole.
    async readStreams(streams) {
      const found = new Map<string, readonly RecordedEvent[]>();
      const unique = [...new Set(streams)];
      for (let i = 0; i < unique.length; i += 32) {
        const part = unique.slice(i, i + 32);
        const read = await Promise.all(part.map((stream) => readStream(connection, stream, 'forwards', undefined, WHOLE_STREAM)));
        part.forEach((stream, k) => read[k]!.length > 0 && found.set(stream, read[k]!));
      }
      return found;
    },
    readAll: (o) => readAll(connection, o),
    headPosition: () => headPosition(connection),
    subscribeToAll: (o) => catchUpSubscription({ readAll: (r) => readAll(connection, r), signal, pollIntervalMs: options.pollIntervalMs ?? 1_000 }, o),
    verify: () => verifyChain(connection),
    async close() {
      await live.close();
      await connection.client.dispose();
    },
  };
};
