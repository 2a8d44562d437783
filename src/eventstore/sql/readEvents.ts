// Reading events back: a stream, or all of them in the one global order, upcast to current schemas.
import type { EventMetadata, ProjectedEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../port.ts';
import type { EventSchemas } from '../upcasting.ts';
import { upcast } from '../upcasting.ts';
import type { SqlExecutor } from './client.ts';
import { toNumber } from './client.ts';
import type { LedgerNames } from './ledgerSchema.ts';

/** A row of the events table as read back: data and metadata parsed, or as stored text (verifyChain.ts). */
export interface EventRow<Data = unknown, Metadata = EventMetadata> {
  position: unknown;
  id: string;
  stream: string;
  revision: unknown;
  type: string;
  schema_version: number;
  data: Data;
  metadata: Metadata;
  hash: string;
}

const COLUMNS = `position, id, stream, revision, type, schema_version, data, metadata, encode(hash, 'hex') AS hash`;
const DEFAULT_MAX = 1_000;
const HARD_MAX = 100_000;

const limit = (maxCount: number | undefined): number => Math.min(Math.max(1, Math.floor(maxCount ?? DEFAULT_MAX)), HARD_MAX);

const toRecorded = (schemas: EventSchemas, row: EventRow): RecordedEvent => {
  const stored = row.schema_version;
  const current = upcast(schemas, row.type, stored, row.data);
  return {
    id: row.id,
    stream: row.stream,
    revision: toNumber(row.revision),
    position: toNumber(row.position),
    type: row.type,
    schemaVersion: current.version,
    storedSchemaVersion: stored,
    data: current.data,
    metadata: row.metadata,
    hash: row.hash,
  };
};

export const readAll = async (db: SqlExecutor, names: LedgerNames, schemas: EventSchemas, options: ReadAllOptions = {}): Promise<RecordedEvent[]> => {
  const rows = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM ${names.events} WHERE position > $1 ORDER BY position LIMIT $2`,
    [options.fromPosition ?? 0, limit(options.maxCount)],
  );
  return rows.map((row) => toRecorded(schemas, row));
};

export const readStream = async (
  db: SqlExecutor,
  names: LedgerNames,
  schemas: EventSchemas,
  stream: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> => {
  const backwards = options.direction === 'backwards';
  const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
  const rows = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM ${names.events} WHERE stream = $1 AND revision ${backwards ? '<=' : '>='} $2
      ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
    [stream, from, limit(options.maxCount)],
  );
  return rows.map((row) => toRecorded(schemas, row));
};

export const existingStreams = async (db: SqlExecutor, names: LedgerNames, streams: readonly string[]): Promise<ReadonlySet<string>> => {
  if (streams.length === 0) return new Set();
  const rows = await db.query<{ stream: string }>(`SELECT DISTINCT stream FROM ${names.events} WHERE stream = ANY($1)`, [[...streams]]);
  return new Set(rows.map((r) => r.stream));
};

export const readStreams = async (
  db: SqlExecutor,
  names: LedgerNames,
  schemas: EventSchemas,
  streams: readonly string[],
): Promise<ReadonlyMap<string, readonly RecordedEvent[]>> => {
  const found = new Map<string, RecordedEvent[]>();
  if (streams.length === 0) return found;
  const rows = await db.query<EventRow>(`SELECT ${COLUMNS} FROM ${names.events} WHERE stream = ANY($1) ORDER BY stream, revision`, [[...new Set(streams)]]);
  for (const row of rows) {
    const recorded = toRecorded(schemas, row);
    const list = found.get(recorded.stream);
    if (list === undefined) found.set(recorded.stream, [recorded]);
    else list.push(recorded);
  }
  return found;
};

export const headPosition = async (db: SqlExecutor, names: LedgerNames): Promise<number> => {
  const [row] = await db.query<{ position: unknown }>(`SELECT coalesce(max(position), 0) AS position FROM ${names.events}`);
  return toNumber(row?.position ?? 0);
};

/** The lean read behind rebuilds: no stream, revision, metadata or hash to fetch and parse. */
export const readProjected = async (db: SqlExecutor, names: LedgerNames, schemas: EventSchemas, options: ReadAllOptions = {}): Promise<ProjectedEvent[]> => {
  const rows = await db.query<{ position: unknown; id: string; type: string; schema_version: number; data: unknown }>(
    `SELECT position, id, type, schema_version, data FROM ${names.events} WHERE position > $1 ORDER BY position LIMIT $2`,
    [options.fromPosition ?? 0, limit(options.maxCount)],
  );
  return rows.map((row) => ({ position: toNumber(row.position), id: row.id, type: row.type, data: upcast(schemas, row.type, row.schema_version, row.data).data }));
};
