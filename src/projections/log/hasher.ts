// SHA-256 as RFC 6962 uses it: 0x00 before a leaf, 0x01 before two children. Digests are returned as
// node:crypto makes them (Buffers are Uint8Arrays): a tree of a million leaves makes millions of them.
import { createHash, hash } from 'node:crypto';
import type { Hash, TreeHasher } from '../../domain/log/index.ts';

const LEAF = Buffer.of(0);
// One node's input, 0x01 ‖ left ‖ right, written in place: hashing is synchronous, so one buffer serves every
// call, and the one-shot hash() costs a quarter of a createHash chain (a proof hashes hundreds of nodes, a
// tree build one per leaf).
const nodeInput = Buffer.alloc(65, 1);
const EMPTY = createHash('sha256').digest();

export const sha256Hasher: TreeHasher = {
  leaf: (entry) => createHash('sha256').update(LEAF).update(entry).digest(),
  node: (left, right) => {
    nodeInput.set(left, 1);
    nodeInput.set(right, 33);
    return hash('sha256', nodeInput, 'buffer');
  },
  empty: () => Buffer.from(EMPTY),
};

/**
 * The leaf hash of an entry given as its text: U+0000 is the byte 0x00 in UTF-8, so this is SHA-256(0x00 ‖
 * entry). The one-shot hash is a quarter of createHash's cost per call (measured: 2.5 µs against 10 µs).
 */
export const leafHashOfText = (entry: string): Hash => hash('sha256', `\u0000${entry}`, 'buffer');

export const sha256 = (bytes: Uint8Array | string): Hash => createHash('sha256').update(bytes).digest();
