// WebSocket limits (issue 12): subscriptions per connection, connections per client address on /graphql
// and /live, connection_init in time and once, unique ids — in graphql-transport-ws and the legacy
// graphql-ws protocol; equal subscriptions are executed once per event and get the same payload bytes.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildApp } from '../../src/api/app.ts';
import { MAX_SUBSCRIPTION_CHARS } from '../../src/api/shared/graphql/subscriptions.ts';
import { defaultWebSocketLimits } from '../../src/api/shared/websockets.ts';
import type { LedgerEvent } from '../../src/domain/index.ts';
import type { Change, ChangeFeed } from '../../src/projections/shared/changeFeed.ts';
import type { TransactionView } from '../../src/projections/ledger/index.ts';
import type { TestLedger } from '../support/ledger.ts';
import { SUPPLIER, appendAll, openTestLedger, smallYear } from '../support/ledger.ts';
import type { TestServer } from '../support/server.ts';
import { eventually, startTestServer } from '../support/server.ts';
import type { QueuedSocket } from '../support/wsClient.ts';
import { openSocket } from '../support/wsClient.ts';
import { apiContexts } from '../../src/contexts.ts';

type Protocol = 'graphql-transport-ws' | 'graphql-ws';
const test = suite<{ ledger: TestLedger; server: TestServer; ws: string }>('WebSocket limits');

const INIT_TIMEOUT_MS = 150;
const limits = { connectionInitTimeoutMs: INIT_TIMEOUT_MS, graphqlConnectionsPerAddress: 3, liveConnectionsPerAddress: 2 };
const MOVEMENTS = 'subscription { transactionRecorded { amount budgetLine { kae } } }';

let document = 500;
const payment = (amount: string): LedgerEvent => ({
  type: 'PaymentMade',
  data: { year: 2025, kae: '30-7323.005', document: `Σ-${++document}`, date: '2025-05-02', amount, ada: null, description: 'Πληρωμή', order: 'Ε-1', counterparty: SUPPLIER },
});

test.before.each(async (context) => {
  context.ledger = await openTestLedger();
  await appendAll(context.ledger.store, smallYear());
  context.server = await startTestServer(context.ledger, { webSocketLimits: limits });
  context.ws = (await context.server.listen()).ws;
});
test.after.each(async ({ ledger, server }) => {
  await server.close();
  await ledger.dispose();
});

/** A socket whose close code and reason are kept from the start. */
const connect = async (url: string, protocol?: Protocol) => {
  const client = await openSocket(url, protocol);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => client.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  // A close that does not come fails the test instead of hanging it.
  const closedWith = () =>
    Promise.race([closed, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the server did not close the socket')), 5_000).unref())]);
  return { ...client, closedWith };
};

const initialised = async (url: string, protocol: Protocol = 'graphql-transport-ws') => {
  const client = await connect(url, protocol);
  client.socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await client.next((m) => m.type === 'connection_ack');
  return client;
};

const start = (client: QueuedSocket, protocol: Protocol, id: string, query: string, variables: Record<string, unknown> = {}) =>
  client.socket.send(JSON.stringify({ id, type: protocol === 'graphql-transport-ws' ? 'subscribe' : 'start', payload: { query, variables } }));

for (const protocol of ['graphql-transport-ws', 'graphql-ws'] as const) {
  test(`${protocol}: subscription cap+1 is refused with an error, the socket stays open, a completed one frees its place`, async ({ ledger, ws }) => {
    const cap = defaultWebSocketLimits.subscriptionsPerConnection;
    const client = await initialised(`${ws}/graphql`, protocol);
    for (let i = 1; i <= cap + 1; i++) start(client, protocol, `s${i}`, MOVEMENTS);
    const refused = await client.next<{ id: string; payload: { message: string; extensions: { code: string } }[] }>((m) => m.type === 'error');
    assert.is(refused.id, `s${cap + 1}`);
    assert.is(refused.payload[0]!.extensions.code, 'OD_TOO_MANY_SUBSCRIPTIONS');
    assert.match(refused.payload[0]!.message, new RegExp(`Έως ${cap} συνδρομές .* / At most ${cap} subscriptions`));
    client.socket.send(JSON.stringify({ id: 's1', type: protocol === 'graphql-transport-ws' ? 'complete' : 'stop' }));
    start(client, protocol, 'again', MOVEMENTS);
    start(client, protocol, 'one-too-many', MOVEMENTS);
    const refusedAgain = await client.next<{ id: string }>((m) => m.type === 'error');
    assert.is(refusedAgain.id, 'one-too-many');

    await appendAll(ledger.store, [payment('4.20')]);
    const dataType = protocol === 'graphql-transport-ws' ? 'next' : 'data';
    await eventually('every held subscription is served', () => client.messages.filter((m) => (m as { type: string }).type === dataType).length >= cap);
    await new Promise((r) => setTimeout(r, 100));
    const served = client.messages.filter((m) => (m as { type: string }).type === dataType) as { id: string; payload: { data: unknown } }[];
    assert.is(served.length, cap);
    const ids = new Set(served.map((m) => m.id));
    assert.ok(ids.has('again') && ids.has('s2') && ids.has(`s${cap}`));
    assert.not.ok(ids.has('s1') || ids.has(`s${cap + 1}`) || ids.has('one-too-many'));
    // The nested field goes through mercurius' loaders, as a query's would.
    assert.equal(served[0]!.payload.data, { transactionRecorded: { amount: '4.20', budgetLine: { kae: '30-7323.005' } } });
    assert.is(client.socket.readyState, client.socket.OPEN);
    client.close();
  });

  test(`${protocol}: a socket without connection_init is closed with 4408 after the timeout; an initialised one stays`, async ({ ws }) => {
    const idle = await connect(`${ws}/graphql`, protocol);
    const ready = await initialised(`${ws}/graphql`, protocol);
    assert.equal(await idle.closedWith(), { code: 4408, reason: 'Connection initialisation timeout' });
    await new Promise((r) => setTimeout(r, INIT_TIMEOUT_MS * 2));
    assert.is(ready.socket.readyState, ready.socket.OPEN);
    ready.close();
  });

  test(`${protocol}: a second connection_init closes the socket with 4429`, async ({ ws }) => {
    const client = await initialised(`${ws}/graphql`, protocol);
    client.socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    assert.equal(await client.closedWith(), { code: 4429, reason: 'Too many initialisation requests' });
  });
}

test('graphql-transport-ws: a second subscribe with an active id closes the socket with 4409', async ({ ws }) => {
  const client = await initialised(`${ws}/graphql`);
  start(client, 'graphql-transport-ws', 'dup', MOVEMENTS);
  start(client, 'graphql-transport-ws', 'dup', MOVEMENTS);
  assert.equal(await client.closedWith(), { code: 4409, reason: 'Subscriber for dup already exists' });
});

test('graphql-ws (legacy): a start with an active id restarts that operation, it is not served twice', async ({ ledger, ws }) => {
  const client = await initialised(`${ws}/graphql`, 'graphql-ws');
  start(client, 'graphql-ws', 'x', MOVEMENTS);
  start(client, 'graphql-ws', 'x', 'subscription { transactionRecorded { document } }');
  await new Promise((r) => setTimeout(r, 100));
  await appendAll(ledger.store, [payment('1.50')]);
  const data = await client.next<{ id: string; payload: { data: unknown } }>((m) => m.type === 'data');
  assert.equal([data.id, data.payload.data], ['x', { transactionRecorded: { document: `Σ-${document}` } }]);
  await new Promise((r) => setTimeout(r, 200));
  assert.is(client.messages.filter((m) => (m as { type: string }).type === 'data').length, 0);
  assert.is(client.socket.readyState, client.socket.OPEN);
  client.close();
});

test('graphql-transport-ws: an id completed by the client may be used again; invalid and too large subscriptions get an error', async ({ ws }) => {
  const client = await initialised(`${ws}/graphql`);
  start(client, 'graphql-transport-ws', 'again', MOVEMENTS);
  client.socket.send(JSON.stringify({ id: 'again', type: 'complete' }));
  start(client, 'graphql-transport-ws', 'again', MOVEMENTS);
  start(client, 'graphql-transport-ws', 'other', 'subscription { nosuchfield }');
  await client.next((m) => m.type === 'error' && m.id === 'other');
  start(client, 'graphql-transport-ws', 'large', MOVEMENTS, { unused: 'x'.repeat(MAX_SUBSCRIPTION_CHARS) });
  const tooLarge = await client.next<{ payload: { extensions: { code: string } }[] }>((m) => m.type === 'error' && m.id === 'large');
  assert.is(tooLarge.payload[0]!.extensions.code, 'OD_SUBSCRIPTION_TOO_LARGE');
  assert.is(client.socket.readyState, client.socket.OPEN);
  client.close();
});

test('graphql-transport-ws: subscribe before connection_ack is 4401, a message that is not JSON 4400', async ({ ws }) => {
  const early = await connect(`${ws}/graphql`, 'graphql-transport-ws');
  start(early, 'graphql-transport-ws', '1', MOVEMENTS);
  assert.is((await early.closedWith()).code, 4401);
  const garbled = await initialised(`${ws}/graphql`);
  garbled.socket.send('{not json');
  assert.is((await garbled.closedWith()).code, 4400);
});

test('connections per client address are capped on /graphql and on /live (1013, try again later)', async ({ ws, server }) => {
  for (const [path, cap, protocol] of [['/graphql', limits.graphqlConnectionsPerAddress, 'graphql-transport-ws'], ['/live', limits.liveConnectionsPerAddress, undefined]] as const) {
    const held = await Promise.all(Array.from({ length: cap }, () => connect(`${ws}${path}`, protocol)));
    const refused = await connect(`${ws}${path}`, protocol);
    const { code, reason } = await refused.closedWith();
    assert.is(code, 1013, path);
    assert.match(reason, /^OD_TOO_MANY_CONNECTIONS .* \/ Too many connections$/);
    for (const client of held) assert.is(client.socket.readyState, client.socket.OPEN, `${path}: those within the cap stay`);
    held[0]!.close();
    await held[0]!.closedWith();
    // The server sees the close a moment after the client.
    await new Promise((r) => setTimeout(r, 100));
    const admitted = await connect(`${ws}${path}`, protocol);
    await new Promise((r) => setTimeout(r, 100));
    assert.is(admitted.socket.readyState, admitted.socket.OPEN, `${path}: a freed place is taken again`);
    for (const client of [...held.slice(1), admitted]) client.close();
  }
  assert.ok(server.app.liveClients() <= limits.liveConnectionsPerAddress);
});

test('equal subscriptions are executed and serialised once per event: the same payload bytes to each', async ({ ledger }) => {
  const listeners = new Set<(change: Change) => void>();
  const changes: ChangeFeed = { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), position: () => 0, close: async () => undefined };
  const app = await buildApp({ api: apiContexts, store: ledger.store, client: ledger.client, schema: ledger.schema, changes, settings: { rateLimitPerMinute: 0 } });
  const url = `${(await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws')}/graphql`;
  const query = 'subscription($f: TransactionFilter) { transactionRecorded(filter: $f) { id amount document } }';
  const payments = { f: { type: 'PAYMENT' } };
  const first = await initialised(url);
  const second = await initialised(url, 'graphql-ws');
  const raw = new Map<string, string>();
  for (const client of [first, second]) {
    client.socket.on('message', (data: Buffer) => {
      const text = data.toString();
      const id = /"id":"([^"]+)"/.exec(text)?.[1];
      if (id && /"type":"(next|data)"/.test(text)) raw.set(id, text);
    });
  }
  // Each execution reads the movement's `document` once: the reads count executions. The live feed and the
  // site read it too, so a movement published before the subscriptions gives their share.
  const publishCountingReads = (id: string): (() => number) => {
    let reads = 0;
    const movement = {
      id, position: 1, year: 2025, date: '2025-05-02', type: 'PAYMENT', side: 'EXPENSE', kae: '30-7323.005',
      amount: '7.00', ref: null, counterparty: null, ada: null, description: null,
      get document() {
        reads++;
        return 'Σ-1';
      },
    } as TransactionView;
    for (const listener of listeners) listener({ position: 1, transactions: [movement], budgetLines: [], bulk: false });
    return () => reads;
  };
  const others = publishCountingReads('00000000-0000-7000-8000-000000000000');
  await new Promise((r) => setTimeout(r, 50));
  start(first, 'graphql-transport-ws', 'a', query, payments);
  start(first, 'graphql-transport-ws', 'b', query, payments);
  start(second, 'graphql-ws', 'c', query, payments);
  start(second, 'graphql-ws', 'everything', query, {});
  start(second, 'graphql-ws', 'receipts', query, { f: { type: 'REVENUE_COLLECTED' } });
  await new Promise((r) => setTimeout(r, 100));
  const id = '00000000-0000-7000-8000-000000000001';
  const reads = publishCountingReads(id);
  await eventually('four deliveries', () => raw.size === 4);
  assert.is(reads() - others(), 2, 'one execution for a, b and c, one for the unfiltered subscription; none for receipts');
  const payloadOf = (id: string) => raw.get(id)!.slice(raw.get(id)!.indexOf('"payload":'));
  assert.is(payloadOf('a'), payloadOf('b'));
  assert.is(payloadOf('a'), payloadOf('c'));
  assert.equal(JSON.parse(raw.get('c')!), { type: 'data', id: 'c', payload: { data: { transactionRecorded: { id, amount: '7.00', document: 'Σ-1' } } } });
  assert.is((JSON.parse(raw.get('a')!) as { type: string }).type, 'next');
  assert.not.ok(raw.has('receipts'));
  first.close();
  second.close();
  await app.close();
});

test('a subscriber that stops reading is dropped instead of buffered without bound', async ({ ledger }) => {
  const listeners = new Set<(change: Change) => void>();
  const changes: ChangeFeed = { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), position: () => 0, close: async () => undefined };
  const app = await buildApp({ api: apiContexts, store: ledger.store, client: ledger.client, schema: ledger.schema, changes, settings: { rateLimitPerMinute: 0 } });
  const url = `${(await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws')}/graphql`;
  const slow = await initialised(url);
  const healthy = await initialised(url);
  for (const client of [slow, healthy]) start(client, 'graphql-transport-ws', 'big', 'subscription { transactionRecorded { description } }');
  await new Promise((r) => setTimeout(r, 100));
  (slow.socket as unknown as { _socket: { pause: () => void } })._socket.pause();
  const movement = { id: '00000000-0000-7000-8000-000000000002', position: 1, year: 2025, date: '2025-05-02', type: 'PAYMENT', side: 'EXPENSE', kae: '30-7323.005',
    amount: '1.00', document: 'Σ-2', ref: null, counterparty: null, ada: null, description: 'x'.repeat(10_000) } as TransactionView;
  const big: Change = { position: 1, transactions: Array.from({ length: 100 }, () => movement), budgetLines: [], bulk: false };
  // Sent until the slow one is dropped (at most 300 rounds): on a loaded machine a round's executions take
  // longer and less reaches the socket in the same count of rounds.
  for (let i = 0; i < 300 && app.websocketServer.clients.size === 2; i++) {
    for (const listener of listeners) listener(big);
    await new Promise((r) => setTimeout(r, 50));
  }
  await eventually('the slow subscriber is dropped', () => app.websocketServer.clients.size === 1, 15_000);
  assert.is(healthy.socket.readyState, healthy.socket.OPEN);
  assert.ok(healthy.messages.length > 100, 'the healthy subscriber kept receiving');
  healthy.close();
  slow.socket.terminate();
  await app.close();
});

test.run();
