// Issue 18's figures, on PostgreSQL, in one run:
// - GET /open311/v2/requests.json over 100,000 stored requests (10,000 with --quick): spread over the past
//   year, the 10 service codes of config/requests.yaml, about 40 % open and 60 % fixed or closed. p95 under 4
//   concurrent clients, of filtered lists (one service_code + status + a 7, 30 or 90 day start_date..end_date
//   span, up to the spec's 1,000 requests) and of a comma list of 20 service_request_ids, against the same
//   answers' SELECT (findRequests' statement, the same parameters) sent by pg directly at the same
//   concurrency: the ratio says what the route, the JSON and HTTP add to the query.
// - POST /open311/v2/requests.json per second, 10 concurrent, each a report with its reporter's e-mail (the
//   request's stream, the contact sealed under a new subject key in its own stream), without photos (they
//   come later); against appending the same two streams' events alone, 10 at a time.
// od_requests is filled the way production fills it: the real RequestSubmitted / RequestStatusChanged events,
// made by the domain's own deciders, appended through the event store (1,000 requests' streams per
// appendMany), then the real projection runner catches up on them. The app is the real Fastify app, listening
// on 127.0.0.1 in this process (the CLI's server takes no submission limits: here they are raised, as every
// POST comes from one address); the load comes through a plain keep-alive HTTP client, whose answers are
// checked, not parsed, so that the clock measures the server more than the client on the same two cores.
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildApp } from '../src/api/app.ts';
import { createApiKey, loadRequestTypes, requestsApi } from '../src/api/requests/index.ts';
import { migrateDatabase } from '../src/cli/migrations.ts';
import { allProjections, apiContexts } from '../src/contexts.ts';
import type { RequestEvent, RequestType } from '../src/domain/index.ts';
import { changeRequestStatus, evolveRequest, initialRequest, LIXOURI_BOUNDS, ledgerEventSchemas, streams, submitRequest } from '../src/domain/index.ts';
import { openKeyring } from '../src/eventstore/keyring.ts';
import type { StreamAppend } from '../src/eventstore/port.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import type { SqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { startChangeFeed } from '../src/projections/shared/changeFeed.ts';
import { startProjections } from '../src/projections/shared/runner.ts';
import type { Bench, BenchContext, Figure } from './support.ts';
import { inParallel, now, seconds } from './support.ts';

const SCHEMA = 'bench_requests';
const DAY = 86_400_000;
const READERS = 4;
const SUBMITTERS = 10;
const BATCH = 1_000;

/** A fixed sequence (mulberry32): two runs store the same year and ask the same questions. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
};

/** The first value of each required list attribute, a word for a required text: what a valid report answers. */
const answersOf = (type: RequestType): Record<string, string[]> =>
  Object.fromEntries(type.attributes.filter((a) => a.variable && a.required).map((a) => [a.code, [a.values[0]?.key ?? 'bench']]));

const agencyOf = (type: RequestType): string => `${type.agency.el} / ${type.agency.en}`;

/** One request's stream: submitted, and for most of the older ones fixed or closed, by the domain's deciders. */
const requestStream = (type: RequestType, at: Date, next: () => number, closedAfterDays: number | null): StreamAppend => {
  const requestId = randomUUID();
  const lat = LIXOURI_BOUNDS.south + next() * (LIXOURI_BOUNDS.north - LIXOURI_BOUNDS.south);
  const long = LIXOURI_BOUNDS.west + next() * (LIXOURI_BOUNDS.east - LIXOURI_BOUNDS.west);
  const submitted = submitRequest(initialRequest(), {
    requestId,
    serviceCode: type.code,
    description: `Αναφορά ${type.name.el} κοντά στην οδό Ιθάκης`,
    lat: Number(lat.toFixed(6)),
    long: Number(long.toFixed(6)),
    address: next() < 0.3 ? 'Πλατεία Ηρώων, Ληξούρι' : null,
    addressId: null,
    mediaUrl: null,
    attributes: answersOf(type),
    agency: agencyOf(type),
    requestedAt: at.toISOString(),
    expectedAt: type.expectedDays === null ? null : new Date(at.getTime() + type.expectedDays * DAY).toISOString(),
  });
  const events: { event: RequestEvent; actor: string }[] = submitted.map((event) => ({ event, actor: 'open311' }));
  if (closedAfterDays !== null) {
    const state = submitted.reduce(evolveRequest, initialRequest());
    const fixed = next() < 0.8;
    const changed = changeRequestStatus(state, {
      stage: fixed ? 'fixed' : 'closed',
      statusNotes: fixed ? 'Αποκαταστάθηκε / Fixed' : 'Δεν βρέθηκε πρόβλημα στο σημείο / No problem found on the spot',
      at: new Date(at.getTime() + closedAfterDays * DAY).toISOString(),
    });
    events.push(...changed.map((event) => ({ event, actor: 'staff:bench' })));
  }
  return {
    stream: streams.request(requestId),
    events: events.map(({ event, actor }) => ({ type: event.type, data: event.data, metadata: { actor } })),
    expectedRevision: 'no_stream',
  };
};

interface Stored {
  readonly ids: readonly string[];
  readonly events: number;
}

/** `total` requests over the year before `today`, 1,000 streams an append; every 50th id kept for the lists. */
const fill = async (store: SqlEventStore, types: readonly RequestType[], total: number, today: Date, log: (line: string) => void): Promise<Stored> => {
  const next = random(18);
  const ids: string[] = [];
  let events = 0;
  const start = now();
  for (let done = 0; done < total; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, total - done) }, () => {
      const age = next() * 365;
      // The older a request, the likelier it is dealt with: most of the last fortnight's are still open.
      const closedAfterDays = next() < Math.min(0.75, 0.15 + age / 200) ? Math.min(age, 1 + next() * 20) : null;
      return requestStream(types[Math.floor(next() * types.length)]!, new Date(today.getTime() - age * DAY), next, closedAfterDays);
    });
    await store.appendMany(batch);
    for (const [i, append] of batch.entries()) {
      events += append.events.length;
      if ((done + i) % 50 === 0) ids.push(append.stream.slice('request-'.length));
    }
  }
  log(`stored ${total.toLocaleString('en')} requests (${events.toLocaleString('en')} events) in ${seconds(start).toFixed(1)} s`);
  return { ids, events };
};

/** findRequests' statement (src/projections/requests/requestQueries.ts), the same columns, order and cap. */
const COLUMNS = 'request_id, service_code, status, status_notes, agency, description, lat, long, address, address_id, media_url, requested_at, updated_at, expected_at, supports';
const FILTERED_SQL = `SELECT ${COLUMNS} FROM ${SCHEMA}.od_requests WHERE requested_at >= $1 AND requested_at <= $2 AND service_code = ANY($3) AND status = $4 ORDER BY requested_at DESC LIMIT 1000`;
const IDS_SQL = `SELECT ${COLUMNS} FROM ${SCHEMA}.od_requests WHERE request_id = ANY($1) ORDER BY requested_at DESC LIMIT 1000`;

interface Question {
  readonly url: string;
  readonly sql: string;
  readonly params: readonly unknown[];
}

const SPANS = [7, 30, 90] as const;

/** The i-th filtered question: a type, a status, a span ending somewhere in the year. */
const filtered = (types: readonly RequestType[], today: Date, i: number): Question => {
  const code = types[i % types.length]!.code;
  const status = i % 2 === 0 ? 'open' : 'closed';
  const end = new Date(today.getTime() - ((i * 37) % 270) * DAY);
  const start = new Date(end.getTime() - SPANS[i % SPANS.length]! * DAY);
  const query = new URLSearchParams({ service_code: code, status, start_date: start.toISOString(), end_date: end.toISOString() });
  return { url: `/open311/v2/requests.json?${query.toString()}`, sql: FILTERED_SQL, params: [start.toISOString(), end.toISOString(), [code], status] };
};

/** The i-th list of 20 ids, a comma list as a client writes it. */
const byIds = (ids: readonly string[], i: number): Question => {
  const chosen = Array.from({ length: 20 }, (_, k) => ids[(i * 20 + k * 7) % ids.length]!);
  return { url: `/open311/v2/requests.json?service_request_id=${chosen.join(',')}`, sql: IDS_SQL, params: [chosen] };
};

/** Runs `request` from `clients` loops for `durationMs`; each request's latency in ms. */
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

/** A keep-alive HTTP client: the answer's status and first byte are checked; the body is counted, not parsed. */
const httpClient = (base: string, sockets: number) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const send = (method: 'GET' | 'POST', path: string, status: number, body?: string) =>
    new Promise<Buffer>((resolve, reject) => {
      const headers = body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) };
      const request = http.request(`${base}${path}`, { method, agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const answer = Buffer.concat(chunks);
          if (response.statusCode === status && answer[0] === 0x5b /* [ */) resolve(answer);
          else reject(new Error(`${method} ${path.slice(0, 80)}: ${response.statusCode} ${answer.subarray(0, 300).toString()}`));
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  return { get: (path: string) => send('GET', path, 200), post: (path: string, form: string) => send('POST', path, 201, form), close: () => agent.destroy() };
};

const readFigures = async (context: BenchContext, client: ReturnType<typeof httpClient>, peer: pg.Pool, types: readonly RequestType[], today: Date, ids: readonly string[]): Promise<Figure[]> => {
  // The same answers both ways, first: the route's list is the statement's rows.
  for (const question of [filtered(types, today, 1), filtered(types, today, 2), byIds(ids, 3)]) {
    const rows = (await peer.query(question.sql, [...question.params])).rowCount;
    const listed = (JSON.parse((await client.get(question.url)).toString()) as unknown[]).length;
    if (rows !== listed) throw new Error(`${question.url}: the route lists ${listed}, the statement finds ${rows}`);
  }
  const duration = context.quick ? 3_000 : 10_000;
  const figures: Figure[] = [];
  const runs = [
    ['filtered', (i: number) => filtered(types, today, i), 'one service_code + status + a 7/30/90-day start_date..end_date span'],
    ['ids', (i: number) => byIds(ids, i), 'a comma list of 20 service_request_ids'],
  ] as const;
  for (const [name, question, what] of runs) {
    await load(READERS, 1_000, (i) => client.get(question(i).url).then(() => undefined));
    let rows = 0;
    let bytes = 0;
    const ours = await load(READERS, duration, async (i) => {
      // Read before adding: `bytes += await …` would add to the value read before the wait, losing others'.
      const answer = await client.get(question(i).url);
      bytes += answer.length;
    });
    const plain = await load(READERS, duration, async (i) => {
      const q = question(i);
      const found = await peer.query(q.sql, [...q.params]);
      rows += found.rowCount ?? 0;
    });
    const p95 = percentile(ours, 0.95);
    const sqlP95 = percentile(plain, 0.95);
    context.log(
      `GET ${name}: ${(ours.length / (duration / 1000)).toFixed(0)} req/s, p50 ${percentile(ours, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${(bytes / ours.length / 1024).toFixed(0)} KiB an answer; ` +
        `plain SQL p95 ${sqlP95.toFixed(1)} ms, ${(rows / plain.length).toFixed(0)} rows a query`,
    );
    figures.push({
      name: `open311-get-${name}-p95`,
      unit: 'ms',
      ours: p95,
      peer: sqlP95,
      peerName: "findRequests' SELECT by pg",
      note: `${what}; ${READERS} concurrent clients, ${(ours.length / (duration / 1000)).toFixed(0)} requests/s, about ${(rows / plain.length).toFixed(0)} requests an answer`,
    });
  }
  return figures;
};

const submitFigures = async (context: BenchContext, client: ReturnType<typeof httpClient>, store: SqlEventStore, types: readonly RequestType[], key: string): Promise<Figure[]> => {
  const pothole = types.find((t) => t.code === 'pothole')!;
  const next = random(311);
  const form = () =>
    new URLSearchParams({
      api_key: key,
      service_code: pothole.code,
      lat: (LIXOURI_BOUNDS.south + next() * (LIXOURI_BOUNDS.north - LIXOURI_BOUNDS.south)).toFixed(6),
      long: (LIXOURI_BOUNDS.west + next() * (LIXOURI_BOUNDS.east - LIXOURI_BOUNDS.west)).toFixed(6),
      description: 'Λακκούβα στην οδό Ιθάκης, μπροστά στο φαρμακείο',
      'attribute[size]': 'large',
      email: 'maria.pappa@example.gr',
      first_name: 'Μαρία',
    }).toString();
  const total = context.quick ? 1_000 : 5_000;
  await inParallel(100, SUBMITTERS, () => client.post('/open311/v2/requests.json', form()).then(() => undefined));
  const start = now();
  await inParallel(total, SUBMITTERS, () => client.post('/open311/v2/requests.json', form()).then(() => undefined));
  const perSecond = total / seconds(start);
  // The same two streams' events appended alone: what the store costs of each report.
  const appendStart = now();
  await inParallel(total, SUBMITTERS, async () => {
    const append = requestStream(pothole, new Date(), next, null);
    const requestId = append.stream.slice('request-'.length);
    await store.append(append.stream, append.events, { expectedRevision: 'no_stream' });
    await store.append(streams.reporter(requestId), [{ type: 'ReporterRecorded', data: { requestId, subjectId: randomUUID(), at: new Date().toISOString(), sealed: randomBytes(96).toString('base64url') }, metadata: { actor: 'open311' } }], {
      expectedRevision: 'no_stream',
    });
  });
  const appendsPerSecond = total / seconds(appendStart);
  context.log(`POST: ${total} reports by ${SUBMITTERS} at a time, ${perSecond.toFixed(0)}/s; their streams appended alone ${appendsPerSecond.toFixed(0)}/s`);
  return [
    {
      name: 'open311-post-throughput',
      unit: 'requests/s',
      ours: perSecond,
      peer: appendsPerSecond,
      peerName: 'the same two streams appended alone',
      note: `${SUBMITTERS} concurrent, each with a sealed e-mail (its own subject key), no photos`,
    },
  ];
};

const run = async (context: BenchContext): Promise<Figure[]> => {
  const client = createPgClient({ connectionString: context.databaseUrl, maxConnections: 10 });
  await migrateDatabase(client, SCHEMA);
  const store = await openSqlEventStore({ client, schema: SCHEMA, schemas: ledgerEventSchemas });
  const keyring = await openKeyring(client, SCHEMA, randomBytes(32));
  const peer = new pg.Pool({ connectionString: context.databaseUrl, max: READERS });
  const types = loadRequestTypes();
  const today = new Date();
  const stored = await fill(store, types, context.quick ? 10_000 : 100_000, today, context.log);

  const projectStart = now();
  const runner = await startProjections({ client, store, schema: SCHEMA, projections: allProjections, batchSize: 2_000, onError: (e) => console.error(e) });
  await runner.caughtUp;
  await runner.stop();
  context.log(`projected ${stored.events.toLocaleString('en')} events in ${seconds(projectStart).toFixed(1)} s`);
  await client.query(`ANALYZE ${SCHEMA}.od_requests`);

  const changes = await startChangeFeed(client, SCHEMA);
  // One address sends everything here: the submission limits are raised out of the way, as is the site's.
  const unlimited = { max: 1_000_000_000, windowMs: 60_000 };
  const app = await buildApp({
    api: apiContexts.map((c) => (c.name === 'requests' ? requestsApi({ types, bounds: LIXOURI_BOUNDS, limits: { perKey: unlimited, perAddress: unlimited } }) : c)),
    store,
    client,
    schema: SCHEMA,
    changes,
    settings: { rateLimitPerMinute: 0 },
    personal: { keyring, subjectOf: async () => 'unused' },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const web = httpClient(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, SUBMITTERS);
  try {
    const figures = await readFigures(context, web, peer, types, today, stored.ids);
    const { key } = await createApiKey(client, SCHEMA, 'Bench');
    figures.push(...(await submitFigures(context, web, store, types, key)));
    return figures;
  } finally {
    web.close();
    await app.close();
    await changes.close();
    await peer.end();
    await store.close();
    await client.close();
  }
};

export const requestsBench: Bench = { name: 'requests', run };
