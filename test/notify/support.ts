// Shared by the notify tests: a migrated schema, messages, a clock the test moves, and a look at the rows.
import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../../src/eventstore/sql/client.ts';
import type { EmailTransport, OutboundMessage, WebhookTransport } from '../../src/notify/index.ts';
import { OUTBOX, renderEmail } from '../../src/notify/index.ts';
import { table } from '../../src/projections/shared/tables.ts';

export const greekEmail = () =>
  renderEmail({
    el: { subject: 'Η αίτησή σας εγκρίθηκε', greeting: 'Αγαπητή κυρία Παπαδοπούλου,', paragraphs: ['Η αίτηση «Βεβαίωση μόνιμης κατοικίας» εγκρίθηκε.'], action: { label: 'Δείτε την αίτηση', url: 'https://lixouri.gr/my/' } },
    en: { subject: 'Your application was approved', greeting: 'Dear Ms Papadopoulou,', paragraphs: ['The application "Certificate of residence" was approved.'], action: { label: 'See the application', url: 'https://lixouri.gr/en/my/' } },
  });

export const emailMessage = (to = 'eleni@example.gr', subjectId: string | null = 'citizen-1'): OutboundMessage => ({
  key: `${randomUUID()}:email:${to}`,
  channel: 'email',
  subjectId,
  to,
  email: greekEmail(),
});

export const webhookMessage = (url: string, secret: string, subjectId: string | null = null): OutboundMessage => ({
  key: `${randomUUID()}:webhook:${url}`,
  channel: 'webhook',
  subjectId,
  to: url,
  webhook: { type: 'request.updated', payload: { request: 'R-42', status: 'ολοκληρώθηκε' }, secret },
});

/** A clock the test moves; the dispatcher's leases and back-off read it. */
export const testClock = (start = new Date('2025-03-01T09:00:00Z')) => {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};

export interface OutboxRow {
  key: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  content: unknown;
  recipient: string;
}

export const outboxRows = (db: SqlExecutor, schema: string) => db.query<OutboxRow>(`SELECT * FROM ${table(schema, OUTBOX)} ORDER BY id`);

/** A transport that must not be used (the test's other channel). */
export const unusedEmail: EmailTransport = { send: () => Promise.reject(new Error('no e-mail expected')), close: async () => {} };
export const unusedWebhook: WebhookTransport = { send: () => Promise.reject(new Error('no webhook expected')), close: async () => {} };
