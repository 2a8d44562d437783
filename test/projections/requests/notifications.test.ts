// The reporters' e-mails (issue 18), delivered to a real SMTP server: a stage change, a public reply, an
// expected date and a merge are each told once to the request's reporter and to the reporter of the
// duplicate merged into it, Greek first then English, with the public page's link; a fix says how to reopen
// it within 30 days (the citizen's own page for an account, a keyed link otherwise, which opens the confirm
// form); an erased reporter gets nothing; the submission itself is not an e-mail of this rule.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decideOnRequest, loadRequest } from '../../../src/api/requests/index.ts';
import type { RequestEvent, ServiceRequest } from '../../../src/domain/index.ts';
import { changeRequestStatus, mergeRequest, replyToRequest, setExpectedDate } from '../../../src/domain/index.ts';
import type { SmtpDouble } from '../../support/doubles/smtp/index.ts';
import { startSmtpDouble } from '../../support/doubles/smtp/index.ts';
import type { CitizenSite } from '../../web/identity/citizenSite.ts';
import { Browser, PUBLIC_URL, startCitizenSite } from '../../web/identity/citizenSite.ts';
import { deliver, report } from '../../web/requests/requestsSite.ts';

const test = suite<{ site: CitizenSite; smtp: SmtpDouble }>('requests: the reporters’ e-mails', {} as { site: CitizenSite; smtp: SmtpDouble });

test.before(async (context) => {
  context.smtp = await startSmtpDouble();
});
test.after(async ({ smtp }) => smtp.close());
test.before.each(async (context) => {
  context.smtp.received.length = 0;
  context.site = await startCitizenSite();
});
test.after.each(async ({ site }) => site.close());

const as = (site: CitizenSite, id: string, decide: (state: ServiceRequest) => RequestEvent[]) => decideOnRequest(site.store, id, 'staff:test', decide);
const at = () => new Date().toISOString();
const mailsTo = (smtp: SmtpDouble, address: string) => smtp.received.filter((m) => m.to.includes(address));

test('stage, reply, expected date and merge: each told once to the reporter and to the merged duplicate’s, in Greek then English', async ({ site, smtp }) => {
  const maria = await report(site, { contact: { email: 'maria@example.gr', firstName: 'Μαρία' } });
  const nikos = await report(site, { contact: { email: 'nikos@example.gr' } });
  await report(site, { contact: { email: 'other@example.gr' } });
  await deliver(site, smtp);
  assert.is(smtp.received.length, 0, 'the submission is not told by this rule');

  const into = (await loadRequest(site.store, maria.id)).state;
  await as(site, nikos.id, (s) => mergeRequest(s, into, { at: at() }));
  await deliver(site, smtp);
  assert.is(smtp.received.length, 1);
  const merged = mailsTo(smtp, 'nikos@example.gr')[0]!;
  assert.is(merged.parsed.subject, 'Το αίτημά σας «Λακκούβα στον δρόμο» συγχωνεύθηκε με άλλο / Your request "Pothole" was merged with another');
  assert.match(merged.parsed.text ?? '', `αίτημα ${maria.id}`);
  assert.match(merged.parsed.text ?? '', `${PUBLIC_URL}/requests/${maria.id}`);

  await as(site, maria.id, (s) => changeRequestStatus(s, { stage: 'in_progress', statusNotes: 'Το συνεργείο θα περάσει την Τρίτη.', at: at() }));
  await as(site, maria.id, (s) => replyToRequest(s, { text: 'Ευχαριστούμε για την αναφορά.', at: at() }));
  await as(site, maria.id, (s) => setExpectedDate(s, { expectedAt: '2030-03-15T20:00:00.000Z', at: at() }));
  await deliver(site, smtp);
  await deliver(site, smtp);
  assert.is(mailsTo(smtp, 'maria@example.gr').length, 3, 'three changes, three messages, once each');
  assert.is(mailsTo(smtp, 'nikos@example.gr').length, 4, 'the merged duplicate’s reporter hears of the request that stays');
  assert.is(mailsTo(smtp, 'other@example.gr').length, 0);

  const [stage, reply, expected] = mailsTo(smtp, 'maria@example.gr');
  assert.is(stage!.parsed.subject, 'Το αίτημά σας «Λακκούβα στον δρόμο»: Σε εξέλιξη / Your request "Pothole": In progress');
  const text = stage!.parsed.text ?? '';
  assert.match(text, 'Η υπηρεσία σημειώνει: Το συνεργείο θα περάσει την Τρίτη.');
  assert.match(text, `Η σελίδα του αιτήματος: ${PUBLIC_URL}/requests/${maria.id}`);
  assert.match(text, `The request’s page: ${PUBLIC_URL}/en/requests/${maria.id}`);
  assert.ok(text.indexOf('Σε εξέλιξη') < text.indexOf('-- English --') && text.indexOf('-- English --') < text.indexOf('In progress'), 'Greek first, English below');
  assert.match(stage!.parsed.html || '', '<div lang="el">');
  assert.match(reply!.parsed.text ?? '', 'Ευχαριστούμε για την αναφορά.');
  assert.match(expected!.parsed.subject ?? '', 'αναμένεται έως 15/03/2030');
  assert.match(mailsTo(smtp, 'nikos@example.gr')[1]!.parsed.text ?? '', `Το αίτημά σας συγχωνεύθηκε με αυτό (${maria.id})`);
  assert.not.match(text, 'nikos', 'one reporter is never told of another');
});

test('a fix tells how to reopen within 30 days: a keyed link without an account (it opens the confirm form), the own page with one', async ({ site, smtp }) => {
  const anonymous = await report(site, { contact: { email: 'eleni@example.gr' } });
  const citizen = await report(site, { contact: { email: 'kostas@example.gr' }, accountOf: 'citizen-subject-kostas' });
  for (const r of [anonymous, citizen]) await as(site, r.id, (s) => changeRequestStatus(s, { stage: 'fixed', statusNotes: 'Επιδιορθώθηκε.', at: at() }));
  await deliver(site, smtp);

  const eleni = mailsTo(smtp, 'eleni@example.gr')[0]!;
  assert.is(eleni.parsed.subject, 'Το αίτημά σας «Λακκούβα στον δρόμο»: Αποκαταστάθηκε / Your request "Pothole": Fixed');
  const link = new RegExp(`${PUBLIC_URL}/requests/${anonymous.id}/reopen\\?token=([0-9a-f]{64})`).exec(eleni.parsed.text ?? '');
  assert.ok(link, eleni.parsed.text);
  assert.match(eleni.parsed.text ?? '', /μπορείτε να ξανανοίξετε το αίτημα έως τις \d\d\/\d\d\/\d{4} \(30 ημέρες\)/);
  assert.match(eleni.parsed.text ?? '', `${PUBLIC_URL}/en/requests/${anonymous.id}/reopen?token=${link[1]}`);
  const form = await new Browser(site.app).get(`/requests/${anonymous.id}/reopen?token=${link[1]}`);
  assert.is(form.statusCode, 200);
  assert.match(form.body, 'Επανάνοιγμα του αιτήματος');

  const kostas = mailsTo(smtp, 'kostas@example.gr')[0]!;
  assert.match(kostas.parsed.text ?? '', `${PUBLIC_URL}/my/requests/${citizen.id}`);
  assert.not.match(kostas.parsed.text ?? '', 'token=');
});

test('an erased reporter gets nothing', async ({ site, smtp }) => {
  const gone = await report(site, { contact: { email: 'gone@example.gr' } });
  await site.keyring.shred(gone.subjectId);
  await as(site, gone.id, (s) => changeRequestStatus(s, { stage: 'acknowledged', statusNotes: null, at: at() }));
  await deliver(site, smtp);
  assert.is(smtp.received.length, 0);
});

test.run();
