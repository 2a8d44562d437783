// SHA-256 as RFC 6962 uses it: 0x00 before a leaf, 0x01 before two children.
import { createHash } from 'node:crypto';
import type { Hash, TreeHasher } from '../../domain/log/index.ts';

const LEAF = Buffer.of(0);
const NODE = Buffer.of(1);

export const sha256Hasher: TreeHasher = {
  leaf: (entry) => new Uint8Array(createHash('sha256').update(LEAF).update(entry).digest()),
  node: (left, right) => new Uint8Array(createHash('sha256').update(NODE).update(left).update(right).digest()),
  empty: () => new Uint8Array(createHash('sha256').digest()),
};

export const sha256 = (bytes: Uint8Array | string): Hash => new Uint8Array(createHash('sha256').update(bytes).digest());
