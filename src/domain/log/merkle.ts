// RFC 6962 / RFC 9162 Merkle trees (section 2.1): the tree hash of any range of leaves, inclusion and
// consistency proofs, and their verification. The hash function comes from outside (the domain imports no
// cryptography): SHA-256(0x00 ‖ entry) for a leaf, SHA-256(0x01 ‖ left ‖ right) for a node.

export type Hash = Uint8Array;

export interface TreeHasher {
  readonly leaf: (entry: Uint8Array) => Hash;
  readonly node: (left: Hash, right: Hash) => Hash;
  /** The root of the empty tree: SHA-256 of the empty string. */
  readonly empty: () => Hash;
}

/** A complete subtree: the 2^height leaves from index·2^height on. */
export interface Subtree {
  readonly height: number;
  readonly index: number;
}

/** Hash of a complete subtree, as the caller's storage knows it. */
export type SubtreeHash = (subtree: Subtree) => Hash;

/** The largest power of two strictly below n (n ≥ 2): where RFC 6962 splits a range. */
export const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

const heightOf = (n: number): number => Math.round(Math.log2(n));

const isPowerOfTwo = (n: number): boolean => n > 0 && 2 ** heightOf(n) === n;

/** A range [start, end) as RFC 6962 builds it: complete subtrees, left to right, joined from the right. */
export const subtreesOf = (start: number, end: number): Subtree[] => {
  const n = end - start;
  if (n <= 0) return [];
  if (isPowerOfTwo(n) && start % n === 0) return [{ height: heightOf(n), index: start / n }];
  const k = splitPoint(n);
  return [...subtreesOf(start, start + k), ...subtreesOf(start + k, end)];
};

/** MTH(D[start:end]). */
export const rangeHash = (hasher: TreeHasher, start: number, end: number, subtree: SubtreeHash): Hash => {
  const n = end - start;
  if (n === 0) return hasher.empty();
  if (isPowerOfTwo(n) && start % n === 0) return subtree({ height: heightOf(n), index: start / n });
  const k = splitPoint(n);
  return hasher.node(rangeHash(hasher, start, start + k, subtree), rangeHash(hasher, start + k, end, subtree));
};

/** A proof is a list of ranges whose tree hashes are the proof's hashes, in the RFC's order. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** PATH(m, D[0:n]) of RFC 6962 2.1.1: from the leaf's sibling up to the root's child. */
export const inclusionRanges = (index: number, size: number): Range[] => {
  if (index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path = (m: number, start: number, end: number): Range[] => {
    const n = end - start;
    if (n <= 1) return [];
    const k = splitPoint(n);
    return m < k ? [...path(m, start, start + k), { start: start + k, end }] : [...path(m - k, start + k, end), { start, end: start + k }];
  };
  return path(index, 0, size);
};

/** PROOF(m, D[0:n]) of RFC 6962 2.1.2. */
export const consistencyRanges = (oldSize: number, newSize: number): Range[] => {
  if (oldSize < 0 || oldSize > newSize) throw new RangeError(`no consistency proof from ${oldSize} to ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  const subproof = (m: number, start: number, end: number, whole: boolean): Range[] => {
    const n = end - start;
    if (m === n) return whole ? [] : [{ start, end }];
    const k = splitPoint(n);
    return m <= k
      ? [...subproof(m, start, start + k, whole), { start: start + k, end }]
      : [...subproof(m - k, start + k, end, false), { start, end: start + k }];
  };
  return subproof(oldSize, 0, newSize, true);
};

const equal = (a: Hash, b: Hash): boolean => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** RFC 9162 2.1.3.2: does the proof lead from this leaf hash to this root? */
export const verifyInclusion = (hasher: TreeHasher, index: number, size: number, leafHash: Hash, proof: readonly Hash[], root: Hash): boolean => {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hasher.node(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hasher.node(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
};

/** RFC 9162 2.1.4.2: is the tree of newSize an extension of the tree of oldSize? */
export const verifyConsistency = (hasher: TreeHasher, oldSize: number, newSize: number, proof: readonly Hash[], oldRoot: Hash, newRoot: Hash): boolean => {
  if (oldSize < 0 || oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && equal(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hasher.node(c, fr);
      sr = hasher.node(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hasher.node(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(fr, oldRoot) && equal(sr, newRoot);
};
