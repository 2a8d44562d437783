// Applications through the API, end to end (issue 17): a citizen logged in through the TaxisNet stand-in files
// a no-debt certificate and has the signed PDF in the same request; a citizen with overdue debts is refused
// with the reason and the statement's address; a second click files nothing new; the form's errors name their
// fields; a fee becomes the applicant's debt and, once paid, lets the application go on; the public register
// holds the digest and nothing personal; anyone verifies by code or by the file; nobody reaches another's.
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { feeAssessmentOf } from '../../../src/api/applications/index.ts';
import { askToVerifyEmail, confirmEmail, subjectOf } from '../../../src/api/identity/index.ts';
import { streams } from '../../../src/domain/index.ts';
import { verifySignedPdf } from '../../../src/integrations/signing/index.ts';
import { importBytes } from '../../ingest/harness.ts';
import { outboxRows } from '../../notify/support.ts';
import { A, B, C, caughtUp, csv, LAST, ROLL_HEADER } from '../../web/debts/debtsSite.ts';
import type { CitizenSite } from '../../web/identity/citizenSite.ts';
import { Browser, logInAs } from '../../web/identity/citizenSite.ts';
import { startApplicationsSite } from './applicationsSite.ts';

interface Context {
  site: CitizenSite;
  a: Browser;
  b: Browser;
  c: Browser;
}

const test = suite<Context>('api/applications: filing, instant certificates, fees, verification', {} as Context);

/** B owes last year's water bill, long overdue; A and C owe nothing. */
const ROLL = csv(ROLL_HEADER, `${B};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000401;${LAST};0351.001;Τέλη ύδρευσης ${LAST};61,35;10/01/${LAST};31/03/${LAST};;;φυσικό πρόσωπο`);

const csrf = async (browser: Browser): Promise<string> => (await browser.get('/api/my')).json<{ csrfToken: string }>().csrfToken;

test.before.each(async (context) => {
  context.site = await startApplicationsSite();
  const personal = { keyring: context.site.keyring, subjectOf: (taxid: string) => subjectOf(context.site.services, taxid) };
  const roll = await importBytes(context.site.store, ROLL, { kind: 'debts', fileName: 'debts.csv', actor: 'εσόδων', personal });
  assert.is(roll.errors.length, 0, JSON.stringify(roll.errors));
  context.a = new Browser(context.site.app);
  context.b = new Browser(context.site.app);
  context.c = new Browser(context.site.app);
  await logInAs(context.a, A);
  await logInAs(context.b, B);
  await logInAs(context.c, C);
  await caughtUp(context.site);
});

test.after.each(async ({ site }) => {
  await site.close();
});

/** POST /api/my/applications as a script does: JSON, the session's cookie and its CSRF token. */
const post = async (site: CitizenSite, browser: Browser, body: object, headers: Record<string, string> = {}) =>
  site.app.inject({
    method: 'POST',
    url: '/api/my/applications',
    headers: { cookie: browser.cookieHeader(), 'content-type': 'application/json', 'x-csrf-token': await csrf(browser), ...headers },
    payload: JSON.stringify(body),
  });

interface ApplicationJson {
  id: string;
  service: string;
  status: string;
  submittedAt: string;
  reason: string | null;
  document: { url: string; verificationCode: string; sha256: string } | null;
}

const mine = async (browser: Browser): Promise<ApplicationJson[]> => {
  const answer = await browser.get('/api/my/applications');
  assert.is(answer.statusCode, 200, answer.body);
  return answer.json<{ applications: ApplicationJson[] }>().applications;
};

test('no debt: the certificate is issued in the same request, signed, its digest public, its code verifiable', async ({ site, a }) => {
  const answer = await post(site, a, { service: 'no-debt-certificate', fields: { purpose: 'any-lawful-use' } });
  assert.is(answer.statusCode, 201, answer.body);
  const { id, status } = answer.json<{ id: string; status: string }>();
  assert.is(status, 'issued');
  await caughtUp(site);
  const [application] = await mine(a);
  assert.is(application?.id, id);
  assert.is(application?.status, 'issued');
  const document = application!.document!;
  assert.match(document.verificationCode, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
  const pdf = await a.get(document.url);
  assert.is(pdf.statusCode, 200);
  assert.is(pdf.headers['content-type'], 'application/pdf');
  assert.is(pdf.headers['cache-control'], 'no-store');
  assert.is(createHash('sha256').update(pdf.rawPayload).digest('hex'), document.sha256);
  const signature = verifySignedPdf(pdf.rawPayload);
  assert.ok(signature.signed && signature.intact && signature.coversWholeFile, 'signed, intact, over the whole file');

  // The public register: the digest and the protocol number, nothing of the holder.
  const issued = (await site.store.readAll()).filter((e) => e.type === 'DocumentIssued' || e.type === 'ProtocolNumberAssigned');
  assert.equal(issued.map((e) => e.type), ['ProtocolNumberAssigned', 'DocumentIssued']);
  const text = JSON.stringify(issued.map((e) => e.data));
  assert.ok(text.includes(document.sha256));
  assert.not.ok(text.includes(A) || /ΠΑΠΑΔ|Παπαδ/i.test(text) || text.includes(document.verificationCode.replace(/-/g, '')), 'no ΑΦΜ, name or code in public events');

  const verified = await new Browser(site.app).get(`/api/verify/${document.verificationCode.toLowerCase()}`);
  assert.is(verified.statusCode, 200);
  const v = verified.json<{ status: string; type: string; protocolNumber: string; sha256: string; holder: string; issuedAt: string }>();
  assert.is(v.status, 'valid');
  assert.is(v.type, 'no-debt-certificate');
  assert.match(v.protocolNumber, /^1\/\d{4}$/);
  assert.is(v.sha256, document.sha256);
  assert.match(v.holder, /^\S\. \S\*+$/u);
});

test('overdue debt: refused at once with the reason and the statement, and no document', async ({ site, b }) => {
  const answer = await post(site, b, { service: 'no-debt-certificate', fields: {} });
  assert.is(answer.statusCode, 201, answer.body);
  assert.is(answer.json<{ status: string }>().status, 'rejected');
  await caughtUp(site);
  const [application] = await mine(b);
  assert.is(application?.status, 'rejected');
  assert.ok(application?.reason?.includes('61,35 €') && application.reason.includes('/my/debts'), application?.reason ?? '');
  assert.is(application?.document, null);
  assert.is((await site.store.readAll()).filter((e) => e.type === 'DocumentIssued').length, 0);
});

test('paid debt: a certificate of payment for the citizen\'s own debt only', async ({ site, b }) => {
  const notPaid = await post(site, b, { service: 'payment-certificate', fields: { debt: `${LAST}-000401` } });
  assert.is(notPaid.json<{ status: string }>().status, 'rejected', notPaid.body);
  const someoneElses = await post(site, b, { service: 'payment-certificate', fields: { debt: `${LAST}-999999` } });
  assert.ok([400, 201].includes(someoneElses.statusCode), someoneElses.body);
  if (someoneElses.statusCode === 201) assert.is(someoneElses.json<{ status: string }>().status, 'rejected');
});

test('a second click, a retry, the same key: one application', async ({ site, a }) => {
  const first = await post(site, a, { service: 'no-debt-certificate', fields: {} });
  const again = await post(site, a, { service: 'no-debt-certificate', fields: {} });
  assert.is(again.json<{ id: string }>().id, first.json<{ id: string }>().id);
  const key = randomUUID();
  const [x, y] = await Promise.all([post(site, a, { service: 'no-debt-certificate', fields: { purpose: 'property-transfer' } }, { 'idempotency-key': key }), post(site, a, { service: 'no-debt-certificate', fields: { purpose: 'property-transfer' } }, { 'idempotency-key': key })]);
  assert.is(x.json<{ id: string }>().id, y.json<{ id: string }>().id, 'two at once with one key: one id');
  await caughtUp(site);
  assert.is((await mine(a)).length, 2);
  assert.is((await site.store.readAll()).filter((e) => e.type === 'DocumentIssued').length, 2, 'one document per application');
});

test('bad input: errors by field in Greek and English, nothing filed; unknown service 404; no session 401; no CSRF 403', async ({ site, a }) => {
  const bad = await post(site, a, { service: 'public-space-permit', fields: { squareMetres: '-3', from: '2026-13-40' } });
  assert.is(bad.statusCode, 400, bad.body);
  const error = bad.json<{ error: { code: string; fields: { field: string; message_el: string; message_en: string }[] } }>().error;
  assert.is(error.code, 'OD_APPLICATION_INVALID');
  const fields = error.fields.map((f) => f.field);
  assert.ok(fields.includes('squareMetres') && fields.includes('from') && fields.includes('location'), fields.join(','));
  assert.ok(error.fields.every((f) => f.message_el.length > 0 && f.message_en.length > 0));
  assert.is((await site.store.readAll()).filter((e) => e.type === 'ApplicationSubmitted').length, 0);
  assert.is((await post(site, a, { service: 'no-such-service', fields: {} })).statusCode, 404);
  const anonymous = await site.app.inject({ method: 'POST', url: '/api/my/applications', headers: { 'content-type': 'application/json' }, payload: '{"service":"no-debt-certificate"}' });
  assert.is(anonymous.statusCode, 401);
  const noCsrf = await site.app.inject({ method: 'POST', url: '/api/my/applications', headers: { cookie: a.cookieHeader(), 'content-type': 'application/json' }, payload: '{"service":"no-debt-certificate"}' });
  assert.is(noCsrf.statusCode, 403);
});

test('another citizen\'s application and document are not found', async ({ site, a, c }) => {
  const { id } = (await post(site, a, { service: 'no-debt-certificate', fields: {} })).json<{ id: string }>();
  await caughtUp(site);
  assert.is((await c.get(`/api/my/applications/${id}`)).statusCode, 404);
  assert.is((await c.get(`/api/my/applications/${id}/document.pdf`)).statusCode, 404);
  assert.is((await mine(c)).length, 0);
  const withdraw = await site.app.inject({ method: 'POST', url: `/api/my/applications/${id}/withdraw`, headers: { cookie: c.cookieHeader(), 'x-csrf-token': await csrf(c) } });
  assert.is(withdraw.statusCode, 404);
  assert.is((await a.get(`/api/my/applications/${id}`)).statusCode, 200);
});

test('a fee: entered as the applicant\'s debt, and once paid the application goes on', async ({ site, a }) => {
  const answer = await post(site, a, {
    service: 'public-space-permit',
    fields: { location: '38.2018,20.4372', address: 'Πλατεία Ηρώων 1, Ληξούρι', purpose: 'tables-chairs', zone: 'a', squareMetres: '10', from: '2027-05-01', to: '2027-05-10' },
  });
  assert.is(answer.statusCode, 201, answer.body);
  const { id, status } = answer.json<{ id: string; status: string }>();
  assert.is(status, 'fee-requested');
  await caughtUp(site);
  const debts = (await a.get('/api/my/debts')).json<{ debts: { assessment: string; year: number; amount: string }[] }>().debts;
  const fee = debts.find((d) => d.assessment === feeAssessmentOf(id));
  assert.ok(fee, 'the fee is among the applicant\'s debts');
  // Paid at the counter: the debts context's own event, as the cashier's would be.
  await site.store.append(streams.debt(fee.year, fee.assessment), [
    { type: 'DebtPaid', data: { subjectId: await subjectOf(site.services, A), year: fee.year, assessment: fee.assessment, paymentId: randomUUID(), channel: 'counter', amount: fee.amount, paidAt: new Date().toISOString(), receipt: 'ΔΙΠ-1' } },
  ]);
  await caughtUp(site);
  const [row] = await mine(a);
  assert.is(row?.status, 'submitted', 'the page settles paid fees before it answers');
  await settlePaidFeesIdempotent(site);
});

const settlePaidFeesIdempotent = async (site: CitizenSite) => {
  // The watcher found nothing more to do: the fee was recorded once.
  const paid = (await site.store.readAll()).filter((e) => e.type === 'FeePaid');
  assert.is(paid.length, 1);
};

test('verification by upload: the issued PDF matches; a changed byte does not, and its signature says so', async ({ site, a }) => {
  await post(site, a, { service: 'no-debt-certificate', fields: {} });
  await caughtUp(site);
  const [application] = await mine(a);
  const pdf = (await a.get(application!.document!.url)).rawPayload;
  const upload = async (bytes: Buffer) => {
    const boundary = `----od${randomUUID()}`;
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="doc.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const answer = await site.app.inject({ method: 'POST', url: '/api/verify', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    assert.is(answer.statusCode, 200, answer.body);
    return answer.json<{ status: string; match: boolean; signature: { signed: boolean; intact?: boolean } }>();
  };
  const good = await upload(pdf);
  assert.is(good.status, 'valid');
  assert.is(good.match, true);
  assert.ok(good.signature.signed && good.signature.intact);
  const forged = Buffer.from(pdf);
  const at = forged.indexOf(Buffer.from('/Producer'));
  const i = at > 0 ? at + 12 : 200;
  forged.writeUInt8(forged[i]! ^ 0x01, i);
  const bad = await upload(forged);
  assert.is(bad.match, false);
  assert.is(bad.status, 'unknown');
});

test('verification lookups are limited per address; an unknown or malformed code answers unknown', async ({ site }) => {
  const nobody = new Browser(site.app);
  assert.is((await nobody.get('/api/verify/not-a-code')).json<{ status: string }>().status, 'unknown');
  assert.is((await nobody.get('/api/verify/7KQ2-M9XD-4TRW-B8NE-3HPA')).json<{ status: string }>().status, 'unknown');
  let limited = 0;
  for (let i = 0; i < 40; i += 1) if ((await nobody.get(`/api/verify/0000-0000-0000-0000-00${String(i).padStart(2, '0')}`)).statusCode === 429) limited += 1;
  assert.ok(limited >= 10, `limited ${limited} of 40`);
});

test('every operation the OpenAPI document gives the applications is a route of the site', async ({ site }) => {
  const document = parse(await readFile(new URL('../../../src/api/openapi.yaml', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, { tags?: string[] }>> };
  const routes = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => operation.tags?.includes('applications'))
      .map(([method]) => ({ method: method.toUpperCase() as 'GET' | 'POST', url: path.replace(/\{(\w+)\}/g, ':$1') })),
  );
  assert.is(routes.length, 4);
  for (const route of routes) assert.ok(site.app.hasRoute(route), `${route.method} ${route.url}`);
});

/** Gives the subject a verified address, as following the e-mail link does. */
const verifyAddress = async (site: CitizenSite, taxid: string, address: string): Promise<void> => {
  const subjectId = await subjectOf(site.services, taxid);
  await askToVerifyEmail(site.services, subjectId, address);
  const requested = (await site.store.readStream(`citizen-${subjectId}`)).filter((e) => e.type === 'ContactEmailRequested').at(-1)!;
  const opened = await site.keyring.open<{ token: string }>(subjectId, String((requested.data as { sealed: string }).sealed));
  await confirmEmail(site.services, subjectId, opened!.token);
};

test('e-mail at each step: an instant result in one message; a staff service filed, its fee asked', async ({ site, a, b }) => {
  await verifyAddress(site, A, 'giorgos@example.gr');
  await verifyAddress(site, B, 'eleni@example.gr');
  await caughtUp(site);
  const before = (await outboxRows(site.db.client, site.db.schema)).length;
  await post(site, a, { service: 'no-debt-certificate', fields: {} });
  await post(site, b, { service: 'no-debt-certificate', fields: {} });
  await post(site, a, {
    service: 'public-space-permit',
    fields: { location: '38.2018,20.4372', address: 'Πλατεία Ηρώων 1, Ληξούρι', purpose: 'goods', zone: 'b', squareMetres: '4', from: '2027-06-01', to: '2027-06-03' },
  });
  await caughtUp(site);
  const rows = (await outboxRows(site.db.client, site.db.schema)).slice(before).filter((r) => r.key.endsWith(':email:application'));
  const subjects = rows.map((r) => `${r.recipient} ${JSON.stringify(r.content)}`);
  const toA = subjects.filter((t) => t.startsWith('giorgos@example.gr'));
  const toB = subjects.filter((t) => t.startsWith('eleni@example.gr'));
  assert.is(toB.length, 1, 'the refusal alone');
  assert.ok(toB[0]!.includes('δεν εγκρίθηκε') && toB[0]!.includes('61,35'), toB[0]);
  assert.is(toA.length, 3, toA.join('\n'));
  assert.ok(toA.some((t) => t.includes('Εκδόθηκε')), 'the certificate issued');
  assert.ok(toA.some((t) => t.includes('καταχωρίστηκε')), 'the permit filed');
  assert.ok(toA.some((t) => t.includes('Τέλος')), 'its fee asked');
});

test.run();
