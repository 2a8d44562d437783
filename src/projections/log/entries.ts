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

const columns = (e: string) =>
  `${e}.position, ${e}.id, ${e}.stream, ${e}.revision, ${e}.type, ${e}.schema_version, ${e}.data, ${e}.metadata->>'recordedAt' AS recorded_at, encode(${e}.hash, 'hex') AS hash`;

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

/** The entries of leaves [first, end), in leaf order, joined to their events in one query. */
export const entriesOfRange = async (db: SqlExecutor, leaves: string, events: string, first: number, end: number): Promise<StoredEntry[]> =>
  entriesOf(
    await db.query<StoredRow>(
      `SELECT ${columns('e')} FROM ${leaves} l JOIN ${events} e ON e.position = l.position
        WHERE l.leaf >= $1 AND l.leaf < $2 ORDER BY l.leaf`,
      [first, end],
    ),
  );

/** The entries of the public events with positions in (after, upTo], in order. */
export const entriesBetween = async (db: SqlExecutor, events: string, after: number, upTo: number, personalTypes: readonly string[]): Promise<StoredEntry[]> =>
  entriesOf(
    await db.query<StoredRow>(`SELECT ${columns('e')} FROM ${events} e WHERE e.position > $1 AND e.position <= $2 AND NOT (e.type = ANY($3::text[])) ORDER BY e.position`, [
      after,
      upTo,
      personalTypes,
    ]),
  );

/** The entries of these positions, in order (positions that are not in the events are left out). */
export const entriesAt = async (db: SqlExecutor, events: string, positions: readonly number[]): Promise<StoredEntry[]> =>
  positions.length === 0 ? [] : entriesOf(await db.query<StoredRow>(`SELECT ${columns('e')} FROM ${events} e WHERE e.position = ANY($1::bigint[]) ORDER BY e.position`, [positions]));

/** The leaf of the public event at `position` and its entry, in one query; null when the log does not hold it. */
export const leafEntryAt = async (db: SqlExecutor, leaves: string, events: string, position: number): Promise<{ leaf: number; entry: StoredEntry } | null> => {
  const [row] = await db.query<StoredRow & { leaf: unknown }>(`SELECT l.leaf, ${columns('e')} FROM ${leaves} l JOIN ${events} e ON e.position = l.position WHERE l.position = $1`, [position]);
  return row ? { leaf: Number(row.leaf), entry: entriesOf([row])[0]! } : null;
};
