// Reading the tree: tiles as published, the tree hash of any range at any size the tree has had (tiles only
// ever grow, so the first hashes of today's tile are the partial tile of an older size), and the proofs.
import type { Hash, Range, TileId } from '../../domain/log/index.ts';
import { consistencyRanges, HASH_SIZE, hashUp, inclusionRanges, rangeHash, storedAtLevel, subtreesOf, TILE_WIDTH, tileOfSubtree } from '../../domain/log/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../shared/tables.ts';
import { entriesOfRange, leafEntryAt } from './entries.ts';
import { sha256Hasher } from './hasher.ts';
import { LOG_LEAVES, LOG_TILES, treeSizeOf } from './logProjection.ts';

export interface LogTables {
  readonly leaves: string;
  readonly tiles: string;
  readonly events: string;
}

export const logTables = (schema: string, events: string): LogTables => ({ leaves: table(schema, LOG_LEAVES), tiles: table(schema, LOG_TILES), events });

export const treeSize = (db: SqlExecutor, t: LogTables): Promise<number> => treeSizeOf(db, t.leaves);

const key = (level: number, index: number) => `${level}/${index}`;

const loadTiles = async (db: SqlExecutor, t: LogTables, tiles: readonly Pick<TileId, 'level' | 'index'>[]): Promise<Map<string, Buffer>> => {
  const unique = [...new Map(tiles.map((tile) => [key(tile.level, tile.index), tile])).values()];
  if (unique.length === 0) return new Map();
  const rows = await db.query<{ level: number; tile: unknown; hashes: Uint8Array }>(
    `SELECT level, tile, hashes FROM ${t.tiles} WHERE (level, tile) IN (SELECT * FROM unnest($1::int[], $2::bigint[]))`,
    [unique.map((u) => u.level), unique.map((u) => u.index)],
  );
  return new Map(rows.map((r) => [key(r.level, Number(r.tile)), Buffer.from(r.hashes.buffer, r.hashes.byteOffset, r.hashes.byteLength)]));
};

/** The tree hashes of these ranges in the tree of `size`, from as few tiles as they need (one query). */
export const rangeHashes = async (db: SqlExecutor, t: LogTables, size: number, ranges: readonly Range[]): Promise<Hash[]> => {
  const located = ranges.flatMap((r) => subtreesOf(r.start, r.end)).map((s) => tileOfSubtree(s, size).tile);
  const tiles = await loadTiles(db, t, located);
  return ranges.map((r) =>
    rangeHash(sha256Hasher, r.start, r.end, (subtree) => {
      const { tile, first, count } = tileOfSubtree(subtree, size);
      const bytes = tiles.get(key(tile.level, tile.index));
      if (!bytes || bytes.length < (first + count) * HASH_SIZE) throw new Error(`the log's tile ${tile.level}/${tile.index} is missing hashes`);
      return hashUp(sha256Hasher, bytes, first, count);
    }),
  );
};

export const rootAt = async (db: SqlExecutor, t: LogTables, size: number): Promise<Hash> =>
  size === 0 ? sha256Hasher.empty() : (await rangeHashes(db, t, size, [{ start: 0, end: size }]))[0]!;

export const inclusionProof = (db: SqlExecutor, t: LogTables, index: number, size: number): Promise<Hash[]> => rangeHashes(db, t, size, inclusionRanges(index, size));

export const consistencyProof = (db: SqlExecutor, t: LogTables, oldSize: number, newSize: number): Promise<Hash[]> =>
  rangeHashes(db, t, newSize, consistencyRanges(oldSize, newSize));

/** A tile's bytes at `width` hashes, when the tree of `size` has that tile at least that wide. */
export const tileBytes = async (db: SqlExecutor, t: LogTables, tile: TileId, size: number): Promise<Buffer | null> => {
  const available = storedAtLevel(size, tile.level) - tile.index * TILE_WIDTH;
  if (available < tile.width) return null;
  const bytes = (await loadTiles(db, t, [tile])).get(key(tile.level, tile.index));
  return bytes && bytes.length >= tile.width * HASH_SIZE ? bytes.subarray(0, tile.width * HASH_SIZE) : null;
};

/** The entries of leaves [first, first + count), rebuilt from the events as they are stored now. */
export const entriesOfLeaves = (db: SqlExecutor, t: LogTables, first: number, count: number) => entriesOfRange(db, t.leaves, t.events, first, first + count);

/** The leaf of an event's position with its entry (one query): what a proof of that event starts from. */
export const leafEntryOfPosition = (db: SqlExecutor, t: LogTables, position: number) => leafEntryAt(db, t.leaves, t.events, position);

export const leafOfPosition = async (db: SqlExecutor, t: LogTables, position: number): Promise<number | null> => {
  const [row] = await db.query<{ leaf: unknown }>(`SELECT leaf FROM ${t.leaves} WHERE position = $1`, [position]);
  return row ? Number(row.leaf) : null;
};

/** The leaves of these event positions, in one query; a position the log does not hold is absent. */
export const leavesOfPositions = async (db: SqlExecutor, t: LogTables, positions: readonly number[]): Promise<Map<number, number>> => {
  if (positions.length === 0) return new Map();
  const rows = await db.query<{ position: unknown; leaf: unknown }>(`SELECT position, leaf FROM ${t.leaves} WHERE position = ANY($1::bigint[])`, [[...new Set(positions)]]);
  return new Map(rows.map((r) => [Number(r.position), Number(r.leaf)]));
};
