// Queries of the suppliers' personal read model, each by the session's subject (never by an id alone), and
// the deliveries of an endpoint as the outbox recorded them.
import type { NoticeEvent, NoticeLanguage } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { toNumber } from '../../eventstore/sql/client.ts';
import { ATTEMPTS, OUTBOX } from '../../notify/index.ts';
import { table } from '../shared/tables.ts';
import { SUPPLIER_DIGEST_ITEMS, SUPPLIER_SUBSCRIPTIONS, SUPPLIER_WEBHOOKS, tokenHash } from './noticesProjection.ts';

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(v as string).toISOString());

export interface SubscriptionView {
  readonly id: string;
  readonly email: string;
  readonly events: readonly NoticeEvent[];
  readonly digest: boolean;
  readonly language: NoticeLanguage;
  readonly requestedAt: string;
  readonly confirmedAt: string | null;
}

interface SubscriptionRow {
  subscription_id: string;
  email: string;
  events: NoticeEvent[];
  digest: boolean;
  language: NoticeLanguage;
  requested_at: unknown;
  confirmed_at: unknown;
}
const toSubscription = (r: SubscriptionRow): SubscriptionView => ({
  id: r.subscription_id,
  email: r.email,
  events: r.events,
  digest: r.digest,
  language: r.language,
  requestedAt: iso(r.requested_at)!,
  confirmedAt: iso(r.confirmed_at),
});

export const subscriptionsOf = async (db: SqlExecutor, schema: string, subjectId: string): Promise<SubscriptionView[]> =>
  (
    await db.query<SubscriptionRow>(
      `SELECT subscription_id::text, email, events, digest, language, requested_at, confirmed_at FROM ${table(schema, SUPPLIER_SUBSCRIPTIONS)} WHERE subject_id = $1 ORDER BY requested_at, subscription_id`,
      [subjectId],
    )
  ).map(toSubscription);

/** The subscription a confirmation token opens, if it still waits for it. */
export const subscriptionByToken = async (db: SqlExecutor, schema: string, token: string): Promise<{ subscriptionId: string; subjectId: string } | null> => {
  const [row] = await db.query<{ subscription_id: string; subject_id: string }>(
    `SELECT subscription_id::text, subject_id FROM ${table(schema, SUPPLIER_SUBSCRIPTIONS)} WHERE token = $1 AND confirmed_at IS NULL`,
    [tokenHash(token)],
  );
  return row ? { subscriptionId: row.subscription_id, subjectId: row.subject_id } : null;
};

export interface DeliveryView {
  readonly webhookId: string;
  readonly at: string;
  readonly attempt: number;
  readonly outcome: string;
  readonly detail: string;
}

export interface WebhookView {
  readonly id: string;
  readonly url: string;
  readonly events: readonly NoticeEvent[];
  readonly createdAt: string;
  readonly disabledAt: string | null;
  readonly disabledReason: string | null;
  readonly lastDeliveries: readonly Omit<DeliveryView, 'webhookId'>[];
}

/** The outbox keys of an endpoint's messages begin so (notifications.ts, the ping). */
export const webhookKeyPrefix = (webhookId: string): string => `supplier-webhook:${webhookId}:`;

const LAST_DELIVERIES = 10;

export const webhooksOf = async (db: SqlExecutor, schema: string, subjectId: string): Promise<WebhookView[]> => {
  const rows = await db.query<{ webhook_id: string; url: string; events: NoticeEvent[]; created_at: unknown; disabled_at: unknown; disabled_reason: string | null }>(
    `SELECT webhook_id::text, url, events, created_at, disabled_at, disabled_reason FROM ${table(schema, SUPPLIER_WEBHOOKS)} WHERE subject_id = $1 ORDER BY created_at, webhook_id`,
    [subjectId],
  );
  if (rows.length === 0) return [];
  // The newest attempts of each endpoint's messages: the outbox's subject index narrows to the company's.
  const attempts = await db.query<{ key: string; at: unknown; attempt: unknown; outcome: string; detail: string }>(
    `SELECT o.key, a.at, a.attempt, a.outcome, a.detail FROM ${table(schema, OUTBOX)} o JOIN ${table(schema, ATTEMPTS)} a ON a.message = o.id
     WHERE o.subject_id = $1 AND o.channel = 'webhook' AND o.key LIKE 'supplier-webhook:%' ORDER BY a.at DESC, a.attempt DESC LIMIT 500`,
    [subjectId],
  );
  return rows.map((r) => ({
    id: r.webhook_id,
    url: r.url,
    events: r.events,
    createdAt: iso(r.created_at)!,
    disabledAt: iso(r.disabled_at),
    disabledReason: r.disabled_reason,
    lastDeliveries: attempts
      .filter((a) => a.key.startsWith(webhookKeyPrefix(r.webhook_id)))
      .slice(0, LAST_DELIVERIES)
      .map((a) => ({ at: iso(a.at)!, attempt: toNumber(a.attempt), outcome: a.outcome, detail: a.detail })),
  }));
};

export interface ActiveWebhook {
  readonly webhookId: string;
  readonly subjectId: string;
  readonly url: string;
  readonly secret: string;
}

export const webhookOf = async (db: SqlExecutor, schema: string, subjectId: string, webhookId: string): Promise<(ActiveWebhook & { disabled: boolean }) | null> => {
  const [row] = await db.query<{ url: string; secret: string; disabled_at: unknown }>(
    `SELECT url, secret, disabled_at FROM ${table(schema, SUPPLIER_WEBHOOKS)} WHERE subject_id = $1 AND webhook_id = $2::uuid`,
    [subjectId, webhookId],
  );
  return row ? { webhookId, subjectId, url: row.url, secret: row.secret, disabled: row.disabled_at !== null } : null;
};

/**
 * Endpoints still enabled with a message undelivered for longer than `since`: their first try came before it
 * and none since went through. These are the ones to disable.
 */
export const failingWebhooks = async (db: SqlExecutor, schema: string, since: Date): Promise<{ webhookId: string; subjectId: string; createdAt: string }[]> =>
  (
    await db.query<{ webhook_id: string; subject_id: string; created_at: unknown }>(
      `SELECT DISTINCT w.webhook_id::text, w.subject_id, w.created_at FROM ${table(schema, SUPPLIER_WEBHOOKS)} w
       JOIN ${table(schema, OUTBOX)} o ON o.key LIKE 'supplier-webhook:' || w.webhook_id::text || ':%' AND o.subject_id = w.subject_id
       WHERE w.disabled_at IS NULL AND o.attempts > 0 AND (o.status = 'failed' OR (o.status = 'pending' AND o.created_at < $1))
         AND NOT EXISTS (SELECT 1 FROM ${table(schema, OUTBOX)} d WHERE d.key LIKE 'supplier-webhook:' || w.webhook_id::text || ':%' AND d.subject_id = w.subject_id
                         AND d.status = 'delivered' AND d.finished_at > o.created_at)`,
      [since.toISOString()],
    )
  ).map((r) => ({ webhookId: r.webhook_id, subjectId: r.subject_id, createdAt: iso(r.created_at)! }));

export interface DigestItems {
  readonly subscriptionId: string;
  readonly subjectId: string;
  readonly email: string;
  readonly language: NoticeLanguage;
  readonly day: string;
  readonly notices: readonly unknown[];
}

/** The digests of days before `today`, one per subscription and day, their notices in the ledger's order. */
export const dueDigests = async (db: SqlExecutor, schema: string, today: string): Promise<DigestItems[]> => {
  const rows = await db.query<{ subscription_id: string; subject_id: string; email: string; language: NoticeLanguage; day: string; notice: unknown }>(
    `SELECT i.subscription_id::text, s.subject_id, s.email, s.language, i.day, i.notice FROM ${table(schema, SUPPLIER_DIGEST_ITEMS)} i
     JOIN ${table(schema, SUPPLIER_SUBSCRIPTIONS)} s USING (subscription_id) WHERE i.day < $1 ORDER BY i.subscription_id, i.day, i.position`,
    [today],
  );
  const digests = new Map<string, DigestItems & { notices: unknown[] }>();
  for (const r of rows) {
    const key = `${r.subscription_id}|${r.day}`;
    const digest = digests.get(key) ?? { subscriptionId: r.subscription_id, subjectId: r.subject_id, email: r.email, language: r.language, day: r.day, notices: [] };
    digest.notices.push(typeof r.notice === 'string' ? JSON.parse(r.notice) : r.notice);
    digests.set(key, digest);
  }
  return [...digests.values()];
};
