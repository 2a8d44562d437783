// The text and path formats of C2SP tlog-tiles, signed-note, tlog-checkpoint, tlog-witness and tlog-proof,
// checked against the specifications' own examples; and RFC 8785 canonical JSON against the RFC's.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  addCheckpointBody,
  canonicalJson,
  entryBundle,
  formatCheckpoint,
  formatNote,
  formatProof,
  keyIdInput,
  keyIdOf,
  parseAddCheckpointBody,
  parseCheckpoint,
  parseNote,
  parseProof,
  parseTilePath,
  parseVerifierKey,
  readEntryBundle,
  SIGNATURE_TYPE,
  tileIndexPath,
  tilePath,
  tilesOfTree,
} from '../../../src/domain/log/index.ts';

test('tile paths: the spec example x001/x234/067, partial tiles, entry bundles', () => {
  assert.is(tileIndexPath(1234067), 'x001/x234/067');
  assert.is(tileIndexPath(0), '000');
  assert.is(tileIndexPath(1000), 'x001/000');
  assert.is(tilePath({ level: 0, index: 1234067, width: 256 }), 'tile/0/x001/x234/067');
  assert.is(tilePath({ level: 2, index: 3, width: 17 }), 'tile/2/003.p/17');
  assert.is(tilePath({ level: 0, index: 3, width: 17 }, true), 'tile/entries/003.p/17');
  assert.equal(parseTilePath('0/x001/x234/067'), { level: 0, index: 1234067, width: 256, entries: false });
  assert.equal(parseTilePath('entries/003.p/17'), { level: 0, index: 3, width: 17, entries: true });
  for (const bad of ['0/1', '0/0001', '00/001', '64/001', '0/001.p/0', '0/001.p/256', '0/001.p/017', '0/x001', '0/x1/001', '0/001/']) assert.is(parseTilePath(bad), null, bad);
});

test('a tree of 70,000 is the tiles the spec lists', () => {
  const tiles = tilesOfTree(70_000);
  const level = (l: number) => tiles.filter((t) => t.level === l);
  assert.is(level(0).filter((t) => t.width === 256).length, 273);
  assert.equal(level(0).at(-1), { level: 0, index: 273, width: 112 });
  assert.equal(level(1), [{ level: 1, index: 0, width: 256 }, { level: 1, index: 1, width: 17 }]);
  assert.equal(level(2), [{ level: 2, index: 0, width: 1 }]);
  assert.equal(tilesOfTree(256), [{ level: 0, index: 0, width: 256 }, { level: 1, index: 0, width: 1 }]);
});

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

test('the signed-note example verifies with its verifier key, whose ID is SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4]', () => {
  const vkey = parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k')!;
  assert.is(vkey.type, SIGNATURE_TYPE.ed25519);
  assert.is(keyIdOf(sha256(keyIdInput(vkey.name, vkey.type, vkey.publicKey))), vkey.keyId);
  const text = 'This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
  const note = parseNote(text);
  assert.is(note.text, 'This is an example message.\n');
  assert.is(note.signatures[0]!.keyId, 0x530d903a);
  const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), vkey.publicKey]), format: 'der', type: 'spki' });
  assert.ok(verify(null, Buffer.from(note.text), key, note.signatures[0]!.signature));
  assert.is(formatNote(note), text);
});

test('notes that are not notes are refused with the reason', () => {
  assert.throws(() => parseNote('text\n'), /no blank line/);
  assert.throws(() => parseNote('text\n\n'), /no signature/);
  assert.throws(() => parseNote('text\n\n\u2014 name c2ln\n'), /not a signature line/);
  assert.throws(() => parseNote('te\u0007xt\n\n\u2014 a AAAAAAA=\n'), /control characters/);
  assert.throws(() => parseNote('text\n\n\u2014 a AAAAAAA='), /newline/);
});

test('a checkpoint is origin, size, base64 root; extension lines read, malformed ones refused', () => {
  const root = new Uint8Array(32).fill(7);
  const text = formatCheckpoint({ origin: 'example.com/behind-the-sofa', size: 20852163, root });
  assert.is(text, `example.com/behind-the-sofa\n20852163\n${Buffer.from(root).toString('base64')}\n`);
  assert.equal(parseCheckpoint(text), { origin: 'example.com/behind-the-sofa', size: 20852163, root });
  assert.equal(parseCheckpoint(`${text}ext\n`).size, 20852163);
  assert.throws(() => parseCheckpoint('a\n012\nAAAA\n'), /not a decimal/);
  assert.throws(() => parseCheckpoint('a\n1\nAAAA\n'), /32 bytes/);
  assert.throws(() => parseCheckpoint('a\n1'), /three lines/);
});

test('the witness body and the offline proof read back what was written', () => {
  const h = (n: number) => new Uint8Array(32).fill(n);
  const note = 'log\n5\nAAAA\n\n\u2014 log AAAA\n';
  const body = addCheckpointBody(3, [h(1), h(2)], note);
  assert.ok(body.startsWith('old 3\n'));
  assert.equal(parseAddCheckpointBody(body), { oldSize: 3, proof: [h(1), h(2)], checkpoint: note });
  assert.equal(parseAddCheckpointBody(addCheckpointBody(0, [], note)), { oldSize: 0, proof: [], checkpoint: note });
  assert.throws(() => parseAddCheckpointBody(`old 03\n\n${note}`), /old <size>/);
  const proof = formatProof({ index: 73894, proof: [h(3)], signedCheckpoint: note });
  assert.ok(proof.startsWith('c2sp.org/tlog-proof@v1\nindex 73894\n'));
  assert.equal(parseProof(proof), { index: 73894, proof: [h(3)], signedCheckpoint: note, extra: null });
  assert.equal(parseProof(formatProof({ index: 0, proof: [], signedCheckpoint: note, extra: Uint8Array.of(1, 2) })).extra, Uint8Array.of(1, 2));
});

test('RFC 8785: keys by UTF-16 code units, numbers and strings in ECMAScript form', () => {
  // The RFC's sorting example (3.2.3) and its number examples (appendix B).
  const sorted = canonicalJson({ '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' });
  assert.is(sorted, '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}');
  assert.is(canonicalJson({ numbers: [333333333.33333329, 1e30, 4.5, 0.002, 1e-27], literals: [null, true, false] }), '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27]}');
  assert.is(canonicalJson({ b: [1, { d: 'Ά', c: '"' }], a: 'x' }), '{"a":"x","b":[1,{"c":"\\"","d":"Ά"}]}');
  assert.throws(() => canonicalJson({ x: Number.NaN }), /non-finite/);
});

test('entry bundles: big-endian uint16 lengths, read back; a truncated bundle is refused', () => {
  const entries = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(300).fill(9)];
  const bundle = entryBundle(entries);
  assert.equal([...bundle.subarray(0, 5)], [0, 3, 1, 2, 3]);
  assert.equal(readEntryBundle(bundle), entries);
  assert.throws(() => readEntryBundle(bundle.subarray(0, bundle.length - 1)), /inside an entry/);
  assert.throws(() => entryBundle([new Uint8Array(65_536)]), /does not fit/);
});

test.run();
