// tools/verify-log.mjs, the verifier anyone can run: its Merkle functions against the RFC 6962 reference
// vectors, its signed notes against the C2SP example, and the whole tool against a static tiled log that
// tells the truth, then lies in each way a server could.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  main,
  NoteError,
  parseCheckpoint,
  parseVerifierKey,
  tileLevels,
  tilePath,
  tilesOf,
  treeHash,
  verifyConsistency,
  verifyInclusion,
  VerifyError,
  verifyLog,
  verifyNote,
} from '../../tools/verify-log.mjs';
import type { VerifyOptions, VerifyResult } from '../../tools/verify-log.mjs';
import { startWitnessDouble } from '../support/doubles/witness/index.ts';
import { buildLog, newSigner, sampleEntry, signNote, startStaticLog } from '../support/staticLog.ts';
import type { StaticLogServer } from '../support/staticLog.ts';

const hex = (hashes: readonly Buffer[]): string[] => hashes.map((h) => h.toString('hex'));

// ─── RFC 6962 reference vectors (the Certificate Transparency test tree) ───
const merkle = suite('verify-log: Merkle trees');
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
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
const H = {
  leaf1: '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  leaf4: 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  n23: '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
  n45: '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
  n67: 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  n4567: '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
};
const levels = tileLevels(Buffer.concat(LEAVES.map(leafHash)));
const root = (size: number): Buffer => treeHash(levels, 0, size);

merkle('the roots of sizes 0 to 8 are the reference roots', () => {
  assert.equal(EMPTY_ROOT.toString('hex'), ROOTS[0]);
  assert.equal([...ROOTS.keys()].map((size) => root(size).toString('hex')), ROOTS);
});

merkle('inclusion proofs are the reference paths, and verify', () => {
  assert.equal(hex(inclusionProof(levels, 0, 8)), [H.leaf1, H.n23, H.n4567]);
  assert.equal(hex(inclusionProof(levels, 5, 8)), [H.leaf4, H.n67, ROOTS[4]]);
  assert.equal(hex(inclusionProof(levels, 2, 3)), [ROOTS[2]]);
  for (let size = 1; size <= 8; size++) {
    for (let index = 0; index < size; index++) {
      const proof = inclusionProof(levels, index, size);
      assert.ok(verifyInclusion(index, size, leafHash(LEAVES[index]!), proof, root(size)), `${index} in ${size}`);
      assert.not.ok(verifyInclusion(index, size, leafHash(Buffer.from('other')), proof, root(size)));
      if (size > 1) assert.not.ok(verifyInclusion((index + 1) % size, size, leafHash(LEAVES[index]!), proof, root(size)));
    }
  }
  assert.not.ok(verifyInclusion(8, 8, leafHash(LEAVES[0]!), [], root(8)));
});

merkle('consistency proofs are the reference proofs, and verify; a rewritten history does not', () => {
  assert.equal(hex(consistencyProof(levels, 1, 8)), [H.leaf1, H.n23, H.n4567]);
  assert.equal(hex(consistencyProof(levels, 2, 8)), [H.n23, H.n4567]);
  assert.equal(hex(consistencyProof(levels, 6, 8)), [H.n45, H.n67, ROOTS[4]]);
  assert.equal(hex(consistencyProof(levels, 2, 5)), [H.n23, H.leaf4]);
  for (let size = 1; size <= 8; size++) {
    for (let old = 1; old < size; old++) {
      const proof = consistencyProof(levels, old, size);
      assert.ok(verifyConsistency(old, size, proof, root(old), root(size)), `${old} → ${size}`);
      assert.not.ok(verifyConsistency(old, size, proof, leafHash(Buffer.from('rewritten')), root(size)));
      assert.not.ok(verifyConsistency(old, size, proof.slice(1), root(old), root(size)));
    }
  }
  assert.ok(verifyConsistency(0, 8, [], EMPTY_ROOT, root(8)));
  assert.ok(verifyConsistency(8, 8, [], root(8), root(8)));
  assert.not.ok(verifyConsistency(8, 8, [], root(7), root(8)));
  assert.not.ok(verifyConsistency(8, 7, [], root(8), root(7)));
});

merkle('upper levels span 256 hashes each, and the tree hash uses them across tile boundaries', () => {
  const many = Array.from({ length: 70_000 }, (_, i) => leafHash(Buffer.from(String(i))));
  const big = tileLevels(Buffer.concat(many));
  assert.equal(big.map((l) => l.length / 32), [70_000, 273, 1]);
  const naive = (start: number, end: number): Buffer => {
    if (end - start === 1) return many[start]!;
    const k = 2 ** Math.ceil(Math.log2(end - start) - 1);
    return treeHash([Buffer.concat([naive(start, start + k), naive(start + k, end)])], 0, 2);
  };
  for (const size of [255, 256, 257, 65_536, 65_537, 70_000]) assert.ok(treeHash(big, 0, size).equals(naive(0, size)), `size ${size}`);
});

merkle('tile paths and the tiles of a tree are those of tlog-tiles', () => {
  assert.is(tilePath(0, 1234067), 'tile/0/x001/x234/067');
  assert.is(tilePath('entries', 5, 3), 'tile/entries/005.p/3');
  assert.is(tilePath(2, 1000), 'tile/2/x001/000');
  // The spec's example: 273 full level-0 tiles, a partial of 112, a full and a partial of 17 at level 1, one at level 2.
  const tiles = tilesOf(70_000);
  assert.is(tiles.filter((t) => t.level === 0 && t.width === 256).length, 273);
  assert.equal(tiles.filter((t) => t.width < 256), [{ level: 0, index: 273, width: 112 }, { level: 1, index: 1, width: 17 }, { level: 2, index: 0, width: 1 }]);
  assert.equal(tilesOf(256), [{ level: 0, index: 0, width: 256 }, { level: 1, index: 0, width: 1 }]);
});

// ─── Signed notes (the C2SP signed-note example) ───
const notes = suite('verify-log: signed notes');
const EXAMPLE_KEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const EXAMPLE_NOTE = 'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

notes('the example verifier key verifies the example note', () => {
  const key = parseVerifierKey(EXAMPLE_KEY);
  assert.equal({ name: key.name, id: key.id, type: key.type }, { name: 'example.com/foo', id: 0x530d903a, type: 1 });
  assert.equal(verifyNote(EXAMPLE_NOTE, [key]), { text: 'This is an example message.\n', signedBy: [key] });
});

notes('a changed text, an unknown key only, a key whose ID is not its own: refused', () => {
  const key = parseVerifierKey(EXAMPLE_KEY);
  assert.throws(() => verifyNote(EXAMPLE_NOTE.replace('example message', 'exampel message'), [key]), (e: unknown) => e instanceof NoteError && /does not verify/.test(e.message));
  const other = newSigner('example.com/foo');
  assert.throws(() => verifyNote(EXAMPLE_NOTE, [other.key]), /no signature by example.com\/foo/);
  assert.throws(() => parseVerifierKey(EXAMPLE_KEY.replace('530d903a', '530d903b')), /not its key's/);
  assert.throws(() => parseVerifierKey('example.com/foo'), /not a verifier key/);
  assert.throws(() => verifyNote('no blank line\n— example.com/foo AAAA\n', [key]), /blank line/);
});

notes('checkpoints: origin, size, base64 root; anything else is refused', () => {
  assert.equal(parseCheckpoint(`example.com/log\n3\n${root(3).toString('base64')}\n`), { origin: 'example.com/log', size: 3, root: root(3) });
  assert.is(parseCheckpoint(`o\n0\n${EMPTY_ROOT.toString('base64')}\nextension\n`).size, 0);
  for (const bad of ['o\n03\nAAAA\n', `o\n-1\n${EMPTY_ROOT.toString('base64')}\n`, 'o\n1\nAAAA\n', `\n1\n${EMPTY_ROOT.toString('base64')}\n`, `o\n1\n${EMPTY_ROOT.toString('base64')}`]) {
    assert.throws(() => parseCheckpoint(bad), (e: unknown) => e instanceof NoteError, JSON.stringify(bad));
  }
});

// ─── The whole tool against a static log ───
interface Context {
  server: StaticLogServer;
  dir: string;
}
const tool = suite<Context>('verify-log: the tool');
const signer = newSigner('lixouri.example/ledger');
const entries = Array.from({ length: 600 }, (_, i) => sampleEntry(i));
const goodLog = buildLog(signer, entries);

tool.before(async (context) => {
  context.server = await startStaticLog(goodLog);
  context.dir = await mkdtemp(join(tmpdir(), 'verify-log-'));
});
tool.after(async (context) => {
  await context.server.close();
  await rm(context.dir, { recursive: true, force: true });
});
tool.before.each((context) => {
  context.server.log = goodLog;
});

const failure = async (run: Promise<VerifyResult>): Promise<VerifyError> => {
  try {
    await run;
  } catch (error) {
    if (error instanceof VerifyError) return error;
    throw error;
  }
  throw new Error('the verification passed');
};

/** The good log with some of its files replaced. */
const lying = (files: Record<string, Buffer | string>) => ({ ...goodLog, files: new Map([...goodLog.files, ...Object.entries(files).map(([k, v]) => [k, Buffer.from(v)] as const)]) });

tool('a good log passes: 600 leaves over three level-0 tiles and a level-1 tile, the root rebuilt', async ({ server }) => {
  const said: string[] = [];
  const result = await verifyLog(server.url, { say: (line) => said.push(line) });
  assert.equal({ origin: result.origin, size: result.size, root: result.root }, { origin: signer.name, size: 600, root: goodLog.root.toString('base64') });
  assert.match(said.join('\n'), /on first use/);
  for (const path of ['checkpoint', 'key', 'tile/0/000', 'tile/0/001', 'tile/0/002.p/88', 'tile/entries/002.p/88', 'tile/1/000.p/2']) assert.ok(server.requests.includes(`/log/${path}`), path);
});

tool('the prefix is taken with or without its trailing slash', async ({ server }) => {
  const result = await verifyLog(server.url.slice(0, -1), { key: signer.vkey });
  assert.is(result.size, 600);
});

tool('entry bundles may come gzipped', async () => {
  const gzipped = await startStaticLog(goodLog, { gzip: true });
  assert.is((await verifyLog(gzipped.url, { key: signer.vkey })).size, 600);
  await gzipped.close();
});

tool('--find names the leaves whose entries hold the text, with their type and stream', async ({ server }) => {
  const result = await verifyLog(server.url, { key: signer.vkey, find: ['ΧΕΠ-517"', '123.50', 'nowhere'] });
  assert.equal(result.found, [
    { text: 'ΧΕΠ-517"', leaves: [{ index: 517, type: 'PaymentMade', stream: 'commitment-6' }] },
    { text: '123.50', leaves: [{ index: 123, type: 'PaymentMade', stream: 'commitment-4' }] },
    { text: 'nowhere', leaves: [] },
  ]);
});

tool('changed entries fail, naming the first bad leaf with the expected and the found hash', async (context) => {
  const changed = [...entries];
  changed[300] = sampleEntry(300, { amount: '9300.50', document: 'ΧΕΠ-300' });
  changed[450] = sampleEntry(450, { amount: '1.00', document: 'ΧΕΠ-450' });
  changed[550] = sampleEntry(550, { amount: '5.50', document: 'ΧΕΠ-550' });
  const forged = buildLog(signer, changed).files;
  context.server.log = lying({ 'tile/entries/001': forged.get('tile/entries/001')!, 'tile/entries/002.p/88': forged.get('tile/entries/002.p/88')! });
  const error = await failure(verifyLog(context.server.url, { key: signer.vkey }));
  assert.equal({ step: error.step, leaf: error.leaf, expected: error.expected, found: error.found }, {
    step: 'leaf',
    leaf: 300,
    expected: leafHash(entries[300]!).toString('base64'),
    found: leafHash(changed[300]).toString('base64'),
  });
  assert.match(error.message, /^leaf 300: /);
});

tool('a tile that lies (an entry and its leaf hash changed together) fails at the tile above', async (context) => {
  const changed = [...entries];
  changed[7] = sampleEntry(7, { amount: '7000.50', document: 'ΧΕΠ-7' });
  const forged = buildLog(signer, changed);
  context.server.log = lying({ 'tile/entries/000': forged.files.get('tile/entries/000')!, 'tile/0/000': forged.files.get('tile/0/000')! });
  const error = await failure(verifyLog(context.server.url, { key: signer.vkey }));
  assert.is(error.step, 'tile');
  assert.match(error.message, /^tile\/1\/000\.p\/2, hash 0 \(leaves 0…255\)/);
});

tool('a partial tile left unchecked by tiles above still fails at the root', async (context) => {
  const changed = [...entries];
  changed[599] = sampleEntry(599, { amount: '0.01', document: 'ΧΕΠ-599' });
  const forged = buildLog(signer, changed);
  context.server.log = lying({ 'tile/entries/002.p/88': forged.files.get('tile/entries/002.p/88')!, 'tile/0/002.p/88': forged.files.get('tile/0/002.p/88')! });
  const error = await failure(verifyLog(context.server.url, { key: signer.vkey }));
  assert.is(error.step, 'root');
});

tool('--witness: the checkpoint must carry a cosignature that verifies, by each witness given', async (context) => {
  const witness = await startWitnessDouble('witness.example/w1', () => 1_796_000_000);
  witness.trust(signer.name, signer.vkey);
  const cosign = async (oldSize: number) => (await fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body: `old ${oldSize}\n\n${goodLog.checkpoint}` })).text();
  context.server.log = lying({ checkpoint: `${goodLog.checkpoint}${await cosign(0)}` });
  const result = await verifyLog(context.server.url, { key: signer.vkey, witnesses: [witness.vkey] });
  assert.equal(result.cosignedBy, [{ name: 'witness.example/w1', time: 1_796_000_000 }]);
  witness.lieNext(1);
  context.server.log = lying({ checkpoint: `${goodLog.checkpoint}${await cosign(600)}` });
  assert.match((await failure(verifyLog(context.server.url, { key: signer.vkey, witnesses: [witness.vkey] }))).message, /^the cosignature of the witness witness\.example\/w1 does not verify$/);
  context.server.log = goodLog;
  const missing = await failure(verifyLog(context.server.url, { key: signer.vkey, witnesses: [witness.vkey] }));
  assert.equal([missing.step, missing.message], ['witness', 'the checkpoint carries no cosignature by the witness witness.example/w1']);
  assert.is((await failure(verifyLog(context.server.url, { key: signer.vkey, witnesses: [signer.vkey] }))).step, 'key');
  await witness.close();
});

tool('a checkpoint with a wrong signature fails, and so does one signed by another key', async (context) => {
  const tampered = goodLog.checkpoint.replace(`\n600\n`, '\n601\n');
  context.server.log = lying({ checkpoint: tampered });
  assert.is((await failure(verifyLog(context.server.url, { key: signer.vkey }))).step, 'signature');
  context.server.log = lying({ checkpoint: signNote(newSigner(signer.name), goodLog.text) });
  const error = await failure(verifyLog(context.server.url, { key: signer.vkey }));
  assert.equal([error.step, error.message], ['signature', `no signature by ${signer.name}`]);
  context.server.log = lying({ checkpoint: 'not a note' });
  assert.is((await failure(verifyLog(context.server.url, { key: signer.vkey }))).step, 'checkpoint');
});

tool('the state file: a grown log passes with its consistency proof; the key and the size are kept', async ({ server, dir }) => {
  const statePath = join(dir, 'grown.json');
  const small = buildLog(signer, entries.slice(0, 300));
  server.log = small;
  await verifyLog(server.url, { statePath });
  server.log = goodLog;
  server.requests.length = 0;
  const said: string[] = [];
  await verifyLog(server.url, { statePath, say: (line) => said.push(line) });
  assert.ok(server.requests.includes('/api/log/consistency'));
  assert.equal(said, []);
  assert.equal(JSON.parse(await readFile(statePath, 'utf8')), { origin: signer.name, key: signer.vkey, size: 600, root: goodLog.root.toString('base64') });
});

tool('a rewritten history (another tree, validly signed) fails the state file consistency check', async ({ server, dir }) => {
  const statePath = join(dir, 'rewritten.json');
  await verifyLog(server.url, { statePath });
  const rewritten = [...entries, sampleEntry(600)];
  rewritten[42] = sampleEntry(42, { amount: '0.42', document: 'ΧΕΠ-42' });
  server.log = buildLog(signer, rewritten);
  const error = await failure(verifyLog(server.url, { statePath }));
  assert.is(error.step, 'consistency');
  assert.match(error.message, /the first 600 leaves now give the root .* history was rewritten/);
  assert.is((JSON.parse(await readFile(statePath, 'utf8')) as { size: number }).size, 600, 'the state is not moved on');
  server.log = buildLog(signer, entries.slice(0, 500));
  assert.match((await failure(verifyLog(server.url, { statePath }))).message, /entries were removed/);
});

tool("a consistency proof from the server that does not verify fails, though the tiles agree", async ({ server, dir }) => {
  const statePath = join(dir, 'proof.json');
  server.log = buildLog(signer, entries.slice(0, 300));
  await verifyLog(server.url, { statePath });
  server.log = { ...goodLog, levels: buildLog(signer, entries.map((_, i) => sampleEntry(i + 1))).levels };
  const error = await failure(verifyLog(server.url, { statePath }));
  assert.equal([error.step, error.message], ['consistency', `the server's consistency proof from 300 to 600 does not verify (RFC 9162 §2.1.4.2)`]);
});

tool('a key that changed since the state file fails, unless given with --key', async ({ server, dir }) => {
  const statePath = join(dir, 'key.json');
  await verifyLog(server.url, { statePath });
  const rotated = newSigner(signer.name);
  server.log = buildLog(rotated, entries);
  assert.is((await failure(verifyLog(server.url, { statePath }))).step, 'key');
  const result = await verifyLog(server.url, { statePath, key: rotated.vkey });
  assert.is(result.key, rotated.vkey);
});

tool('bad input: an unreachable log, a missing tile, a bad key, a bad state file', async ({ server, dir }) => {
  const options: VerifyOptions = { key: signer.vkey };
  const closed = await startStaticLog(goodLog);
  await closed.close();
  assert.match((await failure(verifyLog(closed.url, options))).message, /^cannot fetch the checkpoint from http:\/\/127\.0\.0\.1:\d+\/log\/checkpoint: ECONNREFUSED$/);
  const files = new Map(goodLog.files);
  files.delete('tile/0/001');
  server.log = { ...goodLog, files };
  assert.match((await failure(verifyLog(server.url, options))).message, /tile\/0\/001 answered HTTP 404/);
  assert.is((await failure(verifyLog(server.url, { key: 'nonsense' }))).step, 'key');
  const statePath = join(dir, 'bad.json');
  await writeFile(statePath, '{"size": "many"}');
  assert.is((await failure(verifyLog(server.url, { statePath }))).step, 'state');
});

tool('main: a summary and exit 0; usage errors exit 2', async ({ server }) => {
  const out: string[] = [];
  const err: string[] = [];
  assert.is(await main([server.url, '--key', signer.vkey, '--find', 'ΧΕΠ-12"'], (l) => out.push(l), (l) => err.push(l)), 0);
  assert.match(out.join('\n'), /^OK \/ ΕΝΤΑΞΕΙ: lixouri\.example\/ledger, 600 leaves, root \S+\n {2}verified in [\d.]+ s \(\d+ leaves\/s\)\n"ΧΕΠ-12"" is in 1 leaves:\n {2}leaf 12 {2}PaymentMade {2}commitment-5$/);
  assert.is(await main([], () => {}, (l) => err.push(l)), 2);
  assert.is(await main([server.url, '--key'], () => {}, (l) => err.push(l)), 2);
  assert.is(await main(['ftp://x/log/'], () => {}, (l) => err.push(l)), 2);
  assert.match(err.join('\n'), /usage: node tools\/verify-log\.mjs/);
});

const run = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, ['tools/verify-log.mjs', ...args], { cwd: join(import.meta.dirname, '../..') }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });

tool('the command line: exit 0, exit 1 with the bad leaf in plain words, exit 2 for usage', async (context) => {
  assert.is((await run([context.server.url, '--key', signer.vkey])).code, 0);
  const changed = [...entries];
  changed[3] = sampleEntry(3, { amount: '3000.50', document: 'ΧΕΠ-3' });
  context.server.log = lying({ 'tile/entries/000': buildLog(signer, changed).files.get('tile/entries/000')! });
  const bad = await run([context.server.url, '--key', signer.vkey]);
  assert.is(bad.code, 1);
  assert.match(bad.stderr, /^FAILED \/ ΑΠΕΤΥΧΕ \(leaf\): leaf 3: the level-0 tile says its hash is \S+, but its entry hashes to \S+\n {2}Μια εγγραφή/);
  assert.is((await run(['--state'])).code, 2);
});

merkle.run();
notes.run();
tool.run();
