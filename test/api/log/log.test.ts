// The published log (issue 16 items 3-5): signed checkpoints after each batch, kept for ever; C2SP tiles and
// entry bundles with their caching; the verifier key; JSON proofs that verify against the checkpoint; the
// offline tlog-proof; and refusals of what is not in the log, in Greek and English.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ed25519PublicKey, LOG_CHECKPOINTS } from '../../../src/api/log/index.ts';
import type { Hash } from '../../../src/domain/log/index.ts';
import { fromBase64, parseCheckpoint, parseNote, parseProof, parseVerifierKey, readEntryBundle, verifyConsistency, verifyInclusion } from '../../../src/domain/log/index.ts';
import { rootAt, sha256Hasher } from '../../../src/projections/log/index.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { verify } from 'node:crypto';
import type { LogApp } from './logFixture.ts';
import { openLogApp, ORIGIN } from './logFixture.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

const test = suite<{ t: LogApp }>('log: the published log');

test.before.each(async (context) => {
  context.t = await openLogApp();
});
test.after.each(async ({ t }) => t.close());

const get = (t: LogApp, url: string) => t.app.inject({ method: 'GET', url });
const b64 = (s: string): Hash => fromBase64(s)!;

const verifiedCheckpoint = async (t: LogApp, note: string) => {
  const key = parseVerifierKey((await get(t, '/log/key')).body)!;
  const parsed = parseNote(note);
  const own = parsed.signatures.find((s) => s.name === key.name && s.keyId === key.keyId)!;
  assert.ok(verify(null, Buffer.from(parsed.text), ed25519PublicKey(key.publicKey), own.signature), 'the log signature verifies with /log/key');
  return parseCheckpoint(parsed.text);
};

test('a checkpoint after each batch, signed by the key /log/key serves, every one kept', async ({ t }) => {
  await t.publisher.publishNow();
  const empty = await get(t, '/log/checkpoint');
  assert.is(empty.statusCode, 200);
  assert.is(empty.headers['content-type'], 'text/plain; charset=utf-8');
  assert.is(empty.headers['access-control-allow-origin'], '*');
  const zero = await verifiedCheckpoint(t, empty.body);
  assert.equal([zero.origin, zero.size], [ORIGIN, 0]);
  assert.is(hex(zero.root), hex(sha256Hasher.empty()));

  await t.append(300);
  await t.publisher.publishNow();
  assert.is(await t.publisher.publishNow().then((c) => c!.size), 300, 'nothing new: the same checkpoint');
  await t.append(20);
  await t.publisher.publishNow();
  const latest = await verifiedCheckpoint(t, (await get(t, '/log/checkpoint')).body);
  assert.is(latest.size, 320);
  assert.is(hex(latest.root), hex(await rootAt(t.ledger.client, t.services.tables, 320)));

  const list = (await get(t, '/log/checkpoints?from=1')).json<{ checkpoints: { treeSize: number; root: string; note: string }[]; next: number | null }>();
  assert.equal(list.checkpoints.map((c) => c.treeSize), [300, 320]);
  assert.is(list.next, null);
  const old = await get(t, '/log/checkpoints/300');
  assert.is((await verifiedCheckpoint(t, old.body)).size, 300);
  assert.is(old.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.is((await get(t, '/log/checkpoints/301')).statusCode, 404);
  const key = (await get(t, '/log/key')).body;
  assert.match(key, new RegExp(`^${ORIGIN.replace('/', '\\/')}\\+[0-9a-f]{8}\\+A[A-Za-z0-9+/]{42}[A-Za-z0-9+/=]\\n$`));
});

test('tiles and entry bundles as tlog-tiles lays them out, full ones immutable, partial ones short-lived', async ({ t }) => {
  await t.append(300);
  await t.publisher.publishNow();
  const full = await get(t, '/log/tile/0/000');
  assert.is(full.statusCode, 200);
  assert.is(full.headers['content-type'], 'application/octet-stream');
  assert.is(full.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.is(full.rawPayload.length, 8192);
  const partial = await get(t, '/log/tile/0/001.p/44');
  assert.is(partial.rawPayload.length, 44 * 32);
  assert.is(partial.headers['cache-control'], 'public, max-age=60');
  const upper = await get(t, '/log/tile/1/000.p/1');
  assert.is(upper.rawPayload.length, 32);
  assert.is(hex(upper.rawPayload), hex((await import('../../../src/domain/log/index.ts')).hashUp(sha256Hasher, full.rawPayload, 0, 256)));

  const bundle = readEntryBundle(new Uint8Array((await get(t, '/log/tile/entries/000')).rawPayload));
  assert.is(bundle.length, 256);
  bundle.forEach((entry, i) => assert.is(hex(sha256Hasher.leaf(entry)), hex(full.rawPayload.subarray(i * 32, (i + 1) * 32)), `leaf ${i}`));
  const first = JSON.parse(new TextDecoder().decode(bundle[0])) as { type: string; data: { name: string } };
  assert.is(first.type, 'SupplierRenamed');
  assert.ok(readEntryBundle(new Uint8Array((await get(t, '/log/tile/entries/001.p/44')).rawPayload)).every((e) => !new TextDecoder().decode(e).includes('CitizenRegistered')), 'no personal event');

  for (const url of ['/log/tile/0/001', '/log/tile/0/001.p/45', '/log/tile/entries/002.p/1', '/log/tile/0/1', '/log/tile/0/001.p/0', '/log/tile/x/000']) {
    const refused = await get(t, url);
    assert.is(refused.statusCode, 404, url);
    const body = refused.json<{ error: { code: string; message_el: string; message_en: string } }>();
    assert.is(body.error.code, 'OD_NOT_FOUND');
    assert.ok(body.error.message_el.length > 0 && body.error.message_en.length > 0);
  }
});

test('inclusion and consistency proofs verify against the signed checkpoints; the offline proof carries its entry', async ({ t }) => {
  await t.append(100);
  await t.publisher.publishNow();
  await t.append(200);
  await t.publisher.publishNow();
  const events = (await t.ledger.store.readAll({})).filter((e) => e.type === 'SupplierRenamed');
  const target = events[77]!;
  const answer = await get(t, `/api/log/inclusion?position=${target.position}`);
  assert.is(answer.statusCode, 200);
  const inclusion = answer.json<{ leafIndex: number; treeSize: number; entry: string; proof: string[]; checkpoint: string }>();
  assert.equal([inclusion.leafIndex, inclusion.treeSize], [77, 300]);
  assert.is((JSON.parse(inclusion.entry) as { id: string }).id, target.id);
  const checkpoint = await verifiedCheckpoint(t, inclusion.checkpoint);
  assert.ok(verifyInclusion(sha256Hasher, 77, 300, sha256Hasher.leaf(new TextEncoder().encode(inclusion.entry)), inclusion.proof.map(b64), checkpoint.root));
  const atOlder = (await get(t, `/api/log/inclusion?position=${target.position}&treeSize=100`)).json<{ treeSize: number; proof: string[]; checkpoint: string }>();
  assert.ok(verifyInclusion(sha256Hasher, 77, 100, sha256Hasher.leaf(new TextEncoder().encode(inclusion.entry)), atOlder.proof.map(b64), (await verifiedCheckpoint(t, atOlder.checkpoint)).root));

  const consistency = (await get(t, '/api/log/consistency?from=100&to=300')).json<{ proof: string[] }>();
  const older = await verifiedCheckpoint(t, (await get(t, '/log/checkpoints/100')).body);
  assert.ok(verifyConsistency(sha256Hasher, 100, 300, consistency.proof.map(b64), older.root, checkpoint.root));

  const file = await get(t, `/api/log/proof?position=${target.position}`);
  assert.match(String(file.headers['content-disposition']), /attachment; filename="opendimos-\d+\.tlog-proof"/);
  const offline = parseProof(file.body);
  assert.is(offline.index, 77);
  const entry = offline.extra!;
  assert.is(new TextDecoder().decode(entry), inclusion.entry);
  assert.ok(verifyInclusion(sha256Hasher, offline.index, 300, sha256Hasher.leaf(entry), offline.proof, (await verifiedCheckpoint(t, offline.signedCheckpoint)).root));
});

test('what is not in the log is refused with a reason, in Greek and English', async ({ t }) => {
  assert.is((await get(t, '/log/checkpoint')).statusCode, 404, 'nothing published yet');
  await t.append(10);
  await t.publisher.publishNow();
  const personal = (await t.ledger.store.readAll({})).find((e) => e.type === 'CitizenRegistered')!;
  const cases: [string, number][] = [
    [`/api/log/inclusion?position=${personal.position}`, 404],
    ['/api/log/inclusion?position=99999', 404],
    ['/api/log/inclusion?position=1&treeSize=5', 400],
    ['/api/log/inclusion?position=abc', 400],
    ['/api/log/inclusion', 400],
    ['/api/log/consistency?from=5&to=11', 400],
    ['/api/log/consistency?from=6&to=5', 400],
    ['/log/checkpoints?from=-1', 400],
  ];
  for (const [url, status] of cases) {
    const refused = await get(t, url);
    assert.is(refused.statusCode, status, url);
    const body = refused.json<{ error: { message_el: string; message_en: string } }>();
    assert.ok(body.error.message_el && body.error.message_en, url);
  }
});

test('a tree that no longer extends the published checkpoint is never signed', async ({ t }) => {
  await t.append(10);
  await t.publisher.publishNow();
  // As if the events had been rewritten and the tree rebuilt from them: the published root no longer matches.
  await t.ledger.client.query(`UPDATE ${t.services.tables.tiles} SET hashes = overlay(hashes placing decode(repeat('ab', 32), 'hex') from 33 for 32) WHERE level = 0 AND tile = 0`);
  await t.append(5);
  try {
    await t.publisher.publishNow();
    assert.unreachable('signed an inconsistent tree');
  } catch (error) {
    assert.match(String(error), /no longer has the published root/);
  }
  assert.is((await t.ledger.client.query(`SELECT size FROM ${table(t.ledger.schema, LOG_CHECKPOINTS)} WHERE size > 10`)).length, 0);
});

test.run();
