// «Αναφορά προβλήματος» on the site, through the form as a browser without JavaScript sends it: the kinds of
// problem; a TaxisNet citizen's report recorded at once, with account: true and their own subject; a
// visitor's report kept pending, nothing public, until the e-mailed link is POSTed (a GET only shows the
// button), an expired or used link refused; photos without EXIF (no GPS, no camera), upright; a photo too
// big or not an image refused in Greek and English with nothing kept; a spot outside the municipality
// refused; the honeypot; the CSRF token required on every POST.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import sharp from 'sharp';
import { subjectOf } from '../../../src/api/identity/index.ts';
import { PENDING_REPORTS, REQUEST_PHOTOS } from '../../../src/api/requests/index.ts';
import { createEmailTransport } from '../../../src/integrations/mail/index.ts';
import { dispatchPass, OUTBOX } from '../../../src/notify/index.ts';
import { REQUESTS } from '../../../src/projections/requests/index.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { unusedWebhook } from '../../notify/support.ts';
import type { SmtpDouble } from '../../support/doubles/smtp/index.ts';
import { startSmtpDouble } from '../../support/doubles/smtp/index.ts';
import { A, caughtUp } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, logInAs, startCitizenSite } from '../identity/citizenSite.ts';
import { anonymousReport, CODE, hasGpsPointer, hiddenOf, openForm, phonePhoto, requestEvents, sendReport } from './reportSite.ts';

interface Context {
  site: CitizenSite;
  clock: { at: number };
  smtp: SmtpDouble;
}

const test = suite<Context>('web/requests: report a problem, as a citizen and as a visitor', {} as Context);

test.before.each(async (c) => {
  c.clock = { at: Date.parse('2026-12-07T09:00:00Z') };
  c.site = await startCitizenSite({ now: () => new Date(c.clock.at) });
  c.smtp = await startSmtpDouble();
});

test.after.each(async (c) => {
  await c.site.close();
  await c.smtp.close();
});

const count = async (site: CitizenSite, name: string): Promise<number> =>
  Number((await site.db.client.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table(site.db.schema, name)}`))[0]!.n);

/** Delivers the outbox to the SMTP double and answers the confirmation link of the last message. */
const mailedLink = async (c: Context): Promise<string> => {
  const email = createEmailTransport({ smtpUrl: c.smtp.url, from: 'Δήμος Ληξουρίου <noreply@lixouri.gr>', dataDir: '/tmp' });
  await dispatchPass({ client: c.site.db.client, schema: c.site.db.schema, transports: { email, webhook: unusedWebhook }, now: () => new Date(c.clock.at) });
  const mail = c.smtp.received.at(-1);
  assert.ok(mail, 'a message was sent');
  const link = /http:\/\/localhost:8080(?:\/en)?\/requests\/confirm\?token=[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? '')?.[0];
  assert.ok(link, 'the message carries the link');
  return link;
};

test('the kinds of problem by group, then the form with its map, the address field, the e-mail and a hidden honeypot', async ({ site }) => {
  const browser = new Browser(site.app);
  const list = await browser.get('/requests/new');
  assert.is(list.statusCode, 200);
  assert.ok(list.body.includes('Αναφορά προβλήματος'));
  assert.ok(list.body.includes('<h2>Οδοποιία</h2>'), 'grouped');
  assert.ok(list.body.includes(`href="/requests/new?service_code=${CODE}"`));
  const en = await browser.get('/en/requests/new');
  assert.ok(en.body.includes('Report a problem') && en.body.includes('href="/en/requests/new?service_code=pothole"'));
  const form = await browser.get('/requests/new?service_code=pothole');
  assert.is(form.statusCode, 200);
  for (const piece of ['data-mode="pick"', 'data-lat-input="report-lat"', 'name="address_string"', 'name="email"', 'name="website"', 'name="attribute[size]"', 'enctype="multipart/form-data"', 'data-my-location="report-map"']) {
    assert.ok(form.body.includes(piece), piece);
  }
  assert.ok(form.body.includes('δημοσιεύονται'), 'the page says the description is public');
  assert.match(form.body, /src="\/static\/leaflet\.[0-9a-f]+\.js"/);
  assert.match(form.body, /src="\/static\/report\.[0-9a-f]+\.js"/);
  assert.is((await browser.get('/requests/new?service_code=nope')).statusCode, 404);
});

test('a citizen logged in with TaxisNet: recorded at once, under their own subject, with account: true; the page links to /my/requests', async ({ site }) => {
  const browser = new Browser(site.app);
  await logInAs(browser, A);
  const sent = await sendReport(site, browser, { description: 'Σπασμένος σωλήνας', lat: '38.2013', long: '20.4385', email: 'not-used@example.gr' });
  assert.is(sent.statusCode, 303, sent.body.slice(0, 400));
  const location = sent.headers.location as string;
  assert.match(location, /^\/requests\/new\/recorded\?id=[0-9a-f-]{36}$/);
  const id = location.split('=')[1]!;
  const events = await requestEvents(site);
  assert.equal(events.map((e) => e.type), ['RequestSubmitted', 'ReporterRecorded']);
  assert.is(events[0]!.data['requestId'], id);
  assert.is(events[0]!.data['description'], 'Σπασμένος σωλήνας');
  assert.is(events[0]!.metadata['actor'], 'citizen');
  const reporter = events[1]!.data;
  assert.is(reporter['account'], true);
  assert.is(reporter['subjectId'], await subjectOf(site.services, A));
  const contact = await site.keyring.open<Record<string, unknown>>(String(reporter['subjectId']), String(reporter['sealed']));
  assert.ok(contact, 'sealed with the account’s key');
  assert.is(contact['email'], null, 'the account has no verified e-mail: none given, and the form’s field is not taken');
  const page = await browser.get(location);
  assert.is(page.statusCode, 200);
  assert.ok(page.body.includes('Καταχωρίστηκε') && page.body.includes(id));
  assert.ok(page.body.includes(`href="/requests/${id}"`) && page.body.includes('href="/my/requests"'));
  assert.is(await count(site, PENDING_REPORTS), 0);
});

test('a visitor’s report waits for its e-mail link: nothing public, a GET shows the button, the POST records it, the link works once', async (c) => {
  const { site } = c;
  const browser = new Browser(site.app);
  const sent = await sendReport(site, browser, anonymousReport(), [await phonePhoto()]);
  assert.is(sent.statusCode, 200, sent.body.slice(0, 400));
  assert.ok(sent.body.includes('Ελέγξτε το e-mail σας'));
  assert.equal(await requestEvents(site), [], 'nothing recorded');
  await caughtUp(site);
  assert.is(await count(site, REQUESTS), 0, 'nothing public');
  const [photo] = await site.db.client.query<{ request_id: string }>(`SELECT request_id FROM ${table(site.db.schema, REQUEST_PHOTOS)}`);
  assert.ok(photo, 'the photo is kept');
  assert.is((await site.app.inject({ url: `/requests/${photo.request_id}/photos/1.jpg` })).statusCode, 404, 'a pending report’s photo is not shown');
  const [row] = await site.db.client.query<{ token_hash: string; sealed: string }>(`SELECT token_hash, sealed FROM ${table(site.db.schema, PENDING_REPORTS)}`);
  assert.ok(row && !row.sealed.includes('maria') && !row.sealed.includes('Τρέχει'), 'the draft is sealed');

  const link = await mailedLink(c);
  const mail = c.smtp.received.at(-1)!;
  assert.equal(mail.to, ['maria@example.gr']);
  const viewer = new Browser(site.app);
  const shown = await viewer.get(link);
  assert.is(shown.statusCode, 200);
  assert.ok(shown.body.includes('Επιβεβαίωση') && shown.body.includes('Τρέχει νερό'));
  assert.equal(await requestEvents(site), [], 'a GET (a mail scanner) records nothing');
  const token = new URL(link).searchParams.get('token')!;
  const confirmed = await viewer.post('/requests/confirm', { _csrf: hiddenOf(shown.body, '_csrf'), token });
  assert.is(confirmed.statusCode, 303, confirmed.body.slice(0, 300));
  const events = await requestEvents(site);
  assert.equal(events.map((e) => e.type), ['RequestSubmitted', 'ReporterRecorded']);
  const id = String(events[0]!.data['requestId']);
  assert.is(id, photo.request_id);
  assert.is(events[0]!.data['mediaUrl'], `http://localhost:8080/requests/${id}/photos/1.jpg`);
  assert.is(events[0]!.metadata['actor'], 'web');
  assert.is(events[1]!.data['account'], undefined, 'no account');
  const contact = await site.keyring.open<Record<string, unknown>>(String(events[1]!.data['subjectId']), String(events[1]!.data['sealed']));
  assert.equal(contact, { email: 'maria@example.gr', firstName: 'Μαρία', lastName: null, phone: null });
  const served = await site.app.inject({ url: `/requests/${id}/photos/1.jpg` });
  assert.is(served.statusCode, 200);
  assert.is(served.headers['content-type'], 'image/jpeg');
  assert.is(served.headers['x-content-type-options'], 'nosniff');
  assert.match(String(served.headers['cache-control']), /immutable/);
  assert.is(await count(site, PENDING_REPORTS), 0, 'the pending row is gone');
  const again = await viewer.post('/requests/confirm', { _csrf: hiddenOf(shown.body, '_csrf'), token });
  assert.is(again.statusCode, 404);
  assert.ok(again.body.includes('έχει ήδη χρησιμοποιηθεί'));
  assert.is((await requestEvents(site)).length, 2, 'recorded once');
});

test('an expired link is refused in Greek and English, records nothing, and its report is forgotten', async (c) => {
  const { site } = c;
  const browser = new Browser(site.app);
  assert.is((await sendReport(site, browser, anonymousReport(), [], '/en')).statusCode, 200);
  const link = await mailedLink(c);
  assert.match(link, /\/en\/requests\/confirm/, 'an English report gets the English page');
  const viewer = new Browser(site.app);
  const shown = await viewer.get(link);
  const token = new URL(link).searchParams.get('token')!;
  c.clock.at += 25 * 3_600_000;
  const late = await viewer.get(link);
  assert.is(late.statusCode, 410);
  assert.ok(late.body.includes('The link has expired'));
  const lateEl = await viewer.get(link.replace('/en/', '/'));
  assert.ok(lateEl.body.includes('Ο σύνδεσμος έληξε'));
  const posted = await viewer.post('/requests/confirm', { _csrf: hiddenOf(shown.body, '_csrf'), token });
  assert.is(posted.statusCode, 410);
  assert.equal(await requestEvents(site), []);
  // The next report purges what expired: its content is unreadable from then on.
  assert.is((await sendReport(site, new Browser(site.app), anonymousReport({ email: 'other@example.gr', description: 'Άλλο' }))).statusCode, 200);
  const rows = await site.db.client.query<{ sealed: string }>(`SELECT sealed FROM ${table(site.db.schema, PENDING_REPORTS)} ORDER BY created_at`);
  assert.is(rows[0]!.sealed, '', 'the expired draft is gone');
});

test('photos are re-encoded: no EXIF (no GPS, no camera), upright by their orientation, at most 2048 px', async ({ site }) => {
  const browser = new Browser(site.app);
  await logInAs(browser, A);
  const original = await phonePhoto(64, 48);
  const before = await sharp(original).metadata();
  assert.ok(before.exif && before.exif.includes(Buffer.from('PhoneMaker')) && hasGpsPointer(before.exif), 'the original carries the camera and GPS');
  assert.is(before.orientation, 6);
  const large = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#336699' } }).png().toBuffer();
  const sent = await sendReport(site, browser, { description: 'Με φωτογραφίες', lat: '38.2013', long: '20.4385' }, [original, large]);
  assert.is(sent.statusCode, 303, sent.body.slice(0, 400));
  const rows = await site.db.client.query<{ n: number; bytes: Uint8Array; width: number; height: number }>(`SELECT n, bytes, width, height FROM ${table(site.db.schema, REQUEST_PHOTOS)} ORDER BY n`);
  assert.is(rows.length, 2);
  const first = Buffer.from(rows[0]!.bytes);
  const meta = await sharp(first).metadata();
  assert.is(meta.format, 'jpeg');
  assert.is(meta.exif, undefined, 'no EXIF at all');
  assert.is(meta.icc, undefined);
  assert.is(meta.xmp, undefined);
  assert.not.ok(first.includes(Buffer.from('Exif\0\0')) || first.includes(Buffer.from('PhoneMaker')), 'no EXIF segment, no camera in the bytes');
  assert.equal([meta.width, meta.height], [48, 64], 'turned upright by orientation 6');
  const second = await sharp(Buffer.from(rows[1]!.bytes)).metadata();
  assert.equal([second.format, second.width, second.height], ['jpeg', 2048, 683]);
});

test('a photo too big or not an image is refused in Greek and English, and nothing is kept', async ({ site }) => {
  const browser = new Browser(site.app);
  const huge = Buffer.concat([await phonePhoto(), Buffer.alloc(10 * 1024 * 1024)]);
  const big = await sendReport(site, browser, anonymousReport(), [huge]);
  assert.is(big.statusCode, 400);
  assert.ok(big.body.includes('Η φωτογραφία 1 ξεπερνά τα 10 MB'), big.body.slice(0, 200));
  assert.ok(big.body.includes('Τρέχει νερό'), 'the form keeps what was typed');
  const text = await sendReport(site, browser, anonymousReport(), [Buffer.from('%PDF-1.7 not a photo')], '/en');
  assert.is(text.statusCode, 400);
  assert.ok(text.body.includes('Photo 1 is not a JPEG, PNG, WebP or HEIC image'));
  const four = await sendReport(site, browser, anonymousReport(), await Promise.all([1, 2, 3, 4].map(() => phonePhoto())));
  assert.ok(four.body.includes('Έως 3 φωτογραφίες'));
  assert.equal(await requestEvents(site), []);
  assert.is(await count(site, PENDING_REPORTS), 0);
  assert.is(await count(site, REQUEST_PHOTOS), 0);
});

test('a spot outside the municipality, no place at all, no e-mail without an account: each refused with its message', async ({ site }) => {
  const browser = new Browser(site.app);
  const outside = await sendReport(site, browser, anonymousReport({ lat: '37.9838', long: '23.7275' }));
  assert.is(outside.statusCode, 400);
  assert.ok(outside.body.includes('Η θέση είναι έξω από τα όρια του Δήμου'));
  const outsideEn = await sendReport(site, browser, anonymousReport({ lat: '37.9838', long: '23.7275' }), [], '/en');
  assert.ok(outsideEn.body.includes('The location is outside the municipality'));
  const nowhere = await sendReport(site, browser, anonymousReport({ lat: '', long: '' }));
  assert.ok(nowhere.body.includes('Δώστε τη θέση'));
  const noEmail = await sendReport(site, browser, anonymousReport({ email: '' }));
  assert.ok(noEmail.body.includes('χρειάζεται e-mail'));
  const byAddress = await sendReport(site, browser, anonymousReport({ lat: '', long: '', address_string: 'Βουνί, δίπλα στην εκκλησία' }));
  assert.ok(byAddress.body.includes('Ελέγξτε το e-mail σας'), 'without the map, the address alone will do');
  assert.equal(await requestEvents(site), []);
});

test('the honeypot: a robot is answered as a person, and nothing is kept', async ({ site }) => {
  const sent = await sendReport(site, new Browser(site.app), anonymousReport({ website: 'http://spam.example' }));
  assert.is(sent.statusCode, 200);
  assert.ok(sent.body.includes('Ελέγξτε το e-mail σας'));
  assert.is(await count(site, PENDING_REPORTS), 0);
  assert.is(await count(site, OUTBOX), 0);
});

test('every POST needs the form’s token: the report, the confirmation, the +1', async ({ site }) => {
  const browser = new Browser(site.app);
  await openForm(browser);
  const forged = await sendReport(site, browser, { ...anonymousReport(), _csrf: 'forged' });
  assert.is(forged.statusCode, 403);
  const none = await sendReport(site, browser, { ...anonymousReport(), _csrf: '' });
  assert.is(none.statusCode, 403);
  assert.is((await browser.post('/requests/confirm', { token: 'x'.repeat(43) })).statusCode, 403);
  assert.is((await browser.post('/requests/00000000-0000-4000-8000-000000000000/support', {})).statusCode, 403);
  assert.is(await count(site, PENDING_REPORTS), 0);
});

test.run();
