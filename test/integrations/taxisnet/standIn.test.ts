// The development stand-in speaks GSIS's protocol inside the app: its page (banner, fixture people, escaped
// names, cancel), one-time codes that expire, the token endpoint's checks (client secret, redirect URI,
// PKCE), padded XML userinfo, a logout that returns only home, bounded memory; and the real client logs in
// through it (fastify inject as the client's fetch).
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TaxisNetClient } from '../../../src/integrations/taxisnet/index.ts';
import { createTaxisNetClient, newLoginAttempt, standInPeople, taxisNetStandIn } from '../../../src/integrations/taxisnet/index.ts';
import { ExpiringStore } from '../../../src/integrations/taxisnet/standInStore.ts';

const OPTIONS = { clientId: 'opendimos-dev', clientSecret: 'dev-secret', redirectUri: 'http://localhost:8080/auth/taxisnet/callback' };
const PREFIX = '/dev/taxisnet';
const BASE = `http://localhost:8080${PREFIX}`;

interface Context {
  app: FastifyInstance;
  client: TaxisNetClient;
  clock: { now: number };
}
const test = suite<Context>('taxisnet stand-in');

/** fetch answered by app.inject: the real client's requests, no port. */
const injectFetch = (app: FastifyInstance): typeof fetch => async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input);
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const response = await app.inject({
    method: init?.method === 'POST' ? 'POST' : 'GET',
    url: `${url.pathname}${url.search}`,
    headers,
    ...(init?.body instanceof URLSearchParams ? { payload: init.body.toString() } : {}),
  });
  const answer = new Headers();
  for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) answer.set(name, String(value));
  // A Response for a redirect takes no body.
  return new Response(response.statusCode >= 300 && response.statusCode < 400 ? null : response.body, { status: response.statusCode, headers: answer });
};

const standInApp = async (clock: { now: number }, options = OPTIONS): Promise<FastifyInstance> => {
  const app = Fastify();
  await app.register(taxisNetStandIn, { prefix: PREFIX, ...options, now: () => clock.now });
  await app.ready();
  return app;
};

test.before(async (context) => {
  context.clock = { now: Date.parse('2026-03-01T10:00:00Z') };
  context.app = await standInApp(context.clock);
  context.client = createTaxisNetClient({ baseUrl: BASE, ...OPTIONS }, injectFetch(context.app));
});
test.after(async ({ app }) => app.close());

const pathOf = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

/** The browser's part: the page, then the form POST choosing `taxid` (or cancel). */
const choose = async ({ app, client }: Context, choice: { taxid: string } | { cancel: '1' }, attempt = newLoginAttempt()) => {
  const page = await app.inject({ method: 'GET', url: pathOf(client.authorizeUrl(attempt)) });
  assert.is(page.statusCode, 200);
  const query = Object.fromEntries(new URL(client.authorizeUrl(attempt)).searchParams);
  const posted = await app.inject({
    method: 'POST',
    url: `${PREFIX}/oauth2server/oauth/authorize`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...query, ...choice }).toString(),
  });
  assert.is(posted.statusCode, 303);
  return { attempt, callback: new URL(String(posted.headers.location)) };
};

const token = (app: FastifyInstance, form: Record<string, string>, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: `${PREFIX}/oauth2server/oauth/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(form).toString(),
  });

test('the authorize page: the banner, Greek first with English, every fixture as a button, names escaped, cancel', async ({ app, client }) => {
  const attempt = newLoginAttempt();
  const response = await app.inject({ method: 'GET', url: pathOf(client.authorizeUrl(attempt)) });
  assert.is(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/html/);
  assert.is(response.headers['cache-control'], 'no-store');
  const html = response.body;
  assert.match(html, /<html lang="el">/);
  assert.match(html, /Δοκιμαστικό TaxisNet — <span lang="en">development stand-in, not the real TaxisNet<\/span>/);
  assert.match(html, /<form method="post" action="authorize">/);
  for (const person of standInPeople) assert.match(html, `name="taxid" value="${person.taxid}"`);
  assert.match(html, 'ΤΖΑΝΝΕΤΑΤΟΥ &lt;script&gt;alert(&quot;XSS&quot;)&lt;/script&gt;');
  assert.not.match(html, /<script/i);
  assert.match(html, `name="state" value="${attempt.state}"`);
  assert.match(html, /name="cancel" value="1">Άκυρο \/ <span lang="en">Cancel<\/span>/);
});

test('a wrong client_id or redirect_uri gets a page, never a redirect', async ({ app, client }) => {
  const url = new URL(client.authorizeUrl(newLoginAttempt()));
  for (const [name, value] of [['client_id', 'someone-else'], ['redirect_uri', 'https://evil.example/callback']]) {
    const wrong = new URL(url);
    wrong.searchParams.set(name!, value!);
    const response = await app.inject({ method: 'GET', url: pathOf(wrong.href) });
    assert.is(response.statusCode, 400, name);
    assert.is(response.headers.location, undefined);
    assert.match(response.body, /Λάθος αίτημα/);
  }
});

test('other bad requests go back to the client as error=… with the state', async ({ app, client }) => {
  const attempt = newLoginAttempt();
  const cases: [string, string, string][] = [
    ['response_type', 'token', 'unsupported_response_type'],
    ['scope', 'write', 'invalid_scope'],
    ['code_challenge_method', 'plain', 'invalid_request'],
  ];
  for (const [name, value, error] of cases) {
    const url = new URL(client.authorizeUrl(attempt));
    url.searchParams.set(name, value);
    const response = await app.inject({ method: 'GET', url: pathOf(url.href) });
    assert.is(response.statusCode, 303, name);
    const back = new URL(String(response.headers.location));
    assert.is(`${back.origin}${back.pathname}`, OPTIONS.redirectUri);
    assert.is(back.searchParams.get('error'), error);
    assert.is(back.searchParams.get('state'), attempt.state);
  }
});

test('Άκυρο / Cancel: back with error=access_denied and the state, no code', async (context) => {
  const { attempt, callback } = await choose(context, { cancel: '1' });
  assert.is(callback.searchParams.get('error'), 'access_denied');
  assert.is(callback.searchParams.get('state'), attempt.state);
  assert.is(callback.searchParams.get('code'), null);
});

test('the real client logs in as each fixture person through the stand-in', async (context) => {
  for (const person of standInPeople) {
    const { attempt, callback } = await choose(context, { taxid: person.taxid });
    assert.is(callback.searchParams.get('state'), attempt.state);
    const { accessToken } = await context.client.exchangeCode(callback.searchParams.get('code') ?? '', attempt.codeVerifier);
    const user = await context.client.userinfo(accessToken);
    const { about: _a, missing: _m, ...expected } = person;
    assert.equal(user, expected, person.taxid);
  }
});

test('userinfo answers XML padded like GSIS, leaves out missing attributes, refuses an unknown token in XML', async (context) => {
  const { attempt, callback } = await choose(context, { taxid: '051296746' });
  const { accessToken } = await context.client.exchangeCode(callback.searchParams.get('code') ?? '', attempt.codeVerifier);
  const response = await context.app.inject({ method: 'GET', url: `${PREFIX}/oauth2server/userinfo?format=xml`, headers: { authorization: `Bearer ${accessToken}` } });
  assert.match(String(response.headers['content-type']), /^application\/xml/);
  assert.match(response.body, /^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?><root><userinfo /);
  assert.match(response.body, /lastname="ΜΕΤΑΞΑΣ {23}"/);
  assert.not.match(response.body, /mothername|birthyear/);
  const refused = await context.app.inject({ method: 'GET', url: `${PREFIX}/oauth2server/userinfo?format=xml`, headers: { authorization: 'Bearer nope' } });
  assert.is(refused.statusCode, 401);
  assert.match(refused.body, /<error>invalid_token<\/error>/);
});

test('the token endpoint: the code once, within 60 s, with its redirect URI, the secret and the PKCE verifier', async (context) => {
  const fresh = async () => {
    const { attempt, callback } = await choose(context, { taxid: '012481630' });
    const form = { grant_type: 'authorization_code', code: callback.searchParams.get('code') ?? '', redirect_uri: OPTIONS.redirectUri, client_id: OPTIONS.clientId, client_secret: OPTIONS.clientSecret, code_verifier: attempt.codeVerifier };
    return form;
  };
  const good = await fresh();
  const first = await token(context.app, good);
  assert.is(first.statusCode, 200);
  assert.is(first.headers['cache-control'], 'no-store');
  assert.equal(Object.keys(first.json<Record<string, unknown>>()).sort(), ['access_token', 'expires_in', 'scope', 'token_type']);
  assert.is((await token(context.app, good)).json<{ error: string }>().error, 'invalid_grant', 'replayed code');

  const cases: [string, (form: Record<string, string>) => Record<string, string>, number, string][] = [
    ['wrong secret', (f) => ({ ...f, client_secret: 'guess' }), 401, 'invalid_client'],
    ['other client', (f) => ({ ...f, client_id: 'someone-else' }), 401, 'invalid_client'],
    ['wrong verifier', (f) => ({ ...f, code_verifier: newLoginAttempt().codeVerifier }), 400, 'invalid_grant'],
    ['no verifier', (f) => ({ ...f, code_verifier: '' }), 400, 'invalid_grant'],
    ['other redirect URI', (f) => ({ ...f, redirect_uri: 'http://localhost:8080/elsewhere' }), 400, 'invalid_grant'],
    ['other grant', (f) => ({ ...f, grant_type: 'password' }), 400, 'unsupported_grant_type'],
  ];
  for (const [what, change, status, error] of cases) {
    const response = await token(context.app, change(await fresh()));
    assert.is(response.statusCode, status, what);
    assert.is(response.json<{ error: string }>().error, error, what);
  }

  const late = await fresh();
  context.clock.now += 60_001;
  assert.is((await token(context.app, late)).json<{ error: string }>().error, 'invalid_grant', 'expired code');
});

test('client authentication by HTTP Basic works too (RFC 6749 §2.3.1)', async (context) => {
  const { attempt, callback } = await choose(context, { taxid: '012481630' });
  const basic = Buffer.from(`${OPTIONS.clientId}:${OPTIONS.clientSecret}`).toString('base64');
  const response = await token(
    context.app,
    { grant_type: 'authorization_code', code: callback.searchParams.get('code') ?? '', redirect_uri: OPTIONS.redirectUri, code_verifier: attempt.codeVerifier },
    { authorization: `Basic ${basic}` },
  );
  assert.is(response.statusCode, 200);
});

test('a POST choosing nobody on the list is refused with a page', async (context) => {
  const attempt = newLoginAttempt();
  const query = Object.fromEntries(new URL(context.client.authorizeUrl(attempt)).searchParams);
  const response = await context.app.inject({
    method: 'POST',
    url: `${PREFIX}/oauth2server/oauth/authorize`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...query, taxid: '090000045' }).toString(),
  });
  assert.is(response.statusCode, 400);
  assert.is(response.headers.location, undefined);
});

test('logout returns to the application only: the url on its own origin, the right client id', async ({ app, client }) => {
  const home = await app.inject({ method: 'GET', url: pathOf(client.logoutUrl('http://localhost:8080/?logged_out=1')) });
  assert.is(home.statusCode, 302);
  assert.is(home.headers.location, 'http://localhost:8080/?logged_out=1');
  const away = await app.inject({ method: 'GET', url: `${PREFIX}/oauth2server/logout/${OPTIONS.clientId}/?url=${encodeURIComponent('https://evil.example/')}` });
  assert.is(away.statusCode, 400);
  assert.is(away.headers.location, undefined);
  const other = await app.inject({ method: 'GET', url: `${PREFIX}/oauth2server/logout/someone-else/?url=${encodeURIComponent('http://localhost:8080/')}` });
  assert.is(other.statusCode, 400);
});

test('memory is bounded: at most 1,000 live codes, the oldest dropped first', async () => {
  const clock = { now: 0 };
  const app = await standInApp(clock);
  const client = createTaxisNetClient({ baseUrl: BASE, ...OPTIONS }, injectFetch(app));
  const context = { app, client, clock };
  const firstLogin = await choose(context, { taxid: '012481630' });
  const fields = Object.fromEntries(new URL(client.authorizeUrl(newLoginAttempt())).searchParams);
  for (let i = 0; i < 1000; i++) {
    await app.inject({ method: 'POST', url: `${PREFIX}/oauth2server/oauth/authorize`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...fields, taxid: '012481630' }).toString() });
  }
  const refused = await client.exchangeCode(firstLogin.callback.searchParams.get('code') ?? '', firstLogin.attempt.codeVerifier).then(() => 'accepted', (e: { code: string }) => e.code);
  assert.is(refused, 'OD_TAXISNET_REFUSED');
  const last = await choose(context, { taxid: '012481630' });
  assert.ok((await client.exchangeCode(last.callback.searchParams.get('code') ?? '', last.attempt.codeVerifier)).accessToken);
  await app.close();
});

test('ExpiringStore: expired entries dropped as new ones come, the oldest evicted at the limit, take is once', () => {
  const clock = { now: 0 };
  const store = new ExpiringStore<number>(3, 100, () => clock.now);
  store.put('a', 1);
  clock.now = 50;
  store.put('b', 2);
  clock.now = 101;
  assert.is(store.get('a'), undefined);
  store.put('c', 3);
  assert.is(store.size, 2, 'a was dropped when c came');
  store.put('d', 4);
  store.put('e', 5);
  assert.is(store.size, 3);
  assert.is(store.get('b'), undefined, 'b, the oldest, evicted');
  assert.is(store.take('e'), 5);
  assert.is(store.take('e'), undefined);
});

/** The error starting the stand-in gives, or null. */
const startsWith = (app: FastifyInstance, options: typeof OPTIONS): Promise<Error | null> =>
  Promise.resolve(app.register(taxisNetStandIn, { prefix: PREFIX, ...options }))
    .then(() => app.ready())
    .then(
      () => null,
      (error: Error) => error,
    );

test('the stand-in joins an app that parses forms already, and refuses to start in production', async () => {
  const app = Fastify();
  await app.register(formbody);
  await app.register(taxisNetStandIn, { prefix: PREFIX, ...OPTIONS });
  await app.ready();
  await app.close();

  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const prod = Fastify();
    const refused = await startsWith(prod, OPTIONS);
    assert.match(String(refused?.message), /NODE_ENV=production/);
    await prod.close().catch(() => undefined);
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
  const bad = Fastify();
  assert.match(String((await startsWith(bad, { ...OPTIONS, clientSecret: '' }))?.message), /clientSecret/);
  await bad.close().catch(() => undefined);
});

test.run();
