// The log with its witnesses and readers (issue 16 items 6-8): each checkpoint goes to the witness with its
// consistency proof and comes back cosigned on /log/checkpoint; a witness that is down is asked again later;
// a lying cosignature is not kept. The independent verifier (tools/verify-log.mjs) checks the real server's
// tiles; and a server showing two different trees to two readers, both signed with its key, is caught by the
// witness (it refuses to cosign the second) and by a reader comparing with the checkpoint it saw last time.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { newLogKey } from '../../../src/api/log/index.ts';
import { parseNote } from '../../../src/domain/log/index.ts';
import { VerifyError, verifyLog } from '../../../tools/verify-log.mjs';
import type { WitnessDouble } from '../../support/doubles/witness/index.ts';
import { startWitnessDouble } from '../../support/doubles/witness/index.ts';
import type { LogApp } from './logFixture.ts';
import { openLogApp, ORIGIN } from './logFixture.ts';

interface Context {
  witness: WitnessDouble;
  t: LogApp;
  prefix: string;
  dir: string;
}

const test = suite<Context>('log: witnesses and readers');

const KEY = newLogKey(ORIGIN);

const listen = async (t: LogApp) => `${await t.app.listen({ port: 0, host: '127.0.0.1' })}/log/`;

test.before.each(async (context) => {
  context.witness = await startWitnessDouble();
  context.t = await openLogApp({ key: KEY, witnesses: [{ url: context.witness.url, verifierKey: context.witness.vkey }] });
  context.witness.trust(ORIGIN, context.t.services.signer.verifierKey);
  context.prefix = await listen(context.t);
  context.dir = await mkdtemp(join(tmpdir(), 'od-log-'));
});
test.after.each(async ({ witness, t, dir }) => {
  await t.close();
  await witness.close();
  await rm(dir, { recursive: true, force: true });
});

const cosigners = (note: string) => parseNote(note).signatures.map((s) => s.name);

test('each checkpoint is cosigned by the witness from the size it holds, and served with its cosignature', async ({ witness, t }) => {
  await t.append(30);
  await t.publisher.publishNow();
  await t.append(270);
  const latest = await t.publisher.publishNow();
  assert.is(latest!.size, 300);
  assert.equal(cosigners(latest!.note), [ORIGIN, witness.name]);
  assert.is(witness.state.get(ORIGIN)!.size, 300);
  const bodies = witness.received.filter((r) => r.path === '/add-checkpoint').map((r) => r.body.split('\n')[0]);
  assert.equal(bodies, ['old 0', 'old 30']);
  const served = await t.app.inject({ method: 'GET', url: '/log/checkpoint' });
  assert.equal(cosigners(served.body), [ORIGIN, witness.name]);
});

test('a witness that is down is asked again with the next round; a lying cosignature is not kept', async ({ witness, t }) => {
  await t.append(10);
  witness.answerNext(1, 500);
  const first = await t.publisher.publishNow();
  assert.equal(cosigners(first!.note), [ORIGIN]);
  const again = await t.publisher.publishNow();
  assert.equal(cosigners(again!.note), [ORIGIN, witness.name], 'asked again without a new checkpoint');
  await t.append(5);
  witness.lieNext(1);
  const lied = await t.publisher.publishNow();
  assert.is(lied!.size, 15);
  assert.equal(cosigners(lied!.note), [ORIGIN], 'a cosignature that does not verify is dropped');
});

test('the independent verifier checks the real server, finds a document, and keeps its state', async ({ witness, t, prefix, dir }) => {
  await t.append(600);
  await t.publisher.publishNow();
  const state = join(dir, 'state.json');
  const result = await verifyLog(prefix, { key: t.services.signer.verifierKey, statePath: state, witnesses: [witness.vkey], find: ['ΚΑΤΑΣΚΕΥΑΣΤΙΚΗ'], say: () => undefined });
  assert.is(result.size, 600);
  assert.is(result.found[0]!.leaves.length, 600);
  assert.is(result.found[0]!.leaves[0]!.type, 'SupplierRenamed');
  await t.append(100);
  await t.publisher.publishNow();
  const next = await verifyLog(prefix, { statePath: state, say: () => undefined });
  assert.is(next.size, 700);
});

test('two trees under one key for two readers: the witness refuses the second, the reader with state catches it', async ({ witness, t, prefix, dir }) => {
  await t.append(40);
  await t.publisher.publishNow();
  const state = join(dir, 'state.json');
  await verifyLog(prefix, { key: t.services.signer.verifierKey, statePath: state, say: () => undefined });

  // The same key and origin serving another history (one event different) to other readers.
  const fork = await openLogApp({ key: KEY, witnesses: [{ url: witness.url, verifierKey: witness.vkey }] });
  try {
    await fork.append(45);
    const forked = await fork.publisher.publishNow();
    assert.equal(cosigners(forked!.note), [ORIGIN], 'the witness did not cosign the forked tree');
    assert.ok(witness.received.some((r) => r.status === 422), 'its consistency proof from 40 failed');
    assert.is(witness.state.get(ORIGIN)!.size, 40);
    const forkPrefix = await listen(fork);
    try {
      await verifyLog(forkPrefix, { statePath: state, say: () => undefined });
      assert.unreachable('accepted a tree inconsistent with the one seen before');
    } catch (error) {
      assert.instance(error, VerifyError);
      assert.is((error as VerifyError).step, 'consistency');
    }
    try {
      await verifyLog(forkPrefix, { key: fork.services.signer.verifierKey, witnesses: [witness.vkey], say: () => undefined });
      assert.unreachable('accepted a checkpoint the witness never cosigned');
    } catch (error) {
      assert.is((error as VerifyError).step, 'witness');
    }
  } finally {
    await fork.close();
  }
});

test.run();
