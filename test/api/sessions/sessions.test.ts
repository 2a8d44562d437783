// Sessions: rows in the database found by the hash of the cookie's id, rotated at login, gone at logout,
// expired by idle and absolute timeouts on an injected clock; CSRF on every state-changing request with a
// session cookie (form field or header), and the signed pre-session token on login forms.
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CSRF_HEADER, endSession, endSessionsOf, preSessionToken, SESSION_COOKIE, SESSIONS, sessionsPlugin, startSession } from '../../../src/api/shared/sessions/index.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import type { TestSchema } from '../../support/database.ts';
import { createTestSchema } from '../../support/database.ts';

interface Context {
  db: TestSchema;
  app: FastifyInstance;
  clock: { now: number };
  changes: string[];
}

const T0 = Date.parse('2026-03-02T08:00:00Z');

const buildTestApp = async (db: TestSchema, clock: { now: number }, changes: string[], publicUrl = 'http://localhost:8080'): Promise<FastifyInstance> => {
  const app = Fastify();
  await app.register(sessionsPlugin, { client: db.client, schema: db.schema, publicUrl, now: () => new Date(clock.now) });
  // Routes inside an encapsulated child, as the site's and the API's are.
  await app.register(async (child) => {
    child.post<{ Body: { who?: string } }>('/login', { config: { csrf: 'pre-session' } }, async (request, reply) => {
      const session = await startSession(request, reply, { kind: 'staff', subjectId: request.body?.who ?? 'anna' });
      return { csrfToken: session.csrfToken };
    });
    child.get('/login', async (request, reply) => ({ token: preSessionToken(request, reply) }));
    child.get('/whoami', async (request) => (request.session ? { kind: request.session.kind, subjectId: request.session.subjectId, csrfToken: request.session.csrfToken } : { nobody: true }));
    child.post('/form', async () => {
      changes.push('form');
      return { changed: true };
    });
    child.post('/api/thing', async () => {
      changes.push('api');
      return { changed: true };
    });
    child.post('/logout', async (request, reply) => {
      await endSession(request, reply);
      return { out: true };
    });
  });
  await app.ready();
  return app;
};

const test = suite<Context>('sessions and CSRF');

test.before.each(async (context) => {
  context.db = await createTestSchema();
  context.clock = { now: T0 };
  context.changes = [];
  context.app = await buildTestApp(context.db, context.clock, context.changes);
});
test.after.each(async ({ app, db }) => {
  await app.close();
  await db.drop();
});

const cookieOf = (response: LightMyRequestResponse, name: string): string | undefined => response.cookies.find((c) => c.name === name)?.value;

/** A login through the pre-session form: the session cookie and the session's CSRF token. */
const logIn = async (app: FastifyInstance, who = 'anna', oldSession?: string): Promise<{ id: string; csrf: string; response: LightMyRequestResponse }> => {
  const form = await app.inject({ url: '/login', ...(oldSession ? { cookies: { [SESSION_COOKIE]: oldSession } } : {}) });
  const nonce = cookieOf(form, '__Host-od_presession')!;
  const response = await app.inject({
    method: 'POST',
    url: '/login',
    cookies: { '__Host-od_presession': nonce, ...(oldSession ? { [SESSION_COOKIE]: oldSession } : {}) },
    payload: `_csrf=${encodeURIComponent(form.json<{ token: string }>().token)}&who=${who}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.is(response.statusCode, 200, response.body);
  return { id: cookieOf(response, SESSION_COOKIE)!, csrf: response.json<{ csrfToken: string }>().csrfToken, response };
};

const whoami = async (app: FastifyInstance, id: string) => (await app.inject({ url: '/whoami', cookies: { [SESSION_COOKIE]: id } })).json<{ subjectId?: string; nobody?: boolean }>();

test('the cookie is __Host-: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain; the database keeps only the hash of the id', async ({ app, db }) => {
  const { id, response } = await logIn(app);
  const header = String(response.headers['set-cookie']).split(/,(?=\s*__Host-)/).find((c) => c.includes(SESSION_COOKIE))!;
  assert.match(header, /Secure/);
  assert.match(header, /HttpOnly/);
  assert.match(header, /SameSite=Lax/);
  assert.match(header, /Path=\//);
  assert.not.match(header, /Domain=/i);
  assert.match(id, /^[A-Za-z0-9_-]{43}$/);
  const rows = await db.client.query<{ id_hash: string }>(`SELECT id_hash FROM ${table(db.schema, SESSIONS)}`);
  assert.equal(
    rows.map((r) => r.id_hash),
    [createHash('sha256').update(id).digest('hex')],
  );
  assert.is(JSON.stringify(rows).includes(id), false);
});

test('a login rotates the id: a session id planted before login is worthless after it (no fixation)', async ({ app }) => {
  const planted = await logIn(app, 'mallory');
  const victim = await logIn(app, 'anna', planted.id);
  assert.is.not(victim.id, planted.id);
  assert.equal(await whoami(app, planted.id), { nobody: true });
  assert.is((await whoami(app, victim.id)).subjectId, 'anna');
});

test('logout deletes the row: the stolen cookie opens nothing afterwards, and its CSRF token with it', async ({ app, changes }) => {
  const { id, csrf } = await logIn(app);
  const out = await app.inject({ method: 'POST', url: '/logout', cookies: { [SESSION_COOKIE]: id }, headers: { [CSRF_HEADER]: csrf } });
  assert.is(out.statusCode, 200);
  assert.equal(await whoami(app, id), { nobody: true });
  const replay = await app.inject({ method: 'POST', url: '/api/thing', cookies: { [SESSION_COOKIE]: id }, headers: { [CSRF_HEADER]: csrf } });
  assert.is(replay.statusCode, 403);
  assert.equal(changes, []);
});

test('idle for more than 30 minutes ends the session; activity keeps it, touching last-seen at most once a minute', async ({ app, clock, db }) => {
  const { id } = await logIn(app);
  const lastSeen = async () => (await db.client.query<{ last_seen_at: Date | string }>(`SELECT last_seen_at FROM ${table(db.schema, SESSIONS)}`))[0]!.last_seen_at;
  clock.now = T0 + 30_000;
  await whoami(app, id);
  assert.is(new Date(await lastSeen()).getTime(), T0, 'not written within the minute');
  clock.now = T0 + 29 * 60_000;
  assert.is((await whoami(app, id)).subjectId, 'anna');
  assert.is(new Date(await lastSeen()).getTime(), T0 + 29 * 60_000);
  clock.now = T0 + 29 * 60_000 + 31 * 60_000;
  assert.equal(await whoami(app, id), { nobody: true });
  assert.is((await db.client.query(`SELECT 1 FROM ${table(db.schema, SESSIONS)}`)).length, 0, 'the expired row is deleted');
});

test('after 12 hours the session ends however active it was', async ({ app, clock }) => {
  const { id } = await logIn(app);
  for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
    clock.now = T0 + minutes * 60_000;
    assert.is((await whoami(app, id)).subjectId, 'anna', `at ${minutes} min`);
  }
  clock.now = T0 + 12 * 3_600_000 + 1_000;
  assert.equal(await whoami(app, id), { nobody: true });
});

test('a form POST with a session cookie but no _csrf is refused with a Greek-first page; with it, it goes through', async ({ app, changes }) => {
  const { id, csrf } = await logIn(app);
  const refused = await app.inject({ method: 'POST', url: '/form', cookies: { [SESSION_COOKIE]: id }, payload: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.is(refused.statusCode, 403);
  assert.match(String(refused.headers['content-type']), /text\/html/);
  assert.match(refused.body, /<html lang="el">/);
  assert.match(refused.body, /Τίποτα δεν άλλαξε/);
  assert.match(refused.body, /Nothing was changed/);
  const wrong = await app.inject({ method: 'POST', url: '/form', cookies: { [SESSION_COOKIE]: id }, payload: `_csrf=${csrf.slice(0, -1)}${csrf.endsWith('A') ? 'B' : 'A'}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.is(wrong.statusCode, 403);
  assert.equal(changes, []);
  const ok = await app.inject({ method: 'POST', url: '/form', cookies: { [SESSION_COOKIE]: id }, payload: `_csrf=${encodeURIComponent(csrf)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.is(ok.statusCode, 200);
  assert.equal(changes, ['form']);
});

test('a JSON POST with a session but without x-csrf-token gets the API error OD_CSRF; another session’s token is refused too', async ({ app, changes }) => {
  const anna = await logIn(app);
  const nikos = await logIn(app, 'nikos');
  const bare = await app.inject({ method: 'POST', url: '/api/thing', cookies: { [SESSION_COOKIE]: anna.id }, payload: { a: 1 } });
  assert.is(bare.statusCode, 403);
  const body = bare.json<{ error: { code: string; message_el: string; message_en: string } }>();
  assert.is(body.error.code, 'OD_CSRF');
  assert.ok(body.error.message_el.length > 0 && body.error.message_en.length > 0);
  const crossed = await app.inject({ method: 'POST', url: '/api/thing', cookies: { [SESSION_COOKIE]: anna.id }, headers: { [CSRF_HEADER]: nikos.csrf }, payload: { a: 1 } });
  assert.is(crossed.statusCode, 403);
  assert.equal(changes, []);
  const ok = await app.inject({ method: 'POST', url: '/api/thing', cookies: { [SESSION_COOKIE]: anna.id }, headers: { [CSRF_HEADER]: anna.csrf }, payload: { a: 1 } });
  assert.is(ok.statusCode, 200);
  assert.equal(changes, ['api']);
});

test('login CSRF: a login POST without the pre-session pair, or with a token not signed for this nonce, starts no session', async ({ app, db }) => {
  const form = await app.inject({ url: '/login' });
  const nonce = cookieOf(form, '__Host-od_presession')!;
  const token = form.json<{ token: string }>().token;
  const post = (cookies: Record<string, string>, payload: string) =>
    app.inject({ method: 'POST', url: '/login', cookies, payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.is((await post({}, 'who=mallory')).statusCode, 403, 'no cookie, no token');
  assert.is((await post({ '__Host-od_presession': nonce }, 'who=mallory')).statusCode, 403, 'no token');
  assert.is((await post({}, `_csrf=${encodeURIComponent(token)}&who=mallory`)).statusCode, 403, 'token without its cookie');
  const other = cookieOf(await app.inject({ url: '/login' }), '__Host-od_presession')!;
  assert.is((await post({ '__Host-od_presession': other }, `_csrf=${encodeURIComponent(token)}&who=mallory`)).statusCode, 403, 'token of another nonce');
  assert.is((await post({ '__Host-od_presession': nonce }, `_csrf=${encodeURIComponent(nonce)}&who=mallory`)).statusCode, 403, 'the nonce itself is not the token');
  assert.is((await db.client.query(`SELECT 1 FROM ${table(db.schema, SESSIONS)}`)).length, 0);
  assert.is((await post({ '__Host-od_presession': nonce }, `_csrf=${encodeURIComponent(token)}&who=anna`)).statusCode, 200);
});

test('requests without any session cookie are not asked for a token (they change nothing of anyone’s)', async ({ app, changes }) => {
  const response = await app.inject({ method: 'POST', url: '/api/thing', payload: { a: 1 } });
  assert.is(response.statusCode, 200);
  assert.equal(changes, ['api']);
});

test('endSessionsOf ends every session of one subject on every node, and no one else’s', async ({ app, db, clock, changes }) => {
  const first = await logIn(app);
  const second = await logIn(app);
  const other = await logIn(app, 'nikos');
  const otherNode = await buildTestApp(db, clock, changes);
  try {
    assert.is((await whoami(otherNode, first.id)).subjectId, 'anna', 'another node sees the same session');
    await endSessionsOf(db.client, db.schema, { kind: 'staff', subjectId: 'anna' });
    assert.equal(await whoami(otherNode, first.id), { nobody: true });
    assert.equal(await whoami(app, second.id), { nobody: true });
    assert.is((await whoami(app, other.id)).subjectId, 'nikos');
  } finally {
    await otherNode.close();
  }
});

test('a plain-http public address other than this machine is refused at start-up, by name', async ({ db, clock, changes }) => {
  try {
    await buildTestApp(db, clock, changes, 'http://opendimos.lixouri.gov.gr');
    assert.unreachable('should refuse');
  } catch (error) {
    assert.match((error as Error).message, /OPENDIMOS_PUBLIC_URL/);
    assert.match((error as Error).message, /https/);
  }
  for (const url of ['https://opendimos.lixouri.gov.gr', 'http://127.0.0.1:8080']) {
    const app = await buildTestApp(db, clock, changes, url);
    await app.close();
  }
});

test.run();
