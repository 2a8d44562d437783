// The supplier's portal (issue 19) end to end: the stand-in's company logs in through TaxisNet and sees every
// commitment, payment order and payment of its ΑΦΜ — the totals the public supplier page has, to the cent —
// as JSON, page and CSV, and never another ΑΦΜ's; its representative sees the same, their own session not.
// E-mail subscriptions are told only once their link is opened; webhooks are signed per Standard Webhooks,
// refuse private addresses in production, and an endpoint failing for a day is disabled and the company told.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { SupplierPortalServices } from '../../../src/api/suppliers/index.ts';
import { disableFailingWebhooks, registerWebhook, sendDigests } from '../../../src/api/suppliers/index.ts';
import { createEmailTransport } from '../../../src/integrations/mail/index.ts';
import { createWebhookTransport, isNonPublicAddress, publicEndpointRefusal } from '../../../src/integrations/webhooks/index.ts';
import { dispatchPass, OUTBOX } from '../../../src/notify/index.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { supplierYears } from '../../../src/projections/suppliers/index.ts';
import { importBytes } from '../../ingest/harness.ts';
import { startSmtpDouble } from '../../support/doubles/smtp/index.ts';
import type { SmtpDouble } from '../../support/doubles/smtp/index.ts';
import { startWebhookDouble } from '../../support/doubles/webhooks/index.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, logInAs, startCitizenSite } from '../identity/citizenSite.ts';
import { actForm, COMPANY, COMPANY_NAME, grant } from '../identity/representing.ts';
import { A, caughtUp, csv } from '../debts/debtsSite.ts';

const OTHER = '808813425';
const HEADER = 'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία';
const row = (date: string, type: string, amount: string, doc: string, ref: string, afm: string, name: string, ada = '', why = '') => `${date};${type};20-6264;${amount};${doc};${ref};${afm};${name};${afm ? 'όχι' : ''};${ada};;${why}`;
const LEDGER = csv(
  HEADER,
  '02/01/2025;προϋπολογισμός;20-6264;40.000,00;ΠΥ-1;;;;;;Συντήρηση και επισκευή λοιπών μηχανημάτων;',
  row('10/02/2025', 'δέσμευση', '5.000,00', 'ΑΑΥ-1', '', COMPANY, COMPANY_NAME, '9ΥΞΧ46ΜΛΩ6-ΚΧΕ', 'Επισκευή σκάφους'),
  row('20/02/2025', 'ένταλμα', '3.000,00', 'ΧΕ-1', 'ΑΑΥ-1', COMPANY, COMPANY_NAME, 'ΞΒΑΕ46ΜΛΩ6-ΤΑ3', 'Τιμολόγιο 1/2025'),
  row('25/02/2025', 'πληρωμή', '3.000,00', 'ΕΠ-1', 'ΧΕ-1', COMPANY, COMPANY_NAME, '', 'Εξόφληση'),
  row('01/03/2025', 'αντιλογισμός', '500,00', 'ΑΝΤ-1', 'δέσμευση:ΑΑΥ-1', '', '', '', 'Μείωση δέσμευσης'),
  row('12/02/2025', 'δέσμευση', '1.234,56', 'ΑΑΥ-2', '', OTHER, 'ΣΑΡΛΗΣ Δ. ΑΝΤΑΛΛΑΚΤΙΚΑ ΟΧΗΜΑΤΩΝ Ο.Ε.', 'Ι99046ΜΛΩ6-4ΡΚ', 'Ανταλλακτικά'),
);

interface Context {
  site: CitizenSite;
  company: Browser;
  smtp: SmtpDouble;
}
const test = suite<Context>('web/suppliers: the supplier portal — statement, subscriptions, webhooks', {} as Context);

const api = (browser: Browser, method: 'POST' | 'DELETE', url: string, body: unknown, csrf: string | null) =>
  (browser as unknown as { app: CitizenSite['app'] }).app.inject({
    method,
    url,
    headers: { cookie: browser.cookieHeader(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
const csrfFor = async (browser: Browser) => (await browser.get('/api/my')).json<{ csrfToken: string }>().csrfToken;

const portal = (c: Context, extra: Partial<SupplierPortalServices> = {}): SupplierPortalServices => ({ ...c.site.services, ...extra });

const outbox = (c: Context, like: string) =>
  c.site.db.client.query<{ key: string; channel: string; recipient: string; status: string; content: { email?: { subject: string; text: string } } | null }>(
    `SELECT key, channel, recipient, status, content FROM ${table(c.site.db.schema, OUTBOX)} WHERE key LIKE $1 ORDER BY id`,
    [like],
  );

const importRows = async (c: Context, ...rows: string[]) => {
  const report = await importBytes(c.site.store, csv(HEADER, ...rows), { fileName: `more-${rows.length}-${Math.random()}.csv` });
  assert.is(report.accepted, true, JSON.stringify(report.errors));
  await caughtUp(c.site);
};

const dispatch = (c: Context, now?: () => Date) =>
  dispatchPass({
    client: c.site.db.client,
    schema: c.site.db.schema,
    transports: { email: createEmailTransport({ smtpUrl: c.smtp.url, from: 'Δήμος <noreply@lixouri.gr>', dataDir: '/nonexistent' }), webhook: createWebhookTransport({ publicOnly: false, timeoutMs: 2_000 }) },
    ...(now ? { now } : {}),
  });

test.before(async (c) => {
  c.site = await startCitizenSite();
  c.smtp = await startSmtpDouble();
  const report = await importBytes(c.site.store, LEDGER, { fileName: 'ledger.csv' });
  assert.is(report.accepted, true, JSON.stringify(report.errors));
  await caughtUp(c.site);
  c.company = new Browser(c.site.app);
  await logInAs(c.company, COMPANY, '/my/supplier');
});
test.after(async (c) => {
  await c.smtp.close();
  await c.site.close();
});

interface Statement {
  afm: string;
  years: { year: number; committed: string; ordered: string; paid: string; committedNotOrdered: string; orderedNotPaid: string; documents: { type: string; document: string; kae: string; ada: string | null; reversed: string; open: string | null; history: { kind: string; document: string }[] }[] }[];
}

test('the statement: every document of the ΑΦΜ, totals equal to the public page to the cent, nothing of another', async (c) => {
  const answer = await c.company.get('/api/my/supplier');
  assert.is(answer.statusCode, 200, answer.body);
  assert.is(answer.headers['cache-control'], 'no-store');
  const s = answer.json<Statement>();
  assert.is(s.afm, COMPANY);
  const [year] = s.years;
  assert.equal([year!.year, year!.committed, year!.ordered, year!.paid, year!.committedNotOrdered, year!.orderedNotPaid], [2025, '4500.00', '3000.00', '3000.00', '1500.00', '0.00']);
  const [publicYear] = await supplierYears(c.site.db.client, c.site.db.schema, COMPANY);
  assert.equal([publicYear!.committed, publicYear!.ordered, publicYear!.paid], [year!.committed, year!.ordered, year!.paid]);
  const commitment = year!.documents.find((d) => d.document === 'ΑΑΥ-1')!;
  assert.equal([commitment.kae, commitment.ada, commitment.reversed, commitment.open], ['20-6264', '9ΥΞΧ46ΜΛΩ6-ΚΧΕ', '500.00', '1500.00']);
  assert.equal(commitment.history.map((h) => `${h.kind}:${h.document}`), ['commitment:ΑΑΥ-1', 'order:ΧΕ-1', 'reversal:ΑΝΤ-1']);
  assert.is(year!.documents.find((d) => d.document === 'ΧΕ-1')!.open, '0.00');
  assert.not.ok(answer.body.includes('ΑΑΥ-2'), "another ΑΦΜ's commitment is not there");
  assert.not.ok(answer.body.includes(OTHER));
});

test('the page in Greek and English and the CSV; without a login 401, and the page asks to log in', async (c) => {
  for (const [path, words] of [['/my/supplier', 'Δεσμευμένα, χωρίς ένταλμα'], ['/en/my/supplier', 'Committed, not yet ordered']] as const) {
    const page = await c.company.get(path);
    assert.is(page.statusCode, 200);
    assert.ok(page.body.includes(words), path);
    assert.ok(page.body.includes('ΑΑΥ-1') && page.body.includes('1.500,00'));
    assert.not.ok(page.body.includes('ΑΑΥ-2'));
  }
  const file = await c.company.get('/my/supplier.csv');
  assert.is(file.statusCode, 200);
  assert.match(String(file.headers['content-type']), /text\/csv/);
  assert.ok(file.body.includes('2025;commitment;ΑΑΥ-1;2025-02-10;20-6264;9ΥΞΧ46ΜΛΩ6-ΚΧΕ;;5000.00;500.00;4500.00;1500.00'), file.body);
  assert.not.ok(file.body.includes('ΑΑΥ-2'));
  const stranger = new Browser(c.site.app);
  assert.is((await stranger.get('/api/my/supplier')).statusCode, 401);
  const login = await stranger.get('/my/supplier');
  assert.is(login.statusCode, 401);
  assert.ok(login.body.includes('/auth/taxisnet'));
});

test("the company's representative sees its statement; on their own session, their own (empty) one", async (c) => {
  await grant(c.site, A);
  const person = new Browser(c.site.app);
  await logInAs(person, A);
  const own = await person.get('/my/');
  const alone = (await person.get('/api/my/supplier')).json<Statement>();
  assert.equal([alone.afm, alone.years], [A, []]);
  const switched = await person.post('/my/act-for', actForm(own.body));
  assert.ok(switched.statusCode === 303 || switched.statusCode === 302, switched.body.slice(0, 300));
  const acting = (await person.get('/api/my/supplier')).json<Statement>();
  assert.is(acting.afm, COMPANY);
  assert.is(acting.years[0]!.committed, '4500.00');
});

test('a subscription: refused without the CSRF token or with unknown events (nothing recorded); told only after its link', async (c) => {
  const csrf = await csrfFor(c.company);
  const before = (await c.site.store.readAll()).length;
  assert.is((await api(c.company, 'POST', '/api/my/supplier/subscriptions', { email: 'finance@alieftiki.gr', events: ['payment.made'] }, null)).statusCode, 403);
  const bad = await api(c.company, 'POST', '/api/my/supplier/subscriptions', { email: 'finance@alieftiki.gr', events: ['invoice.eaten'] }, csrf);
  assert.is(bad.statusCode, 400);
  const badEmail = await api(c.company, 'POST', '/api/my/supplier/subscriptions', { email: 'not an address', events: ['payment.made'] }, csrf);
  assert.is(badEmail.statusCode, 400);
  assert.ok(badEmail.json<{ error: { message_el: string; message_en: string } }>().error.message_el.includes('e-mail'));
  assert.is((await c.site.store.readAll()).length, before, 'a refusal appends nothing');

  const made = await api(c.company, 'POST', '/api/my/supplier/subscriptions', { email: 'finance@alieftiki.gr', events: ['payment_order.issued', 'payment.made', 'reversal.recorded'], digest: false }, csrf);
  assert.is(made.statusCode, 201, made.body);
  await caughtUp(c.site);
  const [confirmation] = await outbox(c, '%:email:supplier-confirm');
  assert.ok(confirmation, 'a confirmation e-mail is in the outbox');
  assert.is(confirmation.recipient, 'finance@alieftiki.gr');
  const token = /confirm\?t=([A-Za-z0-9_-]+)/.exec(confirmation.content!.email!.text)![1]!;

  await importRows(c, row('03/03/2025', 'ένταλμα', '1.000,00', 'ΧΕ-2', 'ΑΑΥ-1', COMPANY, COMPANY_NAME, 'ΛΥΡΡ46ΜΛΩ6-7ΠΜ', 'Τιμολόγιο 2/2025'));
  assert.is((await outbox(c, 'supplier-email:%')).length, 0, 'nothing before the link is opened');

  const page = await new Browser(c.site.app).get(`/my/supplier/confirm?t=${token}`);
  assert.is(page.statusCode, 200);
  assert.is((await new Browser(c.site.app).post('/my/supplier/confirm', { t: 'x'.repeat(43) })).statusCode, 400);
  const confirmed = await new Browser(c.site.app).post('/my/supplier/confirm', { t: token });
  assert.is(confirmed.statusCode, 200, confirmed.body.slice(0, 300));
  await caughtUp(c.site);
  assert.is((await new Browser(c.site.app).post('/my/supplier/confirm', { t: token })).statusCode, 400, 'a link works once');

  await importRows(c, row('04/03/2025', 'πληρωμή', '1.000,00', 'ΕΠ-2', 'ΧΕ-2', COMPANY, COMPANY_NAME, '', 'Εξόφληση τιμολογίου 2'), row('05/03/2025', 'δέσμευση', '10,00', 'ΑΑΥ-3', '', COMPANY, COMPANY_NAME));
  const notices = await outbox(c, 'supplier-email:%');
  assert.is(notices.length, 1, 'the payment, not the commitment (a stage not asked for)');
  const text = notices[0]!.content!.email!.text;
  assert.ok(text.includes('1.000,00 €') && text.includes('ΕΠ-2') && text.includes('ΧΕ-2') && text.includes('20-6264'), text);
  assert.ok(text.includes('-- English --') && text.includes('The Municipality paid you'), text);
  await dispatch(c);
  assert.ok(c.smtp.received.some((m) => m.to.includes('finance@alieftiki.gr') && String(m.parsed.subject).startsWith('Πληρωμή 1.000,00 €')));

  const list = (await c.company.get('/api/my/supplier/subscriptions')).json<{ subscriptions: { id: string; confirmedAt: string | null }[] }>();
  assert.is(list.subscriptions.length, 1);
  assert.ok(list.subscriptions[0]!.confirmedAt);
  const other = new Browser(c.site.app);
  await logInAs(other, '047312951');
  assert.equal((await other.get('/api/my/supplier/subscriptions')).json<{ subscriptions: unknown[] }>().subscriptions, []);
  assert.is((await api(other, 'DELETE', `/api/my/supplier/subscriptions/${list.subscriptions[0]!.id}`, undefined, await csrfFor(other))).statusCode, 404, "another's subscription is not found");
  assert.is((await api(c.company, 'DELETE', `/api/my/supplier/subscriptions/${list.subscriptions[0]!.id}`, undefined, csrf)).statusCode, 204);
  await caughtUp(c.site);
  await importRows(c, row('06/03/2025', 'αντιλογισμός', '5,00', 'ΑΝΤ-2', 'δέσμευση:ΑΑΥ-3', '', ''));
  assert.is((await outbox(c, 'supplier-email:%')).length, 1, 'nothing after it is deleted');
});

test('a daily digest: the day’s notices in one e-mail the next day, once', async (c) => {
  const csrf = await csrfFor(c.company);
  const made = await api(c.company, 'POST', '/api/my/supplier/subscriptions', { email: 'digest@alieftiki.gr', events: ['commitment.recorded'], digest: true, language: 'en' }, csrf);
  assert.is(made.statusCode, 201);
  await caughtUp(c.site);
  const [confirmation] = await outbox(c, '%:email:supplier-confirm');
  const all = await outbox(c, '%:email:supplier-confirm');
  const token = /confirm\?t=([A-Za-z0-9_-]+)/.exec(all.at(-1)!.content!.email!.text)![1]!;
  assert.ok(confirmation && all.at(-1)!.content!.email!.text.includes('/en/my/supplier/confirm'));
  await new Browser(c.site.app).post('/en/my/supplier/confirm', { t: token });
  await caughtUp(c.site);
  await importRows(c, row('07/03/2025', 'δέσμευση', '20,00', 'ΑΑΥ-4', '', COMPANY, COMPANY_NAME), row('07/03/2025', 'δέσμευση', '30,00', 'ΑΑΥ-5', '', COMPANY, COMPANY_NAME));
  const services = portal(c);
  assert.is(await sendDigests(services), 0, 'not before the day is over');
  const tomorrow = portal(c, { now: () => new Date(Date.now() + 86_400_000) });
  assert.is(await sendDigests(tomorrow), 1);
  assert.is(await sendDigests(tomorrow), 0);
  const [digest] = await outbox(c, 'supplier-digest:%');
  assert.ok(digest!.content!.email!.text.includes('ΑΑΥ-4') && digest!.content!.email!.text.includes('ΑΑΥ-5'));
  assert.match(digest!.content!.email!.subject, /^Digest .*: 2 movements \/ Σύνοψη/);
});

test('webhooks: a whsec_ secret shown once, signed deliveries of the stages asked, a ping, deliveries listed, removal', async (c) => {
  const receiver = await startWebhookDouble();
  try {
    const csrf = await csrfFor(c.company);
    assert.is((await api(c.company, 'POST', '/api/my/supplier/webhooks', { url: receiver.url, events: [] }, csrf)).statusCode, 400);
    assert.is((await api(c.company, 'POST', '/api/my/supplier/webhooks', { url: 'ftp://x.example', events: ['payment.made'] }, csrf)).statusCode, 400);
    const made = await api(c.company, 'POST', '/api/my/supplier/webhooks', { url: receiver.url, events: ['payment.made', 'payment_order.issued'] }, csrf);
    assert.is(made.statusCode, 201, made.body);
    const { id, secret } = made.json<{ id: string; secret: string }>();
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    await caughtUp(c.site);
    const listed = await c.company.get('/api/my/supplier/webhooks');
    assert.not.ok(listed.body.includes(secret), 'the secret is shown once');

    const verifier = await startWebhookDouble(secret);
    try {
      // The endpoint's URL is the first receiver's; its secret is the one registered: verify with it.
      await c.site.db.client.query(`UPDATE "${c.site.db.schema}".od_supplier_webhooks SET url = $1 WHERE webhook_id = $2`, [verifier.url, id]);
      await importRows(c, row('08/03/2025', 'ένταλμα', '20,00', 'ΧΕ-4', 'ΑΑΥ-4', COMPANY, COMPANY_NAME, '', 'Τιμολόγιο 4'), row('08/03/2025', 'πληρωμή', '20,00', 'ΕΠ-4', 'ΧΕ-4', COMPANY, COMPANY_NAME));
      assert.is((await api(c.company, 'POST', `/api/my/supplier/webhooks/${id}/test`, undefined, csrf)).statusCode, 202);
      await dispatch(c);
      const bodies = verifier.received.map((r) => r.verified as { type: string; timestamp: string; data: { document: string; amount: string; afm: string } } | null);
      assert.ok(verifier.received.every((r) => r.verifyError === null), String(verifier.received.map((r) => r.verifyError)));
      assert.equal(bodies.map((b) => b!.type).sort(), ['payment.made', 'payment_order.issued', 'ping']);
      const paid = bodies.find((b) => b!.type === 'payment.made')!;
      assert.equal([paid.data.document, paid.data.amount, paid.data.afm], ['ΕΠ-4', '20.00', COMPANY]);
      assert.match(paid.timestamp, /^\d{4}-\d\d-\d\dT/);
      assert.ok(verifier.received.every((r) => /^msg_[0-9a-f]{32}$/.test(r.id) && /^\d+$/.test(r.timestamp) && r.signature.startsWith('v1,')));
      const deliveries = (await c.company.get('/api/my/supplier/webhooks')).json<{ webhooks: { id: string; lastDeliveries: { outcome: string }[] }[] }>();
      assert.is(deliveries.webhooks[0]!.lastDeliveries.filter((d) => d.outcome === 'delivered').length, 3);
    } finally {
      await verifier.close();
    }
    const other = new Browser(c.site.app);
    await logInAs(other, '047312951');
    const otherCsrf = await csrfFor(other);
    assert.is((await api(other, 'POST', `/api/my/supplier/webhooks/${id}/test`, undefined, otherCsrf)).statusCode, 404);
    assert.is((await api(other, 'DELETE', `/api/my/supplier/webhooks/${id}`, undefined, otherCsrf)).statusCode, 404);
    assert.is((await api(c.company, 'DELETE', `/api/my/supplier/webhooks/${id}`, undefined, csrf)).statusCode, 204);
    await caughtUp(c.site);
    assert.equal((await c.company.get('/api/my/supplier/webhooks')).json<{ webhooks: unknown[] }>().webhooks, []);
  } finally {
    await receiver.close();
  }
});

test('in production only https to public addresses: loopback, private, link-local and names resolving to them refused', async (c) => {
  const who = { subjectId: 'x', afm: COMPANY, name: COMPANY_NAME, actor: 'citizen:x' };
  const resolve = async (host: string) => (host === 'hooks.example.com' ? ['93.184.216.34'] : host === 'sneaky.example.com' ? ['93.184.216.34', '10.1.2.3'] : ['127.0.0.1']);
  const strict = portal(c, { endpointRefusal: (url) => publicEndpointRefusal(url, resolve) });
  for (const url of ['http://hooks.example.com/x', 'https://127.0.0.1/x', 'https://10.0.0.8/', 'https://169.254.169.254/latest', 'https://[::1]/', 'https://[::ffff:192.168.1.1]/', 'https://localhost/', 'https://sneaky.example.com/']) {
    try {
      await registerWebhook(strict, who, { url, events: ['payment.made'] });
      assert.unreachable(url);
    } catch (error) {
      assert.is((error as { code?: string }).code, 'OD_SUPPLIER_WEBHOOK_URL_INVALID', url);
    }
  }
  assert.ok(isNonPublicAddress('fd00::1') && isNonPublicAddress('100.64.1.1') && !isNonPublicAddress('2a00:1450:4001:82a::200e'));
  const transport = createWebhookTransport({ publicOnly: true, resolve });
  try {
    await transport.send({ key: 'k', webhookId: 'msg_1', url: 'https://localhost/hook', type: 'ping', payload: {}, secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`, createdAt: new Date() });
    assert.unreachable();
  } catch (error) {
    assert.is((error as { permanent?: boolean }).permanent, true, 'the transport refuses at send time too (a name re-pointed)');
  }
});

test('an endpoint failing for 24 hours is disabled, its messages given up, and the company told by e-mail', async (c) => {
  const receiver = await startWebhookDouble();
  try {
    const csrf = await csrfFor(c.company);
    const made = await api(c.company, 'POST', '/api/my/supplier/webhooks', { url: receiver.url, events: ['commitment.recorded'] }, csrf);
    const { id } = made.json<{ id: string }>();
    await caughtUp(c.site);
    receiver.answerNext(100, 500);
    await importRows(c, row('09/03/2025', 'δέσμευση', '40,00', 'ΑΑΥ-6', '', COMPANY, COMPANY_NAME));
    await dispatch(c);
    assert.is(await disableFailingWebhooks(portal(c)), 0, 'not within the day');
    const later = portal(c, { now: () => new Date(Date.now() + 25 * 3_600_000) });
    assert.is(await disableFailingWebhooks(later), 1);
    // A second sweep before the read model moves appends the same event (its id is the endpoint's): a no-op.
    await disableFailingWebhooks(later);
    await caughtUp(c.site);
    assert.is(await disableFailingWebhooks(later), 0, 'once disabled, no more');
    const [message] = await outbox(c, `supplier-webhook:${id}:%`);
    assert.is(message!.status, 'failed');
    const listed = (await c.company.get('/api/my/supplier/webhooks')).json<{ webhooks: { id: string; disabledAt: string | null }[] }>();
    assert.ok(listed.webhooks.find((w) => w.id === id)!.disabledAt);
    const told = (await outbox(c, '%:email:%')).filter((m) => m.content?.email?.subject.startsWith('Απενεργοποιήθηκε το webhook'));
    assert.ok(told.length >= 1, 'the confirmed addresses are told');
    assert.is(new Set(told.map((m) => m.recipient)).size, told.length, 'each once');
    assert.ok(told[0]!.content!.email!.text.includes(receiver.url));
  } finally {
    await receiver.close();
  }
});

test.run();
