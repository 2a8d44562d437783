// The EventStore port on EventStoreDB (selected by EVENTSTORE_URL), through @eventstore/db-client.
//
// What differs from the SQL adapters, by the nature of EventStoreDB:
// - No multi-stream transaction. appendMany/appendBatches first check every expected revision, then write
//   stream by stream; a crash in between leaves the earlier streams written. Imports use deterministic
//   event ids, so running the same import again converges: written streams are recognised as duplicates
//   and only the rest is appended.
// - Positions are EventStoreDB's log positions: increasing, not dense.
// - The hash chain is per stream (each event's hash covers its stream predecessor), carried in metadata,
//   because EventStoreDB assigns the global order itself after our write. The log is immutable in the
//   server already (no update; deletion only by scavenging tombstoned streams).
// The contract suite runs against it only where EVENTSTORE_URL is set; it is not verified on our CI.
import { ANY, END, EventStoreDBClient, NO_STREAM, STREAM_EXISTS, START, FORWARDS, BACKWARDS, jsonEvent, streamNameFilter } from '@eventstore/db-client';
import type { AllStreamResolvedEvent, AppendExpectedRevision, ResolvedEvent } from '@eventstore/db-client';
import { catchUpSubscription, createChangeSignal } from '../catchUpSubscription.ts';
import { EventIdConflict, ExpectedRevisionConflict } from '../errors.ts';
import { GENESIS_HASH, chainHash } from '../hashChain.ts';
import type { AppendResult, EventMetadata, EventStore, ExpectedRevision, RecordedEvent, StreamAppend, VerifyReport } from '../port.ts';
import type { PreparedPart } from '../prepareAppend.ts';
import { prepareAppend } from '../prepareAppend.ts';
import type { EventSchemas } from '../upcasting.ts';
import { upcast } from '../upcasting.ts';

export interface EventStoreDbOptions {
  readonly connectionString: string;
  /** Prefix of every stream this ledger owns, so one server can hold several ledgers (or test runs). */
  readonly streamPrefix?: string;
  readonly schemas?: EventSchemas;
  readonly pollIntervalMs?: number;
}

interface StoredMetadata extends EventMetadata {
  readonly odSchemaVersion: number;
  readonly odHash: string;
}

const toExpected = (expected: ExpectedRevision): AppendExpectedRevision =>
  expected === 'any' ? ANY : expected === 'no_stream' ? NO_STREAM : expected === 'stream_exists' ? STREAM_EXISTS : BigInt(expected);

const matches = (expected: ExpectedRevision, actual: number): boolean =>
  expected === 'any' || (expected === 'no_stream' ? actual === -1 : expected === 'stream_exists' ? actual >= 0 : expected === actual);

export const openEventStoreDb = async (options: EventStoreDbOptions): Promise<EventStore> => {
  const client = EventStoreDBClient.connectionString(options.connectionString);
  const prefix = options.streamPrefix ?? '';
  const schemas = options.schemas ?? {};
  const signal = createChangeSignal();
  const live = client.subscribeToAll({ fromPosition: END, filter: streamNameFilter({ prefixes: [prefix || 'od'] }) });
  live.on('data', () => signal.notify());
  live.on('error', () => undefined);

  const streamName = (stream: string) => prefix + stream;
  const ours = (name: string) => !name.startsWith('$') && name.startsWith(prefix);

  // `asStored` skips upcasting: verify must hash the data as it was written.
  const toRecorded = (resolved: ResolvedEvent | AllStreamResolvedEvent, asStored = false): RecordedEvent | null => {
    const e = resolved.event;
    if (!e || !e.isJson || !ours(e.streamId)) return null;
    const { odSchemaVersion, odHash, ...metadata } = e.metadata as unknown as StoredMetadata;
    const current = asStored ? { version: odSchemaVersion, data: e.data } : upcast(schemas, e.type, odSchemaVersion, e.data);
    return {
      id: e.id,
      stream: e.streamId.slice(prefix.length),
      revision: Number(e.revision),
      position: Number(e.position?.commit ?? resolved.commitPosition ?? 0n),
      type: e.type,
      schemaVersion: current.version,
      storedSchemaVersion: odSchemaVersion,
      data: current.data,
      metadata,
      hash: odHash,
    };
  };

  const readStreamRaw = async (stream: string, direction: 'forwards' | 'backwards', fromRevision: number | undefined, maxCount: number) => {
    const events: RecordedEvent[] = [];
    try {
      const from = fromRevision === undefined ? (direction === 'forwards' ? START : END) : BigInt(fromRevision);
      for await (const resolved of client.readStream(streamName(stream), { direction: direction === 'forwards' ? FORWARDS : BACKWARDS, fromRevision: from, maxCount })) {
        const recorded = toRecorded(resolved);
        if (recorded) events.push(recorded);
      }
    } catch (error) {
      if ((error as { type?: string }).type === 'stream-not-found') return [];
      throw error;
    }
    return events;
  };

  const lastEvent = async (stream: string) => (await readStreamRaw(stream, 'backwards', undefined, 1))[0];

  // Checks every part against the server before anything is written; returns the duplicate parts.
  const check = async (parts: readonly PreparedPart[]): Promise<Map<string, number>> => {
    const duplicates = new Map<string, number>();
    for (const part of parts) {
      const last = await lastEvent(part.stream);
      const actual = last ? last.revision : -1;
      const existing = new Set((await readStreamRaw(part.stream, 'backwards', undefined, 10_000)).map((e) => e.id));
      const known = part.events.filter((e) => existing.has(e.id)).length;
      if (known > 0 && known === part.events.length) duplicates.set(part.stream, actual);
      else if (known > 0) throw new EventIdConflict(part.stream);
      else if (!matches(part.expected, actual)) throw new ExpectedRevisionConflict(part.stream, part.expected, actual);
    }
    return duplicates;
  };

  const write = async (parts: readonly PreparedPart[]): Promise<AppendResult[]> => {
    const duplicates = await check(parts);
    const results: AppendResult[] = [];
    for (const part of parts) {
      const duplicateRevision = duplicates.get(part.stream);
      if (duplicateRevision !== undefined) {
        results.push({ stream: part.stream, revision: duplicateRevision, firstPosition: null, lastPosition: null, duplicate: true });
        continue;
      }
      const last = await lastEvent(part.stream);
      let previous = last?.hash ?? GENESIS_HASH;
      let revision = last ? last.revision : -1;
      const events = part.events.map((e) => {
        revision++;
        const metadata = JSON.parse(e.metadataText) as EventMetadata;
        previous = chainHash(previous, { position: 0, id: e.id, stream: part.stream, revision, type: e.type, schemaVersion: e.schemaVersion, dataText: e.dataText, metadataText: e.metadataText });
        return jsonEvent({ id: e.id, type: e.type, data: JSON.parse(e.dataText) as Record<string, unknown>, metadata: { ...metadata, odSchemaVersion: e.schemaVersion, odHash: previous } });
      });
      try {
        const result = await client.appendToStream(streamName(part.stream), events, { expectedRevision: toExpected(part.expected) });
        const position = Number(result.position?.commit ?? 0n);
        results.push({ stream: part.stream, revision: Number(result.nextExpectedRevision), firstPosition: position, lastPosition: position, duplicate: false });
      } catch (error) {
        if ((error as { type?: string }).type === 'wrong-expected-version') {
          throw new ExpectedRevisionConflict(part.stream, part.expected, Number((error as { actualVersion?: bigint }).actualVersion ?? -1n));
        }
        throw error;
      }
    }
    return results;
  };

  const now = () => new Date().toISOString();
  const readAll = async ({ fromPosition = 0, maxCount = 1_000 } = {}, asStored = false): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    const from = fromPosition > 0 ? { commit: BigInt(fromPosition), prepare: BigInt(fromPosition) } : START;
    for await (const resolved of client.readAll({ fromPosition: from, direction: FORWARDS, maxCount: maxCount + 64 })) {
      const recorded = toRecorded(resolved, asStored);
      if (recorded && recorded.position > fromPosition) events.push(recorded);
      if (events.length >= maxCount) break;
    }
    return events;
  };

  return {
    backend: 'eventstoredb',
    append: async (stream, events, o) => (await write(prepareAppend([{ stream, events, expectedRevision: o?.expectedRevision ?? 'any' }], schemas, now())))[0]!,
    appendMany: (appends: readonly StreamAppend[]) => write(prepareAppend(appends, schemas, now())),
    async appendBatches(batches) {
      // Collected first: an import that fails while producing its batches writes nothing.
      const all: StreamAppend[] = [];
      for await (const batch of batches) all.push(...batch);
      return write(prepareAppend(all, schemas, now()));
    },
    readStream: (stream, o = {}) => readStreamRaw(stream, o.direction ?? 'forwards', o.fromRevision, o.maxCount ?? 1_000),
    readAll,
    async headPosition() {
      for await (const resolved of client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1_000 })) {
        const recorded = toRecorded(resolved);
        if (recorded) return recorded.position;
      }
      return 0;
    },
    subscribeToAll: (o) => catchUpSubscription({ readAll: (r) => readAll(r), signal, pollIntervalMs: options.pollIntervalMs ?? 1_000 }, o),
    async verify(): Promise<VerifyReport> {
      const heads = new Map<string, string>();
      let position = 0;
      let events = 0;
      for (;;) {
        const batch = await readAll({ fromPosition: position, maxCount: 1_000 }, true);
        if (batch.length === 0) return { ok: true, events, lastPosition: position, headHash: '' };
        for (const e of batch) {
          const { odSchemaVersion: _v, odHash: _h, ...metadata } = e.metadata as StoredMetadata;
          const expected = chainHash(heads.get(e.stream) ?? GENESIS_HASH, {
            position: 0, id: e.id, stream: e.stream, revision: e.revision, type: e.type, schemaVersion: e.storedSchemaVersion,
            dataText: JSON.stringify(e.data), metadataText: JSON.stringify(metadata),
          });
          if (expected !== e.hash) return { ok: false, events, brokenAt: e.position, reason: `hash of event ${e.id} in ${e.stream} does not match` };
          heads.set(e.stream, e.hash);
          position = e.position;
          events++;
        }
      }
    },
    async close() {
      await live.unsubscribe().catch(() => undefined);
      await client.dispose();
    },
  };
};
