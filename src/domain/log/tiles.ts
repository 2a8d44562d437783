// C2SP tlog-tiles: the tree published as tiles of 256 hashes. A tile at level L holds the hashes of tree
// level 8·L; a tile of level 0 holds leaf hashes, a hash of level L ≥ 1 is the tree hash of a full tile below.
import type { Hash, Subtree, TreeHasher } from './merkle.ts';

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 2 ** TILE_HEIGHT;
export const HASH_SIZE = 32;

export interface TileId {
  readonly level: number;
  readonly index: number;
  /** 1..256; below 256 the tile is partial (`.p/<width>`). */
  readonly width: number;
}

/** `<N>` in the spec's path groups: 1234067 → `x001/x234/067`. */
export const tileIndexPath = (index: number): string => {
  const groups: string[] = [];
  let n = index;
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
};

/** `tile/<L>/<N>[.p/<W>]`, or `tile/entries/<N>[.p/<W>]` for the entry bundle of a level-0 tile. */
export const tilePath = (tile: TileId, entries = false): string =>
  `tile/${entries ? 'entries' : tile.level}/${tileIndexPath(tile.index)}${tile.width < TILE_WIDTH ? `.p/${tile.width}` : ''}`;

const GROUP = /^(x\d{3}\/)*\d{3}$/;

/** Reads a tile path after `tile/`; null for anything the spec does not allow (leading zeros, width 0, …). */
export const parseTilePath = (path: string): (TileId & { readonly entries: boolean }) | null => {
  const match = /^(entries|0|[1-9]\d?)\/(.+?)(?:\.p\/([1-9]\d{0,2}))?$/.exec(path);
  if (!match) return null;
  const [, level, indexPath, width] = match;
  if (!GROUP.test(indexPath!)) return null;
  const entries = level === 'entries';
  const levelNumber = entries ? 0 : Number(level);
  const w = width === undefined ? TILE_WIDTH : Number(width);
  if (levelNumber > 63 || (width !== undefined && w >= TILE_WIDTH)) return null;
  const index = Number(indexPath!.replaceAll('x', '').replaceAll('/', ''));
  if (!Number.isSafeInteger(index)) return null;
  return { level: levelNumber, index, width: w, entries };
};

/** How many hashes tree level 8·level holds in a tree of `size` leaves. */
export const storedAtLevel = (size: number, level: number): number => Math.floor(size / TILE_WIDTH ** level);

/** The tiles a tree of `size` is published as: every full tile, and the partial one of each level. */
export const tilesOfTree = (size: number): TileId[] => {
  const tiles: TileId[] = [];
  for (let level = 0; storedAtLevel(size, level) > 0; level++) {
    const stored = storedAtLevel(size, level);
    const full = Math.floor(stored / TILE_WIDTH);
    for (let index = 0; index < full; index++) tiles.push({ level, index, width: TILE_WIDTH });
    if (stored % TILE_WIDTH > 0) tiles.push({ level, index: full, width: stored % TILE_WIDTH });
  }
  return tiles;
};

/** The tile (at a tree of `size`) whose hashes give the hash of a complete subtree, and which ones. */
export const tileOfSubtree = (subtree: Subtree, size: number): { tile: TileId; first: number; count: number } => {
  const level = Math.floor(subtree.height / TILE_HEIGHT);
  const rise = subtree.height - level * TILE_HEIGHT;
  const firstStored = subtree.index * 2 ** rise;
  const index = Math.floor(firstStored / TILE_WIDTH);
  const stored = storedAtLevel(size, level);
  const width = Math.min(TILE_WIDTH, stored - index * TILE_WIDTH);
  return { tile: { level, index, width }, first: firstStored - index * TILE_WIDTH, count: 2 ** rise };
};

/** The i-th hash of a tile's bytes. */
export const hashInTile = (tile: Uint8Array, i: number): Hash => tile.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);

/** The hash of `count` consecutive hashes of a tile (a power of two, aligned): hashing up inside the tile. */
export const hashUp = (hasher: TreeHasher, tile: Uint8Array, first: number, count: number): Hash => {
  let level: Hash[] = [];
  for (let i = 0; i < count; i++) level.push(hashInTile(tile, first + i));
  while (level.length > 1) {
    const next: Hash[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(hasher.node(level[i]!, level[i + 1]!));
    level = next;
  }
  return level[0]!;
};
