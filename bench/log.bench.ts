// Issue 16's figures for the verifiable log, on PostgreSQL, in one run:
// - appending 100 events at a time until the read side has them, with the log's projection on vs off
//   (the same ledger projections otherwise): target ≥ 0.9×;
// - building the tree once for an existing ledger of 1M events (200k with --quick): ≥ 100,000 leaves/s;
// - an inclusion proof (GET /api/log/inclusion) at that size, p95: ≤ 5 ms;
// - tools/verify-log.mjs verifying every leaf from the tiles this process serves on 127.0.0.1: ≥ 200,000 leaves/s.
// The big ledger is written by one INSERT … SELECT (its hash chain is not what is measured here), then the
// log's projection is added to it as an upgrade adds it: created, and caught up from the first event.
import Fastify from 'fastify';
import { logApi, newLogKey, publishCheckpoint, signerFromPrivateKey } from '../src/api/log/index.ts';
import type { LogServices } from '../src/api/log/index.ts';
import { restPlugin } from '../src/api/shared/rest/restPlugin.ts';
import { migrateDatabase } from '../src/cli/migrations.ts';
import { ledgerEventSchemas } from '../src/domain/index.ts';
import { ledgerNames } from '../src/eventstore/sql/ledgerSchema.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import type { SqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { ledgerProjections } from '../src/projections/ledger/index.ts';
import { logProjection, logTables } from '../src/projections/log/index.ts';
import type { Projection } from '../src/projections/shared/projection.ts';
import { startProjections } from '../src/projections/shared/runner.ts';
import { verifyLog } from '../tools/verify-log.mjs';
import type { Bench, BenchContext, Figure } from './support.ts';
import { movement, now, seconds } from './support.ts';

const ORIGIN = 'bench.opendimos.test/ledger';

const appendRate = async (store: SqlEventStore, projections: readonly Projection[], client: ReturnType<typeof createPgClient>, schema: string, batches: number): Promise<number> => {
  const runner = await startProjections({ client, store, schema, projections });
  await runner.caughtUp;
  const start = now();
  for (let b = 0; b < batches; b++) {
    const events = Array.from({ length: 100 }, (_, i) => ({ type: 'PaymentMade', data: { ...movement(b * 100 + i), order: `O-${b}-${i}` } }));
    await store.appendMany([{ stream: `bench-${b}`, events }]);
  }
  const head = await store.headPosition();
  while (runner.position() < head) await new Promise((resolve) => setTimeout(resolve, 2));
  const rate = (batches * 100) / seconds(start);
  await runner.stop();
  return rate;
};

const percentile = (values: number[], p: number) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

export const logBench: Bench = {
  name: 'log',
  async run(context: BenchContext) {
    const figures: Figure[] = [];
    const client = createPgClient({ connectionString: context.databaseUrl });
    try {
      // Appending, the log's projection on and off, each on a ledger of its own.
      const batches = context.quick ? 50 : 200;
      const rates: number[] = [];
      for (const [schema, withLog] of [['bench_log_off', false], ['bench_log_on', true]] as const) {
        await migrateDatabase(client, schema);
        const store = await openSqlEventStore({ client, schema, schemas: ledgerEventSchemas });
        const projections = [...ledgerProjections.projections, ...(withLog ? [logProjection(ledgerNames(schema).events)] : [])];
        rates.push(await appendRate(store, projections, client, schema, batches));
        await store.close();
      }
      context.log(`log: appending with the log ${rates[1]!.toFixed(0)} ev/s, without ${rates[0]!.toFixed(0)} ev/s`);
      figures.push({ name: 'log-append-batch-100', unit: 'events/s', ours: rates[1]!, peer: rates[0]!, peerName: 'the same without the log', target: 0.9 });

      // The tree of an existing ledger, built once.
      const size = context.quick ? 200_000 : 1_000_000;
      const schema = 'bench_log_tree';
      await migrateDatabase(client, schema);
      const events = ledgerNames(schema).events;
      context.log(`log: writing ${size} events`);
      await client.query(
        `INSERT INTO ${events} (position, id, stream, revision, type, schema_version, data, metadata, hash)
         SELECT g, gen_random_uuid(), 'bench-' || (g / 1000), g % 1000, 'PaymentMade', 1,
                json_build_object('year', 2025, 'kae', '20-6011.' || lpad((g % 1000)::text, 3, '0'), 'document', 'Π-' || g, 'date', '2025-03-04',
                  'amount', (g % 100000 + 1) || '.50', 'order', 'Ε-' || g, 'ada', '7394ΩΞΧ-ΠΔΖ',
                  'counterparty', json_build_object('naturalPerson', false, 'afm', '094014201', 'name', 'ΚΑΤΑΣΚΕΥΑΣΤΙΚΗ ΠΑΛΙΚΗΣ Α.Ε.'),
                  'description', 'Προμήθεια υλικών καθαριότητας για τις ανάγκες του Δήμου'),
                json_build_object('recordedAt', '2025-03-04T10:00:00.000Z'), sha256(g::text::bytea)
           FROM generate_series(1, $1::bigint) g`,
        [size],
      );
      await client.exec(`ANALYZE ${events}`);
      const store = await openSqlEventStore({ client, schema, schemas: ledgerEventSchemas });
      const projection = logProjection(events);
      const start = now();
      const runner = await startProjections({ client, store, schema, projections: [projection] });
      await runner.caughtUp;
      const built = size / seconds(start);
      await runner.stop();
      context.log(`log: tree of ${size} leaves built at ${built.toFixed(0)} leaves/s`);
      figures.push({ name: `log-build-${size / 1000}k`, unit: 'leaves/s', ours: built, target: 100_000, targetKind: 'value-at-least' });

      const services: LogServices = { client, schema, tables: logTables(schema, events), signer: signerFromPrivateKey(newLogKey(ORIGIN)), origin: ORIGIN, witnesses: [] };
      await publishCheckpoint(services);
      const app = Fastify();
      await app.register(restPlugin, { contexts: [logApi(services)], store, client, schema });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const times: number[] = [];
        for (let i = 0; i < (context.quick ? 300 : 1_000); i++) {
          const position = 1 + Math.floor(Math.random() * size);
          const t0 = now();
          const answer = await app.inject({ method: 'GET', url: `/api/log/inclusion?position=${position}` });
          times.push(seconds(t0) * 1000);
          if (answer.statusCode !== 200) throw new Error(`inclusion ${position}: ${answer.statusCode} ${answer.body.slice(0, 200)}`);
        }
        const p95 = percentile(times, 95);
        context.log(`log: inclusion proof at ${size} leaves, p95 ${p95.toFixed(2)} ms`);
        figures.push({ name: `log-inclusion-p95-${size / 1000}k`, unit: 'ms', ours: p95, target: 5, targetKind: 'value-at-most' });

        const verified = await verifyLog(`${address}/log/`, { key: services.signer.verifierKey, say: () => undefined });
        context.log(`log: tools/verify-log.mjs verified ${verified.size} leaves at ${verified.leavesPerSecond.toFixed(0)} leaves/s`);
        figures.push({ name: `log-verify-tool-${size / 1000}k`, unit: 'leaves/s', ours: verified.leavesPerSecond, target: 200_000, targetKind: 'value-at-least', note: 'the server and the tool share this process and its 2 cores' });
      } finally {
        await app.close();
        await store.close();
      }
      return figures;
    } finally {
      await client.close();
    }
  },
};
