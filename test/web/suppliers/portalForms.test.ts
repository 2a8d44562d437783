// The notices of /my/supplier managed from the page itself, without JavaScript (issue 19): a subscription
// added with its stages, digest and language, and removed; a webhook registered (its secret on the answering
// page only), sent a test ping (the documented body, signed), and removed. Each form needs the session's CSRF
// token; a refusal says why in the page's language and changes nothing; another company's ids answer 404.
// And every operation the OpenAPI document gives the supplier and the reporter is a route of the citizens' site.
import { readFile } from 'node:fs/promises';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { createEmailTransport } from '../../../src/integrations/mail/index.ts';
import { createWebhookTransport } from '../../../src/integrations/webhooks/index.ts';
import { dispatchPass, OUTBOX } from '../../../src/notify/index.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { SUPPLIER_WEBHOOKS } from '../../../src/projections/suppliers/index.ts';
import { startWebhookDouble } from '../../support/doubles/webhooks/index.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, csrfOf, logInAs, startCitizenSite } from '../identity/citizenSite.ts';
import { COMPANY } from '../identity/representing.ts';
import { caughtUp } from '../debts/debtsSite.ts';

interface Context {
  site: CitizenSite;
  company: Browser;
  other: Browser;
}
const test = suite<Context>('web/suppliers: notices managed from /my/supplier, without JavaScript', {} as Context);

test.before(async (c) => {
  c.site = await startCitizenSite();
  c.company = new Browser(c.site.app);
  await logInAs(c.company, COMPANY, '/my/supplier');
  c.other = new Browser(c.site.app);
  await logInAs(c.other, '047312951');
});
test.after(async (c) => c.site.close());

/** A form as a browser sends it: repeated names for several checked boxes. */
const submit = (browser: Browser, url: string, fields: readonly (readonly [string, string])[]) =>
  (browser as unknown as { app: CitizenSite['app'] }).app.inject({
    method: 'POST',
    url,
    headers: { cookie: browser.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields.map(([k, v]) => [k, v])).toString(),
  });

const pageCsrf = async (browser: Browser): Promise<string> => csrfOf((await browser.get('/my/supplier')).body);
const eventCount = async (c: Context): Promise<number> => (await c.site.store.readAll()).length;

test('the page offers both forms, Greek and English, each with the CSRF token', async (c) => {
  const el = await c.company.get('/my/supplier');
  assert.is(el.statusCode, 200);
  const csrf = csrfOf(el.body);
  assert.ok(csrf.length > 10);
  for (const action of ['/my/supplier/subscriptions', '/my/supplier/webhooks']) assert.ok(el.body.includes(`action="${action}"`), action);
  assert.ok(el.body.includes('Νέα συνδρομή e-mail') && el.body.includes('Έκδοση εντάλματος') && el.body.includes('ημερήσια σύνοψη'));
  assert.is((el.body.match(/name="events" value="payment.made"/g) ?? []).length, 2);
  const en = await c.company.get('/en/my/supplier');
  assert.ok(en.body.includes('action="/en/my/supplier/webhooks"') && en.body.includes('Register the webhook') && en.body.includes('Payment order issued'));
});

test('a subscription from the form: refused without the token or with a bad address (nothing recorded), added, listed, removed', async (c) => {
  const csrf = await pageCsrf(c.company);
  const before = await eventCount(c);
  const fields = [['email', 'logistirio@alieftiki.gr'], ['events', 'payment.made'], ['events', 'payment_order.issued'], ['digest', 'true'], ['language', 'en']] as const;
  assert.is((await submit(c.company, '/my/supplier/subscriptions', fields)).statusCode, 403);
  const bad = await submit(c.company, '/my/supplier/subscriptions', [['_csrf', csrf], ['email', 'όχι διεύθυνση'], ['events', 'payment.made']]);
  assert.is(bad.statusCode, 400);
  assert.ok(bad.body.includes('role="alert"') && bad.body.includes('e-mail') && bad.body.includes('value="όχι διεύθυνση"'), 'the reason, and what was typed kept');
  const none = await submit(c.company, '/en/my/supplier/subscriptions', [['_csrf', csrf], ['email', 'logistirio@alieftiki.gr']]);
  assert.is(none.statusCode, 400);
  assert.ok(none.body.includes('Nothing was changed'));
  assert.is(await eventCount(c), before, 'a refusal appends nothing');

  const made = await submit(c.company, '/my/supplier/subscriptions', [['_csrf', csrf], ...fields]);
  assert.is(made.statusCode, 303, made.body.slice(0, 300));
  assert.is(made.headers.location, '/my/supplier?done=subscribed#notices');
  await caughtUp(c.site);
  const listed = (await c.company.get('/api/my/supplier/subscriptions')).json<{ subscriptions: { id: string; email: string; events: string[]; digest: boolean; language: string; confirmedAt: string | null }[] }>().subscriptions;
  assert.is(listed.length, 1);
  assert.equal([listed[0]!.email, [...listed[0]!.events].sort(), listed[0]!.digest, listed[0]!.language, listed[0]!.confirmedAt], ['logistirio@alieftiki.gr', ['payment.made', 'payment_order.issued'], true, 'en', null]);
  const page = (await c.company.get('/my/supplier?done=subscribed')).body;
  assert.ok(page.includes('Η συνδρομή καταχωρίστηκε') && page.includes('logistirio@alieftiki.gr') && page.includes('αναμένει επιβεβαίωση'));
  const [confirmation] = await c.site.db.client.query<{ recipient: string }>(`SELECT recipient FROM ${table(c.site.db.schema, OUTBOX)} WHERE key LIKE '%:email:supplier-confirm'`);
  assert.is(confirmation?.recipient, 'logistirio@alieftiki.gr', 'the confirmation link is on its way');

  const id = listed[0]!.id;
  assert.ok(page.includes(`action="/my/supplier/subscriptions/${id}/remove"`));
  assert.is((await submit(c.other, `/my/supplier/subscriptions/${id}/remove`, [['_csrf', await pageCsrf(c.other)]])).statusCode, 404, "another company's subscription");
  assert.is((await submit(c.company, `/my/supplier/subscriptions/${id}/remove`, [])).statusCode, 403);
  const removed = await submit(c.company, `/my/supplier/subscriptions/${id}/remove`, [['_csrf', csrf]]);
  assert.equal([removed.statusCode, removed.headers.location], [303, '/my/supplier?done=unsubscribed#notices']);
  await caughtUp(c.site);
  assert.equal((await c.company.get('/api/my/supplier/subscriptions')).json<{ subscriptions: unknown[] }>().subscriptions, []);
});

test('a webhook from the form: its secret on the answer only, a signed ping of the documented body, removal', async (c) => {
  const csrf = await pageCsrf(c.company);
  const before = await eventCount(c);
  const refused = await submit(c.company, '/my/supplier/webhooks', [['_csrf', csrf], ['url', 'ftp://erp.example.gr/hook'], ['events', 'payment.made']]);
  assert.is(refused.statusCode, 400);
  assert.ok(refused.body.includes('http(s)://') && refused.body.includes('value="ftp://erp.example.gr/hook"'));
  assert.is(await eventCount(c), before);

  const receiver = await startWebhookDouble();
  try {
    const made = await submit(c.company, '/my/supplier/webhooks', [['_csrf', csrf], ['url', receiver.url], ['events', 'payment.made'], ['events', 'reversal.recorded']]);
    assert.is(made.statusCode, 200, made.body.slice(0, 300));
    const secret = /whsec_[A-Za-z0-9+/]{43}=/.exec(made.body)?.[0];
    assert.ok(secret, 'the secret is on the answering page');
    await caughtUp(c.site);
    const page = (await c.company.get('/my/supplier')).body;
    assert.not.ok(page.includes(secret), 'and never again');
    const id = /action="\/my\/supplier\/webhooks\/([0-9a-f-]{36})\/test"/.exec(page)?.[1];
    assert.ok(id, 'each endpoint has its test button');

    const verifier = await startWebhookDouble(secret);
    try {
      await c.site.db.client.query(`UPDATE ${table(c.site.db.schema, SUPPLIER_WEBHOOKS)} SET url = $1 WHERE webhook_id = $2`, [verifier.url, id]);
      assert.is((await submit(c.other, `/my/supplier/webhooks/${id}/test`, [['_csrf', await pageCsrf(c.other)]])).statusCode, 404, "another company's endpoint");
      const ping = await submit(c.company, `/my/supplier/webhooks/${id}/test`, [['_csrf', csrf]]);
      assert.equal([ping.statusCode, ping.headers.location], [303, '/my/supplier?done=ping#notices']);
      await dispatchPass({
        client: c.site.db.client,
        schema: c.site.db.schema,
        transports: { email: createEmailTransport({ smtpUrl: null, from: 'Δήμος <noreply@lixouri.gr>', dataDir: '/nonexistent' }), webhook: createWebhookTransport({ publicOnly: false, timeoutMs: 2_000 }) },
      });
      assert.is(verifier.received.length, 1);
      assert.is(verifier.received[0]!.verifyError, null, 'signed with the secret shown');
      // The body documented as SupplierWebhookPing in openapi.yaml.
      const body = verifier.received[0]!.verified as { type: string; timestamp: string; data: Record<string, unknown> };
      assert.equal(Object.keys(body), ['type', 'timestamp', 'data']);
      assert.equal([body.type, body.data], ['ping', { webhookId: id, afm: COMPANY }]);
      assert.match(body.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const shown = (await c.company.get('/my/supplier?done=ping')).body;
      assert.match(shown, /Τελευταία αποστολή: [^<]*delivered \(HTTP 2\d\d\)/, 'the delivery is shown');
    } finally {
      await verifier.close();
    }
    assert.is((await submit(c.other, `/my/supplier/webhooks/${id}/remove`, [['_csrf', await pageCsrf(c.other)]])).statusCode, 404);
    const removed = await submit(c.company, `/en/my/supplier/webhooks/${id}/remove`, [['_csrf', csrf]]);
    assert.equal([removed.statusCode, removed.headers.location], [303, '/en/my/supplier?done=webhook-removed#notices']);
    await caughtUp(c.site);
    assert.equal((await c.company.get('/api/my/supplier/webhooks')).json<{ webhooks: unknown[] }>().webhooks, []);
  } finally {
    await receiver.close();
  }
});

test('without a login the forms change nothing and ask to log in', async (c) => {
  const before = await eventCount(c);
  const nobody = new Browser(c.site.app);
  const answer = await nobody.post('/my/supplier/subscriptions', { email: 'x@example.gr', events: 'payment.made' });
  assert.is(answer.statusCode, 401);
  assert.ok(answer.body.includes('TaxisNet'));
  assert.is(await eventCount(c), before);
});

test("every operation the OpenAPI document gives the supplier and the reporter is a route of the citizens' site", async (c) => {
  const document = parse(await readFile(new URL('../../../src/api/openapi.yaml', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, { tags?: string[] }>> };
  const routes = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => operation.tags?.some((tag) => tag === 'suppliers' || tag === 'requests'))
      .map(([method]) => ({ method: method.toUpperCase() as 'GET' | 'POST' | 'DELETE', url: path.replace(/\{(\w+)\}/g, ':$1') })),
  );
  assert.is(routes.length, 10);
  for (const route of routes) assert.ok(c.site.app.hasRoute(route), `${route.method} ${route.url}`);
});

test.run();
