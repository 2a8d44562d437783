// The public requests' pages (issue 18 item 3): the list with its filters, map and pager; the CSV of exactly
// the filtered list; a request's page with its timeline, its duplicate's link and its live JSON; an unknown id
// is the 404 page in both languages; a request with a reporter shows nobody's name, e-mail or phone.
import { randomBytes } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assignRequest, changeRequestStatus, mergeRequest, reopenRequest, replyToRequest, setExpectedDate, streams } from '../../../src/domain/index.ts';
import { loadRequest } from '../../../src/api/requests/index.ts';
import { caughtUp } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { startCitizenSite } from '../identity/citizenSite.ts';
import { daysAfter, daysBefore, decide, NOW, submit } from './publicSite.ts';

interface Context {
  site: CitizenSite;
}

const test = suite<Context>('web/requests: the public list, a request’s page, the CSV', {} as Context);

test.before.each(async (context) => {
  context.site = await startCitizenSite({ now: () => NOW });
});
test.after.each(async ({ site }) => site.close());

const get = (site: CitizenSite, url: string) => site.app.inject({ url });
const rowsOf = (body: string): string[] => [...body.matchAll(/<tr><td><a href="(?:\/en)?\/requests\/([0-9a-f-]{36})">/g)].map((m) => m[1]!);

test('the list filters by category, stage, department, dates and words; 50 a page, newest first, a stable pager', async ({ site }) => {
  const ids: string[] = [];
  // 60 potholes a day apart (newest first is the reverse), 3 street lights, one water leak fixed.
  for (let i = 0; i < 60; i++) ids.push((await submit(site.store, { at: daysBefore(100 - i), description: `Λακκούβα αριθμός ${i}` })).id);
  const lights = [];
  for (let i = 0; i < 3; i++) lights.push((await submit(site.store, { serviceCode: 'streetlight', at: daysBefore(10 + i), description: 'Σβηστός φανοστάτης στο λιμάνι' })).id);
  const leak = await submit(site.store, { serviceCode: 'water-leak', at: daysBefore(5), description: 'Τρέχει νερό 100% από το φρεάτιο', address: 'Κουβαλάτα' });
  await decide(site.store, leak.id, (s) => changeRequestStatus(s, { stage: 'fixed', statusNotes: null, at: daysAfter(leak.requestedAt, 2) }));
  await caughtUp(site);

  const first = await get(site, '/requests');
  assert.is(first.statusCode, 200, first.body.slice(0, 300));
  assert.ok(first.body.includes('href="/requests/new"'), 'the report link at the top');
  const page1 = rowsOf(first.body);
  assert.is(page1.length, 50);
  assert.is(page1[0], leak.id, 'newest first');
  assert.equal(page1.slice(1, 4), lights);
  assert.ok(first.body.includes('data-mode="list"'), 'the map of the page');
  assert.ok(first.body.includes('διορθώθηκε σε 2 ημέρες'));
  assert.ok(first.body.includes('ανοιχτό 10 ημέρες'));
  assert.ok(first.body.includes('Αποτελέσματα: 64 αναφορές'));
  const next = /<a href="([^"]+)" rel="next">/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
  assert.ok(next, 'a next page');
  // A request arriving meanwhile does not shift the second page.
  await submit(site.store, { at: daysBefore(0.5) });
  await caughtUp(site);
  const second = await get(site, next);
  const page2 = rowsOf(second.body);
  assert.is(page2.length, 14);
  assert.equal(page2, ids.slice(0, 14).reverse());
  assert.not.ok(/rel="next"/.test(second.body));

  assert.equal(rowsOf((await get(site, '/requests?category=streetlight')).body), lights);
  assert.equal(rowsOf((await get(site, '/requests?department=water')).body), [leak.id]);
  assert.equal(rowsOf((await get(site, '/requests?stage=fixed')).body), [leak.id]);
  assert.is(rowsOf((await get(site, '/requests?stage=all-closed')).body).length, 1);
  assert.equal(rowsOf((await get(site, '/requests?search=%CF%86%CE%B1%CE%BD%CE%BF%CF%83%CF%84%CE%AC%CF%84%CE%B7%CF%82')).body), lights, 'words of the description (φανοστάτης)');
  assert.equal(rowsOf((await get(site, `/requests?search=${encodeURIComponent('100%')}`)).body), [leak.id], 'LIKE characters are literal');
  const from = daysBefore(12).slice(0, 10);
  const to = daysBefore(10).slice(0, 10);
  const dated = rowsOf((await get(site, `/requests?from=${from.split('-').reverse().join('/')}&to=${to}`)).body);
  assert.equal(dated, lights, 'from and to, both ends included, in Greek or ISO dates');
  const bad = await get(site, '/requests?from=31/02/2026');
  assert.is(bad.statusCode, 200);
  assert.ok(bad.body.includes('Γράψτε την ημερομηνία ως ηη/μμ/εεεε'), 'a date that cannot be read is said by its field');
  assert.is(rowsOf(bad.body).length, 50, 'and left out of the filter');
  const stale = await get(site, '/requests?after=not-a-cursor&page=2');
  assert.ok(stale.body.includes('δεν υπάρχει πια'), 'a stale cursor gives the first page, said');
  const en = await get(site, '/en/requests?category=streetlight');
  assert.is(en.statusCode, 200);
  assert.ok(en.body.includes('Street light out') && en.body.includes('Results: 3 reports'));
  assert.ok(en.body.includes('href="/en/requests/new"'));
});

test('the CSV: the filtered list, Greek and English headers, UTF-8 with BOM', async ({ site }) => {
  const a = await submit(site.store, { at: daysBefore(3), description: '=Λακκούβα; με "εισαγωγικά"' });
  await submit(site.store, { serviceCode: 'streetlight', at: daysBefore(2) });
  await caughtUp(site);
  const csv = await get(site, '/requests.csv?category=pothole');
  assert.is(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /text\/csv; charset=utf-8/);
  assert.match(String(csv.headers['content-disposition']), /attachment; filename="opendimos-requests.csv"/);
  assert.ok(csv.body.startsWith('\uFEFFΑριθμός / Number;Κωδικός κατηγορίας / Category code;Κατηγορία / Category;Περιγραφή / Description'), csv.body.slice(0, 200));
  const lines = csv.body.trim().split('\r\n');
  assert.is(lines.length, 2, 'the header and the one pothole');
  assert.ok(lines[1]!.startsWith(`${a.id};pothole;Λακκούβα στον δρόμο;"'=Λακκούβα; με ""εισαγωγικά"""`), lines[1]);
  assert.ok(lines[1]!.includes(`http://localhost:8080/requests/${a.id}`));
});

test('a request’s page: category, place, map, stage, agency, expected date, supports and the whole timeline', async ({ site }) => {
  const a = await submit(site.store, { at: daysBefore(20), description: 'Σπασμένο πεζοδρόμιο μπροστά στο σχολείο', mediaUrl: `http://localhost:8080/requests/x/photos/1.jpg` });
  await decide(site.store, a.id, (s) => changeRequestStatus(s, { stage: 'acknowledged', statusNotes: null, at: daysBefore(19) }));
  await decide(site.store, a.id, (s) => assignRequest(s, { department: 'green', agency: 'Τμήμα Πρασίνου / Parks Section', at: daysBefore(19) }));
  await decide(site.store, a.id, (s) => replyToRequest(s, { text: 'Το συνεργείο θα περάσει την Πέμπτη.', at: daysBefore(18) }));
  await decide(site.store, a.id, (s) => setExpectedDate(s, { expectedAt: daysBefore(2), at: daysBefore(18) }));
  await decide(site.store, a.id, (s) => changeRequestStatus(s, { stage: 'fixed', statusNotes: 'Επισκευάστηκε.', at: daysBefore(10) }));
  await decide(site.store, a.id, (s) => reopenRequest(s, { reason: 'Χάλασε ξανά.', at: daysBefore(5) }));
  const b = await submit(site.store, { at: daysBefore(4), description: 'Το ίδιο πεζοδρόμιο' });
  const target = await loadRequest(site.store, a.id);
  await decide(site.store, b.id, (s) => mergeRequest(s, target.state, { at: daysBefore(3) }));
  await caughtUp(site);

  const page = await get(site, `/requests/${a.id}`);
  assert.is(page.statusCode, 200, page.body.slice(0, 300));
  const body = page.body;
  for (const text of ['Λακκούβα στον δρόμο', 'Σπασμένο πεζοδρόμιο μπροστά στο σχολείο', 'Πλατεία Πετρίτση', 'Τμήμα Πρασίνου / Parks Section', 'Το συνεργείο θα περάσει την Πέμπτη.', 'Επισκευάστηκε.', 'Χάλασε ξανά.', 'Άνοιξε ξανά από τον αναφέροντα', 'έχει περάσει η ημερομηνία']) {
    assert.ok(body.includes(text), text);
  }
  assert.ok(body.includes('data-mode="show"') && body.includes('data-lat="38.2018"'), 'the map at its place');
  assert.ok(body.includes('<img src="/requests/x/photos/1.jpg"'), 'our photo shown from our origin');
  assert.ok(body.includes(`href="/requests/${b.id}">#${b.id.slice(0, 8)}</a>`), 'the absorbed duplicate linked');
  const kinds = [...body.matchAll(/<li class="timeline-([a-z]+)">/g)].map((m) => m[1]);
  assert.equal(kinds, ['submitted', 'stage', 'assigned', 'reply', 'expected', 'stage', 'reopened', 'absorbed']);
  assert.ok(/<dt>Υποστηρίξεις<\/dt><dd>1<\/dd>/.test(body), 'the duplicate counts as a support');
  assert.ok(/<script type="module" src="\/static\/requests\.[0-9a-f]{10}\.js"><\/script>/.test(body), 'the live script, not inline');
  assert.not.ok(/<script>/.test(body), 'no inline script');

  const dup = await get(site, `/en/requests/${b.id}`);
  assert.is(dup.statusCode, 200);
  assert.ok(dup.body.includes('This report is a duplicate'), 'a duplicate says so, prominently');
  assert.ok(dup.body.includes(`<a href="/en/requests/${a.id}">#${a.id.slice(0, 8)}</a>`));

  const live = await get(site, `/requests/${a.id}.json`);
  assert.is(live.statusCode, 200);
  // Taking in a duplicate adds to the timeline (the script compares its length) but is no change of the request's own.
  assert.equal(live.json(), { stage: 'open', status: 'open', updatedAt: daysBefore(5).replace('.000Z', 'Z'), timeline: 8 });
  assert.is(live.headers['cache-control'], 'no-store');
  await decide(site.store, a.id, (s) => changeRequestStatus(s, { stage: 'in_progress', statusNotes: null, at: daysBefore(1) }));
  await caughtUp(site);
  assert.equal((await get(site, `/en/requests/${a.id}.json`)).json(), { stage: 'in_progress', status: 'open', updatedAt: daysBefore(1).replace('.000Z', 'Z'), timeline: 9 });
});

test('an unknown or malformed id is the 404 page, in Greek and in English; so is its JSON', async ({ site }) => {
  for (const url of ['/requests/00000000-0000-4000-8000-000000000000', '/requests/not-an-id', '/requests/00000000-0000-4000-8000-000000000000.json']) {
    const el = await get(site, url);
    assert.is(el.statusCode, 404, url);
  }
  const el = await get(site, '/requests/00000000-0000-4000-8000-000000000000');
  assert.ok(el.body.includes('lang="el"'));
  const en = await get(site, '/en/requests/00000000-0000-4000-8000-000000000000');
  assert.is(en.statusCode, 404);
  assert.ok(en.body.includes('lang="en"'));
});

test('a request with a reporter: no name, e-mail or phone on its page, the list, the JSON or the CSV', async ({ site }) => {
  const a = await submit(site.store, { at: daysBefore(2) });
  const contact = { email: 'eleni.kosta@example.gr', firstName: 'Ελένη', lastName: 'Κωστή', phone: '+30 26710 95555' };
  const subjectId = `subject-${randomBytes(4).toString('hex')}`;
  const sealed = await site.keyring.seal(subjectId, contact);
  await site.store.append(streams.reporter(a.id), [{ type: 'ReporterRecorded', data: { requestId: a.id, subjectId, at: daysBefore(2), sealed }, metadata: { actor: 'test' } }], { expectedRevision: 'no_stream' });
  await caughtUp(site);
  for (const url of [`/requests/${a.id}`, `/en/requests/${a.id}`, `/requests/${a.id}.json`, '/requests', '/requests.csv']) {
    const answer = await get(site, url);
    assert.is(answer.statusCode, 200, url);
    for (const secret of [contact.email, contact.firstName, contact.lastName, contact.phone, 'example.gr', subjectId]) assert.not.ok(answer.body.includes(secret), `${url} shows ${secret}`);
  }
});

test.run();
