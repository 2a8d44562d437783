// Notices survive a dispatcher dying mid-flight (issue 19): 500 commitments for the stand-in's company, a
// confirmed subscriber and a webhook endpoint, so 1,000 notices. A first dispatcher is abandoned while sends
// are under way (the SMTP double and the webhook double never answer some of them: it is stuck, as a dead
// process is), a second starts after its leases ran out. At the SMTP double each e-mail arrives exactly once;
// at the webhook double each notice at least once, any second copy with the same webhook-id.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createEmailTransport } from '../../../src/integrations/mail/index.ts';
import { createWebhookTransport } from '../../../src/integrations/webhooks/index.ts';
import { OUTBOX, startDispatcher } from '../../../src/notify/index.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { importBytes } from '../../ingest/harness.ts';
import { startSmtpDouble } from '../../support/doubles/smtp/index.ts';
import { startWebhookDouble } from '../../support/doubles/webhooks/index.ts';
import { Browser, logInAs, startCitizenSite } from '../identity/citizenSite.ts';
import { COMPANY, COMPANY_NAME } from '../identity/representing.ts';
import { caughtUp, csv } from '../debts/debtsSite.ts';

const COUNT = 500;
const HEADER = 'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία';

const test = suite('web/suppliers: 1,000 notices through a dispatcher abandoned mid-flight');

test('each e-mail exactly once, each webhook at least once with one webhook-id per notice', async () => {
  const site = await startCitizenSite();
  const smtp = await startSmtpDouble();
  const receiver = await startWebhookDouble();
  const transports = () => ({
    email: createEmailTransport({ smtpUrl: smtp.url, from: 'Δήμος <noreply@lixouri.gr>', dataDir: '/nonexistent' }),
    webhook: createWebhookTransport({ publicOnly: false, timeoutMs: 600_000 }),
  });
  try {
    await importBytes(site.store, csv(HEADER, '02/01/2025;προϋπολογισμός;20-6264;900.000,00;ΠΥ-1;;;;;;Συντήρηση;'), { fileName: 'budget.csv' });
    const company = new Browser(site.app);
    await logInAs(company, COMPANY, '/my/supplier');
    const csrf = (await company.get('/api/my')).json<{ csrfToken: string }>().csrfToken;
    const post = (url: string, body: unknown) =>
      site.app.inject({ method: 'POST', url, headers: { cookie: company.cookieHeader(), 'content-type': 'application/json', 'x-csrf-token': csrf }, payload: JSON.stringify(body) });
    assert.is((await post('/api/my/supplier/subscriptions', { email: 'finance@alieftiki.gr', events: ['commitment.recorded'] })).statusCode, 201);
    const hook = await post('/api/my/supplier/webhooks', { url: receiver.url, events: ['commitment.recorded'] });
    const { id } = hook.json<{ id: string }>();
    await caughtUp(site);
    await site.db.client.query(`UPDATE ${table(site.db.schema, 'od_supplier_webhooks')} SET secret = $1 WHERE webhook_id = $2`, [receiver.secret, id]);
    await site.db.client.query(`UPDATE ${table(site.db.schema, 'od_supplier_subscriptions')} SET confirmed_at = now()`);
    // The confirmation e-mail is not one of the 1,000.
    await site.db.client.query(`DELETE FROM ${table(site.db.schema, OUTBOX)}`);
    const rows = Array.from({ length: COUNT }, (_, i) => `10/02/2025;δέσμευση;20-6264;${i + 1},00;ΑΑΥ-${i + 1};;${COMPANY};${COMPANY_NAME};όχι;;;Δέσμευση ${i + 1}`);
    const report = await importBytes(site.store, csv(HEADER, ...rows), { fileName: 'commitments.csv' });
    assert.is(report.accepted, true);
    await caughtUp(site);
    const [{ n }] = (await site.db.client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table(site.db.schema, OUTBOX)}`)) as [{ n: string }];
    assert.is(Number(n), 2 * COUNT);

    // The first dispatcher: after 300 sends of each kind, the doubles stop answering it (stuck mid-send).
    let mails = 0;
    smtp.beforeAnswer(() => (++mails > 300 ? new Promise<void>(() => undefined) : undefined));
    receiver.holdNext(0);
    const first = startDispatcher({ client: site.db.client, schema: site.db.schema, transports: transports(), concurrency: 8, leaseMs: 60_000 });
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 1200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    };
    await until(() => receiver.received.length >= 300);
    receiver.holdNext(1_000_000);
    await until(() => mails > 300);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(smtp.received.length < COUNT && receiver.received.length < 2 * COUNT, 'the first dispatcher did not finish');
    // Abandoned: never stopped, never answered, as a process that died. The second starts after its leases.
    void first;
    smtp.beforeAnswer(null);
    receiver.holdNext(0);
    const second = startDispatcher({ client: site.db.client, schema: site.db.schema, transports: transports(), concurrency: 8, now: () => new Date(Date.now() + 5 * 60_000), worker: 'second' });
    await until(() => smtp.received.length >= COUNT && new Set(receiver.received.map((r) => r.id)).size >= COUNT);
    await new Promise((r) => setTimeout(r, 500));
    await second.stop();

    const ids = smtp.received.map((m) => m.messageId);
    assert.is(ids.length, COUNT, 'each e-mail arrived exactly once');
    assert.is(new Set(ids).size, COUNT);
    const hooks = new Map<string, Set<string>>();
    for (const r of receiver.received) {
      const body = r.body ? (JSON.parse(r.body) as { data: { document: string } }) : null;
      if (!body) continue;
      hooks.set(body.data.document, (hooks.get(body.data.document) ?? new Set()).add(r.id));
    }
    assert.is(hooks.size, COUNT, 'each notice reached the endpoint');
    assert.ok([...hooks.values()].every((s) => s.size === 1), 'a notice sent twice carries the same webhook-id');
    assert.ok(receiver.received.every((r) => r.verifyError === null));
    console.log(`  reliability: ${smtp.received.length} e-mails (exactly once), ${receiver.received.length} webhook requests for ${hooks.size} notices`);
  } finally {
    smtp.beforeAnswer(null);
    await receiver.close();
    await smtp.close();
    await site.close();
  }
});

test.run();
