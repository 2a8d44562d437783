// The live feed and GraphQL subscriptions: a movement reaches every connected client, filtered where
// asked; abusive subscriptions are refused; a client that stops reading is dropped; two servers on one
// database both deliver.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildApp } from '../../src/api/app.ts';
import type { Counterparty, LedgerEvent } from '../../src/domain/index.ts';
import type { Change, ChangeFeed } from '../../src/projections/shared/changeFeed.ts';
import { budgetLine } from '../../src/projections/ledger/index.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { ledgerEventSchemas } from '../../src/domain/index.ts';
import type { TestLedger } from '../support/ledger.ts';
import { PERSON, PERSON_SECRET_NAME, SUPPLIER, appendAll, openTestLedger, smallYear } from '../support/ledger.ts';
import type { TestServer } from '../support/server.ts';
import { eventually, startTestServer } from '../support/server.ts';
import { startServer } from '../support/serverProcess.ts';
import { openSocket, subscribe } from '../support/wsClient.ts';
import { apiContexts } from '../../src/contexts.ts';

const test = suite<{ ledger: TestLedger; server: TestServer; urls: { http: string; ws: string } }>('live feed and subscriptions');

let document = 100;
const payment = (amount: string, counterparty: Counterparty | null = SUPPLIER): LedgerEvent => ({
  type: 'PaymentMade',
  data: { year: 2025, kae: '30-7323.005', document: `Π-${++document}`, date: '2025-05-02', amount, ada: null, description: 'Νέα πληρωμή', order: 'Ε-1', counterparty },
});
const receipt = (): LedgerEvent => ({
  type: 'RevenueCollected',
  data: { year: 2025, kae: '0311', document: `Ε-${++document}`, date: '2025-05-03', amount: '10.00', ada: null, description: null, assessment: null, counterparty: null },
});

test.before.each(async (context) => {
  context.ledger = await openTestLedger();
  await appendAll(context.ledger.store, smallYear());
  context.server = await startTestServer(context.ledger);
  context.urls = await context.server.listen();
});
test.after.each(async ({ ledger, server }) => {
  await server.close();
  await ledger.dispose();
});

test('/live: hello, then each new movement and its budget line, as the GraphQL shapes', async ({ ledger, urls }) => {
  const client = await openSocket(`${urls.ws}/live`);
  const hello = await client.next<{ type: string; data: { position: number } }>();
  assert.is(hello.type, 'hello');
  await appendAll(ledger.store, [payment('99.90')]);
  const movement = await client.next<{ data: Record<string, unknown> }>((m) => m.type === 'transaction');
  assert.equal(
    { type: movement.data.type, amount: movement.data.amount, kae: movement.data.kae, counterparty: movement.data.counterparty },
    { type: 'PAYMENT', amount: '99.90', kae: '30-7323.005', counterparty: SUPPLIER },
  );
  const line = await client.next<{ data: Record<string, unknown> }>((m) => m.type === 'budgetLine');
  assert.equal([line.data.kae, line.data.paid], ['30-7323.005', '17599.40']);
  client.close();
});

test('/live never carries a natural person', async ({ ledger, urls }) => {
  const client = await openSocket(`${urls.ws}/live`);
  await appendAll(ledger.store, [payment('5.00', PERSON)]);
  const movement = await client.next<{ data: { counterparty: unknown } }>((m) => m.type === 'transaction');
  assert.equal(movement.data.counterparty, { afm: null, name: 'φυσικό πρόσωπο', naturalPerson: true });
  assert.not.ok(JSON.stringify(client.messages).includes(PERSON_SECRET_NAME));
  client.close();
});

test('a year\'s budget in GraphQL follows new movements (its cache lives only until the read models move)', async ({ ledger, server }) => {
  const paid = async () => {
    const response = await server.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ budget(year: 2025) { expense { paid } } }' } });
    return response.json<{ data: { budget: { expense: { paid: string } } } }>().data.budget.expense.paid;
  };
  assert.is(await paid(), '18699.50');
  const before = server.changes.position();
  await appendAll(ledger.store, [payment('0.50')]);
  await eventually('the change is announced', () => server.changes.position() > before);
  assert.is(await paid(), '18700.00');
});

test('GraphQL subscription (graphql-transport-ws) receives matching movements only', async ({ ledger, urls }) => {
  const sub = await subscribe(`${urls.ws}/graphql`, `subscription($f: TransactionFilter) { transactionRecorded(filter: $f) { type amount document counterparty { name } } }`, {
    f: { type: 'PAYMENT', kae: '30-7323' },
  });
  await appendAll(ledger.store, [receipt(), payment('12.34')]);
  const data = await sub.nextData<{ transactionRecorded: { type: string; amount: string } }>();
  assert.equal([data.transactionRecorded.type, data.transactionRecorded.amount], ['PAYMENT', '12.34']);
  await new Promise((r) => setTimeout(r, 200));
  assert.is(sub.messages.filter((m) => (m as { type: string }).type === 'next').length, 0, 'the receipt was filtered out');
  sub.close();
});

test('legacy graphql-ws protocol: budgetLineChanged for the year', async ({ ledger, urls }) => {
  const sub = await subscribe(`${urls.ws}/graphql`, `subscription { budgetLineChanged(year: 2025) { kae collected } }`, {}, 'graphql-ws');
  await appendAll(ledger.store, [receipt()]);
  const data = await sub.nextData<{ budgetLineChanged: { kae: string; collected: string } }>();
  assert.equal(data.budgetLineChanged, { kae: '0311', collected: '12009.99' });
  sub.close();
});

test('subscriptions are validated like queries: unknown fields and costly selections are refused', async ({ urls }) => {
  const unknown = await subscribe(`${urls.ws}/graphql`, `subscription { transactionRecorded { nosuchfield } }`);
  const error = await unknown.next<{ type: string; payload: { message: string }[] }>((m) => m.type === 'error');
  assert.match(JSON.stringify(error.payload), /nosuchfield/);
  unknown.close();
  const deep = await subscribe(`${urls.ws}/graphql`, `subscription { transactionRecorded { budgetLine { transactions { edges { node { budgetLine { transactions { edges { node { id } } } } } } } } } }`);
  const refused = await deep.next<{ payload: unknown }>((m) => m.type === 'error');
  assert.match(JSON.stringify(refused.payload), /too deep|πολύ βαθύ/);
  deep.close();
});

test('a client that stops reading is dropped instead of buffered without bound', async ({ ledger }) => {
  // A feed the test drives: far more than the 1 MiB allowance goes to a client that reads nothing.
  const listeners = new Set<(change: Change) => void>();
  const changes: ChangeFeed = { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), position: () => 0, close: async () => undefined };
  const app = await buildApp({ api: apiContexts, store: ledger.store, client: ledger.client, schema: ledger.schema, changes, settings: { rateLimitPerMinute: 0 } });
  const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  const slow = await openSocket(`${url}/live`);
  (slow.socket as unknown as { _socket: { pause: () => void } })._socket.pause();
  const healthy = await openSocket(`${url}/live`);
  await eventually('two clients', () => app.liveClients() === 2);
  const line = (await budgetLine(ledger.client, ledger.schema, 2025, '0311'))!;
  const big: Change = { position: 1, transactions: [], bulk: false, budgetLines: Array.from({ length: 100 }, () => ({ ...line, title: 'x'.repeat(10_000) })) };
  for (let i = 0; i < 30 && app.liveClients() === 2; i++) {
    for (const listener of listeners) listener(big);
    await new Promise((r) => setTimeout(r, 50));
  }
  await eventually('the slow client is dropped', () => app.liveClients() === 1, 15_000);
  assert.is(healthy.socket.readyState, healthy.socket.OPEN);
  assert.ok(healthy.messages.length > 100, 'the healthy client kept receiving');
  healthy.close();
  slow.socket.terminate();
  await app.close();
});

test('two servers on one database: an append through one reaches the clients of both', async ({ ledger, urls }) => {
  const second = await ledger.connectAgain();
  const otherStore = await openSqlEventStore({ client: second, schema: ledger.schema, schemas: ledgerEventSchemas });
  const other = await startTestServer({ client: second, store: otherStore, schema: ledger.schema });
  const otherUrls = await other.listen();
  const clients = [await openSocket(`${urls.ws}/live`), await openSocket(`${otherUrls.ws}/live`)];
  await appendAll(otherStore, [payment('1.00')]);
  for (const client of clients) {
    const movement = await client.next<{ data: { amount: string } }>((m) => m.type === 'transaction');
    assert.is(movement.data.amount, '1.00');
    client.close();
  }
  await other.close();
  await otherStore.close();
});

if (process.env.DATABASE_URL) {
  test('two server processes on one PostgreSQL: an import reaches the live clients of both', async ({ ledger }) => {
    const ports = [18_300 + Math.floor(Math.random() * 300), 18_700 + Math.floor(Math.random() * 300)];
    const servers = await Promise.all(ports.map((port) => startServer(process.env.DATABASE_URL!, ledger.schema, port)));
    try {
      const clients = await Promise.all(servers.map((s) => openSocket(`${s.url.replace('http', 'ws')}/live`)));
      await appendAll(ledger.store, [payment('3.00')]);
      for (const client of clients) {
        const movement = await client.next<{ data: { amount: string } }>((m) => m.type === 'transaction', 10_000);
        assert.is(movement.data.amount, '3.00');
        client.close();
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
}

test.run();
