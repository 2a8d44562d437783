// The log's entries, read from the events as stored (data in the version it was written, not upcast) so
// that anyone rebuilding a leaf from the published entry gets the leaf that was logged.
import type { LogEntryFields } from '../../domain/log/index.ts';
import { logEntryText } from '../../domain/log/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';

interface StoredRow {
  position: unknown;
  id: string;
  stream: string;
  revision: unknown;
  type: string;
  schema_version: number;
  data: unknown;
  recorded_at: string;
  hash: string;
}

const COLUMNS = `position, id, stream, revision, type, schema_version, data, metadata->>'recordedAt' AS recorded_at, encode(hash, 'hex') AS hash`;

const fieldsOf = (row: StoredRow): LogEntryFields => ({
  position: Number(row.position),
  id: row.id,
  stream: row.stream,
  revision: Number(row.revision),
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  recordedAt: row.recorded_at,
  hash: row.hash,
});

export interface StoredEntry {
  readonly position: number;
  readonly type: string;
  readonly stream: string;
  readonly text: string;
}

const entriesOf = (rows: readonly StoredRow[]): StoredEntry[] =>
  rows.map((row) => ({ position: Number(row.position), type: row.type, stream: row.stream, text: logEntryText(fieldsOf(row)) }));

/** The entries of these positions, in order (positions that are not in the events are left out). */
export const entriesAt = async (db: SqlExecutor, events: string, positions: readonly number[]): Promise<StoredEntry[]> =>
  positions.length === 0 ? [] : entriesOf(await db.query<StoredRow>(`SELECT ${COLUMNS} FROM ${events} WHERE position = ANY($1::bigint[]) ORDER BY position`, [positions]));
