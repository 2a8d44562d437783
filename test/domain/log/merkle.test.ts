// RFC 6962 trees against the reference vectors published with Certificate Transparency (transparency-dev
// merkle testonly constants): the same leaves, roots and proofs every other implementation agrees on.
import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Hash, Subtree, TreeHasher } from '../../../src/domain/log/index.ts';
import { consistencyRanges, inclusionRanges, rangeHash, splitPoint, verifyConsistency, verifyInclusion } from '../../../src/domain/log/index.ts';

const sha = (...parts: Uint8Array[]): Hash => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const hasher: TreeHasher = { leaf: (e) => sha(Uint8Array.of(0), e), node: (l, r) => sha(Uint8Array.of(1), l, r), empty: () => sha() };
const hex = (h: Uint8Array) => Buffer.from(h).toString('hex');
const unhex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));

const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((l) => hasher.leaf(unhex(l)));
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** Subtree hashes straight from a list of leaf hashes: the storage a test needs. */
const fromLeaves = (leaves: readonly Hash[]) => {
  const subtree = ({ height, index }: Subtree): Hash =>
    height === 0 ? leaves[index]! : hasher.node(subtree({ height: height - 1, index: 2 * index }), subtree({ height: height - 1, index: 2 * index + 1 }));
  return subtree;
};
const root = (leaves: readonly Hash[], size = leaves.length) => rangeHash(hasher, 0, size, fromLeaves(leaves));
const proofOf = (leaves: readonly Hash[], ranges: { start: number; end: number }[]) => ranges.map((r) => rangeHash(hasher, r.start, r.end, fromLeaves(leaves)));

test('the split is the largest power of two below n, not the midpoint', () => {
  assert.equal([2, 3, 4, 5, 8, 9, 1000].map(splitPoint), [1, 2, 2, 4, 4, 8, 512]);
});

test('roots of the reference tree for every size 0..8', () => {
  for (let n = 0; n <= 8; n++) assert.is(hex(root(LEAVES, n)), ROOTS[n], `size ${n}`);
});

test('inclusion proofs of the reference vectors, and they verify', () => {
  const cases = [
    { index: 0, size: 8, proof: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
    { index: 5, size: 8, proof: ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  ];
  for (const c of cases) {
    const proof = proofOf(LEAVES, inclusionRanges(c.index, c.size));
    assert.equal(proof.map(hex), c.proof);
    assert.ok(verifyInclusion(hasher, c.index, c.size, LEAVES[c.index]!, proof, unhex(ROOTS[c.size]!)));
  }
});

test('consistency proofs of the reference vectors, and they verify', () => {
  const cases = [
    { from: 2, to: 8, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
    { from: 6, to: 8, proof: ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
    { from: 2, to: 5, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
  ];
  for (const c of cases) {
    const proof = proofOf(LEAVES, consistencyRanges(c.from, c.to));
    assert.equal(proof.map(hex), c.proof);
    assert.ok(verifyConsistency(hasher, c.from, c.to, proof, unhex(ROOTS[c.from]!), unhex(ROOTS[c.to]!)));
  }
});

test('every proof of every size up to 40 verifies, and a wrong index, leaf or hash does not (the size is bound by the signed checkpoint)', () => {
  const leaves = Array.from({ length: 40 }, (_, i) => hasher.leaf(Uint8Array.of(i, i * 7)));
  for (let n = 1; n <= leaves.length; n++) {
    const r = root(leaves, n);
    for (let i = 0; i < n; i++) {
      const proof = proofOf(leaves, inclusionRanges(i, n));
      assert.ok(verifyInclusion(hasher, i, n, leaves[i]!, proof, r), `${i} in ${n}`);
      assert.not.ok(verifyInclusion(hasher, i, n, leaves[(i + 1) % 40]!, proof, r));
      if (n > 1) assert.not.ok(verifyInclusion(hasher, (i + 1) % n, n, leaves[i]!, proof, r));
      if (proof.length > 0) {
        const bad = proof.map((h, k) => (k === proof.length - 1 ? hasher.leaf(h) : h));
        assert.not.ok(verifyInclusion(hasher, i, n, leaves[i]!, bad, r));
      }
    }
    for (let m = 0; m <= n; m++) {
      const proof = proofOf(leaves, consistencyRanges(m, n));
      assert.ok(verifyConsistency(hasher, m, n, proof, root(leaves, m), r), `${m} → ${n}`);
      if (m > 0 && m < n) {
        assert.not.ok(verifyConsistency(hasher, m, n, proof, root(leaves, m - 1), r));
        assert.not.ok(verifyConsistency(hasher, m, n, proof.slice(1), root(leaves, m), r));
      }
    }
  }
});

test('ranges outside the tree are refused', () => {
  assert.throws(() => inclusionRanges(8, 8), /not in a tree/);
  assert.throws(() => consistencyRanges(9, 8), /no consistency proof/);
  assert.not.ok(verifyInclusion(hasher, 0, 0, LEAVES[0]!, [], unhex(ROOTS[0]!)));
});

test.run();
