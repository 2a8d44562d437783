// The log checked against the events as they are stored now: every leaf rebuilt from its event and compared
// with the published tiles, and every published checkpoint's root recomputed from them. An event changed
// after it was logged (even with its hash chain recomputed) shows as the first leaf that differs; tiles
// rewritten to match shows as a checkpoint whose root they no longer give.
import { HASH_SIZE, TILE_WIDTH } from '../../domain/log/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { LogTables } from '../../projections/log/index.ts';
import { entriesOfLeaves, rootAt, sha256Hasher, tileBytes, treeSize } from '../../projections/log/index.ts';
import { checkpointsFrom } from './checkpoints.ts';

export type LogReport =
  | { readonly ok: true; readonly leaves: number; readonly checkpoints: number }
  | { readonly ok: false; readonly leaves: number; readonly leaf: number | null; readonly position: number | null; readonly reason: string };

const encoder = new TextEncoder();

export const verifyLog = async (db: SqlExecutor, schema: string, tables: LogTables): Promise<LogReport> => {
  const size = await treeSize(db, tables);
  for (let first = 0; first < size; first += TILE_WIDTH) {
    const width = Math.min(TILE_WIDTH, size - first);
    const entries = await entriesOfLeaves(db, tables, first, width);
    const tile = await tileBytes(db, tables, { level: 0, index: first / TILE_WIDTH, width }, size);
    if (!tile) return { ok: false, leaves: first, leaf: first, position: null, reason: `the tile of leaves ${first}–${first + width - 1} is missing` };
    for (let i = 0; i < width; i++) {
      const entry = entries[i];
      if (!entry) return { ok: false, leaves: first + i, leaf: first + i, position: null, reason: `the event of leaf ${first + i} is missing from the ledger` };
      const leaf = sha256Hasher.leaf(encoder.encode(entry.text));
      if (!Buffer.from(leaf).equals(tile.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE))) {
        return { ok: false, leaves: first + i, leaf: first + i, position: entry.position, reason: `the event at position ${entry.position} is not what was logged as leaf ${first + i}` };
      }
    }
  }
  let checkpoints = 0;
  for (let from = 0; ; ) {
    const page = await checkpointsFrom(db, schema, from, 1_000);
    for (const checkpoint of page) {
      if (checkpoint.size > size) return { ok: false, leaves: size, leaf: null, position: null, reason: `checkpoint ${checkpoint.size} is larger than the tree (${size} leaves): leaves were removed` };
      if (!Buffer.from(await rootAt(db, tables, checkpoint.size)).equals(Buffer.from(checkpoint.root))) {
        return { ok: false, leaves: size, leaf: null, position: null, reason: `the tree at size ${checkpoint.size} no longer has the root its signed checkpoint published` };
      }
      checkpoints++;
    }
    if (page.length < 1_000) return { ok: true, leaves: size, checkpoints };
    from = page.at(-1)!.size + 1;
  }
};
