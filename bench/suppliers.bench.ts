// Issue 19: a 100,000-row transactions file (20,000 with --quick) imported and projected by the suppliers'
// projection, its notices' read model and the outbox's — once with no subscribers, once with 15 of the
// file's 150 suppliers subscribed by e-mail and by webhook (about 10% of the rows then make two messages
// each). The timed span is the import until its commit plus the catch-up of those projections, since the
// notices are made in the projections' transaction, not the import's; the ratio is with / without. Then the
// outbox is delivered to local receivers (the SMTP double, the webhook double) by one dispatcher.
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase } from '../src/cli/migrations.ts';
import { afmWithCheckDigit, ledgerEventSchemas } from '../src/domain/index.ts';
import { openKeyring } from '../src/eventstore/keyring.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { importFile } from '../src/ingest/importFile.ts';
import { createEmailTransport } from '../src/integrations/mail/index.ts';
import { createWebhookTransport } from '../src/integrations/webhooks/index.ts';
import { dispatchPass, notifyProjection, OUTBOX } from '../src/notify/index.ts';
import { startProjections } from '../src/projections/shared/runner.ts';
import { table } from '../src/projections/shared/tables.ts';
import { SUPPLIER_SUBSCRIPTIONS, SUPPLIER_WEBHOOKS, supplierNoticesProjection, supplierNotifications, suppliersProjection } from '../src/projections/suppliers/index.ts';
import { startSmtpDouble } from '../test/support/doubles/smtp/index.ts';
import { startWebhookDouble } from '../test/support/doubles/webhooks/index.ts';
import { writeTransactionsFile } from './importFiles.ts';
import type { Bench, BenchContext, Figure } from './support.ts';
import { now, seconds } from './support.ts';

/** The same ΑΦΜ as importFiles.ts gives its first suppliers. */
const supplierAfm = (i: number): string => afmWithCheckDigit(String(80_000_000 + i * 7919).padStart(8, '0'));

const run = async (context: BenchContext, schema: string, file: string, receivers: { email: string; webhook: string; secret: string } | null) => {
  const client = createPgClient({ connectionString: context.databaseUrl });
  await migrateDatabase(client, schema);
  const store = await openSqlEventStore({ client, schema, schemas: ledgerEventSchemas });
  const keyring = await openKeyring(client, schema, randomBytes(32));
  const projections = [suppliersProjection, supplierNoticesProjection(keyring), notifyProjection([supplierNotifications(schema, 'https://dimos.example.gr')])];
  const idle = await startProjections({ client, store, schema, projections, onError: (e) => context.log(String(e)) });
  await idle.caughtUp;
  await idle.stop();
  if (receivers) {
    for (let i = 0; i < 15; i++) {
      const afm = supplierAfm(i * 10);
      await client.query(
        `INSERT INTO ${table(schema, SUPPLIER_SUBSCRIPTIONS)} (subscription_id, subject_id, afm, email, events, digest, language, requested_at, confirmed_at) VALUES ($1, $2, $3, $4, $5, false, 'el', now(), now())`,
        [randomUUID(), `s${i}`, afm, `finance${i}@example.gr`, ['commitment.recorded', 'payment_order.issued', 'payment.made', 'reversal.recorded']],
      );
      await client.query(`INSERT INTO ${table(schema, SUPPLIER_WEBHOOKS)} (webhook_id, subject_id, afm, url, secret, events, created_at) VALUES ($1, $2, $3, $4, $5, $6, now())`, [
        randomUUID(),
        `s${i}`,
        afm,
        receivers.webhook,
        receivers.secret,
        ['commitment.recorded', 'payment_order.issued', 'payment.made', 'reversal.recorded'],
      ]);
    }
  }
  const start = now();
  await importFile(store, createReadStream(file), { kind: 'transactions', fileName: 'bench.csv', actor: 'bench' });
  const runner = await startProjections({ client, store, schema, projections, onError: (e) => context.log(String(e)) });
  await runner.caughtUp;
  const elapsed = seconds(start);
  await runner.stop();
  const [{ n }] = (await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table(schema, OUTBOX)}`)) as [{ n: string }];
  let deliveries: { rate: number; count: number } | null = null;
  if (receivers) {
    const transports = { email: createEmailTransport({ smtpUrl: receivers.email, from: 'Δήμος <noreply@lixouri.gr>', dataDir: tmpdir() }), webhook: createWebhookTransport({ publicOnly: false }) };
    const sent = now();
    const counts = await dispatchPass({ client, schema, transports, concurrency: 16, batchSize: 200 });
    deliveries = { rate: counts.delivered / seconds(sent), count: counts.delivered };
    await transports.email.close();
  }
  await store.close();
  await client.close();
  return { elapsed, messages: Number(n), deliveries };
};

export const suppliersBench: Bench = {
  name: 'suppliers',
  async run(context): Promise<Figure[]> {
    const rows = context.quick ? 20_000 : 100_000;
    const dir = await mkdtemp(join(tmpdir(), 'od-bench-suppliers-'));
    const file = join(dir, 'transactions.csv');
    const smtp = await startSmtpDouble();
    const hooks = await startWebhookDouble();
    try {
      await writeTransactionsFile(file, rows);
      const without = await run(context, 'bench_suppliers_plain', file, null);
      context.log(`${rows} rows without subscribers: ${without.elapsed.toFixed(2)} s, ${without.messages} messages`);
      const withSubs = await run(context, 'bench_suppliers_subscribed', file, { email: smtp.url, webhook: hooks.url, secret: hooks.secret });
      context.log(`${rows} rows with 15 suppliers subscribed: ${withSubs.elapsed.toFixed(2)} s, ${withSubs.messages} messages; delivered ${withSubs.deliveries!.count} at ${withSubs.deliveries!.rate.toFixed(0)}/s`);
      return [
        {
          name: `import + notices of ${rows} rows, with subscribers vs without (time; lower is better)`,
          unit: 's',
          ours: withSubs.elapsed,
          peer: without.elapsed,
          peerName: 'no subscribers',
          target: without.elapsed * 1.1,
          targetKind: 'value-at-most',
          note: `${withSubs.messages} notices made; ratio ${(withSubs.elapsed / without.elapsed).toFixed(2)}× (target ≤ 1.10×)`,
        },
        { name: 'notices delivered to local receivers (SMTP double, webhook double)', unit: 'messages/s', ours: withSubs.deliveries!.rate, target: 200, targetKind: 'value-at-least' },
      ];
    } finally {
      await hooks.close();
      await smtp.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
