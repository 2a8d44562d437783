// Whole GraphQL answers kept per read-model position: a repeated question is answered from the cache, a
// change to the ledger is visible at once, an answer with errors is never kept.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TestLedger } from '../support/ledger.ts';
import { appendAll, openTestLedger, smallYear } from '../support/ledger.ts';
import type { TestServer } from '../support/server.ts';
import { eventually, startTestServer } from '../support/server.ts';

const test = suite<{ ledger: TestLedger; server: TestServer }>('graphql answers cache');

test.before(async (context) => {
  context.ledger = await openTestLedger();
  await appendAll(context.ledger.store, smallYear());
  context.server = await startTestServer(context.ledger);
});
test.after(async ({ ledger, server }) => {
  await server.close();
  await ledger.dispose();
});

const BUDGET = `{ budget(year: 2025) { expense { final committed } lines { kae committed } } }`;

const ask = async (server: TestServer, query: string, headers: Record<string, string> = {}) => {
  const response = await server.app.inject({ method: 'POST', url: '/graphql', payload: { query }, headers });
  return { hit: response.headers['x-opendimos-cache'] === 'hit', status: response.statusCode, body: response.body, type: String(response.headers['content-type']) };
};

test('the same question is answered from the cache, byte for byte, over POST and GET', async ({ server }) => {
  const first = await ask(server, BUDGET);
  const second = await ask(server, BUDGET);
  assert.is(first.hit, false);
  assert.is(second.hit, true);
  assert.is(second.body, first.body);
  assert.match(second.type, /^application\/json/);
  const url = `/graphql?query=${encodeURIComponent(BUDGET)}`;
  const gets = [await server.app.inject({ method: 'GET', url }), await server.app.inject({ method: 'GET', url })];
  assert.is(gets[1]!.headers['x-opendimos-cache'], 'hit');
  assert.is(gets[1]!.body, first.body);
  // Other variables are another question.
  const other = await server.app.inject({ method: 'POST', url: '/graphql', payload: { query: `query($y: Int!) { budget(year: $y) { year } }`, variables: { y: 2024 } } });
  assert.is(other.headers['x-opendimos-cache'], undefined);
  assert.equal(other.json(), { data: { budget: null } });
});

test('a kept answer goes compressed to a client that accepts it, and decompresses to the same bytes', async ({ server }) => {
  const query = `{ transactions(first: 50) { edges { node { id date type kae amount document ref description budgetLine { title initial final paid } } } } }`;
  const plain = await ask(server, query);
  assert.ok(plain.body.length > 2048, 'large enough to be compressed');
  const inject = (encoding: string) => server.app.inject({ method: 'POST', url: '/graphql', payload: { query }, headers: { 'accept-encoding': encoding } });
  const br = await inject('gzip, deflate, br');
  assert.is(br.headers['x-opendimos-cache'], 'hit');
  assert.is(br.headers['content-encoding'], 'br');
  assert.match(String(br.headers.vary), /accept-encoding/i);
  assert.is(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body);
  assert.ok(br.rawPayload.length < Buffer.byteLength(plain.body));
  const gzip = await inject('gzip');
  assert.is(gzip.headers['content-encoding'], 'gzip');
  assert.is(gunzipSync(gzip.rawPayload).toString('utf8'), plain.body);
  // A fresh execution that is kept is compressed too; a client that accepts nothing gets plain JSON.
  const fresh = await server.app.inject({ method: 'POST', url: '/graphql', payload: { query }, headers: { 'accept-encoding': 'br', 'cache-control': 'no-cache' } });
  assert.is(fresh.headers['content-encoding'], 'br');
  assert.is(brotliDecompressSync(fresh.rawPayload).toString('utf8'), plain.body);
  assert.is((await ask(server, query)).body, plain.body);
});

test('Cache-Control: no-cache gets a fresh execution', async ({ server }) => {
  await ask(server, BUDGET);
  const fresh = await ask(server, BUDGET, { 'cache-control': 'no-cache' });
  assert.is(fresh.hit, false);
  assert.is(fresh.status, 200);
});

test('an answer with errors is not kept', async ({ server }) => {
  const query = `{ budgetLine(year: 2025, kae: "not-a-kae") { kae } }`;
  const first = await ask(server, query);
  assert.match(first.body, /"errors"/);
  const second = await ask(server, query);
  assert.is(second.hit, false);
  assert.match(second.body, /"errors"/);
});

test('a change to the ledger is in the very next answer', async ({ ledger, server }) => {
  await ask(server, BUDGET);
  assert.is((await ask(server, BUDGET)).hit, true);
  const before = server.changes.position();
  await appendAll(ledger.store, [
    {
      type: 'ExpenseCommitted',
      data: { year: 2025, kae: '20-6011.001', document: 'Δ-99', date: '2025-05-02', amount: '10.00', ada: null, description: null, counterparty: { naturalPerson: true, afm: null, name: null } },
    },
  ]);
  await eventually('the read models moved on', () => server.changes.position() > before);
  const after = await ask(server, BUDGET);
  assert.is(after.hit, false);
  const budget = (JSON.parse(after.body) as { data: { budget: { expense: { committed: string } } } }).data.budget;
  assert.is(budget.expense.committed, '31210.00');
});

test.run();
