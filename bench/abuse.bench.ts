// Issue 12: the costliest GraphQL query the limits allow, sent by 8 clients as fast as they are answered
// (full-text searches with their counts, as many aliases as the cost limit lets through, a new search
// each time and Cache-Control: no-cache, so nothing comes from the cache), against a real `opendimos
// serve` on PostgreSQL — while one more client asks /health. Figure: /health's p99 under that load against
// its p99 idle, in the same run; the issue asks for at most 3×.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { OperationDefinitionNode } from 'graphql';
import { Kind, buildSchema, parse } from 'graphql';
import type { FiscalYearEvent } from '../src/domain/index.ts';
import { ledgerEventSchemas } from '../src/domain/index.ts';
import { MAX_COST, MAX_ROOT_FIELDS, NO_ROWS, measureOperation } from '../src/api/shared/graphql/limits.ts';
import { schemaUrl } from '../src/api/shared/graphql/schemaSource.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { eventReaderFor } from '../src/projections/shared/eventReader.ts';
import { allProjections } from '../src/contexts.ts';
import { rebuildProjections } from '../src/projections/shared/rebuild.ts';
import { prepareProjections } from '../src/projections/shared/runner.ts';
import { startServer } from '../test/support/serverProcess.ts';
import { syntheticYear } from './ledgerData.ts';
import type { Bench, Figure } from './support.ts';
import { now, seconds } from './support.ts';
import { migrateDatabase } from '../src/cli/migrations.ts';

const SCHEMA = 'bench';
const CLIENTS = 8;
/** Words of the synthetic descriptions: each search matches a share of the ledger, as a real one would. */
const WORDS = ['προμηθεια', 'υλικων', 'καθαριοτητας', 'συντηρηση', 'οχηματων', 'ηλεκτροφωτισμου', 'υδρευσης', 'ληξουριου', 'παλικης', 'σχολικων', 'κτιριων', 'ασφαλτοστρωση', 'οδων', 'αμοιβη', 'μελετης'];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
};

const searches = (aliases: number, round: number) =>
  `{ ${Array.from({ length: aliases }, (_, i) => {
    const word = WORDS[(round * aliases + i) % WORDS.length]!;
    // A prefix search of a varying length: the same words, a new question each time.
    return `s${i}: transactions(filter: { search: "${word.slice(0, 4 + ((round + i) % (word.length - 3)))}" }, first: 10) { totalCount edges { node { id amount description } } }`;
  }).join(' ')} }`;

/** As many aliased searches as the cost limit lets through on a ledger of `transactions` rows. */
const costliestAliases = (transactions: number): number => {
  const schema = buildSchema(readFileSync(schemaUrl, 'utf8'));
  const costOf = (aliases: number) => {
    const operation = parse(searches(aliases, 0)).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    return measureOperation(schema, operation, new Map(), { ...NO_ROWS, transactions })!.cost;
  };
  let aliases = 1;
  while (aliases < MAX_ROOT_FIELDS && costOf(aliases + 1) <= MAX_COST) aliases += 1;
  return aliases;
};

const fill = async (store: Awaited<ReturnType<typeof openSqlEventStore>>, total: number) => {
  let batch: FiscalYearEvent[] = [];
  for (const event of syntheticYear(total)) {
    batch.push(event);
    if (batch.length === 2_000) {
      await store.append('fiscalYear-2025', batch);
      batch = [];
    }
  }
  if (batch.length > 0) await store.append('fiscalYear-2025', batch);
};

export const abuseBench: Bench = {
  name: 'abuse',
  async run(context): Promise<Figure[]> {
    const total = context.quick ? 50_000 : 200_000;
    const client = createPgClient({ connectionString: context.databaseUrl, maxConnections: 4 });
    await migrateDatabase(client, SCHEMA);
    const store = await openSqlEventStore({ client, schema: SCHEMA, schemas: ledgerEventSchemas, ownsClient: true });
    try {
      const start = now();
      await fill(store, total);
      await prepareProjections({ client, store, schema: SCHEMA, projections: [] });
      await rebuildProjections(client, eventReaderFor(store), SCHEMA, allProjections);
      await client.exec(`ANALYZE`);
      const [{ n: rows } = { n: 0 }] = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.od_transactions`);
      context.log(`ledger: ${total} events, ${rows} transactions, in ${seconds(start).toFixed(1)} s`);
      const aliases = costliestAliases(rows);
      context.log(`costliest allowed: ${aliases} aliased searches of 10 rows with their totalCount (${Buffer.byteLength(searches(aliases, 0))} bytes)`);

      const server = await startServer(context.databaseUrl, SCHEMA, 18_282);
      const healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const loadAgent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
      try {
        const get = (path: string) =>
          new Promise<number>((resolve, reject) => {
            const request = http.get(`${server.url}${path}`, { agent: healthAgent }, (response) => {
              response.resume();
              response.on('end', () => resolve(response.statusCode ?? 0));
            });
            request.on('error', reject);
          });
        const post = (query: string) =>
          new Promise<{ status: number; body: string }>((resolve, reject) => {
            const body = JSON.stringify({ query });
            const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-cache' };
            const request = http.request(`${server.url}/graphql`, { method: 'POST', agent: loadAgent, headers }, (response) => {
              const chunks: Buffer[] = [];
              response.on('data', (chunk: Buffer) => chunks.push(chunk));
              response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, 300).toString() }));
            });
            request.on('error', reject);
            request.end(body);
          });
        /** /health, asked one after another with a short pause, for `durationMs`: each latency in ms. */
        const probeHealth = async (durationMs: number): Promise<number[]> => {
          const latencies: number[] = [];
          const until = Date.now() + durationMs;
          while (Date.now() < until) {
            const t = now();
            if ((await get('/health')) !== 200) throw new Error('/health failed');
            latencies.push(seconds(t) * 1000);
            await new Promise((r) => setTimeout(r, 10));
          }
          return latencies;
        };
        // One of them answered, to be sure the query runs rather than being refused.
        const sample = await post(searches(aliases, 0));
        if (sample.status !== 200 || sample.body.includes('"errors"')) throw new Error(`the costliest query failed: ${sample.body}`);
        const alone = now();
        await post(searches(aliases, 1));
        context.log(`the costliest query alone, idle: ${(seconds(alone) * 1000).toFixed(0)} ms`);
        await probeHealth(1_000);
        // Idle and loaded phases alternate, so that whatever else the machine runs weighs on both alike.
        const rounds = context.quick ? 4 : 8;
        const phaseMs = context.quick ? 2_500 : 3_000;
        const idle: number[] = [];
        const loaded: number[] = [];
        let executed = 0;
        let busy = 0;
        let otherErrors = 0;
        const executedTimes: number[] = [];
        for (let r = 0; r < rounds; r++) {
          idle.push(...(await probeHealth(phaseMs)));
          let stop = false;
          const abusers = Array.from({ length: CLIENTS }, async (_, c) => {
            for (let round = r * 10_000 + c; !stop; round += CLIENTS) {
              const t = now();
              const { status, body } = await post(searches(aliases, round));
              if (status === 200 && !body.includes('"errors"')) {
                executed += 1;
                executedTimes.push(seconds(t) * 1000);
              } else if (status === 503 && body.includes('OD_BUSY')) busy += 1;
              else otherErrors += 1;
            }
          });
          await new Promise((resolve) => setTimeout(resolve, 300));
          loaded.push(...(await probeHealth(phaseMs)));
          stop = true;
          await Promise.all(abusers);
        }
        const duration = rounds * (phaseMs + 300);
        const idleP99 = percentile(idle, 0.99);
        const loadedP99 = percentile(loaded, 0.99);
        const rate = (n: number) => (n / (duration / 1000)).toFixed(1);
        context.log(`/health idle: p50 ${percentile(idle, 0.5).toFixed(2)} ms, p99 ${idleP99.toFixed(2)} ms over ${idle.length} requests`);
        context.log(`/health under abuse: p50 ${percentile(loaded, 0.5).toFixed(2)} ms, p99 ${loadedP99.toFixed(2)} ms over ${loaded.length} requests`);
        context.log(
          `abusers: ${rate(executed)} executed/s (p50 ${percentile(executedTimes, 0.5).toFixed(0)} ms), ${rate(busy)} refused OD_BUSY/s, ${otherErrors} other errors`,
        );
        return [
          { name: 'health-p99-idle', unit: 'ms', ours: idleP99, note: `${idle.length} sequential requests, ${rows.toLocaleString('en')} transactions` },
          {
            name: 'health-p99-under-abuse',
            unit: 'ms',
            ours: loadedP99,
            peer: idleP99,
            peerName: 'idle, same run',
            target: 3 * idleP99,
            targetKind: 'value-at-most',
            note: `${CLIENTS} clients sending ${aliases} aliased searches with totalCount (the costliest allowed): ${rate(executed)} executed/s, ${rate(busy)} OD_BUSY/s`,
          },
        ];
      } finally {
        healthAgent.destroy();
        loadAgent.destroy();
        await server.stop();
      }
    } finally {
      await store.close();
    }
  },
};
