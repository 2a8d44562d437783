// The Python check the «Verify our books» page shows (src/web/log/verify.py), run with python3 against the
// log's API listening on 127.0.0.1: OK for a real movement, a failure for a tampered proof, entry or root.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LogApp } from '../../api/log/logFixture.ts';
import { openLogApp, ORIGIN } from '../../api/log/logFixture.ts';

const VERIFY_PY = fileURLToPath(new URL('../../../src/web/log/verify.py', import.meta.url));
const run = promisify(execFile);

interface Inclusion {
  leafIndex: number;
  treeSize: number;
  entry: string;
  proof: string[];
  checkpoint: string;
}

interface Context {
  t: LogApp;
  url: string;
  /** A server answering /api/log/inclusion as the log does, after `tamper` changed the answer. */
  forger: Server;
  forgerUrl: string;
  tamper: (body: Inclusion) => Inclusion;
}

const python = suite<Context>('log: verify.py against a running log');

python.before(async (context) => {
  context.t = await openLogApp();
  await context.t.append(300);
  await context.t.publisher.publishNow();
  context.url = await context.t.app.listen({ host: '127.0.0.1', port: 0 });
  context.tamper = (body) => body;
  context.forger = createServer((request, response) => {
    void context.t.app.inject({ url: request.url ?? '/' }).then((real) => {
      response.writeHead(real.statusCode, { 'content-type': 'application/json' });
      response.end(real.statusCode === 200 ? JSON.stringify(context.tamper(real.json<Inclusion>())) : real.body);
    });
  });
  await new Promise<void>((resolve) => context.forger.listen(0, '127.0.0.1', resolve));
  context.forgerUrl = `http://127.0.0.1:${(context.forger.address() as AddressInfo).port}`;
});
python.after(async ({ t, forger }) => {
  await new Promise((resolve) => forger.close(resolve));
  await t.close();
});

const verify = async (url: string, position: number): Promise<{ code: number; out: string }> => {
  try {
    const { stdout } = await run('python3', [VERIFY_PY, url, String(position)], { timeout: 20_000 });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? '' };
  }
};

/** Event positions of leaves: the first, one in the middle of a tile, the last. */
const positionsOf = async (t: LogApp, leaves: readonly number[]) =>
  (await t.ledger.client.query<{ position: unknown }>(`SELECT position FROM ${t.services.tables.leaves} WHERE leaf = ANY($1::bigint[]) ORDER BY leaf`, [leaves])).map((r) => Number(r.position));

python('a real movement verifies: the proof leads to the root of the signed checkpoint', async ({ t, url }) => {
  const positions = await positionsOf(t, [0, 137, 299]);
  assert.is(positions.length, 3);
  for (const [i, position] of positions.entries()) {
    const { code, out } = await verify(url, position);
    assert.is(code, 0, out);
    assert.match(out, `OK: leaf ${[0, 137, 299][i]} is in ${ORIGIN} at size 300`);
  }
});

python('a tampered proof, entry, index or checkpoint root fails, and says why', async (context) => {
  const [position] = await positionsOf(context.t, [137]);
  const flip = (b64: string) => {
    const bytes = Buffer.from(b64, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    return bytes.toString('base64');
  };
  const cases: readonly [string, (b: Inclusion) => Inclusion, string][] = [
    ['a hash of the proof changed', (b) => ({ ...b, proof: [flip(b.proof[0]!), ...b.proof.slice(1)] }), 'does not lead to the checkpoint'],
    ['a hash of the proof left out', (b) => ({ ...b, proof: b.proof.slice(1) }), 'FAILED'],
    ['the name in the entry changed', (b) => ({ ...b, entry: b.entry.replace('ΚΑΤΑΣΚΕΥΑΣΤΙΚΗ', 'ΚΑΤΑΣΚΕΥΑΣΤΙΚΗ 2') }), 'does not lead to the checkpoint'],
    ['another leaf claimed', (b) => ({ ...b, leafIndex: b.leafIndex + 1 }), 'does not lead to the checkpoint'],
    ['another checkpoint root', (b) => ({ ...b, checkpoint: b.checkpoint.replace(/^(.*\n.*\n)(.*)/, (_m, head: string, root: string) => head + flip(root)) }), 'does not lead to the checkpoint'],
    ['a proof for a different size', (b) => ({ ...b, treeSize: b.treeSize + 1 }), 'not for the checkpoint'],
  ];
  for (const [what, tamper, says] of cases) {
    context.tamper = tamper;
    const { code, out } = await verify(context.forgerUrl, position!);
    assert.is(code, 1, `${what}: ${out}`);
    assert.match(out, 'FAILED', what);
    assert.match(out, says, what);
  }
  context.tamper = (b) => b;
  assert.is((await verify(context.forgerUrl, position!)).code, 0, 'the forger itself passes the real answer through');
});

python.run();
