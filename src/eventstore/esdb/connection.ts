// What every EventStoreDB operation shares: the client, the stream prefix of this ledger, the schemas, and
// the one conversion from a resolved EventStoreDB event to the port's RecordedEvent.
import type { AllStreamResolvedEvent, EventStoreDBClient, ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../port.ts';
import type { EventSchemas } from '../upcasting.ts';
import { upcast } from '../upcasting.ts';

export interface EsdbConnection {
  readonly client: EventStoreDBClient;
  /** Prefix of every stream this ledger owns, so one server can hold several ledgers (or test runs). */
  readonly prefix: string;
  readonly schemas: EventSchemas;
}

/** Our metadata as stored: the port's, plus the schema version and the per-stream chain hash. */
export interface StoredMetadata extends EventMetadata {
  readonly odSchemaVersion: number;
  readonly odHash: string;
}

export const streamName = (connection: EsdbConnection, stream: string): string => connection.prefix + stream;

const ours = (connection: EsdbConnection, name: string): boolean => !name.startsWith('$') && name.startsWith(connection.prefix);

/** `asStored` skips upcasting: verify must hash the data as it was written. Null for events not of this ledger. */
export const toRecorded = (connection: EsdbConnection, resolved: ResolvedEvent | AllStreamResolvedEvent, asStored = false): RecordedEvent | null => {
  const e = resolved.event;
  if (!e || !e.isJson || !ours(connection, e.streamId)) return null;
  const { odSchemaVersion, odHash, ...metadata } = e.metadata as unknown as StoredMetadata;
  const current = asStored ? { version: odSchemaVersion, data: e.data } : upcast(connection.schemas, e.type, odSchemaVersion, e.data);
  return {
    id: e.id,
    stream: e.streamId.slice(connection.prefix.length),
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
