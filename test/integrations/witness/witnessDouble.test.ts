// The witness double answers POST /add-checkpoint exactly as c2sp.org/tlog-witness says, with each status
// code for its reason, and cosigns with cosignature/v1 lines that verify against its vkey (type 0x04).
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { consistencyProof, parseNote, parseVerifierKey, verifyCosignature } from '../../../tools/verify-log.mjs';
import type { WitnessDouble } from '../../support/doubles/witness/index.ts';
import { startWitnessDouble } from '../../support/doubles/witness/index.ts';
import type { BuiltLog } from '../../support/staticLog.ts';
import { buildLog, newSigner, sampleEntry, signNote } from '../../support/staticLog.ts';

const NOW = 1_796_000_000;
const log = newSigner('lixouri.example/ledger');
const entries = Array.from({ length: 600 }, (_, i) => sampleEntry(i));
const at300 = buildLog(log, entries.slice(0, 300));
const at600 = buildLog(log, entries);

const body = (old: number, proof: readonly Buffer[], checkpoint: string): string => `old ${old}\n${proof.map((h) => `${h.toString('base64')}\n`).join('')}\n${checkpoint}`;

const post = async (witness: WitnessDouble, text: string, signal?: AbortSignal) => {
  const response = await fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body: text, signal });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

const grow = (from: BuiltLog, to: BuiltLog): string => body(from.size, consistencyProof(to.levels, from.size, to.size), to.checkpoint);

const test = suite<{ witness: WitnessDouble }>('witness double: add-checkpoint');

test.before.each(async (context) => {
  context.witness = await startWitnessDouble('witness.example/w1', () => NOW);
  context.witness.trust(log.name, log.vkey);
});
test.after.each(async ({ witness }) => {
  await witness.close();
});

test('200: a cosignature/v1 line that verifies with the witness key; the state moves on; monitors read it', async ({ witness }) => {
  const first = await post(witness, body(0, [], at300.checkpoint));
  assert.equal([first.status, first.text.startsWith('— witness.example/w1 '), first.text.endsWith('\n')], [200, true, true]);
  const key = parseVerifierKey(witness.vkey);
  assert.is(key.type, 0x04);
  const [, cosignature] = parseNote(`${at300.checkpoint}${first.text}`).signatures;
  assert.is(verifyCosignature(at300.text, cosignature!, key), NOW);
  assert.is(verifyCosignature(at600.text, cosignature!, key), null, 'it signs this checkpoint only');

  assert.is((await post(witness, grow(at300, at600))).status, 200);
  assert.equal([witness.state.get(log.name)?.size, witness.state.get(log.name)?.root], [600, at600.root]);
  const monitored = await fetch(`${witness.url}/${createHash('sha256').update(log.name).digest('hex')}/checkpoint`);
  const note = parseNote(await monitored.text());
  assert.equal([note.text, note.signatures.map((s) => s.name)], [at600.text, [log.name, witness.name]]);
  assert.is((await fetch(`${witness.url}/${'0'.repeat(64)}/checkpoint`)).status, 404);
});

test('404: a log the witness does not know', async ({ witness }) => {
  const stranger = newSigner('elsewhere.example/log');
  const answer = await post(witness, body(0, [], buildLog(stranger, entries.slice(0, 3)).checkpoint));
  assert.is(answer.status, 404);
  assert.is(witness.state.size, 0);
});

test('403: no signature by a trusted key, or one by the trusted key that fails', async ({ witness }) => {
  const impostor = newSigner(log.name);
  assert.is((await post(witness, body(0, [], signNote(impostor, at300.text)))).status, 403);
  const altered = at300.checkpoint.replace('\n300\n', '\n301\n');
  assert.is((await post(witness, body(0, [], altered))).status, 403);
  // The trusted signature fails though another one (unknown) is fine: still refused.
  assert.is((await post(witness, body(0, [], `${altered}${signNote(impostor, at300.text).split('\n\n')[1]}`))).status, 403);
  assert.is(witness.state.size, 0);
});

test('400: an old size above the checkpoint, or a body that is not old/proof/blank/checkpoint', async ({ witness }) => {
  assert.is((await post(witness, body(301, [], at300.checkpoint))).status, 400);
  for (const bad of [at300.checkpoint, `old 01\n\n${at300.checkpoint}`, `old 0\nnot base64!\n\n${at300.checkpoint}`, `old 0\n\nnot a note`, `old 0\n${'AAAA\n'.repeat(64)}\n${at300.checkpoint}`]) {
    assert.is((await post(witness, bad)).status, 400, bad.slice(0, 30));
  }
});

test('409: an old size other than the latest cosigned, answered in text/x.tlog.size', async ({ witness }) => {
  await post(witness, body(0, [], at300.checkpoint));
  const answer = await post(witness, body(0, [], at600.checkpoint));
  assert.equal(answer, { status: 409, type: 'text/x.tlog.size', text: '300\n' });
  assert.is((await post(witness, body(200, consistencyProof(at600.levels, 200, 600), at600.checkpoint))).status, 409);
});

test('422: a consistency proof that does not verify; the state stays', async ({ witness }) => {
  await post(witness, body(0, [], at300.checkpoint));
  const other = buildLog(log, entries.map((_, i) => sampleEntry(i + 1)));
  assert.is((await post(witness, body(300, consistencyProof(other.levels, 300, 600), other.checkpoint))).status, 422);
  assert.is((await post(witness, body(300, consistencyProof(at600.levels, 300, 600).slice(1), at600.checkpoint))).status, 422);
  assert.is(witness.state.get(log.name)?.size, 300);
});

test('422: a proof from size 0, the same size with another root, size 0 without the empty root', async ({ witness }) => {
  assert.is((await post(witness, body(0, consistencyProof(at600.levels, 300, 600), at600.checkpoint))).status, 422);
  await post(witness, body(0, [], at300.checkpoint));
  const rewritten = buildLog(log, entries.slice(1, 301));
  assert.is((await post(witness, body(300, [], rewritten.checkpoint))).status, 422);
  assert.is((await post(witness, body(300, [], at300.checkpoint))).status, 200, 'the same tree again is fine');
  const fresh = await startWitnessDouble();
  fresh.trust(log.name, log.vkey);
  assert.is((await post(fresh, body(0, [], signNote(log, `${log.name}\n0\n${at300.root.toString('base64')}\n`)))).status, 422);
  assert.is((await post(fresh, body(0, [], buildLog(log, []).checkpoint))).status, 200);
  await fresh.close();
});

test('knobs: a forced 500, a request held unanswered, a lying cosignature; every request is recorded', async ({ witness }) => {
  witness.answerNext(1, 500);
  assert.is((await post(witness, body(0, [], at300.checkpoint))).status, 500);
  assert.is(witness.state.size, 0);
  witness.holdNext(1);
  const held = await post(witness, body(0, [], at300.checkpoint), AbortSignal.timeout(200)).then(
    () => 'answered',
    (error: Error) => error.name,
  );
  assert.is(held, 'TimeoutError');
  witness.lieNext(1);
  const lie = await post(witness, body(0, [], at300.checkpoint));
  assert.is(lie.status, 200);
  assert.is(verifyCosignature(at300.text, parseNote(`${at300.checkpoint}${lie.text}`).signatures[1]!, parseVerifierKey(witness.vkey)), null);
  assert.equal(witness.received.map((r) => [r.method, r.path, r.status]), [['POST', '/add-checkpoint', 500], ['POST', '/add-checkpoint', 0], ['POST', '/add-checkpoint', 200]]);
});

test.run();
