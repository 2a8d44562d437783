// One citizen never reaches another's account. Two citizens logged in at once, each with a cookie jar of
// their own: every answer about "me" (/api/my, /my/, /my/data.json, /en/my/) holds its own subject and none of
// the other's details; the only /my/ route that takes a value naming anyone (the e-mail link: subject and
// token) refuses every crossing of A's and B's values with the one documented answer and changes nothing; an
// identifier of B in a path, query or form field of A's is ignored or 404; a forged, altered or swapped
// session cookie opens nothing; one session's CSRF token does not serve another.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SUBJECTS } from '../../../src/api/identity/index.ts';
import { SESSION_COOKIE } from '../../../src/api/shared/sessions/index.ts';
import { createStaff, setPasswordWithLink } from '../../../src/api/shared/staff/index.ts';
import { citizenStream } from '../../../src/domain/index.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import type { CitizenSite } from './citizenSite.ts';
import { Browser, csrfOf, logInAs, startCitizenSite } from './citizenSite.ts';

interface Citizen {
  readonly browser: Browser;
  readonly taxid: string;
  readonly subjectId: string;
  readonly lastName: string;
  /** Every detail of the person the site holds: none may appear in another citizen's answers. */
  readonly markers: readonly string[];
}

const test = suite<{ site: CitizenSite; a: Citizen; b: Citizen }>('web/identity: one citizen never reaches another', {} as { site: CitizenSite; a: Citizen; b: Citizen });

const subjectOf = async (site: CitizenSite, taxid: string): Promise<string> => {
  const [row] = await site.db.client.query<{ subject_id: string }>(`SELECT subject_id FROM ${table(site.db.schema, SUBJECTS)} WHERE taxid_hash = $1`, [
    site.keyring.lookupHash('taxid', taxid),
  ]);
  if (!row) throw new Error(`no subject for ${taxid}`);
  return row.subject_id;
};

/** The token of the subject's latest e-mail link, as its mail carries it (opened with the subject's key). */
const emailTokenOf = async (site: CitizenSite, subjectId: string): Promise<string> => {
  const requested = (await site.store.readStream(citizenStream(subjectId))).filter((e) => e.type === 'ContactEmailRequested').at(-1);
  const opened = requested ? await site.keyring.open<{ token: string }>(subjectId, (requested.data as { sealed: string }).sealed) : null;
  if (!opened) throw new Error('no e-mail link');
  return opened.token;
};

const post = async (browser: Browser, url: string, form: Record<string, string>) => {
  const page = await browser.get('/my/');
  return browser.post(url, { _csrf: csrfOf(page.body), ...form });
};

/** Logs in, gives an e-mail (its link not followed) and a phone: every kind of detail the account holds. */
const citizen = async (site: CitizenSite, taxid: string, email: string, phone: string, names: readonly string[]): Promise<Citizen> => {
  const browser = new Browser(site.app);
  const back = await logInAs(browser, taxid);
  if (back.statusCode !== 303) throw new Error(`login of ${taxid} answered ${back.statusCode}`);
  assert.is((await post(browser, '/my/email', { email })).statusCode, 303);
  assert.is((await post(browser, '/my/phone', { phone })).statusCode, 303);
  const subjectId = await subjectOf(site, taxid);
  return { browser, taxid, subjectId, lastName: names[0]!, markers: [taxid, subjectId, email, phone, ...names] };
};

/** What the account's own answers say: /api/my, and the download without its moment. */
const snapshot = async (c: Citizen) => {
  const my = await c.browser.get('/api/my');
  const data = await c.browser.get('/my/data.json');
  const { exportedAt: _at, ...held } = data.json<Record<string, unknown>>();
  const { csrfToken: _token, ...who } = my.json<Record<string, unknown>>();
  return { who, held };
};

/** None of the other citizen's details, once what the asker gave (and the page echoes, as a link to itself) is taken out. */
const assertNone = (text: string, of: Citizen, where: string, given: readonly string[] = []) => {
  const rest = given.filter((g) => g !== '').reduce((t, g) => t.replaceAll(g, '').replaceAll(encodeURIComponent(g), ''), text);
  for (const marker of of.markers) assert.not.ok(rest.includes(marker), `${where} holds "${marker}" of the other citizen`);
};

test.before(async (context) => {
  context.site = await startCitizenSite();
  // Two people logged in at once, from two browsers.
  context.a = await citizen(context.site, '012481630', 'georgios.a@example.gr', '6911111111', ['ΠΑΠΑΔΑΤΟΣ', 'ΓΕΩΡΓΙΟΣ', 'ΔΙΟΝΥΣΙΟΣ']);
  context.b = await citizen(context.site, '047312951', 'eleni.b@example.gr', '6922222222', ['ΚΟΣΜΕΤΑΤΟΥ', 'ΕΛΕΝΗ', 'ΣΠΥΡΙΔΩΝ', 'ΑΙΚΑΤΕΡΙΝΗ']);
});

test.after(async ({ site }) => {
  await site.close();
});

test('each of /api/my, /my/, /my/data.json and /en/my/ holds its own subject only, asked one after the other and all at once', async ({ a, b }) => {
  const urls = ['/api/my', '/my/', '/my/data.json', '/en/my/'];
  const check = async (self: Citizen, other: Citizen, url: string) => {
    const answer = await self.browser.get(url);
    assert.is(answer.statusCode, 200, `${url}: ${answer.body.slice(0, 200)}`);
    assert.match(String(answer.headers['cache-control']), /\bno-store\b/, `${url} is not cached`);
    assert.ok(answer.body.includes(self.taxid) && answer.body.includes(self.lastName), `${url} shows the citizen's own ΑΦΜ and name`);
    assertNone(answer.body, other, `${url} of ${self.taxid}`);
  };
  for (const url of urls) {
    await check(a, b, url);
    await check(b, a, url);
  }
  await Promise.all(urls.flatMap((url) => [check(a, b, url), check(b, a, url), check(a, b, url), check(b, a, url)]));
});

test('the e-mail link: A with B\'s subject, B\'s token or both crossed is refused with the one answer, and nothing changes', async ({ site, a, b }) => {
  const before = { a: await snapshot(a), b: await snapshot(b) };
  const tokenA = await emailTokenOf(site, a.subjectId);
  const tokenB = await emailTokenOf(site, b.subjectId);
  const crossings: Record<string, string>[] = [
    { s: b.subjectId, t: tokenA }, // B's account with A's own token
    { s: a.subjectId, t: tokenB }, // A's account with B's token
    { s: b.subjectId, t: `${tokenB.slice(0, -1)}${tokenB.endsWith('A') ? 'B' : 'A'}` }, // B's account, a token one letter off
    { s: b.subjectId, t: '' },
    { s: '00000000-0000-4000-8000-000000000000', t: tokenB }, // nobody's account, B's token
  ];
  const answers: string[] = [];
  for (const crossing of crossings) {
    const page = await a.browser.get(`/my/email/verify?s=${encodeURIComponent(crossing.s!)}&t=${encodeURIComponent(crossing.t!)}`);
    assert.is(page.statusCode, 200);
    assertNone(page.body, b, 'the page of the link', [crossing.s!, crossing.t!]);
    const refused = await a.browser.post('/my/email/verify', { _csrf: csrfOf(page.body), ...crossing });
    assert.is(refused.statusCode, 400, JSON.stringify(crossing));
    assertNone(refused.body, b, 'the refusal');
    answers.push(/<h1>[\s\S]*?<\/main>/.exec(refused.body)?.[0] ?? refused.body);
  }
  assert.match(answers[0]!, 'Ο σύνδεσμος');
  assert.is(new Set(answers).size, 1, 'one answer for every wrong link: it tells nobody whose account exists');
  assert.equal({ a: await snapshot(a), b: await snapshot(b) }, before, 'neither account changed');
  assert.is(before.b.who.email, null, "B's address still waits for B's own link");
});

test('an identifier of B in A\'s path, query or form is ignored or 404, never B\'s account', async ({ a, b }) => {
  const beforeB = await snapshot(b);
  for (const id of [b.subjectId, b.taxid]) {
    for (const url of [`/my/${id}`, `/en/my/${id}`, `/api/my/${id}`, `/my/data/${id}.json`, `/my/${id}/data.json`]) {
      const answer = await a.browser.get(url);
      assert.is(answer.statusCode, 404, url);
      assertNone(answer.body, b, url, [id]);
    }
  }
  for (const query of [`s=${b.subjectId}`, `subjectId=${b.subjectId}`, `taxid=${b.taxid}`]) {
    for (const path of ['/api/my', '/my/data.json', '/my/']) {
      const answer = await a.browser.get(`${path}?${query}`);
      assert.ok(answer.statusCode === 200 || answer.statusCode === 400, `${path}?${query}: ${answer.statusCode}`);
      assertNone(answer.body, b, `${path}?${query}`, [query.split('=')[1]!]);
    }
  }
  // A form of A's naming B: the change is A's own, whatever the body says.
  const changed = await post(a.browser, '/my/language', { language: 'en', s: b.subjectId });
  assert.is(changed.statusCode, 303);
  assert.is((await a.browser.get('/api/my')).json<{ language: string }>().language, 'en');
  assert.equal(await snapshot(b), beforeB, "B's account is unchanged");
  assert.is((await post(a.browser, '/my/language', { language: 'el' })).statusCode, 303);
});

test('a forged, altered or swapped session cookie opens nothing: 401, the login page, and a POST refused', async ({ site, a, b }) => {
  const idA = a.browser.cookies.get(SESSION_COOKIE)!;
  const csrfA = (await a.browser.get('/api/my')).json<{ csrfToken: string }>().csrfToken;
  const [stored] = await site.db.client.query<{ id_hash: string }>(`SELECT id_hash FROM ${table(site.db.schema, 'od_sessions')} WHERE subject_id = $1`, [a.subjectId]);
  const forgeries: Record<string, string> = {
    random: 'A'.repeat(43),
    'one letter changed': `${idA.slice(0, -1)}${idA.endsWith('x') ? 'y' : 'x'}`,
    'the CSRF token as the id': csrfA,
    'the stored hash of the id': stored!.id_hash,
    truncated: idA.slice(0, 42),
    'with a second value': `${idA}.${idA}`,
  };
  const beforeA = await snapshot(a);
  for (const [what, value] of Object.entries(forgeries)) {
    const forged = new Browser(site.app);
    forged.cookies.set(SESSION_COOKIE, value);
    const my = await forged.get('/api/my');
    assert.is(my.statusCode, 401, what);
    assert.is(my.json<{ error: { code: string } }>().error.code, 'OD_LOGIN_REQUIRED');
    const page = await forged.get('/my/');
    assert.match(page.body, '/auth/taxisnet?next=', `${what}: the login page`);
    assertNone(page.body, a, `/my/ with ${what}`);
    assert.is((await forged.get('/my/data.json')).statusCode, 303, `${what}: no download`);
    // A POST with the cookie and even A's real token: there is no session for the token to belong to.
    const change = await forged.post('/my/phone', { _csrf: csrfA, phone: '6999999999' });
    assert.is(change.statusCode, 403, `${what}: POST`);
  }
  assert.equal(await snapshot(a), beforeA, "A's account is unchanged");
  // A's own cookie with B's CSRF token, and B's with A's: refused, both accounts as they were.
  const beforeB = await snapshot(b);
  const csrfB = (await b.browser.get('/api/my')).json<{ csrfToken: string }>().csrfToken;
  assert.is((await a.browser.post('/my/phone', { _csrf: csrfB, phone: '6999999999' })).statusCode, 403);
  assert.is((await b.browser.post('/my/phone', { _csrf: csrfA, phone: '6999999999' })).statusCode, 403);
  assert.is((await a.browser.post('/my/phone', { phone: '6999999999' }, { 'x-csrf-token': csrfB })).statusCode, 403);
  assert.equal({ a: await snapshot(a), b: await snapshot(b) }, { a: beforeA, b: beforeB });
});

test("a staff session of the same subject id is not the citizen's: /api/my and /my/ refuse it", async ({ site, a }) => {
  const services = { client: site.db.client, schema: site.db.schema, store: site.store };
  const link = await createStaff(services, { email: 'staff.isolation@lixouri.gr', name: 'Υπάλληλος', roles: ['admin'], actor: 'test' });
  const password = 'μια μακριά φράση κωδικού';
  await setPasswordWithLink(services, { token: link.token, password, repeated: password });
  const staff = new Browser(site.app);
  const form = await staff.get('/office/login');
  const login = await staff.post('/office/login', { _csrf: csrfOf(form.body), email: 'staff.isolation@lixouri.gr', password });
  assert.is(login.statusCode, 303, login.body.slice(0, 300));
  // The staff row made to name the citizen's subject: only the kind tells them apart.
  await site.db.client.query(`UPDATE ${table(site.db.schema, 'od_sessions')} SET subject_id = $1 WHERE kind = 'staff'`, [a.subjectId]);
  assert.is((await staff.get('/api/my')).statusCode, 401);
  const page = await staff.get('/my/');
  assert.match(page.body, '/auth/taxisnet?next=');
  assertNone(page.body, a, "/my/ of a staff session");
  assert.is((await staff.get('/my/data.json')).statusCode, 303);
});

test("a third citizen's erasure naming B erases only themselves; B is still logged in and whole", async ({ site, b }) => {
  const beforeB = await snapshot(b);
  const c = new Browser(site.app);
  assert.is((await logInAs(c, '051296746')).statusCode, 303);
  const page = await c.get('/my/erase');
  const erased = await c.post('/my/erase', { _csrf: csrfOf(page.body), confirm: 'yes', s: b.subjectId });
  assert.is(erased.statusCode, 200);
  assert.is((await c.get('/api/my')).statusCode, 401, 'C is logged out');
  assert.equal(await snapshot(b), beforeB, 'B is untouched');
  assert.is((await b.browser.get('/api/my')).statusCode, 200, 'and still logged in');
});

test.run();
