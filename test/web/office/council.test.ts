// The council's secretariat in the back office (issue 20): the secretary establishes a body, its faction
// and members, convenes a session with its agenda, records attendance, the current item, each vote (the
// form, and the page's script asking for JSON), the result with its decision number, the ΑΔΑ, a correction,
// an urgent item, an εισήγηση as a PDF; each refusal of the decider is shown in Greek and English and
// nothing is appended; another member of staff is refused, a visitor sent to the login, a POST without the
// session's CSRF token refused.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { streams } from '../../../src/domain/index.ts';
import type { Browser, CitizenSite } from '../identity/citizenSite.ts';
import { Browser as Visitor, csrfOf, startCitizenSite } from '../identity/citizenSite.ts';
import { caughtUp, staffBrowser } from '../requests/requestsSite.ts';

interface Context {
  site: CitizenSite;
}

const test = suite<Context>('the back office: council sessions', {} as Context);

test.before.each(async (context) => {
  context.site = await startCitizenSite();
});
test.after.each(async ({ site }) => site.close());

const MEMBERS = ['m1', 'm2', 'm3', 'm4', 'm5'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** A body with a faction and five members, and a session convened on it; the session's id. */
const convened = async (secretary: Browser): Promise<string> => {
  const token = csrfOf((await secretary.get('/office/council')).body);
  const established = await secretary.post('/office/council/bodies', { _csrf: token, bodyId: 'committee', name: 'Δημοτική Επιτροπή', nameEn: 'Municipal Committee', classification: 'committee', parentId: '' });
  assert.is(established.statusCode, 303, established.body.slice(0, 500));
  assert.is(established.headers.location, '/office/council/bodies/committee?done=1');
  assert.is((await secretary.post('/office/council/bodies/committee/factions', { _csrf: token, factionId: 'f1', name: 'Παράταξη Α' })).statusCode, 303);
  for (const id of MEMBERS) {
    const joined = await secretary.post('/office/council/bodies/committee/members', { _csrf: token, personId: id, name: `Μέλος ${id}`, factionId: 'f1', date: '2024-01-01' });
    assert.is(joined.statusCode, 303, joined.body.slice(0, 300));
  }
  const session = await secretary.post('/office/council/bodies/committee/sessions', {
    _csrf: token,
    date: '2026-03-10',
    time: '18:00',
    kind: 'regular',
    place: 'Δημαρχείο Ληξουρίου',
    streamUrl: 'https://example.org/live',
    title1: 'Έγκριση προϋπολογισμού',
    rapporteur1: 'Δήμαρχος',
    majority1: 'simple',
    title2: '',
    title3: 'Δωρεά οικοπέδου',
    majority3: 'absolute',
  });
  assert.is(session.statusCode, 303, session.body.slice(0, 500));
  const id = /\/office\/council\/sessions\/([0-9a-f-]{36})\?done=1$/.exec(String(session.headers.location))?.[1];
  assert.ok(id, String(session.headers.location));
  return id;
};

const eventsOf = async (site: CitizenSite, sessionId: string) => (await site.store.readStream(streams.councilSession(sessionId))).map((e) => e.type);

const multipart = (fields: Record<string, string>, file: { name: string; bytes: Buffer }): { body: Buffer; type: string } => {
  const boundary = '----council-test';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="document"; filename="${file.name}"\r\ncontent-type: application/pdf\r\n\r\n`, 'utf8'), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
};

test('the secretary convenes a session, records attendance, votes and results; the page says so in Greek and in English', async ({ site }) => {
  const secretary = await staffBrowser(site, 'Ελένη Κουρκουμέλη', ['secretary']);
  const home = await secretary.get('/office/');
  assert.match(home.body, 'href="/office/council"');
  const sessionId = await convened(secretary);
  const base = `/office/council/sessions/${sessionId}`;
  let page = await secretary.get(`${base}?done=1`);
  assert.is(page.statusCode, 200);
  const token = csrfOf(page.body);
  assert.match(page.body, '1. Έγκριση προϋπολογισμού');
  assert.match(page.body, '2. Δωρεά οικοπέδου', 'the empty row is left out and the items numbered in order');
  assert.match(page.body, 'Καταχωρίστηκε.');
  await caughtUp(site);
  const listed = await secretary.get('/office/council');
  assert.match(listed.body, 'href="/office/council/bodies/committee">Δημοτική Επιτροπή<');
  assert.match(listed.body, `href="/office/council/sessions/${sessionId}">Δημοτική Επιτροπή · <time datetime="2026-03-10T16:00:00Z">10/03/2026 18:00</time> · Τακτική<`);

  // No quorum: the decider refuses, both languages shown, nothing appended.
  for (const id of ['m1', 'm2']) assert.is((await secretary.post(`${base}/arrive`, { _csrf: token, personId: id })).statusCode, 303);
  const before = await eventsOf(site, sessionId);
  const refused = await secretary.post(`${base}/votes`, { _csrf: token, item: '1', 'vote:m1': 'for' });
  assert.is(refused.statusCode, 422);
  assert.match(refused.body, /<p class="error" role="alert" data-refusal="votes-1"><strong>Δεν έγινε καμία αλλαγή:<\/strong> <span lang="el">Δεν υπάρχει απαρτία: παρόντες 2, χρειάζονται τουλάχιστον 3<\/span> · <span lang="en">No quorum: 2 present, at least 3 needed<\/span>/);
  assert.equal(await eventsOf(site, sessionId), before);
  assert.is((await secretary.post(`${base}/resolve`, { _csrf: token, item: '1', summary: '' })).statusCode, 422);
  assert.equal(await eventsOf(site, sessionId), before);

  assert.is((await secretary.post(`${base}/arrive`, { _csrf: token, personId: 'm3' })).statusCode, 303);
  assert.is((await secretary.post(`${base}/take`, { _csrf: token, item: '1' })).statusCode, 303);
  // Several votes from one form, all or none: m4 is absent, so m1's vote is not kept either.
  const mixed = await secretary.post(`${base}/votes`, { _csrf: token, item: '1', 'vote:m1': 'for', 'vote:m4': 'for' });
  assert.is(mixed.statusCode, 422);
  assert.match(mixed.body, 'is not present and cannot vote');
  assert.not.ok((await eventsOf(site, sessionId)).includes('VoteCast'));
  const voted = await secretary.post(`${base}/votes`, { _csrf: token, item: '1', 'vote:m1': 'for', 'vote:m2': 'for', 'vote:m3': 'against' });
  assert.is(voted.statusCode, 303);
  assert.is(voted.headers.location, `${base}?done=1#item-1`);

  // The script's way: one vote, JSON back.
  const json = { accept: 'application/json' };
  const absent = await secretary.post(`${base}/votes`, { _csrf: token, item: '1', 'vote:m5': 'for' }, json);
  assert.is(absent.statusCode, 422);
  assert.equal(JSON.parse(absent.body), { ok: false, el: 'Ο/Η m5 δεν είναι παρών/παρούσα· δεν ψηφίζει', en: 'm5 is not present and cannot vote' });
  assert.is((await secretary.post(`${base}/arrive`, { _csrf: token, personId: 'm4' })).statusCode, 303);
  const one = await secretary.post(`${base}/votes`, { _csrf: token, item: '1', 'vote:m4': 'blank' }, json);
  assert.is(one.statusCode, 200);
  assert.equal(JSON.parse(one.body), { ok: true, option: 'Λευκό' });
  const again = await secretary.post(`${base}/votes`, { _csrf: token, item: '1', 'vote:m4': 'for' }, json);
  assert.is(again.statusCode, 409, 'a changed vote is a correction');

  assert.is((await secretary.post(`${base}/resolve`, { _csrf: token, item: '1', summary: 'Συζητήθηκε.' })).statusCode, 303);
  assert.is((await secretary.post(`${base}/resolve`, { _csrf: token, item: '2', summary: '' })).statusCode, 303);
  page = await secretary.get(base);
  assert.match(page.body, 'Εγκρίθηκε (υπέρ 2, κατά 1, λευκά 1, παρών 0, απόντες 1) · Απόφαση 1/2026');
  assert.match(page.body, 'Απορρίφθηκε (υπέρ 0, κατά 0, λευκά 0, παρών 0, απόντες 5) · Απόφαση 2/2026');
  assert.is((await secretary.post(`${base}/resolve`, { _csrf: token, item: '1', summary: '' })).statusCode, 409);

  // A correction is an event, the result follows it; the ΑΔΑ once posted.
  assert.is((await secretary.post(`${base}/correct`, { _csrf: token, item: '1', personId: 'm3', option: 'for', reason: '' })).statusCode, 422);
  assert.is((await secretary.post(`${base}/correct`, { _csrf: token, item: '1', personId: 'm3', option: 'for', reason: 'Λάθος καταχώριση' })).statusCode, 303);
  assert.is((await secretary.post(`${base}/ada`, { _csrf: token, item: '1', ada: 'not an ada' })).statusCode, 422);
  assert.is((await secretary.post(`${base}/ada`, { _csrf: token, item: '1', ada: 'ΨΚ4ΟΩΛΚ-ΑΒΓ' })).statusCode, 303);
  page = await secretary.get(base);
  assert.match(page.body, 'Εγκρίθηκε (υπέρ 3, κατά 0, λευκά 1, παρών 0, απόντες 1) · Απόφαση 1/2026');
  assert.match(page.body, 'href="https://diavgeia.gov.gr/decision/view/ΨΚ4ΟΩΛΚ-ΑΒΓ"');

  // An urgent item, admitted by the vote that is kept with it; one refused changes nothing.
  const count = (await eventsOf(site, sessionId)).length;
  assert.is((await secretary.post(`${base}/urgent`, { _csrf: token, title: 'Κατεπείγον', majority: 'simple', 'vote:m1': 'for' })).statusCode, 422);
  assert.is((await eventsOf(site, sessionId)).length, count);
  assert.is((await secretary.post(`${base}/urgent`, { _csrf: token, title: 'Αποκατάσταση δρόμου', rapporteur: '', majority: 'simple', 'vote:m1': 'for', 'vote:m2': 'for', 'vote:m3': 'for' })).statusCode, 303);
  assert.match((await secretary.get(base)).body, /3\. Αποκατάσταση δρόμου <strong class="badge">Κατεπείγον<\/strong>/);

  const english = await secretary.get(`/en${base}`);
  assert.match(english.body, 'Passed (3 for, 0 against, 1 blank, 0 present, 1 absent) · Decision 1/2026');
  assert.match(english.body, 'Start discussion');
  const events = await site.store.readStream(streams.councilSession(sessionId));
  assert.ok(events.every((e) => String(e.metadata.actor).startsWith('staff:')));
  const numbered = (await site.store.readStream(streams.councilBody('committee'))).filter((e) => e.type === 'DecisionNumbered');
  assert.is(numbered.length, 2);
});

test('an εισήγηση is a PDF by its content, within the limit; anything else is refused and nothing appended', async ({ site }) => {
  const secretary = await staffBrowser(site, 'Ελένη Κουρκουμέλη', ['secretary']);
  const sessionId = await convened(secretary);
  const base = `/office/council/sessions/${sessionId}`;
  const token = csrfOf((await secretary.get(base)).body);
  const post = (name: string, bytes: Buffer) => {
    const { body, type } = multipart({ _csrf: token, item: '1', name }, { name: 'file.pdf', bytes });
    return site.app.inject({ method: 'POST', url: `${base}/documents`, payload: body, headers: { 'content-type': type, cookie: secretary.cookieHeader() } });
  };
  const before = await eventsOf(site, sessionId);
  const fake = await post('Εισήγηση', Buffer.from('GIF89a not a pdf at all'));
  assert.is(fake.statusCode, 400);
  assert.match(fake.body, 'data-refusal="documents-1"');
  assert.equal(await eventsOf(site, sessionId), before);
  const attached = await post('Εισήγηση Οικονομικής Υπηρεσίας', PDF);
  assert.is(attached.statusCode, 303, attached.body.slice(0, 300));
  const page = await secretary.get(base);
  const link = /href="(\/council\/documents\/[0-9a-f-]{36})">Εισήγηση Οικονομικής Υπηρεσίας\.pdf</.exec(page.body);
  assert.ok(link, 'the document is linked on the item');
  const served = await site.app.inject({ url: String(link?.[1]) });
  assert.is(served.statusCode, 200);
  assert.is(served.headers['content-type'], 'application/pdf');
  assert.equal(served.rawPayload, PDF);
  assert.ok((await eventsOf(site, sessionId)).includes('ItemDocumentAttached'));

  // Closed, the session takes its minutes, which the public page links.
  assert.is((await secretary.post(`${base}/close`, { _csrf: token })).statusCode, 303);
  const { body, type } = multipart({ _csrf: token, name: 'Πρακτικά' }, { name: 'minutes.pdf', bytes: Buffer.concat([PDF, Buffer.from('% minutes\n%%EOF\n')]) });
  const minutes = await site.app.inject({ method: 'POST', url: `${base}/minutes`, payload: body, headers: { 'content-type': type, cookie: secretary.cookieHeader() } });
  assert.is(minutes.statusCode, 303, minutes.body.slice(0, 300));
  await caughtUp(site);
  assert.match((await site.app.inject({ url: `/council/sessions/${sessionId}` })).body, /Πρακτικά: <a href="\/council\/documents\/[0-9a-f-]{36}" type="application\/pdf">Πρακτικά\.pdf<\/a>/);
});

test('members over time: posts, a change of faction keeping the post, an end of term; refusals beside their form', async ({ site }) => {
  const secretary = await staffBrowser(site, 'Ελένη Κουρκουμέλη', ['secretary']);
  await convened(secretary);
  const base = '/office/council/bodies/committee';
  const token = csrfOf((await secretary.get(base)).body);
  assert.is((await secretary.post(`${base}/factions`, { _csrf: token, factionId: 'f2', name: 'Παράταξη Β' })).statusCode, 303);
  assert.is((await secretary.post(`${base}/posts`, { _csrf: token, role: 'chair', personId: 'm1', date: '2024-02-01' })).statusCode, 303);
  assert.is((await secretary.post(`${base}/faction`, { _csrf: token, personId: 'm1', factionId: 'f2', date: '2025-06-01' })).statusCode, 303);
  assert.is((await secretary.post(`${base}/leave`, { _csrf: token, personId: 'm5', date: '2025-12-31' })).statusCode, 303);
  const refused = await secretary.post(`${base}/members`, { _csrf: token, personId: 'm2', name: 'Μέλος m2', factionId: 'f1', date: '2026-01-01' });
  assert.is(refused.statusCode, 409);
  assert.match(refused.body, /data-refusal="members">.*<span lang="el">Ο\/Η m2 είναι ήδη μέλος του οργάνου<\/span> · <span lang="en">m2 is already a member of the body<\/span>/);
  const page = await secretary.get(base);
  assert.match(page.body, /<tr data-person="m1"><td>Μέλος m1 <span class="hint">m1<\/span><\/td><td>Παράταξη Α<\/td><td>01\/01\/2024 – 31\/05\/2025<\/td><td><\/td><\/tr>/);
  assert.match(page.body, /<tr data-person="m1"><td>Μέλος m1 <span class="hint">m1<\/span><\/td><td>Παράταξη Β<\/td><td>01\/06\/2025 – …<\/td><td>Πρόεδρος<\/td><\/tr>/);
  assert.match(page.body, '01/01/2024 – 31/12/2025');
  assert.is((await secretary.post(`${base}/vacate`, { _csrf: token, role: 'chair', date: '2026-01-01' })).statusCode, 303);
  assert.match((await secretary.get(`/en${base}`)).body, 'Chair: vacant');
  const types = (await site.store.readStream(streams.councilBody('committee'))).map((e) => e.type);
  assert.equal(types.slice(-7), ['FactionFormed', 'PostAssigned', 'MemberLeft', 'MemberJoined', 'PostAssigned', 'MemberLeft', 'PostVacated']);
});

test('another member of staff is refused, a visitor sent to the login, a POST without the CSRF token refused; nothing changes', async ({ site }) => {
  const secretary = await staffBrowser(site, 'Ελένη Κουρκουμέλη', ['secretary']);
  const sessionId = await convened(secretary);
  const base = `/office/council/sessions/${sessionId}`;
  const clerk = await staffBrowser(site, 'Σπύρος Μαρκάτος', ['clerk:technical-services', 'admin']);
  const clerkPage = await clerk.get('/office/');
  assert.not.match(clerkPage.body, 'href="/office/council"');
  assert.is((await clerk.get('/office/council')).statusCode, 403);
  assert.is((await clerk.get(base)).statusCode, 403);
  const before = await eventsOf(site, sessionId);
  assert.is((await clerk.post(`${base}/arrive`, { _csrf: csrfOf(clerkPage.body), personId: 'm1' })).statusCode, 403);
  assert.is((await clerk.post('/office/council/bodies/committee/members', { _csrf: csrfOf(clerkPage.body), personId: 'x', name: 'X', factionId: '', date: '2024-01-01' })).statusCode, 403);
  const visitor = new Visitor(site.app);
  assert.is((await visitor.get('/office/council')).statusCode, 303);
  assert.is((await secretary.post(`${base}/arrive`, { personId: 'm1' })).statusCode, 403);
  assert.is((await secretary.post(`${base}/arrive`, { _csrf: 'forged', personId: 'm1' })).statusCode, 403);
  assert.equal(await eventsOf(site, sessionId), before);
  assert.is((await secretary.get('/office/council/sessions/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  assert.is((await secretary.get('/office/council/bodies/nobody')).statusCode, 404);
  const bad = await secretary.post('/office/council/bodies', { _csrf: csrfOf(clerkPage.body === '' ? '' : (await secretary.get('/office/council')).body), bodyId: 'Κακό id', name: 'X', nameEn: 'X', classification: 'council' });
  assert.is(bad.statusCode, 422);
  assert.match(bad.body, 'needs lower-case Latin letters');
});

test.run();
