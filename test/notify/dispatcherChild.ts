// A dispatching process for the kill -9 test: the real dispatcher on PostgreSQL sending to the SMTP
// double, one send at a time, its clock ahead by OD_CLOCK_OFFSET_MS (a restart "later", after leases ran out).
import { createPgClient } from '../../src/eventstore/sql/pgClient.ts';
import { createEmailTransport } from '../../src/integrations/mail/index.ts';
import { createWebhookTransport } from '../../src/integrations/webhooks/index.ts';
import { startDispatcher } from '../../src/notify/index.ts';

const offset = Number(process.env.OD_CLOCK_OFFSET_MS ?? 0);
const client = createPgClient({ connectionString: process.env.DATABASE_URL!, maxConnections: 2, applicationName: 'opendimos-dispatcher-child' });
const email = createEmailTransport({ smtpUrl: process.env.OD_SMTP_URL!, from: 'Δήμος Ληξουρίου <noreply@lixouri.gr>', dataDir: '/nonexistent' });
startDispatcher({
  client,
  schema: process.env.OD_SCHEMA!,
  transports: { email, webhook: createWebhookTransport() },
  now: () => new Date(Date.now() + offset),
  concurrency: 1,
  batchSize: 8,
  pollMs: 100,
});
process.stdout.write('ready\n');
