// Service requests in the back office (issue 18): a pothole waits in the technical services' queue, a street
// light in the lighting section's; each clerk sees their own and is told another's does not exist, whatever
// the action; the technical clerk works the request (stage with a public note, reply, internal note, expected
// date, assignment), every event carrying `staff:<id>`; refusals are shown beside their form, el and en, and
// change nothing; the reporter's contact is opened for the department's clerks alone and is in no public
// answer; overdue requests are flagged and counted per queue.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { streams } from '../../../src/domain/index.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, csrfOf, startCitizenSite } from '../identity/citizenSite.ts';
import { actorsOf, caughtUp, report, staffBrowser } from '../requests/requestsSite.ts';

interface Context {
  site: CitizenSite;
  clock: { now: Date | null };
}

const test = suite<Context>('the back office: service requests', {} as Context);

test.before.each(async (context) => {
  context.clock = { now: null };
  const clock = context.clock;
  context.site = await startCitizenSite({ now: () => clock.now ?? new Date() });
});
test.after.each(async ({ site }) => site.close());

const short = (id: string) => id.slice(0, 8);

test('each department sees its own queue; another department’s request is not found, whatever the action', async ({ site }) => {
  const pothole = await report(site, { serviceCode: 'pothole' });
  const light = await report(site, { serviceCode: 'streetlight' });
  const technical = await staffBrowser(site, 'Σπύρος Μαρκάτος', ['clerk:technical-services']);
  const lighting = await staffBrowser(site, 'Άννα Ζαφειράτου', ['clerk:lighting']);

  const home = await technical.get('/office/');
  assert.match(home.body, '<a href="/office/requests">Αναφορές προβλημάτων: η ουρά του τμήματος</a>', 'the office home leads to the queue');
  assert.match((await technical.get('/en/office/')).body, '<a href="/en/office/requests">Problem reports: the department’s queue</a>');
  const queue = await technical.get('/office/requests');
  assert.is(queue.statusCode, 200, queue.body.slice(0, 300));
  assert.match(queue.body, `>${short(pothole.id)}<`);
  assert.not.match(queue.body, short(light.id));
  assert.match(queue.body, /<tr data-queue="technical-services" data-category="pothole"><td>Διεύθυνση Τεχνικών Υπηρεσιών<\/td><td><a [^>]+>Λακκούβα στον δρόμο<\/a><\/td><td data-open>1<\/td><td data-overdue>0<\/td>/);
  assert.not.match(queue.body, 'data-queue="lighting"');
  assert.match((await technical.get('/en/office/requests')).body, 'Pothole');

  const hidden = await lighting.get(`/office/requests/${pothole.id}`);
  assert.is(hidden.statusCode, 404);
  assert.not.match(hidden.body, 'Κωστή Παλαμά');
  const page = await lighting.get(`/office/requests/${light.id}`);
  assert.is(page.statusCode, 200);
  const before = (await site.store.readStream(streams.request(pothole.id))).length;
  for (const [action, form] of [
    ['stage', { stage: 'acknowledged', notes: '' }],
    ['reply', { text: 'Το είδαμε.' }],
    ['assign', { department: 'lighting' }],
    ['expected', { date: '2030-01-01' }],
    ['merge', { into: light.id }],
    ['note', { text: 'Κρυφό' }],
  ] as const) {
    const acted = await lighting.post(`/office/requests/${pothole.id}/${action}`, { _csrf: csrfOf(page.body), ...form });
    assert.is(acted.statusCode, 404, `${action} on another department’s request`);
  }
  const bulk = await lighting.post('/office/requests/bulk', { _csrf: csrfOf(page.body), ids: pothole.id, action: 'stage', stage: 'in_progress', notes: '' });
  assert.is(bulk.statusCode, 400);
  assert.is((await site.store.readStream(streams.request(pothole.id))).length, before, 'nothing was appended');
  assert.is((await site.store.readStream(streams.requestNotes(pothole.id))).length, 0);

  const admin = await staffBrowser(site, 'Διαχειριστής', ['admin']);
  const all = await admin.get('/office/requests');
  assert.match(all.body, short(pothole.id));
  assert.match(all.body, short(light.id));
  assert.not.match((await admin.get('/office/requests?department=lighting')).body, short(pothole.id));
  assert.match((await admin.get('/office/requests?service_code=streetlight')).body, short(light.id));
  assert.not.match((await admin.get('/office/requests?service_code=streetlight')).body, `>${short(pothole.id)}<`);

  // Assigned to the lighting section, the pothole changes queues.
  const tPage = await technical.get(`/office/requests/${pothole.id}`);
  assert.is((await technical.post(`/office/requests/${pothole.id}/assign`, { _csrf: csrfOf(tPage.body), department: 'lighting' })).statusCode, 303);
  await caughtUp(site);
  assert.is((await technical.get(`/office/requests/${pothole.id}`)).statusCode, 404);
  assert.is((await lighting.get(`/office/requests/${pothole.id}`)).statusCode, 200);
  assert.match((await lighting.get('/office/requests')).body, short(pothole.id));

  const secretary = await staffBrowser(site, 'Ελένη Κουρκουμέλη', ['secretary']);
  assert.is((await secretary.get('/office/requests')).statusCode, 403);
  assert.is((await new Browser(site.app).get('/office/requests')).statusCode, 303);
  assert.is((await technical.get('/office/requests/00000000-0000-4000-8000-000000000000')).statusCode, 404);
});

test('the clerk works a request: stage with a public note, reply, internal note, expected date, assignment; each event’s actor is the clerk', async ({ site }) => {
  const { id } = await report(site);
  const clerk = await staffBrowser(site, 'Σπύρος Μαρκάτος', ['clerk:technical-services']);
  let page = await clerk.get(`/office/requests/${id}`);
  const token = csrfOf(page.body);

  const staged = await clerk.post(`/office/requests/${id}/stage`, { _csrf: token, stage: 'in_progress', notes: 'Το συνεργείο θα περάσει την Τρίτη.' });
  assert.is(staged.statusCode, 303);
  assert.is(staged.headers.location, `/office/requests/${id}?done=stage`);
  assert.is((await clerk.post(`/office/requests/${id}/reply`, { _csrf: token, text: 'Ευχαριστούμε για την αναφορά.' })).statusCode, 303);
  assert.is((await clerk.post(`/office/requests/${id}/note`, { _csrf: token, text: 'Χρειάζεται άσφαλτος από την αποθήκη.' })).statusCode, 303);
  assert.is((await clerk.post(`/office/requests/${id}/expected`, { _csrf: token, date: '2030-03-15' })).statusCode, 303);
  assert.is((await clerk.post(`/en/office/requests/${id}/assign`, { _csrf: token, department: 'cleaning' })).headers.location, `/en/office/requests/${id}?done=assigned`);
  await caughtUp(site);

  const admin = await staffBrowser(site, 'Διαχειριστής', ['admin']);
  page = await admin.get(`/office/requests/${id}?done=assigned`);
  assert.match(page.body, 'Το αίτημα ανατέθηκε.');
  assert.match(page.body, 'Σε εξέλιξη — Το συνεργείο θα περάσει την Τρίτη.');
  assert.match(page.body, 'Απάντηση: Ευχαριστούμε για την αναφορά.');
  assert.match(page.body, 'Αναμενόμενη ημερομηνία: 15/03/2030');
  assert.match(page.body, 'Ανάθεση: Υπηρεσία Καθαριότητας / Cleaning Service');
  assert.match(page.body, /<ul id="internal-notes"><li>.*Σπύρος Μαρκάτος: Χρειάζεται άσφαλτος από την αποθήκη\./);
  const english = await admin.get(`/en/office/requests/${id}`);
  assert.match(english.body, 'Internal notes (staff only)');
  assert.match(english.body, 'In progress');

  const actors = await actorsOf(site, id, ['RequestStatusChanged', 'RequestReplied', 'RequestExpectedDateSet', 'RequestAssigned']);
  assert.is(actors.length, 4);
  const [staffId] = actors;
  assert.ok(staffId!.startsWith('staff:') && actors.every((a) => a === staffId), JSON.stringify(actors));
  const notes = await site.store.readStream(streams.requestNotes(id));
  assert.is(notes.length, 1);
  assert.is(String(notes[0]!.metadata?.actor), staffId);
  const open311 = await site.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` });
  assert.is(open311.statusCode, 200);
  assert.match(open311.body, 'Ευχαριστούμε για την αναφορά.');
  assert.not.match(open311.body, 'άσφαλτος', 'the internal note is in no public answer');
});

test('a refusal is shown beside its form, in Greek and English, and changes nothing', async ({ site }) => {
  const { id } = await report(site);
  const clerk = await staffBrowser(site, 'Σπύρος Μαρκάτος', ['clerk:technical-services']);
  const page = await clerk.get(`/office/requests/${id}`);
  const token = csrfOf(page.body);
  const before = (await site.store.readStream(streams.request(id))).length;

  const closed = await clerk.post(`/office/requests/${id}/stage`, { _csrf: token, stage: 'closed', notes: '  ' });
  assert.is(closed.statusCode, 400);
  assert.match(closed.body, new RegExp(`action="/office/requests/${id}/stage">[^]*?<p class="error" role="alert">Γράψτε γιατί κλείνει`));
  assert.match((await clerk.post(`/en/office/requests/${id}/stage`, { _csrf: token, stage: 'not_municipal', notes: '' })).body, 'Say why it is closed');
  const duplicate = await clerk.post(`/office/requests/${id}/stage`, { _csrf: token, stage: 'duplicate', notes: 'x' });
  assert.is(duplicate.statusCode, 400);
  assert.match(duplicate.body, 'Διπλή αναφορά γίνεται με συγχώνευση');
  const reply = await clerk.post(`/office/requests/${id}/reply`, { _csrf: token, text: '' });
  assert.is(reply.statusCode, 400);
  assert.match(reply.body, new RegExp(`action="/office/requests/${id}/reply">[^]*?role="alert">Γράψτε το κείμενο`));
  const date = await clerk.post(`/office/requests/${id}/expected`, { _csrf: token, date: '15/03/2030' });
  assert.is(date.statusCode, 400);
  assert.match(date.body, 'ΕΕΕΕ-ΜΜ-ΗΗ');
  const early = await clerk.post(`/office/requests/${id}/expected`, { _csrf: token, date: '2020-01-01' });
  assert.is(early.statusCode, 400);
  assert.match(early.body, 'πριν από την υποβολή');
  const nowhere = await clerk.post(`/office/requests/${id}/assign`, { _csrf: token, department: 'nowhere' });
  assert.is(nowhere.statusCode, 400);
  assert.match(nowhere.body, 'Επιλέξτε ένα από τα τμήματα');
  const merge = await clerk.post(`/en/office/requests/${id}/merge`, { _csrf: token, into: '00000000-0000-4000-8000-000000000000' });
  assert.is(merge.statusCode, 400);
  assert.match(merge.body, 'There is no request with this number to merge into');
  const self = await clerk.post(`/office/requests/${id}/merge`, { _csrf: token, into: id });
  assert.is(self.statusCode, 409);
  const forged = await clerk.post(`/office/requests/${id}/reply`, { _csrf: 'not-the-token', text: 'Κάτι' });
  assert.is(forged.statusCode, 403, 'CSRF as on every office form');

  assert.is((await site.store.readStream(streams.request(id))).length, before, 'no refused action appended anything');
  assert.is((await site.store.readStream(streams.requestNotes(id))).length, 0);
});

test('the reporter’s contact: shown to the department’s clerks only, recorded as looked at, in no public answer', async ({ site }) => {
  const { id, subjectId } = await report(site, { contact: { email: 'maria.papadatou@example.gr', firstName: 'Μαρία', lastName: 'Παπαδάτου', phone: '+30 26710 91234' } });
  const clerk = await staffBrowser(site, 'Σπύρος Μαρκάτος', ['clerk:technical-services']);
  const page = await clerk.get(`/office/requests/${id}`);
  assert.match(page.body, /<ul id="reporters"><li>Μαρία Παπαδάτου · <a href="mailto:maria\.papadatou@example\.gr">maria\.papadatou@example\.gr<\/a> · \+30 26710 91234<\/li><\/ul>/);
  const looked = await site.db.client.query(`SELECT 1 FROM "${site.db.schema}".od_staff_audit WHERE action = 'PersonalDataViewed' AND subject = $1`, [subjectId]);
  assert.ok(looked.length >= 1, 'opening the contact is in the audit trail');

  const admin = await staffBrowser(site, 'Διαχειριστής', ['admin']);
  const adminPage = await admin.get(`/office/requests/${id}`);
  assert.is(adminPage.statusCode, 200);
  assert.not.match(adminPage.body, 'maria.papadatou');
  assert.not.match(adminPage.body, 'Παπαδάτου');
  assert.match(adminPage.body, 'τα βλέπουν μόνο οι υπάλληλοι του αρμόδιου τμήματος');
  assert.not.match((await clerk.get('/office/requests')).body, 'maria.papadatou', 'nor in the queue');

  for (const url of [`/open311/v2/requests/${id}.json`, `/open311/v2/requests/${id}.xml`, `/requests/${id}`, '/requests', `/api/my/requests`]) {
    const answer = await new Browser(site.app).get(url);
    assert.not.match(answer.body, 'maria.papadatou', url);
    assert.not.match(answer.body, 'Παπαδάτου', url);
    assert.not.match(answer.body, '91234', url);
  }
});

test('an open request past its expected date, or past its type’s days without one, is overdue, flagged and counted per queue', async ({ site, clock }) => {
  clock.now = new Date('2026-03-02T09:00:00Z');
  const late = await report(site, { serviceCode: 'pothole' });
  const promised = await report(site, { serviceCode: 'pothole', expectedAt: '2026-03-05T20:00:00.000Z' });
  const bins = await report(site, { serviceCode: 'overflowing-bins' });
  clock.now = new Date('2026-03-10T09:00:00Z');
  const fresh = await report(site, { serviceCode: 'pothole' });
  const technical = await staffBrowser(site, 'Σπύρος Μαρκάτος', ['clerk:technical-services']);
  const cleaning = await staffBrowser(site, 'Γιώργος Βαλλιανάτος', ['clerk:cleaning']);

  // 8 days on: the promised date (3 days) has passed; the pothole's 30 days have not.
  let queue = await technical.get('/office/requests');
  assert.match(queue.body, new RegExp(`<tr class="overdue"><td><input type="checkbox" name="ids" value="${promised.id}"`));
  assert.match(queue.body, new RegExp(`<tr><td><input type="checkbox" name="ids" value="${late.id}"`));
  assert.match(queue.body, /data-category="pothole">.*<td data-open>3<\/td><td data-overdue><a [^>]+><strong>1<\/strong><\/a><\/td>/);
  const bQueue = await cleaning.get('/office/requests');
  assert.match(bQueue.body, new RegExp(`<tr class="overdue"><td><input type="checkbox" name="ids" value="${bins.id}"`), 'the bins’ 3 days are past');
  assert.match(bQueue.body, 'εκπρόθεσμο');

  clock.now = new Date('2026-04-05T09:00:00Z');
  queue = await technical.get('/office/requests?overdue=1');
  assert.match(queue.body, short(late.id));
  assert.match(queue.body, short(promised.id));
  assert.not.match(queue.body, `value="${fresh.id}"`, '26 days of 30: not yet');
  assert.match(queue.body, /<td data-open>3<\/td><td data-overdue><a [^>]+><strong>2<\/strong>/);

  // Fixed, it is no longer overdue.
  const page = await technical.get(`/office/requests/${late.id}`);
  await technical.post(`/office/requests/${late.id}/stage`, { _csrf: csrfOf(page.body), stage: 'fixed', notes: 'Επιδιορθώθηκε.' });
  await caughtUp(site);
  queue = await technical.get('/office/requests?overdue=1');
  assert.not.match(queue.body, `value="${late.id}"`);
  assert.match((await technical.get('/office/requests?stage=fixed')).body, short(late.id));
});

test.run();
