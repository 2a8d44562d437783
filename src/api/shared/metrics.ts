// GET /metrics in the Prometheus text format: how far each projection is behind the ledger (in events, and
// in seconds as the age of the oldest event it has not applied), the ledger's size, imports by outcome, the
// live feed's clients and the process's memory.
import type { FastifyPluginAsync } from 'fastify';
import type { EventStore } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { toNumber } from '../../eventstore/sql/client.ts';
import { table } from '../../projections/shared/tables.ts';
import { IMPORTS } from '../../projections/imports/index.ts';
import { projectionState, readProjectionRecords } from '../../projections/shared/registry.ts';

export interface MetricsOptions {
  readonly store: EventStore;
  /** The database of the read models. */
  readonly client: SqlExecutor;
  readonly schema: string;
  readonly liveClients?: () => number;
}

interface Metric {
  readonly name: string;
  readonly type: 'gauge' | 'counter';
  readonly help: string;
  readonly samples: readonly { readonly labels?: Readonly<Record<string, string>>; readonly value: number }[];
}

const OUTCOMES = ['imported', 'nothing_new', 'partial', 'rejected'] as const;

const label = (value: string): string => value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');

export const formatMetrics = (metrics: readonly Metric[]): string =>
  metrics
    .map((m) =>
      [
        `# HELP ${m.name} ${m.help}`,
        `# TYPE ${m.name} ${m.type}`,
        ...m.samples.map(({ labels, value }) => {
          const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}="${label(v)}"`);
          return `${m.name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${value}`;
        }),
      ].join('\n'),
    )
    .join('\n') + '\n';

const exists = async (db: SqlExecutor, qualified: string): Promise<boolean> =>
  (await db.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [qualified]))[0]?.found === true;

/** Seconds since the first event after `checkpoint` was recorded; 0 when there is none. */
const ageOfFirstAfter = async (store: EventStore, checkpoint: number, now: number): Promise<number> => {
  const [oldest] = await store.readAll({ fromPosition: checkpoint, maxCount: 1 });
  return oldest ? Math.max(0, (now - Date.parse(oldest.metadata.recordedAt)) / 1000) : 0;
};

export const collectMetrics = async ({ store, client, schema, liveClients }: MetricsOptions): Promise<Metric[]> => {
  const head = await store.headPosition();
  const now = Date.now();
  const projections = (await exists(client, projectionState(schema))) ? [...(await readProjectionRecords(client, schema)).values()] : [];
  const behind = [...new Set(projections.filter((p) => p.position < head).map((p) => p.position))];
  const ages = new Map(await Promise.all(behind.map(async (checkpoint) => [checkpoint, await ageOfFirstAfter(store, checkpoint, now)] as const)));
  const lags = projections.map((p) => ({ labels: { projection: p.name }, events: Math.max(0, head - p.position), seconds: ages.get(p.position) ?? 0 }));
  const imports = (await exists(client, table(schema, IMPORTS)))
    ? new Map((await client.query<{ outcome: string; n: unknown }>(`SELECT outcome, count(*) AS n FROM ${table(schema, IMPORTS)} GROUP BY outcome`)).map((r) => [r.outcome, toNumber(r.n)]))
    : new Map<string, number>();
  const memory = process.memoryUsage();
  return [
    { name: 'opendimos_ledger_head_position', type: 'gauge', help: 'Position of the newest event in the ledger.', samples: [{ value: head }] },
    // PostgreSQL and PGlite hand out positions without gaps, so there the head is the number of events.
    ...(store.backend === 'eventstoredb'
      ? []
      : [{ name: 'opendimos_ledger_events_total', type: 'counter', help: 'Events in the ledger.', samples: [{ value: head }] } satisfies Metric]),
    { name: 'opendimos_projection_checkpoint', type: 'gauge', help: 'Position each projection has applied up to.', samples: projections.map((p) => ({ labels: { projection: p.name }, value: p.position })) },
    { name: 'opendimos_projection_lag_events', type: 'gauge', help: 'Events in the ledger a projection has not applied yet.', samples: lags.map((l) => ({ labels: l.labels, value: l.events })) },
    {
      name: 'opendimos_projection_lag_seconds',
      type: 'gauge',
      help: 'Age of the oldest event a projection has not applied yet; 0 when caught up.',
      samples: lags.map((l) => ({ labels: l.labels, value: Math.round(l.seconds * 1000) / 1000 })),
    },
    { name: 'opendimos_imports_total', type: 'counter', help: 'Imports in the public import log, by outcome.', samples: OUTCOMES.map((outcome) => ({ labels: { outcome }, value: imports.get(outcome) ?? 0 })) },
    ...(liveClients ? [{ name: 'opendimos_live_clients', type: 'gauge', help: 'Clients connected to the live feed.', samples: [{ value: liveClients() }] } satisfies Metric] : []),
    { name: 'process_resident_memory_bytes', type: 'gauge', help: 'Resident memory of the server process.', samples: [{ value: memory.rss }] },
    { name: 'nodejs_heap_used_bytes', type: 'gauge', help: 'V8 heap in use.', samples: [{ value: memory.heapUsed }] },
  ];
};

export const metricsPlugin: FastifyPluginAsync<MetricsOptions> = async (app, options) => {
  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4; charset=utf-8').send(formatMetrics(await collectMetrics(options))));
};
