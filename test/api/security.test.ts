// Security headers with a strict Content Security Policy, a rate limit per client address, the JSON body
// limit, and the one error body for all of them; and an OpenAPI document whose every path is served.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { securityPlugin } from '../../src/api/shared/security.ts';
import type { RestApp } from './restFixture.ts';
import { openRestApp } from './restFixture.ts';

const test = suite<{ rest: RestApp }>('security');

test.before(async (context) => {
  context.rest = await openRestApp();
});
test.after(async ({ rest }) => rest.close());

/** An app as buildApp makes it (1 MB body limit), with the security plugin and two plain routes. */
const smallApp = async (rateLimitPerMinute: number, imageSources: readonly string[] = []): Promise<FastifyInstance> => {
  const app = Fastify({ bodyLimit: 1_048_576 });
  await app.register(securityPlugin, { rateLimitPerMinute, imageSources });
  app.get('/page', async () => 'ok');
  app.post('/echo', async (request) => request.body);
  await app.ready();
  return app;
};

test('every response carries the security headers, with a CSP that allows no inline script or style', async ({ rest }) => {
  for (const url of ['/api/openapi.yaml', '/metrics', '/api/exports/transactions.json', '/api/exports/transactions.csv?year=x', '/no-such-page']) {
    const { headers } = await rest.app.inject({ method: 'GET', url });
    assert.is(
      headers['content-security-policy'],
      "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';" +
        "object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
      url,
    );
    assert.equal(
      [headers['x-frame-options'], headers['x-content-type-options'], headers['referrer-policy'], headers['strict-transport-security']],
      ['DENY', 'nosniff', 'no-referrer', 'max-age=31536000; includeSubDomains'],
      url,
    );
  }
});

test('a map’s tile host, and no other, joins img-src; every other directive stays as strict', async () => {
  const app = await smallApp(0, ['https://tile.openstreetmap.org', 'https://tile.openstreetmap.org']);
  const { headers } = await app.inject({ method: 'GET', url: '/page' });
  assert.is(
    headers['content-security-policy'],
    "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self';img-src 'self' data: https://tile.openstreetmap.org;font-src 'self';connect-src 'self';" +
      "object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
  );
  await app.close();
});

test('the rate limit refuses a client past its limit per minute with 429, Retry-After and the error body; others go on', async () => {
  const app = await smallApp(3);
  const from = (remoteAddress: string) => app.inject({ method: 'GET', url: '/page', remoteAddress });
  for (let i = 0; i < 3; i++) assert.is((await from('10.0.0.1')).statusCode, 200);
  const limited = await from('10.0.0.1');
  assert.is(limited.statusCode, 429);
  assert.ok(Number(limited.headers['retry-after']) > 0);
  const { error } = limited.json<{ error: { code: string; message_el: string; message_en: string } }>();
  assert.is(error.code, 'OD_RATE_LIMITED');
  assert.match(error.message_el, /^Πάρα πολλές αιτήσεις/);
  assert.match(error.message_en, /^Too many requests/);
  assert.is((await from('10.0.0.2')).statusCode, 200);
  await app.close();
});

test('rateLimitPerMinute 0 turns the limit off; a negative or fractional one is refused at start-up', async () => {
  const app = await smallApp(0);
  for (let i = 0; i < 50; i++) assert.is((await app.inject({ method: 'GET', url: '/page' })).statusCode, 200);
  await app.close();
  for (const wrong of [-1, 2.5]) {
    const bad = Fastify();
    try {
      await bad.register(securityPlugin, { rateLimitPerMinute: wrong });
      await bad.ready();
      assert.unreachable(`accepted ${wrong}`);
    } catch (error) {
      assert.match((error as Error).message, /rateLimitPerMinute/);
    }
  }
});

test('a JSON body over 1 MB is 413 with the error body; a malformed one 400', async () => {
  const app = await smallApp(0);
  const big = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ x: 'a'.repeat(1_100_000) }) });
  assert.equal([big.statusCode, big.json<{ error: { code: string } }>().error.code], [413, 'OD_TOO_LARGE']);
  const fine = await app.inject({ method: 'POST', url: '/echo', payload: { x: 'a'.repeat(1_000) } });
  assert.is(fine.statusCode, 200);
  const broken = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '{"x":' });
  assert.equal([broken.statusCode, broken.json<{ error: { code: string } }>().error.code], [400, 'OD_INVALID_REQUEST']);
  await app.close();
});

test('the OpenAPI document is served, is 3.1, and every operation in it is a route of the app', async ({ rest }) => {
  const response = await rest.app.inject({ method: 'GET', url: '/api/openapi.yaml' });
  assert.is(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^application\/yaml/);
  const document = parse(response.body) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  assert.is(document.openapi, '3.1.0');
  const routes = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => [method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1')] as const));
  assert.ok(routes.length >= 8);
  // GET /api/my and /api/my/debts belong to the personal contexts, which need the installation's keyring and
  // TaxisNet: they are served by the citizens' app (test/web/identity and test/web/debts check them there).
  // The log's proofs need the installation's signing key: served by the log's app (test/api/log checks them).
  // The applications' routes need the catalogue and the document signer: test/api/applications checks them.
  const personal = new Set(['/api/my', '/api/my/debts', '/api/log/inclusion', '/api/log/consistency', '/api/log/proof', '/api/my/applications', '/api/verify', '/api/verify/:code']);
  // The reporter's and the supplier's own routes are the citizens' app's too: test/web/suppliers/portalForms checks them there.
  const citizens = (url: string): boolean => url === '/api/my/requests' || url === '/my/supplier.csv' || url.startsWith('/api/my/supplier');
  const missing = routes.filter(([method, url]) => url !== '/health' && !personal.has(url) && !citizens(url) && !rest.app.hasRoute({ method, url }));
  assert.equal(missing, [], 'documented but not served');
});

test('an unknown path under /api is 404 with the error body', async ({ rest }) => {
  const response = await rest.app.inject({ method: 'GET', url: '/api/exports/nothing.csv' });
  assert.equal([response.statusCode, response.json<{ error: { code: string } }>().error.code], [404, 'OD_NOT_FOUND']);
});

test.run();
