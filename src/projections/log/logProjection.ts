// The verifiable log's tree, kept as a read model: which event each leaf is, and the tiles of hashes
// (C2SP tlog-tiles, 256 hashes each) that the /log/ routes serve and the proofs are made from. A batch adds
// its public events as leaves in global order, in the runner's transaction with the projection's
// checkpoint: the tree never runs ahead of, or behind, the events it covers. Only the rightmost tile of
// each level changes; the tree is never recomputed on start (a new installation builds it once).
import type { Hash } from '../../domain/log/index.ts';
import { hashUp, HASH_SIZE, logEntryText, storedAtLevel, TILE_WIDTH } from '../../domain/log/index.ts';
import type { ProjectedEvent, RecordedEvent } from '../../eventstore/port.ts';
import { personalEventTypes } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Projection, Tables } from '../shared/projection.ts';
import type { StoredEntry } from './entries.ts';
import { entriesAt, entriesBetween } from './entries.ts';
import { leafHashOfText, sha256Hasher } from './hasher.ts';

export const LOG_LEAVES = 'od_log_leaves';
export const LOG_TILES = 'od_log_tiles';
export const LOG_PROJECTION = 'log';


/** The tree's size: its leaves are numbered 0..size-1. */
export const treeSizeOf = async (db: SqlExecutor, leaves: string): Promise<number> => {
  const [row] = await db.query<{ size: unknown }>(`SELECT coalesce(max(leaf) + 1, 0) AS size FROM ${leaves}`);
  return Number(row!.size);
};

interface OpenTile {
  index: number;
  hashes: Hash[];
  changed: boolean;
}

/** The rightmost tile of each level of a tree of `size`, as stored (empty where the level has none yet). */
const openTiles = async (db: SqlExecutor, tiles: string, size: number): Promise<OpenTile[]> => {
  const open: OpenTile[] = [];
  for (let level = 0; level === 0 || storedAtLevel(size, level) > 0; level++) open.push({ index: Math.floor(storedAtLevel(size, level) / TILE_WIDTH), hashes: [], changed: false });
  const keys = open.map((t, level) => ({ level, index: t.index })).filter((_, level) => storedAtLevel(size, level) % TILE_WIDTH > 0);
  if (keys.length > 0) {
    const rows = await db.query<{ level: number; tile: unknown; hashes: string }>(
      `SELECT level, tile, encode(hashes, 'hex') AS hashes FROM ${tiles} WHERE (level, tile) IN (SELECT * FROM unnest($1::int[], $2::bigint[]))`,
      [keys.map((k) => k.level), keys.map((k) => k.index)],
    );
    for (const row of rows) {
      const bytes = Buffer.from(row.hashes, 'hex');
      const width = storedAtLevel(size, row.level) % TILE_WIDTH;
      open[row.level]!.hashes = Array.from({ length: width }, (_, i) => new Uint8Array(bytes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE)));
    }
  }
  return open;
};

const concat = (hashes: readonly Hash[]): Buffer => Buffer.concat(hashes);

/** Adds one hash at a tile level; a tile that fills up adds its tree hash to the level above. */
const push = (open: OpenTile[], level: number, hash: Hash, full: { level: number; index: number; hashes: Buffer }[]) => {
  const tile = (open[level] ??= { index: 0, hashes: [], changed: false });
  tile.hashes.push(hash);
  tile.changed = true;
  if (tile.hashes.length < TILE_WIDTH) return;
  const bytes = concat(tile.hashes);
  full.push({ level, index: tile.index, hashes: bytes });
  open[level] = { index: tile.index + 1, hashes: [], changed: false };
  push(open, level + 1, hashUp(sha256Hasher, bytes, 0, TILE_WIDTH), full);
};

type WrittenTile = { level: number; index: number; hashes: Buffer };

/** Adds leaf hashes to the open tiles; answers every tile they changed (the open ones as they now stand). */
const addLeaves = (open: OpenTile[], leafHashes: readonly Hash[]): WrittenTile[] => {
  const written: WrittenTile[] = [];
  for (const hash of leafHashes) push(open, 0, hash, written);
  open.forEach((tile, level) => {
    if (tile.changed) written.push({ level, index: tile.index, hashes: concat(tile.hashes) });
    tile.changed = false;
  });
  return written;
};

const writeTiles = async (db: SqlExecutor, tiles: string, written: readonly WrittenTile[]) => {
  if (written.length === 0) return;
  await db.query(
    `INSERT INTO ${tiles} (level, tile, hashes)
       SELECT level, tile, decode(hashes, 'hex') FROM unnest($1::int[], $2::bigint[], $3::text[]) AS w(level, tile, hashes)
     ON CONFLICT (level, tile) DO UPDATE SET hashes = EXCLUDED.hashes`,
    [written.map((w) => w.level), written.map((w) => w.index), written.map((w) => w.hashes.toString('hex'))],
  );
};

const writeLeaves = (db: SqlExecutor, leaves: string, size: number, positions: readonly number[]) =>
  db.query(`INSERT INTO ${leaves} (leaf, position) SELECT * FROM unnest($1::bigint[], $2::bigint[])`, [positions.map((_, i) => size + i), positions]);

const leafHashOf = (entry: Pick<StoredEntry, 'text'>): Hash => leafHashOfText(entry.text);

/** Appends leaves (their hashes, in order) to the tree of `size`, writing the tiles they change. */
export const appendLeaves = async (db: SqlExecutor, t: Tables, size: number, leafHashes: readonly Hash[]): Promise<void> =>
  writeTiles(db, t[LOG_TILES]!, addLeaves(await openTiles(db, t[LOG_TILES]!, size), leafHashes));

const BULK_CHUNK = 20_000;

/**
 * The tree of an existing ledger, built once at upgrade: the events read straight from their table a range
 * at a time (the next range read while this one is hashed), the open tiles kept in memory between ranges.
 * Each range is written in its own transaction with the projection's checkpoint; if anything else moved the
 * checkpoint meanwhile (another node's runner), this stops and the runner goes on batch by batch.
 */
const buildTree = (eventsTable: string): NonNullable<Projection['catchUp']> => async ({ client, tables: t, from, until, inChunk }) => {
  const personal = [...personalEventTypes];
  const read = (after: number) => entriesBetween(client, eventsTable, after, Math.min(until, after + BULK_CHUNK), personal);
  let size = await treeSizeOf(client, t[LOG_LEAVES]!);
  const open = await openTiles(client, t[LOG_TILES]!, size);
  let next = read(from);
  for (let at = from; at < until; at += BULK_CHUNK) {
    const entries = await next;
    const reached = Math.min(until, at + BULK_CHUNK);
    next = reached < until ? read(reached) : Promise.resolve([]);
    const written = addLeaves(open, entries.map(leafHashOf));
    const kept = await inChunk(at, reached, async (tx) => {
      await writeLeaves(tx, t[LOG_LEAVES]!, size, entries.map((e) => e.position));
      await writeTiles(tx, t[LOG_TILES]!, written);
    });
    if (!kept) {
      await next.catch(() => undefined);
      return;
    }
    size += entries.length;
  }
};

const isWhole = (e: ProjectedEvent): e is RecordedEvent => {
  const whole = e as Partial<RecordedEvent>;
  return typeof whole.hash === 'string' && whole.metadata !== undefined && typeof whole.stream === 'string' && whole.storedSchemaVersion === whole.schemaVersion;
};

/** The log's projection; it reads the events as stored from the event table of the same database. */
export const logProjection = (eventsTable: string): Projection => ({
  name: LOG_PROJECTION,
  version: 1,
  tables: [LOG_LEAVES, LOG_TILES],
  create: (t: Tables) => `
CREATE TABLE ${t[LOG_LEAVES]} (leaf bigint PRIMARY KEY, position bigint NOT NULL);
CREATE TABLE ${t[LOG_TILES]} (level int NOT NULL, tile bigint NOT NULL, hashes bytea NOT NULL, PRIMARY KEY (level, tile));`,
  indexes: (t: Tables) => `CREATE UNIQUE INDEX ON ${t[LOG_LEAVES]} (position);`,
  async apply(tx, t, events) {
    const published = events.filter((e) => !personalEventTypes.has(e.type));
    if (published.length === 0) return;
    // The runner following the log hands whole stored events; a rebuild hands the lean ones and the entries
    // are read again as stored. Upcast data is the stored data only where the version did not change.
    const entries = published.every(isWhole)
      ? published.map((e) => ({ position: e.position, text: logEntryText({ ...e, schemaVersion: e.storedSchemaVersion, recordedAt: e.metadata.recordedAt }) }))
      : await entriesAt(tx, eventsTable, published.map((e) => e.position));
    const size = await treeSizeOf(tx, t[LOG_LEAVES]!);
    await writeLeaves(tx, t[LOG_LEAVES]!, size, entries.map((e) => e.position));
    await appendLeaves(tx, t, size, entries.map(leafHashOf));
  },
  catchUp: buildTree(eventsTable),
});
