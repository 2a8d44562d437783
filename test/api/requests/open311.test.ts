// Open311 GeoReport v2 (issue 18), as the spec writes it: discovery, services and definitions, POST with an
// API key (form-encoded) answering [{ service_request_id }], GET requests with filters, JSON and XML, the
// spec's error array with its HTTP status; the reporter's e-mail, names and phone in no answer.
import { randomBytes } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/api/app.ts';
import { createApiKey } from '../../../src/api/requests/index.ts';
import { ledgerEventSchemas } from '../../../src/domain/index.ts';
import type { Keyring } from '../../../src/eventstore/keyring.ts';
import { openKeyring } from '../../../src/eventstore/keyring.ts';
import type { EventStore } from '../../../src/eventstore/port.ts';
import { openSqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import { allProjections, apiContexts } from '../../../src/contexts.ts';
import { startChangeFeed } from '../../../src/projections/shared/changeFeed.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import type { TestSchema } from '../../support/database.ts';
import { createTestSchema } from '../../support/database.ts';

interface Ctx {
  app: FastifyInstance;
  db: TestSchema;
  store: EventStore;
  keyring: Keyring;
  key: string;
  close: () => Promise<void>;
}

const test = suite<Ctx>('requests: Open311 GeoReport v2');
const parser = new XMLParser();
/** A value inside a parsed answer (JSON or XML), by its path of names and indexes. */
const at = (tree: unknown, ...path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined), tree);
const xml = (body: string): unknown => parser.parse(body);
const json = (answer: { json: () => unknown }): unknown => answer.json();
const count = (tree: unknown, ...path: readonly (string | number)[]): number => (at(tree, ...path) as readonly unknown[]).length;

test.before.each(async (ctx) => {
  const db = await createTestSchema();
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  const keyring = await openKeyring(db.client, db.schema, randomBytes(32));
  // Every public read model, as the app's pages and health read some of them.
  const runner = await startProjections({ client: db.client, store, schema: db.schema, projections: allProjections });
  await runner.caughtUp;
  await runner.stop();
  const changes = await startChangeFeed(db.client, db.schema);
  const app = await buildApp({
    // The town hall's public contexts, the requests' own among them.
    api: apiContexts,
    store,
    client: db.client,
    schema: db.schema,
    changes,
    settings: { rateLimitPerMinute: 0 },
    personal: { keyring, subjectOf: async () => 'unused' },
  });
  await app.ready();
  Object.assign(ctx, { app, db, store, keyring, key: (await createApiKey(db.client, db.schema, 'FixMyStreet')).key });
  ctx.close = async () => {
    await app.close();
    await changes.close();
    await store.close();
    await db.drop();
  };
});
test.after.each(async (ctx) => ctx.close());

const project = async (ctx: Ctx) => {
  const runner = await startProjections({ client: ctx.db.client, store: ctx.store, schema: ctx.db.schema, projections: allProjections, onError: (e) => console.error(e) });
  await runner.caughtUp;
  await runner.stop();
};

const reporter = { email: 'maria.pappa@example.gr', first_name: 'Μαρία', last_name: 'Παππά', phone: '+30 26710 91234' };
const post = (ctx: Ctx, form: Record<string, string>, ext = 'json') =>
  ctx.app.inject({ method: 'POST', url: `/open311/v2/requests.${ext}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });
const pothole = (ctx: Ctx) => ({ api_key: ctx.key, service_code: 'pothole', lat: '38.2018', long: '20.4391', description: 'Λακκούβα στην οδό Ιθάκης', 'attribute[size]': 'large', ...reporter });

test('discovery and services in JSON and XML, a definition with its attributes', async (ctx) => {
  const discovery = await ctx.app.inject({ url: '/open311/discovery.json' });
  assert.is(discovery.statusCode, 200);
  assert.is(at(json(discovery), 'endpoints', 0, 'specification'), 'http://wiki.open311.org/GeoReport_v2');
  assert.match(String(at(xml((await ctx.app.inject({ url: '/open311/discovery.xml' })).body), 'discovery', 'endpoints', 'endpoint', 'url')), /\/open311\/v2$/);
  const services = json(await ctx.app.inject({ url: '/open311/v2/services.json' }));
  assert.equal(Object.keys(at(services, 0) as object), ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
  assert.equal([at(services, 0, 'service_code'), at(services, 0, 'service_name'), at(services, 0, 'metadata'), at(services, 0, 'type')], ['pothole', 'Λακκούβα στον δρόμο', true, 'realtime']);
  const servicesXml = await ctx.app.inject({ url: '/open311/v2/services.xml?lang=en' });
  assert.match(String(servicesXml.headers['content-type']), /text\/xml; charset=utf-8/);
  assert.match(servicesXml.body, /^<\?xml version="1.0" encoding="utf-8"\?>/);
  assert.is(at(xml(servicesXml.body), 'services', 'service', 0, 'service_name'), 'Pothole');
  const definition = json(await ctx.app.inject({ url: '/open311/v2/services/pothole.json' }));
  assert.is(at(definition, 'service_code'), 'pothole');
  assert.equal([0, 1, 2].map((i) => at(definition, 'attributes', 0, 'values', i, 'key')), ['small', 'medium', 'large']);
  assert.is(count(xml((await ctx.app.inject({ url: '/open311/v2/services/pothole.xml' })).body), 'service_definition', 'attributes', 'attribute', 0, 'values', 'value'), 3);
  const unknown = await ctx.app.inject({ url: '/open311/v2/services/graffiti.xml' });
  assert.is(unknown.statusCode, 404);
  assert.is(at(xml(unknown.body), 'errors', 'error', 'code'), 404);
});

test('POST with a key answers [{ service_request_id }]; GET finds it with exactly the spec fields, nobody named', async (ctx) => {
  const posted = await post(ctx, pothole(ctx));
  assert.is(posted.statusCode, 201, posted.body);
  const id = at(json(posted), 0, 'service_request_id');
  assert.ok(typeof id === 'string' && id.length > 0);
  const { 'attribute[size]': _size, ...withoutSize } = pothole(ctx);
  const postedXml = await post(ctx, { ...withoutSize, service_code: 'water-leak', lat: '', long: '', address_string: 'Πλατεία Ηρώων' }, 'xml');
  assert.is(postedXml.statusCode, 201, postedXml.body);
  assert.ok(at(xml(postedXml.body), 'service_requests', 'request', 'service_request_id'));
  await project(ctx);

  const one = await ctx.app.inject({ url: `/open311/v2/requests/${String(id)}.json` });
  const request = at(json(one), 0);
  assert.equal(Object.keys(request as object), [
    'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
    'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
  ]);
  assert.equal(['status', 'service_code', 'lat', 'long'].map((k) => at(request, k)), ['open', 'pothole', 38.2018, 20.4391]);
  assert.match(String(at(request, 'requested_datetime')), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  const all = await ctx.app.inject({ url: '/open311/v2/requests.json' });
  assert.is(count(json(all)), 2);
  assert.is(at(json(await ctx.app.inject({ url: '/open311/v2/requests.json?service_code=water-leak' })), 0, 'address'), 'Πλατεία Ηρώων');
  assert.is(count(json(await ctx.app.inject({ url: '/open311/v2/requests.json?status=closed' }))), 0);
  assert.is(count(json(await ctx.app.inject({ url: '/open311/v2/requests.json?end_date=2020-01-01T00:00:00Z' }))), 0);
  assert.is(count(json(await ctx.app.inject({ url: `/open311/v2/requests.json?service_request_id=${String(id)},nope` }))), 1);
  const allXml = await ctx.app.inject({ url: '/open311/v2/requests.xml' });
  assert.is(count(xml(allXml.body), 'service_requests', 'request'), 2);
  for (const body of [posted.body, postedXml.body, one.body, all.body, allXml.body]) {
    for (const secret of Object.values(reporter)) assert.not.ok(body.includes(secret), `no ${secret} in ${body.slice(0, 80)}`);
  }
  // The contact is kept, sealed, in the reporter's own stream.
  const [recorded] = await ctx.store.readStream(`reporter-${String(id)}`);
  assert.not.ok(JSON.stringify(recorded?.data).includes('maria.pappa'));
  const data = recorded!.data as { subjectId: string; sealed: string };
  assert.equal(await ctx.keyring.open(data.subjectId, data.sealed), { email: reporter.email, firstName: 'Μαρία', lastName: 'Παππά', phone: reporter.phone });
});

test("refusals in the spec's error array with the matching status, in JSON and XML", async (ctx) => {
  const refused = async (form: Record<string, string>, status: number, ext = 'json') => {
    const answer = await post(ctx, form, ext);
    assert.is(answer.statusCode, status, answer.body);
    const error = ext === 'json' ? at(json(answer), 0) : at(xml(answer.body), 'errors', 'error');
    assert.is(at(error, 'code'), status);
    const description = String(at(error, 'description'));
    assert.match(description, /[\u0370-\u03ff].* \/ /);
    return description;
  };
  await refused({ ...pothole(ctx), api_key: 'forged' }, 403);
  await refused({ ...pothole(ctx), api_key: '' }, 403, 'xml');
  await refused({ ...pothole(ctx), service_code: 'graffiti' }, 400);
  await refused({ ...pothole(ctx), lat: '', long: '' }, 400, 'xml');
  assert.match(await refused({ ...pothole(ctx), lat: '37.9838', long: '23.7275' }, 400), /38\.15–38\.32 N/);
  await refused({ ...pothole(ctx), description: 'α'.repeat(4001) }, 400);
  await refused({ ...pothole(ctx), 'attribute[size]': 'huge' }, 400);
  const date = await ctx.app.inject({ url: '/open311/v2/requests.xml?start_date=yesterday' });
  assert.is(date.statusCode, 400);
  assert.is(at(xml(date.body), 'errors', 'error', 'code'), 400);
  const missing = await ctx.app.inject({ url: '/open311/v2/requests/nope.json' });
  assert.equal([missing.statusCode, at(json(missing), 0, 'code')], [404, 404]);
  assert.is(at(json(await ctx.app.inject({ url: '/open311/v2/unknown.json' })), 0, 'code'), 404);
});

test.run();
