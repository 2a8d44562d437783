// Applications in the back office (issue 17): a citizen files the social water tariff with its papers; a clerk
// of the water department finds it in the queue with the applicant's name and the working days left, assigns
// it, asks for more, reads the answer, approves (the document issued with its protocol number) and revokes it
// (the public verification then says so); a clerk of another department is told it does not exist; the
// queue is for clerks and administrators only; refusals of the domain are shown on the page with their status;
// an application past its due date is flagged overdue.
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ApplicationsServices, CheckedAttachment } from '../../../src/api/applications/index.ts';
import { answer, submit, verifyCode } from '../../../src/api/applications/index.ts';
import { lixouriPayments } from '../../../src/api/debts/index.ts';
import { subjectOf } from '../../../src/api/identity/index.ts';
import { createStaff } from '../../../src/api/shared/staff/index.ts';
import { startApplicationsSite, testApplying } from '../../api/applications/applicationsSite.ts';
import { A, caughtUp } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, csrfOf, logInAs } from '../identity/citizenSite.ts';

const PASSWORD = 'μια φράση από λέξεις';

interface Context {
  site: CitizenSite;
  clock: { now: Date | null };
}

const test = suite<Context>('the back office: applications', {} as Context);

test.before.each(async (context) => {
  // The clock is the real one unless a test sets it (the overdue flag).
  context.clock = { now: null };
  const clock = context.clock;
  context.site = await startApplicationsSite({ now: () => clock.now ?? new Date() });
});
test.after.each(async ({ site }) => site.close());

/** What submit and answer need of the applications' services; nothing here renders or signs. */
const applying = async (site: CitizenSite): Promise<ApplicationsServices> => {
  const { catalogue, signer } = await testApplying();
  const base = { store: site.store, client: site.db.client, schema: site.db.schema, keyring: site.keyring, ...(site.services.now ? { now: site.services.now } : {}) };
  return {
    ...base,
    catalogue,
    signer,
    debts: { ...lixouriPayments, ...base },
    render: () => Promise.reject(new Error('the office test renders no document through these services')),
    publicUrl: site.services.publicUrl,
  };
};

let staffCount = 0;
/** A member of staff with these roles, logged in through the office's pages. */
const staffBrowser = async (site: CitizenSite, name: string, roles: string[]): Promise<Browser> => {
  const email = `staff${++staffCount}@lixouri.gr`;
  const link = await createStaff({ client: site.db.client, schema: site.db.schema, store: site.store }, { email, name, roles, actor: 'cli:test' });
  const browser = new Browser(site.app);
  const form = await browser.get(`/office/password/${link.token}`);
  await browser.post(`/office/password/${link.token}`, { _csrf: csrfOf(form.body), password: PASSWORD, repeated: PASSWORD });
  const login = await browser.get('/office/login');
  const done = await browser.post('/office/login', { _csrf: csrfOf(login.body), email, password: PASSWORD });
  assert.is(done.statusCode, 303, `staff login answered ${done.statusCode}`);
  return browser;
};

const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const checked = (kind: string, format: 'pdf' | 'png', bytes: Uint8Array): CheckedAttachment => ({
  kind,
  format,
  mediaType: format === 'pdf' ? 'application/pdf' : 'image/png',
  sha256: createHash('sha256').update(bytes).digest('hex'),
  bytes,
});

/** Citizen A (logged in through the stand-in, so the citizens' read model has the name) files the social water tariff. */
const fileWaterTariff = async (site: CitizenSite, meter = 'ΥΔ-40211'): Promise<{ id: string; services: ApplicationsServices; applicant: { subjectId: string; actor: string } }> => {
  await logInAs(new Browser(site.app), A);
  const services = await applying(site);
  const subjectId = await subjectOf(site.services, A);
  const applicant = { subjectId, kind: 'person' as const, actor: `citizen:${subjectId}` };
  const filed = await submit(services, applicant, {
    service: 'social-water-tariff',
    fields: { waterMeter: meter, householdMembers: '4', address: 'Αγίου Σπυρίδωνος 12, Ληξούρι' },
    attachments: [checked('tax-statement', 'pdf', PDF_BYTES), checked('id-document', 'png', PNG_BYTES)],
    key: meter,
  });
  assert.is(filed.kind, 'filed', JSON.stringify(filed));
  await caughtUp(site);
  return { id: (filed as { id: string }).id, services, applicant };
};

test('a water clerk works the application from the queue to the issued document, and revokes it', async ({ site }) => {
  const { id, services, applicant } = await fileWaterTariff(site);
  const clerk = await staffBrowser(site, 'Άννα Ζαφειράτου', ['clerk:water']);
  await staffBrowser(site, 'Νίκος Μεταξάς', ['clerk:water']);

  const home = await clerk.get('/office/');
  assert.match(home.body, 'href="/office/applications"');
  const queue = await clerk.get('/office/applications');
  assert.is(queue.statusCode, 200, queue.body.slice(0, 300));
  assert.match(queue.body, 'Ένταξη στο κοινωνικό τιμολόγιο ύδρευσης');
  assert.match(queue.body, 'ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ');
  assert.match(queue.body, 'απομένουν 30 εργάσιμες', 'a deadline of 30 working days, counted from today');
  assert.match(queue.body, 'χωρίς τέλος');
  assert.not.match(queue.body, 'class="overdue"');
  const english = await clerk.get('/en/office/applications');
  assert.match(english.body, 'Social water tariff');
  assert.match(english.body, '30 working days left');
  const looked = await site.db.client.query(`SELECT 1 FROM "${site.db.schema}".od_staff_audit WHERE action = 'PersonalDataViewed' AND subject = $1`, [applicant.subjectId]);
  assert.ok(looked.length >= 1, 'showing the applicant is in the audit trail');

  const page = await clerk.get(`/office/applications/${id}`);
  assert.is(page.statusCode, 200);
  assert.match(page.body, 'ΥΔ-40211');
  assert.match(page.body, 'Αριθμός υδρομέτρου');
  const [, fileLink] = /href="(\/office\/applications\/[^"]+\/files\/[^"]+)">Λήψη: Εκκαθαριστικό/.exec(page.body) ?? [];
  assert.ok(fileLink, 'a download link for the tax statement');
  const file = await clerk.get(fileLink);
  assert.is(file.statusCode, 200);
  assert.is(file.headers['content-type'], 'application/pdf');
  assert.match(String(file.headers['content-disposition']), /^attachment; filename="tax-statement\.pdf"$/);
  assert.is(file.headers['x-content-type-options'], 'nosniff');
  assert.equal(new Uint8Array(file.rawPayload), PDF_BYTES);

  // Assigned to the other member through the select, then taken back.
  const [, colleague] = /<option value="([^"]+)">Νίκος Μεταξάς<\/option>/.exec(page.body) ?? [];
  assert.ok(colleague, 'the department’s other member is offered');
  const toOther = await clerk.post(`/office/applications/${id}/assign`, { _csrf: csrfOf(page.body), to: colleague });
  assert.is(toOther.statusCode, 303);
  await caughtUp(site);
  assert.match((await clerk.get('/office/applications')).body, 'Νίκος Μεταξάς');
  const stranger = await clerk.post(`/office/applications/${id}/assign`, { _csrf: csrfOf(page.body), to: 'not-a-member' });
  assert.is(stranger.statusCode, 400);
  assert.match(stranger.body, 'Επιλέξτε μέλος του τμήματος');
  const toMe = await clerk.post(`/office/applications/${id}/assign`, { _csrf: csrfOf(page.body), to: '' });
  assert.is(toMe.statusCode, 303);
  assert.is(toMe.headers.location, `/office/applications/${id}?done=assigned`);
  await caughtUp(site);
  const mine = await clerk.get('/office/applications?mine=1');
  assert.match(mine.body, 'Άννα Ζαφειράτου');
  assert.match(mine.body, 'Σε εξέταση');

  const empty = await clerk.post(`/office/applications/${id}/ask`, { _csrf: csrfOf(page.body), question: '   ' });
  assert.is(empty.statusCode, 400);
  assert.match(empty.body, 'Γράψτε την αιτιολογία');
  const asked = await clerk.post(`/office/applications/${id}/ask`, { _csrf: csrfOf(page.body), question: 'Στείλτε τη βεβαίωση πολυτεκνίας.' });
  assert.is(asked.statusCode, 303);
  await caughtUp(site);
  const waiting = await clerk.get(`/office/applications/${id}`);
  assert.match(waiting.body, 'Ζητήθηκαν στοιχεία');
  assert.match(waiting.body, 'Στείλτε τη βεβαίωση πολυτεκνίας.');

  await answer(services, applicant, id, 'Επισυνάπτω τη βεβαίωση.', [checked('id-document', 'pdf', PDF_BYTES)]);
  await caughtUp(site);
  const answered = await clerk.get(`/office/applications/${id}`);
  assert.match(answered.body, 'Ο αιτών απάντησε');
  assert.match(answered.body, 'ο αιτών: Επισυνάπτω τη βεβαίωση.');
  assert.match(answered.body, /Χρέωση σε υπάλληλο · Άννα Ζαφειράτου: Άννα Ζαφειράτου/, 'the timeline names the actor and the assignee');

  const approved = await clerk.post(`/office/applications/${id}/approve`, { _csrf: csrfOf(answered.body) });
  assert.is(approved.statusCode, 200, approved.body.slice(0, 500));
  assert.match(approved.body, new RegExp(`αριθμό πρωτοκόλλου \\d+/${new Date().getUTCFullYear()}`));
  await caughtUp(site);
  const issued = await clerk.get(`/office/applications/${id}`);
  assert.match(issued.body, 'Εκδόθηκε');
  const [, code] = /Κωδικός επαλήθευσης<\/dt><dd>([^<]+)<\/dd>/.exec(issued.body) ?? [];
  assert.ok(code, 'the verification code is shown');
  assert.is((await verifyCode(services, code)).status, 'valid');
  assert.not.match((await clerk.get('/office/applications')).body, 'ΥΔ-40211', 'an issued application leaves the open queue');
  assert.match((await clerk.get('/office/applications?status=issued')).body, 'ΠΑΠΑΔΑΤΟΣ');

  const revoked = await clerk.post(`/office/applications/${id}/revoke`, { _csrf: csrfOf(issued.body), reason: 'issued-in-error' });
  assert.is(revoked.statusCode, 303);
  await caughtUp(site);
  assert.is((await verifyCode(services, code)).status, 'revoked');
  const after = await clerk.get(`/office/applications/${id}`);
  assert.match(after.body, '<strong>ανακλήθηκε</strong>');
  assert.not.match(after.body, `action="/office/applications/${id}/revoke"`);
  const badReason = await clerk.post(`/office/applications/${id}/revoke`, { _csrf: csrfOf(issued.body), reason: 'because' });
  assert.is(badReason.statusCode, 400);
  const actors = (await site.store.readAll()).filter((e) => e.type === 'ApplicationAssigned' || e.type === 'DocumentRevoked').map((e) => String(e.metadata?.actor));
  assert.ok(actors.length === 3 && actors.every((a) => a.startsWith('staff:')), JSON.stringify(actors));
});

test('another department’s clerk gets 404 for the application and its files; the queue is for clerks and admins', async ({ site }) => {
  const { id } = await fileWaterTariff(site);
  const water = await staffBrowser(site, 'Άννα Ζαφειράτου', ['clerk:water']);
  const page = await water.get(`/office/applications/${id}`);
  const fileLink = /href="(\/office\/applications\/[^"]+\/files\/[^"]+)"/.exec(page.body)![1]!;

  const technical = await staffBrowser(site, 'Σπύρος Μαρκάτος', ['clerk:technical']);
  const hidden = await technical.get(`/office/applications/${id}`);
  assert.is(hidden.statusCode, 404);
  assert.not.match(hidden.body, 'ΠΑΠΑΔΑΤΟΣ');
  assert.is((await technical.get(fileLink)).statusCode, 404);
  const acted = await technical.post(`/office/applications/${id}/approve`, { _csrf: csrfOf((await technical.get('/office/')).body) });
  assert.is(acted.statusCode, 404);
  assert.is((await site.store.readAll()).filter((e) => e.type === 'ApplicationApproved').length, 0);
  const theirs = await technical.get('/office/applications');
  assert.is(theirs.statusCode, 200);
  assert.not.match(theirs.body, 'ΠΑΠΑΔΑΤΟΣ');
  assert.is((await technical.get('/office/applications/00000000-0000-8000-8000-000000000000')).statusCode, 404);

  const secretary = await staffBrowser(site, 'Ελένη Κουρκουμέλη', ['secretary']);
  assert.is((await secretary.get('/office/applications')).statusCode, 403);
  assert.not.match((await secretary.get('/office/')).body, 'href="/office/applications"');
  assert.is((await new Browser(site.app).get('/office/applications')).statusCode, 303);

  const admin = await staffBrowser(site, 'Διαχειριστής', ['admin']);
  const all = await admin.get('/office/applications');
  assert.match(all.body, 'ΠΑΠΑΔΑΤΟΣ');
  assert.match(all.body, '<option value="water">');
  assert.not.match((await admin.get('/office/applications?department=technical')).body, 'ΠΑΠΑΔΑΤΟΣ');
  assert.match((await admin.get('/office/applications?department=water')).body, 'ΠΑΠΑΔΑΤΟΣ');
  assert.is((await admin.get(`/office/applications/${id}`)).statusCode, 200);
});

test('rejection needs a reason, shown on the page with 400; with one, the application is rejected and closed', async ({ site }) => {
  const { id } = await fileWaterTariff(site);
  const clerk = await staffBrowser(site, 'Άννα Ζαφειράτου', ['clerk:water']);
  const page = await clerk.get(`/office/applications/${id}`);
  const refused = await clerk.post(`/office/applications/${id}/reject`, { _csrf: csrfOf(page.body), reason: '' });
  assert.is(refused.statusCode, 400);
  assert.match(refused.body, 'role="alert">Γράψτε την αιτιολογία');
  const english = await clerk.post(`/en/office/applications/${id}/reject`, { _csrf: csrfOf(page.body), reason: '' });
  assert.match(english.body, 'Write the reason');
  const rejected = await clerk.post(`/office/applications/${id}/reject`, { _csrf: csrfOf(page.body), reason: 'Το εισόδημα υπερβαίνει το όριο.' });
  assert.is(rejected.statusCode, 303);
  await caughtUp(site);
  const closed = await clerk.get(`/office/applications/${id}?done=rejected`);
  assert.match(closed.body, 'Η αίτηση απορρίφθηκε.');
  assert.match(closed.body, 'Το εισόδημα υπερβαίνει το όριο.');
  assert.not.match(closed.body, `action="/office/applications/${id}/approve"`);
  const again = await clerk.post(`/office/applications/${id}/approve`, { _csrf: csrfOf(page.body) });
  assert.is(again.statusCode, 409, 'a closed application cannot be approved: the domain’s refusal, not a 500');
  assert.match(again.body, 'role="alert"');
});

test('an application past its due date and still open is flagged overdue, with the working days late', async ({ site, clock }) => {
  clock.now = new Date('2026-01-05T09:00:00Z');
  await fileWaterTariff(site, 'ΥΔ-10001');
  clock.now = new Date('2026-03-16T09:00:00Z');
  const clerk = await staffBrowser(site, 'Άννα Ζαφειράτου', ['clerk:water']);
  const queue = await clerk.get('/office/applications');
  assert.match(queue.body, 'class="overdue"');
  assert.match(queue.body, 'εκπρόθεσμη');
  assert.match(queue.body, /\d+ εργάσιμες καθυστέρηση/);
  assert.match((await clerk.get('/office/applications?overdue=1')).body, 'ΠΑΠΑΔΑΤΟΣ');
  clock.now = new Date('2026-01-07T09:00:00Z');
  const early = await clerk.get('/office/applications?overdue=1');
  assert.not.match(early.body, 'ΠΑΠΑΔΑΤΟΣ', 'not overdue before its due date');
});

test.run();
