// Open311's POST requests.json under its limits (issue 18: "rate limits per key and address;
// spam-resistant"): so many a minute per API key, fewer per client address across keys, answered with the
// spec's error array, HTTP 429 and Retry-After, in JSON or XML; a refused POST records nothing; GET is not
// counted. The limits are made small here, and the clock is the test's.
import { randomBytes } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/api/app.ts';
import type { RequestsOptions } from '../../../src/api/requests/index.ts';
import { createApiKey, loadRequestTypes, requestsApi } from '../../../src/api/requests/index.ts';
import { LIXOURI_BOUNDS, ledgerEventSchemas } from '../../../src/domain/index.ts';
import { openKeyring } from '../../../src/eventstore/keyring.ts';
import type { EventStore } from '../../../src/eventstore/port.ts';
import { openSqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import { allProjections, apiContexts } from '../../../src/contexts.ts';
import type { ChangeFeed } from '../../../src/projections/shared/changeFeed.ts';
import { startChangeFeed } from '../../../src/projections/shared/changeFeed.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import type { TestSchema } from '../../support/database.ts';
import { createTestSchema } from '../../support/database.ts';

interface Ctx {
  app: FastifyInstance;
  db: TestSchema;
  store: EventStore;
  keys: [string, string];
  changes: ChangeFeed;
  /** The app's clock, moved on by the tests. */
  clock: { at: number };
  close: () => Promise<void>;
}

const PER_KEY = 3;
const PER_ADDRESS = 4;
const WINDOW_MS = 60_000;
const test = suite<Ctx>('requests: Open311 POST limits per key and per address');
const parser = new XMLParser();
const types = loadRequestTypes();

test.before.each(async (ctx) => {
  const db = await createTestSchema();
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  const keyring = await openKeyring(db.client, db.schema, randomBytes(32));
  const runner = await startProjections({ client: db.client, store, schema: db.schema, projections: allProjections });
  await runner.caughtUp;
  await runner.stop();
  const changes = await startChangeFeed(db.client, db.schema);
  const clock = { at: Date.parse('2026-12-07T10:00:00Z') };
  const options: RequestsOptions = {
    types,
    bounds: LIXOURI_BOUNDS,
    now: () => new Date(clock.at),
    limits: { perKey: { max: PER_KEY, windowMs: WINDOW_MS }, perAddress: { max: PER_ADDRESS, windowMs: WINDOW_MS } },
  };
  const app = await buildApp({
    api: apiContexts.map((c) => (c.name === 'requests' ? requestsApi(options) : c)),
    store,
    client: db.client,
    schema: db.schema,
    changes,
    settings: { rateLimitPerMinute: 0 },
    personal: { keyring, subjectOf: async () => 'unused' },
  });
  await app.ready();
  const keys: [string, string] = [(await createApiKey(db.client, db.schema, 'FixMyStreet')).key, (await createApiKey(db.client, db.schema, 'Δημότης')).key];
  Object.assign(ctx, { app, db, store, keys, clock, changes });
  ctx.close = async () => {
    await app.close();
    await changes.close();
    await store.close();
    await db.drop();
  };
});
test.after.each(async (ctx) => ctx.close());

const report = (key: string) => ({ api_key: key, service_code: 'pothole', lat: '38.2018', long: '20.4391', description: 'Λακκούβα στην οδό Ιθάκης', 'attribute[size]': 'large', email: 'maria.pappa@example.gr' });
const post = (ctx: Ctx, address: string, form: Record<string, string>, ext = 'json') =>
  ctx.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${ext}`,
    remoteAddress: address,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(form).toString(),
  });
const statuses = async (answers: Promise<{ statusCode: number }>[]): Promise<number[]> => {
  const codes: number[] = [];
  // One after another: the counters are what is tested, not the order of concurrent answers.
  for (const answer of answers) codes.push((await answer).statusCode);
  return codes;
};
const submitted = async (ctx: Ctx): Promise<number> => (await ctx.store.readAll()).filter((e) => e.type === 'RequestSubmitted' || e.type === 'ReporterRecorded').length;

/** The spec's error array in JSON: code 429, the description Greek then English, and the wait. */
const assertTooManyJson = (answer: Awaited<ReturnType<typeof post>>, what: RegExp) => {
  assert.is(answer.statusCode, 429, answer.body);
  assert.match(String(answer.headers['content-type']), /application\/json/);
  assert.is(answer.headers['retry-after'], String(WINDOW_MS / 1000));
  const errors = answer.json<{ code: number; description: string }[]>();
  assert.is(errors.length, 1);
  assert.is(errors[0]!.code, 429);
  assert.match(errors[0]!.description, /^Πάρα πολλά αιτήματα .+ \/ Too many requests .+; retry in 60 seconds$/);
  assert.match(errors[0]!.description, what);
};

test('so many POSTs a minute per key, from whatever addresses; another key goes on; the next minute the key again', async (ctx) => {
  const [key, other] = ctx.keys;
  assert.equal(await statuses([1, 2, 3].map((i) => post(ctx, `10.0.0.${i}`, report(key)))), [201, 201, 201]);
  // A fresh address does not help: the key has had its minute's share.
  assertTooManyJson(await post(ctx, '10.0.0.4', report(key)), /with this key/);
  assert.is((await post(ctx, '10.0.0.4', report(other))).statusCode, 201);
  ctx.clock.at += WINDOW_MS + 1;
  assert.is((await post(ctx, '10.0.0.5', report(key))).statusCode, 201);
});

test('so many POSTs a minute per address whatever the key, a forged key and a refused report counted too; in XML by extension', async (ctx) => {
  const [first, second] = ctx.keys;
  const address = '192.0.2.7';
  assert.is((await post(ctx, address, report(first))).statusCode, 201);
  assert.is((await post(ctx, address, { ...report(first), api_key: 'forged' })).statusCode, 403);
  assert.is((await post(ctx, address, { ...report(second), service_code: 'graffiti' })).statusCode, 400);
  assert.is((await post(ctx, address, report(second))).statusCode, 201);
  // Neither key is at its limit (2 and 2 of 3): the address is (4 of 4).
  assertTooManyJson(await post(ctx, address, report(second)), /from this address/);
  assert.is((await post(ctx, address, { ...report(first), api_key: 'forged' })).statusCode, 429, 'the address is refused before its key is looked at');
  const inXml = await post(ctx, address, report(first), 'xml');
  assert.is(inXml.statusCode, 429);
  assert.match(String(inXml.headers['content-type']), /text\/xml; charset=utf-8/);
  assert.is(inXml.headers['retry-after'], '60');
  assert.match(inXml.body, /^<\?xml version="1.0" encoding="utf-8"\?>/);
  const error = (parser.parse(inXml.body) as { errors: { error: { code: number; description: string } } }).errors.error;
  assert.is(error.code, 429);
  assert.match(error.description, /^Πάρα πολλά αιτήματα από αυτή τη διεύθυνση.* \/ Too many requests from this address/);
  // Another address with the same keys is its own count.
  assert.is((await post(ctx, '192.0.2.8', report(first))).statusCode, 201);
});

test('a refused POST records nothing: no request, no reporter, nothing in GET', async (ctx) => {
  const [key] = ctx.keys;
  assert.equal(await statuses([1, 2, 3].map(() => post(ctx, '198.51.100.1', report(key)))), [201, 201, 201]);
  const before = await submitted(ctx);
  assert.is(before, 6, 'three requests and their three reporters');
  assert.equal(await statuses([post(ctx, '198.51.100.2', report(key)), post(ctx, '198.51.100.2', report(key), 'xml')]), [429, 429]);
  assert.is(await submitted(ctx), before);
  const runner = await startProjections({ client: ctx.db.client, store: ctx.store, schema: ctx.db.schema, projections: allProjections, onError: (e) => console.error(e) });
  await runner.caughtUp;
  await runner.stop();
  const listed = await ctx.app.inject({ url: '/open311/v2/requests.json?start_date=2026-12-01T00:00:00Z', remoteAddress: '198.51.100.2' });
  assert.is(listed.json<unknown[]>().length, 3);
});

test("GET is not counted with POST's: an address over its POST limit still reads, many times", async (ctx) => {
  const [key] = ctx.keys;
  const address = '203.0.113.9';
  const accepted = await post(ctx, address, report(key));
  const id = accepted.json<{ service_request_id: string }[]>()[0]!.service_request_id;
  for (let i = 1; i < PER_ADDRESS; i++) await post(ctx, address, { ...report(key), api_key: 'forged' });
  assert.is((await post(ctx, address, report(key))).statusCode, 429);
  const runner = await startProjections({ client: ctx.db.client, store: ctx.store, schema: ctx.db.schema, projections: allProjections, onError: (e) => console.error(e) });
  await runner.caughtUp;
  await runner.stop();
  for (let i = 0; i < 3 * PER_ADDRESS; i++) {
    const url = i % 3 === 0 ? '/open311/v2/requests.json' : i % 3 === 1 ? `/open311/v2/requests/${id}.xml` : '/open311/v2/services.json';
    const answer = await ctx.app.inject({ url, remoteAddress: address });
    assert.is(answer.statusCode, 200, `${url}: ${answer.body.slice(0, 200)}`);
  }
  // And reading did not use up a POST either: the next minute the address posts again.
  ctx.clock.at += WINDOW_MS + 1;
  assert.is((await post(ctx, address, report(key))).statusCode, 201);
});

test('limits that would refuse every report are refused at start-up, naming the setting', async (ctx) => {
  const app = await buildApp({
    api: [requestsApi({ types, bounds: LIXOURI_BOUNDS, limits: { perAddress: { max: 0, windowMs: WINDOW_MS } } })],
    store: ctx.store,
    client: ctx.db.client,
    schema: ctx.db.schema,
    changes: ctx.changes,
    settings: { rateLimitPerMinute: 0 },
  }).catch((error: unknown) => error);
  const failed = app instanceof Error ? app : await (app as FastifyInstance).ready().then(() => null, (error: unknown) => error);
  if (!(app instanceof Error)) await (app as FastifyInstance).close();
  assert.instance(failed, Error);
  assert.match((failed as Error).message, /perAddress: max and windowMs must be positive integers/);
});

test.run();
