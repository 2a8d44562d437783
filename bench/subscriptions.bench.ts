// Issue 12, item 2: GraphQL subscriptions at their cap. Ten graphql-transport-ws connections, each holding
// as many equal transactionRecorded subscriptions as one connection may, through a 1,000-row import (200
// with --quick) in imports of 50 rows: the server process's RSS growth, against the same import with ten
// connections of one subscription each, in the same run. Before the limits, 2,000 subscriptions on each of
// ten sockets and one 50-row import ran the server's heap out.
import WebSocket from 'ws';
import { defaultWebSocketLimits } from '../src/api/shared/websockets.ts';
import type { FiscalYearEvent } from '../src/domain/index.ts';
import { ledgerEventSchemas } from '../src/domain/index.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import type { SqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { startServer } from '../test/support/serverProcess.ts';
import type { ServerProcess } from '../test/support/serverProcess.ts';
import { syntheticYear } from './ledgerData.ts';
import type { Bench, BenchContext, Figure } from './support.ts';
import { now, seconds } from './support.ts';
import { migrateDatabase } from '../src/cli/migrations.ts';

const SCHEMA = 'bench';
const CONNECTIONS = 10;
const IMPORT_ROWS = 50;
const QUERY = 'subscription { transactionRecorded { id date type kae amount document counterparty { afm name naturalPerson } description } }';

interface Subscriber {
  readonly socket: WebSocket;
  /** Messages that carried the awaited document. */
  seen: number;
}

/** A connection holding `count` equal subscriptions; messages are searched for `awaited`, not parsed. */
const connect = (url: string, count: number, awaited: { marker: Buffer }): Promise<Subscriber> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const subscriber: Subscriber = { socket, seen: 0 };
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.once('message', () => {
      for (let i = 0; i < count; i++) socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: QUERY } }));
      socket.on('message', (data: Buffer) => {
        if (data.includes(awaited.marker)) subscriber.seen++;
      });
      resolve(subscriber);
    });
    socket.once('error', reject);
    socket.once('close', (code) => reject(new Error(`closed with ${code}`)));
  });

let batchNumber = 0;
const importBatch = (rows: number, document: string): FiscalYearEvent[] => {
  batchNumber++;
  return Array.from({ length: rows }, (_, i) => ({
    type: 'PaymentMade' as const,
    data: {
      year: 2025, kae: '00-6011.001', date: '2025-12-30', amount: '10.00', ada: null, description: 'Πληρωμή συνδρομών', order: 'Ε-0', counterparty: null,
      // The last row of each import carries the document the clients wait for.
      document: i === rows - 1 ? document : `SUB-${batchNumber}-${i}`,
    },
  }));
};

/** RSS growth of the server (peak during the import over before the connections) with `perConnection` subscriptions each. */
const measure = async (context: BenchContext, server: ServerProcess, store: SqlEventStore, perConnection: number, rows: number) => {
  const awaited = { marker: Buffer.from('"document":"none"') };
  const before = await server.rssMiB();
  const subscribers = await Promise.all(Array.from({ length: CONNECTIONS }, () => connect(server.url, perConnection, awaited)));
  await new Promise((r) => setTimeout(r, 500));
  let peak = await server.rssMiB();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await server.rssMiB());
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const start = now();
  let delivered = 0;
  for (let done = 0; done < rows; done += IMPORT_ROWS) {
    const document = `SUBS-${perConnection}-${done}-${Date.now()}`;
    awaited.marker = Buffer.from(`"document":"${document}"`);
    for (const s of subscribers) s.seen = 0;
    await store.append('fiscalYear-2025', importBatch(Math.min(IMPORT_ROWS, rows - done), document));
    // Paced by delivery: each import is announced on its own, as clerks' uploads are.
    const deadline = Date.now() + 30_000;
    while (subscribers.some((s) => s.seen < perConnection) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    delivered += subscribers.reduce((sum, s) => sum + s.seen, 0);
  }
  const elapsed = seconds(start);
  sampling = false;
  await sampler;
  for (const s of subscribers) s.socket.removeAllListeners('close');
  await Promise.all(subscribers.map((s) => new Promise((r) => (s.socket.once('close', r), s.socket.close()))));
  await new Promise((r) => setTimeout(r, 500));
  const growth = Math.max(0, peak - before);
  context.log(
    `${CONNECTIONS} × ${perConnection} subscriptions, ${rows} rows: RSS ${before.toFixed(0)} -> peak ${peak.toFixed(0)} MiB (+${growth.toFixed(1)}), ` +
      `${delivered}/${(rows / IMPORT_ROWS) * CONNECTIONS * perConnection} last-row messages in ${elapsed.toFixed(1)} s`,
  );
  return { growth, delivered, elapsed };
};

export const subscriptionsBench: Bench = {
  name: 'subscriptions',
  async run(context) {
    const rows = context.quick ? 200 : 1_000;
    const cap = defaultWebSocketLimits.subscriptionsPerConnection;
    const client = createPgClient({ connectionString: context.databaseUrl, maxConnections: 4 });
    await migrateDatabase(client, SCHEMA);
    const store = await openSqlEventStore({ client, schema: SCHEMA, schemas: ledgerEventSchemas, ownsClient: true });
    try {
      const year = [...syntheticYear(6_000)];
      for (let i = 0; i < year.length; i += 2_000) await store.append('fiscalYear-2025', year.slice(i, i + 2_000));
      const server = await startServer(context.databaseUrl, SCHEMA, 18_282);
      try {
        await new Promise((r) => setTimeout(r, 2_000));
        // The baseline first: whatever the process grows by on its first import is charged to it, not to the cap.
        const single = await measure(context, server, store, 1, rows);
        const capped = await measure(context, server, store, cap, rows);
        const expected = (rows / IMPORT_ROWS) * CONNECTIONS * cap;
        return [
          {
            name: 'subscriptions-at-cap-rss-growth',
            unit: 'MiB',
            ours: capped.growth,
            target: 64,
            targetKind: 'value-at-most',
            note: `${CONNECTIONS} connections × ${cap} subscriptions through ${rows} rows in imports of ${IMPORT_ROWS}; ${capped.delivered}/${expected} last-row messages in ${capped.elapsed.toFixed(1)} s`,
          },
          {
            name: 'subscriptions-at-cap-vs-one',
            unit: 'MiB RSS growth',
            // A floor of 1 MiB: the baseline's growth is within the noise of RSS itself.
            ours: Math.max(1, capped.growth),
            peer: Math.max(1, single.growth),
            peerName: `${CONNECTIONS} connections × 1 subscription`,
          },
        ] satisfies Figure[];
      } finally {
        await server.stop();
      }
    } finally {
      await store.close();
    }
  },
};
