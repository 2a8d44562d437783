// Issue 4: the read side on a ledger of 1M events (100k with --quick) in PostgreSQL — rebuilding every
// read model, GraphQL under load against the same data fetched by plain SQL, the live feed to 5,000
// WebSocket clients, and the server's memory when idle.
import http from 'node:http';
import WebSocket from 'ws';
import type { FiscalYearEvent } from '../src/domain/index.ts';
import { ledgerEventSchemas } from '../src/domain/index.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import type { SqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { eventReaderFor } from '../src/projections/shared/eventReader.ts';
import { allProjections } from '../src/contexts.ts';
import { budgetLines, budgetTotals, listTransactions } from '../src/projections/ledger/index.ts';
import { rebuildProjections } from '../src/projections/shared/rebuild.ts';
import { prepareProjections } from '../src/projections/shared/runner.ts';
import { syntheticYear } from './ledgerData.ts';
import { startServer } from '../test/support/serverProcess.ts';
import type { Bench, BenchContext, Figure } from './support.ts';
import { now, seconds } from './support.ts';
import { migrateDatabase } from '../src/cli/migrations.ts';

const SCHEMA = 'bench';

const fill = async (store: SqlEventStore, total: number, log: (s: string) => void) => {
  const start = now();
  let batch: FiscalYearEvent[] = [];
  for (const event of syntheticYear(total)) {
    batch.push(event);
    if (batch.length === 2_000) {
      await store.append('fiscalYear-2025', batch);
      batch = [];
    }
  }
  if (batch.length > 0) await store.append('fiscalYear-2025', batch);
  log(`filled ${total} events in ${seconds(start).toFixed(1)} s`);
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
};

const BUDGET_QUERY = `{ budget(year: 2025) { expense { initial final committed ordered paid } lines { kae title initial final committed ordered paid } } }`;
const PAGE_QUERY = `{ transactions(filter: { year: 2025, type: PAYMENT, kae: "20-6011" }, first: 50) { totalCount edges { cursor node { id date type kae amount document counterparty { afm name naturalPerson } description } } pageInfo { hasNextPage endCursor } } }`;

/** Runs `request` from `clients` concurrent loops for `durationMs`; returns each request's latency in ms. */
const load = async (clients: number, durationMs: number, request: (i: number) => Promise<void>): Promise<number[]> => {
  const latencies: number[] = [];
  const until = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = c; Date.now() < until; i += clients) {
        const start = now();
        await request(i);
        latencies.push(seconds(start) * 1000);
      }
    }),
  );
  return latencies;
};

const graphqlFigures = async (context: BenchContext, url: string, store: SqlEventStore): Promise<Figure[]> => {
  // A plain keep-alive HTTP client, as a browser or a journalist's script would hold: fetch (undici) and a
  // JSON.parse of each 600 KB budget cost the load generator more CPU than the server spends answering, on
  // the same two cores. The answer is checked for errors, not parsed.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const post = (query: string, fresh = false) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ query });
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(fresh ? { 'cache-control': 'no-cache' } : {}) };
      const request = http.request(`${url}/graphql`, { method: 'POST', agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const answer = Buffer.concat(chunks);
          const ok = response.statusCode === 200 && answer.subarray(0, 8).toString() === '{"data":' && !answer.includes('"errors":[');
          if (ok) resolve();
          else reject(new Error(answer.subarray(0, 500).toString()));
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  const sql = {
    budget: async () => {
      await budgetTotals(store.client, SCHEMA, 2025);
      await budgetLines(store.client, SCHEMA, 2025);
    },
    page: async () => {
      const page = await listTransactions(store.client, SCHEMA, { filter: { year: 2025, type: 'PAYMENT', kae: '20-6011' }, first: 50 });
      await page.totalCount();
    },
  };
  await load(4, 2_000, (i) => post(i % 2 ? BUDGET_QUERY : PAGE_QUERY));
  const duration = context.quick ? 5_000 : 15_000;
  const figures: Figure[] = [];
  // The budget as most readers get it (one year's budget, asked again and again of an unchanged ledger: the
  // answer comes from the cache), then executed every time; the transactions page always executed.
  const runs = [
    ['budget', BUDGET_QUERY, sql.budget, false],
    ['budget-executed', BUDGET_QUERY, sql.budget, true],
    ['transactions-page', PAGE_QUERY, sql.page, true],
  ] as const;
  for (const [name, query, plain, fresh] of runs) {
    const gql = await load(8, duration, () => post(query, fresh));
    const raw = await load(8, duration, plain);
    const p95 = percentile(gql, 0.95);
    const rawP95 = percentile(raw, 0.95);
    context.log(`graphql ${name}: ${(gql.length / (duration / 1000)).toFixed(0)} req/s, p50 ${percentile(gql, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; plain SQL p95 ${rawP95.toFixed(1)} ms`);
    figures.push(
      {
        name: `graphql-${name}-p95`,
        unit: 'ms',
        ours: p95,
        target: 20,
        targetKind: 'value-at-most',
        note: `${(gql.length / (duration / 1000)).toFixed(0)} requests/s with 8 concurrent clients${fresh ? ', Cache-Control: no-cache (executed every time)' : ', answered from the cache of whole answers'}`,
      },
      { name: `graphql-${name}-vs-sql`, unit: 'ms p95', ours: p95, peer: rawP95, peerName: 'same data by plain SQL', targetKind: 'value-at-most', target: 1.5 * rawP95 },
    );
  }
  agent.destroy();
  return figures;
};

const liveFigures = async (context: BenchContext, url: string, store: SqlEventStore): Promise<Figure[]> => {
  const count = context.quick ? 1_000 : 5_000;
  const sockets: WebSocket[] = [];
  let awaited: { marker: Buffer; times: number[] } | null = null;
  for (let i = 0; i < count; i += 250) {
    await Promise.all(
      Array.from({ length: Math.min(250, count - i) }, () =>
        new Promise<void>((resolve, reject) => {
          const socket = new WebSocket(`${url.replace('http', 'ws')}/live`);
          // The 5,000 clients share this process's one thread with the timing: a message is only searched
          // for the awaited document, not parsed, so that the clock measures the server more than ourselves.
          socket.once('message', (data: Buffer) => {
            if ((JSON.parse(data.toString()) as { type: string }).type === 'hello') resolve();
            socket.on('message', (data: Buffer) => {
              if (awaited !== null && data.includes(awaited.marker)) awaited.times.push(performance.now());
            });
          });
          socket.on('error', reject);
          sockets.push(socket);
        }),
      ),
    );
  }
  context.log(`live: ${sockets.length} clients connected`);
  const latencies: number[] = [];
  const perRound: string[] = [];
  const rounds = context.quick ? 10 : 20;
  for (let round = 0; round < rounds; round++) {
    const document = `LIVE-${round}-${Date.now()}`;
    const times: number[] = [];
    awaited = { marker: Buffer.from(`"document":"${document}"`), times };
    await store.append('fiscalYear-2025', [
      { type: 'PaymentMade', data: { year: 2025, kae: '00-6011.001', document, date: '2025-12-30', amount: '10.00', ada: null, description: 'live', order: 'Ε-0', counterparty: null } },
    ]);
    const committed = performance.now();
    const deadline = committed + 10_000;
    while (times.length < sockets.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    latencies.push(...times.map((t) => t - committed));
    perRound.push(`${percentile(times, 0.5) - committed | 0}/${(times.length > 0 ? Math.max(...times) - committed : 10_000) | 0}`);
    for (let missing = times.length; missing < sockets.length; missing++) latencies.push(10_000);
    await new Promise((r) => setTimeout(r, 200));
  }
  context.log(`live: per import, ms to half / to all clients: ${perRound.join(' ')}`);
  for (const socket of sockets) socket.terminate();
  const p50 = percentile(latencies, 0.5);
  const p99 = percentile(latencies, 0.99);
  context.log(`live: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${latencies.length} deliveries`);
  return [
    { name: 'live-latency-p50', unit: 'ms', ours: p50, note: `${sockets.length} clients × ${rounds} imports, commit to receipt` },
    { name: 'live-latency-p99', unit: 'ms', ours: p99, target: 100, targetKind: 'value-at-most', note: 'polling peers deliver within about 1 s' },
  ];
};

export const readSideBench: Bench = {
  name: 'readside',
  async run(context) {
    const total = context.quick ? 100_000 : 1_000_000;
    const client = createPgClient({ connectionString: context.databaseUrl, maxConnections: 8 });
    await migrateDatabase(client, SCHEMA);
    const store = await openSqlEventStore({ client, schema: SCHEMA, schemas: ledgerEventSchemas, ownsClient: true });
    try {
      await fill(store, total, context.log);
      await prepareProjections({ client, store, schema: SCHEMA, projections: [] });
      const start = now();
      const head = await rebuildProjections(client, eventReaderFor(store), SCHEMA, allProjections);
      const rebuildRate = head / seconds(start);
      context.log(`rebuild: ${head} events in ${seconds(start).toFixed(1)} s`);
      const figures: Figure[] = [
        { name: `rebuild-${context.quick ? '100k' : '1m'}`, unit: 'events/s', ours: rebuildRate, target: 20_000, targetKind: 'value-at-least', note: 'all five projections in one pass, PostgreSQL' },
      ];
      const server = await startServer(context.databaseUrl, SCHEMA, 18_181);
      try {
        await new Promise((r) => setTimeout(r, 3_000));
        const idle = await server.rssMiB();
        context.log(`server RSS idle: ${idle.toFixed(0)} MiB`);
        figures.push({ name: 'server-rss-idle', unit: 'MiB', ours: idle, target: 250, targetKind: 'value-at-most', note: `${total.toLocaleString('en')} events loaded` });
        figures.push(...(await graphqlFigures(context, server.url, store)));
        figures.push(...(await liveFigures(context, server.url, store)));
      } finally {
        await server.stop();
      }
      return figures;
    } finally {
      await store.close();
    }
  },
};
