// The back office through fastify inject: staff made with the CLI's code, the one-time password link, login
// with its pre-session CSRF token and a rotated session, the identical message for every failure, lockout
// after five wrong passwords, roles on every page, citizens kept out, logout, and the audit trail.
import Fastify from 'fastify';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SESSION_COOKIE, sessionsPlugin, startSession } from '../../../src/api/shared/sessions/index.ts';
import { createStaff } from '../../../src/api/shared/staff/index.ts';
import { ledgerEventSchemas } from '../../../src/domain/index.ts';
import type { SqlExecutor } from '../../../src/eventstore/sql/client.ts';
import type { SqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import { openSqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import type { ChangeFeed } from '../../../src/projections/shared/changeFeed.ts';
import { webPlugin } from '../../../src/web/plugin.ts';
import { officeWeb } from '../../../src/web/office/index.ts';
import type { TestSchema } from '../../support/database.ts';
import { createTestSchema } from '../../support/database.ts';

interface Context {
  db: TestSchema;
  store: SqlEventStore;
  app: FastifyInstance;
  clock: { now: number };
}

// The frame reads no ledger here: the office's own pages use the real database through their services.
const noReadModels: SqlExecutor = { query: async () => [], value: async () => null, exec: async () => undefined };
const noChanges: ChangeFeed = { subscribe: () => () => undefined, position: () => 0, close: async () => undefined };
const PASSWORD = 'μια φράση από λέξεις';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const test = suite<Context>('the back office');

test.before.each(async (context) => {
  context.db = await createTestSchema();
  context.clock = { now: Date.parse('2026-03-02T08:00:00Z') };
  context.store = await openSqlEventStore({ client: context.db.client, schema: context.db.schema, schemas: ledgerEventSchemas, pollIntervalMs: 100 });
  const services = { client: context.db.client, schema: context.db.schema, store: context.store, now: () => new Date(context.clock.now) };
  const app = Fastify();
  await app.register(sessionsPlugin, { client: context.db.client, schema: context.db.schema, publicUrl: 'http://localhost:8080', now: services.now });
  await app.register(webPlugin, { client: noReadModels, schema: context.db.schema, changes: noChanges, contexts: [officeWeb(services)], apiPrefixes: ['/api/'] });
  // A citizen's login stands in for the TaxisNet callback.
  app.post('/test/citizen', async (request, reply) => (await startSession(request, reply, { kind: 'citizen', subjectId: 'c-1', label: 'Μαρία' })).csrfToken);
  await app.ready();
  context.app = app;
});
test.after.each(async ({ app, store, db }) => {
  await app.close();
  await store.close();
  await db.drop();
});

const cookieOf = (r: LightMyRequestResponse, name: string) => r.cookies.find((c) => c.name === name)?.value;
const hiddenToken = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

/** A staff member with a password set through the link. */
const makeStaff = async ({ db, store, app, clock }: Context, email: string, roles: string[]) => {
  const link = await createStaff({ client: db.client, schema: db.schema, store, now: () => new Date(clock.now) }, { email, name: 'Άννα Ζαφειράτου', roles, actor: 'cli:test' });
  const form = await app.inject({ url: `/office/password/${link.token}` });
  assert.is(form.statusCode, 200);
  const set = await app.inject({
    method: 'POST',
    url: `/office/password/${link.token}`,
    cookies: { '__Host-od_presession': cookieOf(form, '__Host-od_presession')! },
    headers: FORM,
    payload: new URLSearchParams({ _csrf: hiddenToken(form.body), password: PASSWORD, repeated: PASSWORD }).toString(),
  });
  assert.is(set.statusCode, 200, set.body);
  return link;
};

const logIn = async (app: FastifyInstance, email: string, password: string, extraCookies: Record<string, string> = {}) => {
  const form = await app.inject({ url: '/office/login' });
  return app.inject({
    method: 'POST',
    url: '/office/login',
    cookies: { '__Host-od_presession': cookieOf(form, '__Host-od_presession')!, ...extraCookies },
    headers: FORM,
    payload: new URLSearchParams({ _csrf: hiddenToken(form.body), email, password }).toString(),
  });
};

test('a password link sets the password once; a short one or two different ones are refused', async (context) => {
  const link = await createStaff({ client: context.db.client, schema: context.db.schema, store: context.store }, { email: 'a@lixouri.gr', name: 'Άννα', roles: ['admin'], actor: 'cli:test' });
  const form = await context.app.inject({ url: `/office/password/${link.token}` });
  const post = (password: string, repeated: string) =>
    context.app.inject({
      method: 'POST',
      url: `/office/password/${link.token}`,
      cookies: { '__Host-od_presession': cookieOf(form, '__Host-od_presession')! },
      headers: FORM,
      payload: new URLSearchParams({ _csrf: hiddenToken(form.body), password, repeated }).toString(),
    });
  assert.is((await post('short', 'short')).statusCode, 400);
  assert.is((await post(PASSWORD, `${PASSWORD}x`)).statusCode, 400);
  assert.is((await post(PASSWORD, PASSWORD)).statusCode, 200);
  assert.is((await post(PASSWORD, PASSWORD)).statusCode, 404, 'the link is spent');
  assert.is((await context.app.inject({ url: `/office/password/${link.token}` })).statusCode, 404);
});

test('login rotates the session and opens the home page of the role; logout ends it', async (context) => {
  await makeStaff(context, 'anna@lixouri.gr', ['admin', 'clerk:roads']);
  const citizen = await context.app.inject({ method: 'POST', url: '/test/citizen' });
  const before = cookieOf(citizen, SESSION_COOKIE)!;
  const login = await logIn(context.app, 'ANNA@lixouri.gr', PASSWORD, { [SESSION_COOKIE]: before });
  assert.is(login.statusCode, 303, login.body);
  const id = cookieOf(login, SESSION_COOKIE)!;
  assert.is.not(id, before);
  const home = await context.app.inject({ url: '/office/', cookies: { [SESSION_COOKIE]: id } });
  assert.is(home.statusCode, 200);
  assert.match(home.body, /Λογαριασμοί προσωπικού/);
  assert.match(home.body, /Η ουρά είναι άδεια/);
  const english = await context.app.inject({ url: '/en/office/', cookies: { [SESSION_COOKIE]: id } });
  assert.match(english.body, /The queue is empty/);
  const out = await context.app.inject({ method: 'POST', url: '/office/logout', cookies: { [SESSION_COOKIE]: id }, headers: FORM, payload: `_csrf=${encodeURIComponent(hiddenToken(home.body))}` });
  assert.is(out.statusCode, 303);
  assert.is((await context.app.inject({ url: '/office/', cookies: { [SESSION_COOKIE]: id } })).statusCode, 303, 'the stolen cookie opens nothing');
});

test('the same message for an unknown e-mail, a wrong password and a locked account; five failures lock for 15 minutes', async (context) => {
  await makeStaff(context, 'anna@lixouri.gr', ['finance']);
  const unknown = await logIn(context.app, 'nobody@lixouri.gr', PASSWORD);
  const wrong = await logIn(context.app, 'anna@lixouri.gr', 'wrong password!!');
  assert.is(unknown.statusCode, 401);
  assert.is(wrong.statusCode, 401);
  const message = (r: LightMyRequestResponse) => /role="alert"[^>]*>([^<]+)</.exec(r.body)?.[1];
  assert.is(message(unknown), message(wrong));
  for (let i = 0; i < 4; i += 1) await logIn(context.app, 'anna@lixouri.gr', 'wrong password!!');
  const locked = await logIn(context.app, 'anna@lixouri.gr', PASSWORD);
  assert.is(locked.statusCode, 401, 'the right password while locked');
  assert.is(message(locked), message(wrong));
  context.clock.now += 15 * 60_000 + 1_000;
  assert.is((await logIn(context.app, 'anna@lixouri.gr', PASSWORD)).statusCode, 303, 'open again after 15 minutes');
});

test('login without the pre-session token is refused and starts no session', async (context) => {
  await makeStaff(context, 'anna@lixouri.gr', ['finance']);
  const response = await context.app.inject({ method: 'POST', url: '/office/login', headers: FORM, payload: new URLSearchParams({ email: 'anna@lixouri.gr', password: PASSWORD }).toString() });
  assert.is(response.statusCode, 403);
  assert.is(cookieOf(response, SESSION_COOKIE), undefined);
});

test('roles: a page needing admin answers 403 to finance; no session and a citizen session go to the login', async (context) => {
  await makeStaff(context, 'fin@lixouri.gr', ['finance']);
  const id = cookieOf(await logIn(context.app, 'fin@lixouri.gr', PASSWORD), SESSION_COOKIE)!;
  assert.is((await context.app.inject({ url: '/office/audit', cookies: { [SESSION_COOKIE]: id } })).statusCode, 403);
  assert.is((await context.app.inject({ url: '/office/staff', cookies: { [SESSION_COOKIE]: id } })).statusCode, 403);
  const anonymous = await context.app.inject({ url: '/office/audit' });
  assert.is(anonymous.statusCode, 303);
  assert.is(anonymous.headers.location, '/office/login');
  const citizen = cookieOf(await context.app.inject({ method: 'POST', url: '/test/citizen' }), SESSION_COOKIE)!;
  assert.is((await context.app.inject({ url: '/office/', cookies: { [SESSION_COOKIE]: citizen } })).statusCode, 303);
});

test('the audit page shows who did what, newest first, to an admin', async (context) => {
  await makeStaff(context, 'anna@lixouri.gr', ['admin']);
  await logIn(context.app, 'anna@lixouri.gr', 'wrong password!!');
  const id = cookieOf(await logIn(context.app, 'anna@lixouri.gr', PASSWORD), SESSION_COOKIE)!;
  const audit = await context.app.inject({ url: '/office/audit', cookies: { [SESSION_COOKIE]: id } });
  assert.is(audit.statusCode, 200);
  const actions = [...audit.body.matchAll(/<td>(Staff[A-Za-z]+)/g)].map((m) => m[1]);
  assert.equal(actions, ['StaffLoggedIn', 'StaffLoginFailed', 'StaffPasswordSet', 'StaffPasswordLinkIssued', 'StaffAccountCreated']);
  assert.match(audit.body, /cli:test/);
  assert.not.match(audit.body, new RegExp(PASSWORD));
});

test.run();
