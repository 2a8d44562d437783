// The TaxisNet login through the development stand-in, as a browser walks it: the session, /api/my, the
// account page, logout; and each way a login fails leaves no session.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CitizenSite } from './citizenSite.ts';
import { Browser, csrfOf, logInAs, logInWithCallback, startCitizenSite } from './citizenSite.ts';

const test = suite<{ site: CitizenSite }>('web/identity: TaxisNet login', {} as { site: CitizenSite });

test.before.each(async (context) => {
  context.site = await startCitizenSite();
});

test.after.each(async (context) => {
  await context.site.close();
});

test('a login through the stand-in opens a session: /api/my names the person, the account page shows them', async ({ site }) => {
  const browser = new Browser(site.app);
  const back = await logInAs(browser, '012481630');
  assert.is(back.statusCode, 303, back.body.slice(0, 500));
  assert.is(back.headers.location, '/my/');
  const session = back.cookies.find((c) => c.name === '__Host-od_session') as { httpOnly?: boolean; sameSite?: string; secure?: boolean; path?: string } | undefined;
  assert.ok(session, 'a session cookie');
  assert.is(session.httpOnly, true);
  assert.is(session.sameSite, 'Lax');
  assert.is(session.secure, true);
  assert.is(session.path, '/');
  const my = await browser.get('/api/my');
  assert.is(my.statusCode, 200);
  const body = my.json<{ taxid: string; name: string; kind: string; email: string | null; language: string; csrfToken: string }>();
  assert.equal({ ...body, csrfToken: typeof body.csrfToken }, { taxid: '012481630', name: 'ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΑΤΟΣ', kind: 'person', email: null, language: 'el', csrfToken: 'string' });
  assert.is(my.headers['cache-control'], 'no-store');
  const page = await browser.get('/my/');
  assert.is(page.statusCode, 200);
  assert.match(page.body, '012481630');
  assert.match(page.body, 'ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΑΤΟΣ');
  assert.ok(csrfOf(page.body).length > 20, 'forms carry the CSRF token');
});

test('without a session /api/my is 401 with a code, and /my/ offers the login', async ({ site }) => {
  const browser = new Browser(site.app);
  const my = await browser.get('/api/my');
  assert.is(my.statusCode, 401);
  assert.is(my.json<{ error: { code: string } }>().error.code, 'OD_LOGIN_REQUIRED');
  const page = await browser.get('/my/');
  assert.match(page.body, '/auth/taxisnet?next=');
});

test('cancelling at TaxisNet, a replayed callback and a foreign state each end on a page, with no session', async ({ site }) => {
  const browser = new Browser(site.app);
  const start = await browser.get('/auth/taxisnet?next=/my/');
  const state = new URL(start.headers.location as string).searchParams.get('state')!;
  const cancelled = await browser.get(`/auth/taxisnet/callback?error=access_denied&state=${state}`);
  assert.match(cancelled.body, 'Ακυρώσατε');
  assert.not.ok(browser.cookies.has('__Host-od_session'));

  const second = new Browser(site.app);
  const done = await logInWithCallback(second, '047312951');
  assert.is(done.answer.statusCode, 303);
  // The same callback again (a replay), from a browser that never started it (foreign state).
  const stranger = new Browser(site.app);
  const replay = await stranger.get(done.callback);
  assert.match(replay.body, 'Δοκιμάστε ξανά');
  assert.is(replay.statusCode, 400);
  assert.not.ok(stranger.cookies.has('__Host-od_session'));
});

test('logout ends the session on the server: the old cookie opens nothing afterwards', async ({ site }) => {
  const browser = new Browser(site.app);
  await logInAs(browser, '051296746');
  const stolen = browser.cookieHeader();
  const page = await browser.get('/my/');
  const out = await browser.post('/auth/logout', { _csrf: csrfOf(page.body) });
  assert.is(out.statusCode, 303);
  assert.match(out.headers.location as string, '/dev/taxisnet/oauth2server/logout/');
  const again = await site.app.inject({ method: 'GET', url: '/api/my', headers: { cookie: stolen } });
  assert.is(again.statusCode, 401);
});

test.run();
