// The reporter's own requests (issue 18): /my/requests lists the session's citizen's requests and no one
// else's, live through GET /api/my/requests; another citizen's request is a 404 for the page and the reopening;
// a fixed request is reopened within 30 days by its reporter — from the page with a session, or through the
// e-mail's keyed link without an account — and refused after, changing nothing; a forged or borrowed token
// opens nothing.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { subjectOf } from '../../../src/api/identity/index.ts';
import { decideOnRequest } from '../../../src/api/requests/index.ts';
import { changeRequestStatus, streams } from '../../../src/domain/index.ts';
import { reopenToken, requestById } from '../../../src/projections/requests/index.ts';
import { A, B } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, csrfOf, logInAs, startCitizenSite } from '../identity/citizenSite.ts';
import { actorsOf, caughtUp, report } from './requestsSite.ts';

interface Context {
  site: CitizenSite;
  clock: { now: Date | null };
}

const test = suite<Context>('the reporter’s own requests and reopening', {} as Context);

test.before.each(async (context) => {
  context.clock = { now: null };
  const clock = context.clock;
  context.site = await startCitizenSite({ now: () => clock.now ?? new Date() });
});
test.after.each(async ({ site }) => site.close());

const nowOf = (site: CitizenSite) => (site.services.now ?? (() => new Date()))().toISOString();
const fix = async (site: CitizenSite, id: string) => {
  await decideOnRequest(site.store, id, 'staff:test', (s) => changeRequestStatus(s, { stage: 'fixed', statusNotes: 'Επιδιορθώθηκε.', at: nowOf(site) }));
  await caughtUp(site);
};
const stageOf = async (site: CitizenSite, id: string) => (await requestById(site.db.client, site.db.schema, id))?.stage;

const citizen = async (site: CitizenSite, taxid: string): Promise<{ browser: Browser; subjectId: string }> => {
  const browser = new Browser(site.app);
  await logInAs(browser, taxid);
  return { browser, subjectId: await subjectOf(site.services, taxid) };
};

test('a citizen sees their own requests, live by their JSON; another’s is not found, and never listed', async ({ site }) => {
  const a = await citizen(site, A);
  const b = await citizen(site, B);
  const mine = await report(site, { accountOf: a.subjectId, serviceCode: 'streetlight' });
  const theirs = await report(site, { accountOf: b.subjectId, description: 'Το αίτημα του Β' });

  const page = await a.browser.get('/my/requests');
  assert.is(page.statusCode, 200);
  assert.match(page.body, `<a href="/my/requests/${mine.id}">Σβηστός φανοστάτης</a>`);
  assert.not.match(page.body, theirs.id);
  assert.match(page.body, 'data-poll="/api/my/requests"');
  assert.match(page.body, /<script[^>]+src="\/static\/live-list\.[0-9a-f]+\.js"/);
  assert.match((await a.browser.get('/en/my/requests')).body, 'Street light out');

  const json = await a.browser.get('/api/my/requests');
  assert.is(json.statusCode, 200);
  assert.is(json.headers['cache-control'], 'no-store');
  const listed = JSON.parse(json.body) as { requests: Record<string, unknown>[] };
  assert.equal(Object.keys(listed.requests[0]!).sort(), ['id', 'requestedAt', 'serviceCode', 'serviceName', 'stage', 'status', 'updatedAt', 'url']);
  assert.is(listed.requests.length, 1);
  assert.equal({ ...listed.requests[0], requestedAt: null, updatedAt: null }, {
    id: mine.id,
    serviceCode: 'streetlight',
    serviceName: 'Σβηστός φανοστάτης',
    stage: 'open',
    status: 'open',
    requestedAt: null,
    updatedAt: null,
    url: `/requests/${mine.id}`,
  });
  await decideOnRequest(site.store, mine.id, 'staff:test', (s) => changeRequestStatus(s, { stage: 'acknowledged', statusNotes: null, at: nowOf(site) }));
  await caughtUp(site);
  const moved = JSON.parse((await a.browser.get('/api/my/requests?lang=en')).body) as { requests: { stage: string; serviceName: string }[] };
  assert.is(moved.requests[0]!.stage, 'acknowledged', 'the live table’s JSON follows the office');
  assert.is(moved.requests[0]!.serviceName, 'Street light out');

  assert.is((await a.browser.get(`/my/requests/${theirs.id}`)).statusCode, 404);
  await fix(site, theirs.id);
  const reopenOthers = await a.browser.post(`/my/requests/${theirs.id}/reopen`, { _csrf: csrfOf((await a.browser.get('/my/')).body), reason: 'Δεν είναι δικό μου' });
  assert.is(reopenOthers.statusCode, 404);
  assert.not.match(reopenOthers.body, 'Το αίτημα του Β');
  assert.is(await stageOf(site, theirs.id), 'fixed', 'another’s request is untouched');
  assert.not.match((await a.browser.get('/api/my/requests')).body, theirs.id);

  const visitor = new Browser(site.app);
  assert.is((await visitor.get('/my/requests')).statusCode, 401);
  assert.is((await visitor.get('/api/my/requests')).statusCode, 401);
  assert.match((await visitor.get('/api/my/requests')).body, 'OD_LOGIN_REQUIRED');
});

test('with an account: the reopening button within 30 days of the fix; after them, refused and nothing changes', async ({ site, clock }) => {
  clock.now = new Date('2026-05-04T08:00:00Z');
  const a = await citizen(site, A);
  const first = await report(site, { accountOf: a.subjectId });
  const second = await report(site, { accountOf: a.subjectId });
  let page = await a.browser.get(`/my/requests/${first.id}`);
  assert.not.match(page.body, 'reopen', 'an open request has no reopening');
  await fix(site, first.id);
  await fix(site, second.id);

  clock.now = new Date('2026-05-20T08:00:00Z');
  page = await a.browser.get(`/my/requests/${first.id}`);
  assert.match(page.body, `action="/my/requests/${first.id}/reopen"`);
  assert.match(page.body, 'έως τις 03/06/2026');
  const csrf = csrfOf(page.body);
  const reopened = await a.browser.post(`/my/requests/${first.id}/reopen`, { _csrf: csrf, reason: 'Η λακκούβα άνοιξε ξανά.' });
  assert.is(reopened.statusCode, 303);
  assert.is(reopened.headers.location, `/my/requests/${first.id}?done=reopened`);
  await caughtUp(site);
  assert.is(await stageOf(site, first.id), 'open');
  assert.match((await a.browser.get(`/my/requests/${first.id}?done=reopened`)).body, 'Το αίτημα ξανάνοιξε');
  assert.equal(await actorsOf(site, first.id, ['RequestReopened']), ['citizen']);

  clock.now = new Date('2026-06-04T08:00:00Z');
  page = await a.browser.get(`/my/requests/${second.id}`);
  assert.not.match(page.body, `action="/my/requests/${second.id}/reopen"`, 'the window has closed');
  const before = (await site.store.readStream(streams.request(second.id))).length;
  const late = await a.browser.post(`/en/my/requests/${second.id}/reopen`, { _csrf: csrf, reason: '' });
  assert.is(late.statusCode, 409);
  assert.match(late.body, 'The 30 days after the fix have passed');
  assert.is((await site.store.readStream(streams.request(second.id))).length, before);
  assert.is(await stageOf(site, second.id), 'fixed');
});

test('without an account: the e-mail’s keyed link opens a confirm form that reopens; a forged or borrowed token, or a late one, does nothing', async ({ site, clock }) => {
  clock.now = new Date('2026-05-04T08:00:00Z');
  const one = await report(site, { contact: { email: 'eleni@example.gr' } });
  const other = await report(site, { contact: { email: 'petros@example.gr' } });
  await fix(site, one.id);
  await fix(site, other.id);
  const token = reopenToken(site.keyring, one.id, one.subjectId);
  const browser = new Browser(site.app);

  for (const forged of ['0'.repeat(64), reopenToken(site.keyring, other.id, other.subjectId), reopenToken(site.keyring, one.id, other.subjectId), '']) {
    const answer = await browser.get(`/requests/${one.id}/reopen?token=${forged}`);
    assert.is(answer.statusCode, 404, forged);
    assert.match(answer.body, 'Ο σύνδεσμος δεν είναι έγκυρος.');
  }
  const borrowedForm = await browser.get(`/requests/${other.id}/reopen?token=${reopenToken(site.keyring, other.id, other.subjectId)}`);
  const borrowed = await browser.post(`/requests/${one.id}/reopen`, { _csrf: csrfOf(borrowedForm.body), token: reopenToken(site.keyring, other.id, other.subjectId) });
  assert.is(borrowed.statusCode, 404, 'a token of another request does not reopen this one');
  assert.is(await stageOf(site, one.id), 'fixed');

  clock.now = new Date('2026-05-10T08:00:00Z');
  const form = await browser.get(`/requests/${one.id}/reopen?token=${token}`);
  assert.is(form.statusCode, 200);
  assert.match(form.body, `<input type="hidden" name="token" value="${token}">`);
  assert.is(form.headers['cache-control'], 'no-store');
  const noCsrf = await browser.post(`/requests/${one.id}/reopen`, { token });
  assert.is(noCsrf.statusCode, 403);
  const done = await browser.post(`/requests/${one.id}/reopen`, { _csrf: csrfOf(form.body), token, reason: 'Ακόμη σβηστός.' });
  assert.is(done.statusCode, 200);
  assert.match(done.body, 'Το αίτημα ξανάνοιξε');
  await caughtUp(site);
  assert.is(await stageOf(site, one.id), 'open');
  assert.equal(await actorsOf(site, one.id, ['RequestReopened']), ['reporter']);

  clock.now = new Date('2026-06-05T08:00:00Z');
  const lateToken = reopenToken(site.keyring, other.id, other.subjectId);
  const lateForm = await browser.get(`/en/requests/${other.id}/reopen?token=${lateToken}`);
  assert.is(lateForm.statusCode, 409);
  assert.match(lateForm.body, 'The request can no longer be reopened.');
  assert.not.match(lateForm.body, 'name="token"');
  const late = await browser.post(`/requests/${other.id}/reopen`, { _csrf: csrfOf(form.body), token: lateToken });
  assert.is(late.statusCode, 409);
  assert.match(late.body, 'Πέρασαν οι 30 ημέρες');
  assert.is(await stageOf(site, other.id), 'fixed');
});

test.run();
