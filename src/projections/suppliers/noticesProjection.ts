// The suppliers' personal read model: their e-mail subscriptions and webhook endpoints, opened from their
// sealed events inside the runner's transaction. A subject whose key is gone (erased) leaves no row: the
// events stay, unreadable, and CitizenErased drops what was there. The digest items are the events a
// daily-digest subscriber is to be told of, written by the notification rule in the same transaction.
import { createHash } from 'node:crypto';
import type { SupplierNoticeEvent } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Projection, Tables } from '../shared/projection.ts';

export const SUPPLIER_NOTICES_PROJECTION = 'supplier-notices';
export const SUPPLIER_SUBSCRIPTIONS = 'od_supplier_subscriptions';
export const SUPPLIER_WEBHOOKS = 'od_supplier_webhooks';
export const SUPPLIER_DIGEST_ITEMS = 'od_supplier_digest_items';

const TYPES = new Set<string>([
  'NoticeSubscriptionRequested',
  'NoticeSubscriptionConfirmed',
  'NoticeSubscriptionCancelled',
  'SupplierWebhookRegistered',
  'SupplierWebhookRemoved',
  'SupplierWebhookDisabled',
  'CitizenErased',
]);

export interface SealedSubscription {
  readonly email: string;
  readonly afm: string;
  readonly token: string;
}
export interface SealedWebhook {
  readonly url: string;
  readonly secret: string;
  readonly afm: string;
}

/** Only the link token's hash is kept: the read model cannot confirm for anyone who never got the e-mail. */
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const apply = async (tx: SqlExecutor, t: Tables, keyring: Keyring, event: SupplierNoticeEvent | { type: 'CitizenErased'; data: { subjectId: string } }) => {
  switch (event.type) {
    case 'NoticeSubscriptionRequested': {
      const d = await keyring.open<SealedSubscription>(event.data.subjectId, event.data.sealed, tx);
      if (!d) return;
      await tx.query(
        `INSERT INTO ${t[SUPPLIER_SUBSCRIPTIONS]} (subscription_id, subject_id, afm, email, token, events, digest, language, requested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (subscription_id) DO NOTHING`,
        [event.data.subscriptionId, event.data.subjectId, d.afm, d.email, tokenHash(d.token), event.data.events, event.data.digest, event.data.language, event.data.at],
      );
      return;
    }
    case 'NoticeSubscriptionConfirmed':
      await tx.query(`UPDATE ${t[SUPPLIER_SUBSCRIPTIONS]} SET confirmed_at = $2, token = NULL WHERE subscription_id = $1`, [event.data.subscriptionId, event.data.at]);
      return;
    case 'NoticeSubscriptionCancelled':
      await tx.query(`DELETE FROM ${t[SUPPLIER_DIGEST_ITEMS]} WHERE subscription_id = $1`, [event.data.subscriptionId]);
      await tx.query(`DELETE FROM ${t[SUPPLIER_SUBSCRIPTIONS]} WHERE subscription_id = $1`, [event.data.subscriptionId]);
      return;
    case 'SupplierWebhookRegistered': {
      const d = await keyring.open<SealedWebhook>(event.data.subjectId, event.data.sealed, tx);
      if (!d) return;
      await tx.query(
        `INSERT INTO ${t[SUPPLIER_WEBHOOKS]} (webhook_id, subject_id, afm, url, secret, events, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (webhook_id) DO NOTHING`,
        [event.data.webhookId, event.data.subjectId, d.afm, d.url, d.secret, event.data.events, event.data.at],
      );
      return;
    }
    case 'SupplierWebhookRemoved':
      await tx.query(`DELETE FROM ${t[SUPPLIER_WEBHOOKS]} WHERE webhook_id = $1`, [event.data.webhookId]);
      return;
    case 'SupplierWebhookDisabled':
      await tx.query(`UPDATE ${t[SUPPLIER_WEBHOOKS]} SET disabled_at = $2, disabled_reason = $3 WHERE webhook_id = $1`, [event.data.webhookId, event.data.at, event.data.reason]);
      return;
    case 'CitizenErased':
      await tx.query(`DELETE FROM ${t[SUPPLIER_DIGEST_ITEMS]} WHERE subscription_id IN (SELECT subscription_id FROM ${t[SUPPLIER_SUBSCRIPTIONS]} WHERE subject_id = $1)`, [event.data.subjectId]);
      await tx.query(`DELETE FROM ${t[SUPPLIER_SUBSCRIPTIONS]} WHERE subject_id = $1`, [event.data.subjectId]);
      await tx.query(`DELETE FROM ${t[SUPPLIER_WEBHOOKS]} WHERE subject_id = $1`, [event.data.subjectId]);
      return;
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
};

export const supplierNoticesProjection = (keyring: Keyring): Projection => ({
  name: SUPPLIER_NOTICES_PROJECTION,
  version: 1,
  tables: [SUPPLIER_SUBSCRIPTIONS, SUPPLIER_WEBHOOKS, SUPPLIER_DIGEST_ITEMS],
  create: (t) => `
CREATE TABLE ${t[SUPPLIER_SUBSCRIPTIONS]} (
  subscription_id uuid PRIMARY KEY,
  subject_id text NOT NULL,
  afm text NOT NULL,
  email text NOT NULL,
  token text,
  events text[] NOT NULL,
  digest boolean NOT NULL,
  language text NOT NULL,
  requested_at timestamptz NOT NULL,
  confirmed_at timestamptz
);
CREATE TABLE ${t[SUPPLIER_WEBHOOKS]} (
  webhook_id uuid PRIMARY KEY,
  subject_id text NOT NULL,
  afm text NOT NULL,
  url text NOT NULL,
  secret text NOT NULL,
  events text[] NOT NULL,
  created_at timestamptz NOT NULL,
  disabled_at timestamptz,
  disabled_reason text
);
CREATE TABLE ${t[SUPPLIER_DIGEST_ITEMS]} (
  subscription_id uuid NOT NULL,
  event_id text NOT NULL,
  position bigint NOT NULL,
  day text NOT NULL,
  notice jsonb NOT NULL,
  PRIMARY KEY (subscription_id, event_id)
);`,
  indexes: (t) => `
CREATE INDEX ON ${t[SUPPLIER_SUBSCRIPTIONS]} (afm) WHERE confirmed_at IS NOT NULL;
CREATE INDEX ON ${t[SUPPLIER_SUBSCRIPTIONS]} (subject_id);
CREATE INDEX ON ${t[SUPPLIER_WEBHOOKS]} (afm) WHERE disabled_at IS NULL;
CREATE INDEX ON ${t[SUPPLIER_WEBHOOKS]} (subject_id);
CREATE INDEX ON ${t[SUPPLIER_DIGEST_ITEMS]} (day);`,
  async apply(tx, t, events: readonly ProjectedEvent[]) {
    for (const e of events) {
      if (TYPES.has(e.type)) await apply(tx, t, keyring, { type: e.type, data: e.data } as SupplierNoticeEvent);
    }
  },
});

