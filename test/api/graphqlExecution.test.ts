// Uncached GraphQL executions share the server: a bounded number at once (the rest wait, then OD_BUSY with
// Retry-After; cache hits pass), each within its time, each stopped when its client goes away — on
// PostgreSQL by cancelling the statement itself.
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildApp } from '../../src/api/app.ts';
import { createExecutionBudget } from '../../src/api/shared/graphql/executionBudget.ts';
import { createExecutionGate } from '../../src/api/shared/graphql/executionGate.ts';
import type { ExecutionStopped } from '../../src/api/shared/graphql/executionStopped.ts';
import type { GraphqlLimits } from '../../src/api/shared/graphql/plugin.ts';
import type { SqlClient } from '../../src/eventstore/sql/client.ts';
import { suiteBackend } from '../support/database.ts';
import type { TestLedger } from '../support/ledger.ts';
import { appendAll, openTestLedger, smallYear } from '../support/ledger.ts';
import type { TestServer } from '../support/server.ts';
import { eventually, startTestServer } from '../support/server.ts';
import { apiContexts } from '../../src/contexts.ts';

const codeOf = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: ExecutionStopped) => error.code,
  );

const units = suite('graphql execution gate and budget');

units('the gate runs so many at once, queues so many, refuses the rest with OD_BUSY, and lets a gone client leave', async () => {
  const gate = createExecutionGate({ concurrency: 1, queue: 1, maxWaitMs: 10_000 });
  const first = await gate.acquire();
  const second = gate.acquire();
  const refused = await gate.acquire().catch((error: ExecutionStopped) => error);
  assert.is((refused as ExecutionStopped).code, 'OD_BUSY');
  assert.is((refused as ExecutionStopped).retryAfterSeconds, 10);
  assert.equal([gate.running(), gate.waiting()], [1, 1]);
  first();
  first(); // a turn is given back once, however often released
  const secondTurn = await second;
  assert.equal([gate.running(), gate.waiting()], [1, 0]);
  const leaving = new AbortController();
  const third = gate.acquire(leaving.signal);
  assert.is(gate.waiting(), 1);
  leaving.abort();
  assert.is(await codeOf(third), 'OD_CLIENT_GONE');
  assert.is(gate.waiting(), 0);
  secondTurn();
  assert.is(gate.running(), 0);
  const impatient = createExecutionGate({ concurrency: 1, queue: 1, maxWaitMs: 5 });
  await impatient.acquire();
  assert.is(await codeOf(impatient.acquire()), 'OD_BUSY');
});

/** A database double whose statements answer only when told to. */
const heldClient = () => {
  const pending: (() => void)[] = [];
  let sent = 0;
  const client = {
    dialect: 'pglite',
    query: () => {
      sent += 1;
      return new Promise<never[]>((resolve) => pending.push(() => resolve([])));
    },
  } as unknown as SqlClient;
  return { client, sent: () => sent, answerAll: () => pending.splice(0).forEach((answer) => answer()) };
};

units('a stopped budget answers at once, sends nothing more, and is drained once the database is done', async () => {
  const db = heldClient();
  const gone = new AbortController();
  const budget = createExecutionBudget({ client: db.client, timeoutMs: 60_000, queriesAtOnce: 1, signal: gone.signal });
  const first = budget.query('SELECT 1');
  const second = budget.query('SELECT 2');
  await new Promise((r) => setImmediate(r));
  assert.is(db.sent(), 1, 'one query of the execution at a time');
  gone.abort();
  assert.is(await codeOf(first), 'OD_CLIENT_GONE');
  assert.is(await codeOf(second), 'OD_CLIENT_GONE');
  assert.is(await codeOf(budget.query('SELECT 3')), 'OD_CLIENT_GONE');
  assert.is(db.sent(), 1, 'nothing sent after the stop');
  let drained = false;
  const draining = budget.drained().then(() => (drained = true));
  await new Promise((r) => setImmediate(r));
  assert.is(drained, false, 'the first statement still runs');
  db.answerAll();
  await draining;
  assert.ok(drained);
  const late = createExecutionBudget({ client: heldClient().client, timeoutMs: 5, queriesAtOnce: 2 });
  assert.is(await codeOf(late.query('SELECT 4')), 'OD_QUERY_TIMEOUT');
});

units.run();

/** The ledger's client, noting what it is sent; statements matching `hold` wait until released. */
const steer = (inner: SqlClient) => {
  const sent: string[] = [];
  let held: { pattern: RegExp; gate: Promise<void> } | null = null;
  const client: SqlClient = {
    ...inner,
    query: async (text, params, options) => {
      sent.push(text);
      if (held?.pattern.test(text)) await held.gate;
      return inner.query(text, params, options);
    },
  };
  const hold = (pattern: RegExp): (() => void) => {
    let open: () => void = () => undefined;
    held = { pattern, gate: new Promise<void>((resolve) => (open = resolve)) };
    return () => {
      held = null;
      open();
    };
  };
  return { client, sent, hold };
};

interface Context {
  ledger: TestLedger;
  server: TestServer;
  apps: FastifyInstance[];
}

const test = suite<Context>('graphql executions over HTTP');

test.before(async (context) => {
  context.ledger = await openTestLedger();
  await appendAll(context.ledger.store, smallYear());
  context.server = await startTestServer(context.ledger);
  context.apps = [];
});
test.after(async ({ ledger, server, apps }) => {
  for (const app of apps) await app.close();
  await server.close();
  await ledger.dispose();
});

const appWith = async (context: Context, client: SqlClient, limits: Partial<GraphqlLimits>): Promise<FastifyInstance> => {
  const app = await buildApp({ api: apiContexts, store: context.ledger.store, client, schema: context.ledger.schema, changes: context.server.changes, settings: { rateLimitPerMinute: 0, graphqlLimits: limits } });
  context.apps.push(app);
  return app;
};

/** A connection's count, as the app sends it. */
const COUNT = /SELECT count\(\*\) AS n FROM/;

type Gql = { data?: unknown; errors?: { message: string; path?: string[]; extensions?: { code?: string } }[] };
const ask = (app: FastifyInstance, query: string) => app.inject({ method: 'POST', url: '/graphql', payload: { query } });

test('past the executions at once, one more is refused with OD_BUSY and Retry-After; cache hits still pass', async (context) => {
  const db = steer(context.ledger.client);
  const app = await appWith(context, db.client, { executions: 1, queue: 0 });
  const cachedQuery = `{ budget(year: 2025) { lines { kae paid } } }`;
  assert.is((await ask(app, cachedQuery)).statusCode, 200);
  db.sent.length = 0;
  const release = db.hold(COUNT);
  const slow = ask(app, `{ transactions(first: 1) { totalCount } }`);
  await eventually('the count is on its way', () => db.sent.some((s) => COUNT.test(s)));
  const busy = await ask(app, `{ fiscalYears }`);
  assert.is(busy.statusCode, 503);
  assert.is(busy.headers['retry-after'], '2');
  const error = busy.json<Gql>().errors?.[0];
  assert.is(error?.extensions?.code, 'OD_BUSY');
  assert.match(error!.message, /^Ο διακομιστής .* \/ The server/);
  const hit = await ask(app, cachedQuery);
  assert.equal([hit.statusCode, hit.headers['x-opendimos-cache']], [200, 'hit']);
  release();
  assert.is((await slow).json<Gql>().errors, undefined);
  await eventually('the turn is given back', async () => (await ask(app, `{ fiscalYears }`)).statusCode === 200);
});

test('an execution past its time answers OD_QUERY_TIMEOUT, and its turn waits for the database', async (context) => {
  const db = steer(context.ledger.client);
  const app = await appWith(context, db.client, { executions: 1, queue: 0, timeoutMs: 200 });
  const release = db.hold(COUNT);
  const late = await ask(app, `{ transactions(first: 1) { totalCount } }`);
  const errors = late.json<Gql>().errors ?? [];
  assert.equal(errors.map((e) => e.extensions?.code), ['OD_QUERY_TIMEOUT']);
  assert.equal(errors[0]!.path, ['transactions', 'totalCount']);
  // The statement has not finished (PGlite cannot cancel one; this double holds it): still no turn free.
  assert.is((await ask(app, `{ fiscalYears }`)).statusCode, 503);
  release();
  await eventually('the turn is given back once the statement ends', async () => (await ask(app, `{ fiscalYears }`)).statusCode === 200);
});

/** Sends a query over a real socket; returns a function that drops the connection. */
const postAndDrop = (url: string, query: string): (() => void) => {
  const body = JSON.stringify({ query });
  const request = http.request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  request.on('error', () => undefined);
  request.end(body);
  return () => request.destroy();
};

const openConnections = (app: FastifyInstance) => new Promise<number>((resolve) => app.server.getConnections((_e, n) => resolve(n)));

test('a client that goes away stops its execution: nothing more of it is sent', async (context) => {
  const db = steer(context.ledger.client);
  const app = await appWith(context, db.client, { executions: 1, queue: 4, maxWaitMs: 10_000 });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  db.sent.length = 0;
  const release = db.hold(/od_budget_lines/);
  // The line first, then (were it still wanted) its movements.
  const drop = postAndDrop(url, `{ budgetLine(year: 2025, kae: "30-7323.005") { transactions(first: 1) { edges { node { id } } } } }`);
  await eventually('the line is asked for', () => db.sent.some((s) => s.includes('od_budget_lines')));
  drop();
  await eventually('the server saw the client go', async () => (await openConnections(app)) === 0);
  release();
  // The next execution gets its turn once the gone one has ended.
  assert.is((await ask(app, `{ imports { totalCount } }`)).statusCode, 200);
  assert.not.ok(db.sent.some((s) => s.includes('od_transactions')), 'the movements of a line nobody waits for were not asked for');
});

if (suiteBackend() === 'postgresql') {
  /** Counts sent by the app sleep for 30 s first: only a cancel ends them sooner. */
  const sleepyCounts = (inner: SqlClient): SqlClient => ({
    ...inner,
    query: (text, params, options) => inner.query(text.replace('count(*) AS n', 'count(*) AS n, pg_sleep(30) AS slept'), params, options),
  });
  const sleeping = async (client: SqlClient): Promise<number> =>
    Number(
      (
        await client.query<{ n: unknown }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE '/* od-gql-%' AND query LIKE '%pg_sleep(30)%'`,
        )
      )[0]?.n,
    );

  test('PostgreSQL: a statement past the execution time is cancelled on the server', async (context) => {
    const app = await appWith(context, sleepyCounts(context.ledger.client), { timeoutMs: 300 });
    const late = await ask(app, `{ transactions(filter: { year: 2025 }, first: 1) { totalCount } }`);
    assert.equal((late.json<Gql>().errors ?? []).map((e) => e.extensions?.code), ['OD_QUERY_TIMEOUT']);
    await eventually('no sleeping count left on the server', async () => (await sleeping(context.ledger.client)) === 0, 10_000);
  });

  test('PostgreSQL: a client that goes away has its running statement cancelled', async (context) => {
    const app = await appWith(context, sleepyCounts(context.ledger.client), {});
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const drop = postAndDrop(url, `{ transactions(filter: { year: 2024 }, first: 1) { totalCount } }`);
    await eventually('the count sleeps on the server', async () => (await sleeping(context.ledger.client)) === 1, 10_000);
    drop();
    await eventually('the count was cancelled, not left to sleep for 30 s', async () => (await sleeping(context.ledger.client)) === 0, 10_000);
  });
}

test.run();
