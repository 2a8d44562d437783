// The TaxisNet login through the development stand-in, as a browser walks it: the session, /api/my, the
// account page, logout; and each way a login fails leaves no session. Session fixation, ?next= kept to
// this site, and markup in TaxisNet's names escaped.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CitizenSite } from './citizenSite.ts';
import { Browser, csrfOf, logInAs, logInWithCallback, PUBLIC_URL, startCitizenSite } from './citizenSite.ts';

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

test('session fixation: a session id planted before the TaxisNet login, even a live one of another person, is not the one after it and opens nothing', async ({ site }) => {
  // A made-up id of the right shape.
  const victim = new Browser(site.app);
  const planted = 'P'.repeat(43);
  victim.cookies.set('__Host-od_session', planted);
  assert.is((await logInAs(victim, '012481630')).statusCode, 303);
  assert.is.not(victim.cookies.get('__Host-od_session'), planted, 'a new id at login');
  const withPlanted = await site.app.inject({ method: 'GET', url: '/api/my', headers: { cookie: `__Host-od_session=${planted}` } });
  assert.is(withPlanted.statusCode, 401);

  // The attacker's own live session, planted in another browser that then logs in as someone else.
  const attacker = new Browser(site.app);
  await logInAs(attacker, '051296746');
  const attackerCookie = attacker.cookieHeader();
  const second = new Browser(site.app);
  second.cookies.set('__Host-od_session', attacker.cookies.get('__Host-od_session')!);
  assert.is((await logInAs(second, '047312951')).statusCode, 303);
  assert.is.not(second.cookies.get('__Host-od_session'), attacker.cookies.get('__Host-od_session'), 'rotated');
  assert.is((await second.get('/api/my')).json<{ taxid: string }>().taxid, '047312951');
  const replayed = await site.app.inject({ method: 'GET', url: '/api/my', headers: { cookie: attackerCookie } });
  assert.is(replayed.statusCode, 401, "the planted id is gone: it never becomes the victim's session");
  assert.not.match(replayed.body, '047312951');
});

test('?next= only leads to a path of this site: other hosts, schemes, backslashes, control characters and /auth/ end on /my/', async ({ site }) => {
  const hostile = [
    '//evil.example/',
    '///evil.example/',
    '/\\evil.example/',
    '/\\/evil.example/',
    '\\\\evil.example/',
    'https://evil.example/',
    'http:evil.example',
    'javascript:alert(1)',
    'evil.example/my/',
    ' //evil.example/',
    '/\t/evil.example/',
    '/\r\n/evil.example/',
    '/auth/taxisnet?next=//evil.example/',
    '/auth/logout',
  ];
  for (const next of hostile) {
    const browser = new Browser(site.app);
    const { answer } = await logInWithCallback(browser, '012481630', next);
    assert.is(answer.statusCode, 303, JSON.stringify(next));
    assert.is(answer.headers.location, '/my/', `next=${JSON.stringify(next)} must not lead off the account`);
  }
  // Paths of this site are kept, in either language, with their query.
  for (const next of ['/en/my/', '/budget/2024?by=group', '/my/erase']) {
    const { answer } = await logInWithCallback(new Browser(site.app), '012481630', next);
    assert.is(answer.headers.location, next);
    assert.is(new URL(answer.headers.location as string, PUBLIC_URL).origin, new URL(PUBLIC_URL).origin);
  }
  // A cancelled login's "try again" link keeps the same rule.
  const browser = new Browser(site.app);
  const start = await browser.get(`/auth/taxisnet?next=${encodeURIComponent('//evil.example/')}`);
  const state = new URL(start.headers.location as string).searchParams.get('state')!;
  const cancelled = await browser.get(`/auth/taxisnet/callback?error=access_denied&state=${state}`);
  assert.not.match(cancelled.body, 'evil.example');
  assert.match(cancelled.body, `href="/auth/taxisnet?next=${encodeURIComponent('/my/')}"`);
});

test('markup in a name from TaxisNet is escaped on every page that shows it, in both languages; JSON carries it as text', async ({ site }) => {
  const browser = new Browser(site.app);
  // The stand-in's person whose surname carries a script tag, with & and quotes in other names.
  assert.is((await logInAs(browser, '077632109')).statusCode, 303);
  for (const path of ['/my/', '/en/my/', '/', '/en', '/my/erase', '/services']) {
    const page = await browser.get(path);
    assert.is(page.statusCode, 200, path);
    assert.not.match(page.body, '<script>alert', `${path}: the name's markup is not served as markup`);
    assert.match(page.body, 'ΤΖΑΝΝΕΤΑΤΟΥ &lt;script&gt;alert(&quot;XSS&quot;)&lt;/script&gt;', `${path}: shown escaped (the header names the person)`);
    assert.match(page.body, 'ΑΓΓΕΛΙΚΗ &amp; ΜΑΡΙΑ', path);
  }
  const my = await browser.get('/api/my');
  assert.match(String(my.headers['content-type']), /^application\/json/);
  assert.is(my.json<{ name: string }>().name, 'ΑΓΓΕΛΙΚΗ & ΜΑΡΙΑ ΤΖΑΝΝΕΤΑΤΟΥ <script>alert("XSS")</script>');
  const data = await browser.get('/my/data.json');
  assert.match(String(data.headers['content-type']), /^application\/json/);
  assert.match(String(data.headers['content-disposition']), /^attachment;/);
  assert.is(data.headers['x-content-type-options'], 'nosniff');
  assert.is(data.json<{ subject: { lastName: string } }>().subject.lastName, 'ΤΖΑΝΝΕΤΑΤΟΥ <script>alert("XSS")</script>');
});

test.run();
