// The supplier's notices as the portal's application service: subscribe an address (told by link, counted
// once opened), cancel, register a webhook endpoint (its secret shown once), remove it, ping it; and what
// runs on a timer: endpoints failing for a day disabled (the company told by the rule on that event), and
// the daily digests made. Every change is an event on the company's personal stream; the read model lists.
import { randomBytes, randomUUID } from 'node:crypto';
import { deterministicUuidv7 } from '../../eventstore/uuid.ts';
import type { NoticeEvent, NoticeLanguage, SupplierNoticeEvent } from '../../domain/index.ts';
import { checkNoticeEmail, checkNoticeEvents, supplierNoticesErrors, supplierNoticesStream } from '../../domain/index.ts';
import { enqueueMessages, OUTBOX } from '../../notify/index.ts';
import type { SealedSubscription, SealedWebhook, SupplierNotice } from '../../projections/suppliers/index.ts';
import {
  athensDay,
  dueDigests,
  failingWebhooks,
  noticeLines,
  subscriptionByToken,
  subscriptionsOf,
  SUPPLIER_DIGEST_ITEMS,
  supplierEmail,
  webhookKeyPrefix,
  webhookOf,
  webhooksOf,
} from '../../projections/suppliers/index.ts';
import { table } from '../../projections/shared/tables.ts';
import { ApiError } from '../shared/errors.ts';
import type { SupplierPortalServices, SupplierSession } from './portalServices.ts';
import { nowOf } from './portalServices.ts';

/** Enough for a company's departments; more is a script gone wrong. */
export const MAX_PER_KIND = 10;
/** A day of retries with back-off, then the endpoint is disabled (issue 19). */
export const WEBHOOK_GIVE_UP_MS = 24 * 60 * 60_000;

const append = async (services: SupplierPortalServices, who: SupplierSession, event: SupplierNoticeEvent) => {
  await services.store.append(supplierNoticesStream(who.subjectId), [{ id: randomUUID(), type: event.type, data: event.data, metadata: { actor: who.actor } }], { expectedRevision: 'any' });
};

export interface SubscriptionInput {
  readonly email: string;
  readonly events: readonly string[];
  readonly digest: boolean;
  readonly language?: NoticeLanguage;
}

export const subscribe = async (services: SupplierPortalServices, who: SupplierSession, input: SubscriptionInput): Promise<{ id: string }> => {
  const email = checkNoticeEmail(input.email);
  const events = checkNoticeEvents(input.events);
  if ((await subscriptionsOf(services.client, services.schema, who.subjectId)).length >= MAX_PER_KIND) throw supplierNoticesErrors.OD_SUPPLIER_TOO_MANY({ limit: MAX_PER_KIND });
  const subscriptionId = randomUUID();
  const sealed: SealedSubscription = { email, afm: who.afm, token: randomBytes(32).toString('base64url') };
  await append(services, who, {
    type: 'NoticeSubscriptionRequested',
    data: { subjectId: who.subjectId, subscriptionId, sealed: await services.keyring.seal(who.subjectId, sealed), events, digest: input.digest, language: input.language ?? 'el', at: nowOf(services).toISOString() },
  });
  return { id: subscriptionId };
};

/** The link's token: whoever holds it confirms the address it was sent to, and nothing else. */
export const confirmSubscription = async (services: SupplierPortalServices, token: string): Promise<void> => {
  const found = /^[A-Za-z0-9_-]{43}$/.test(token) ? await subscriptionByToken(services.client, services.schema, token) : null;
  if (!found) throw supplierNoticesErrors.OD_SUPPLIER_LINK_INVALID();
  await services.store.append(
    supplierNoticesStream(found.subjectId),
    [{ id: randomUUID(), type: 'NoticeSubscriptionConfirmed', data: { subjectId: found.subjectId, subscriptionId: found.subscriptionId, at: nowOf(services).toISOString() }, metadata: { actor: 'email-link' } }],
    { expectedRevision: 'any' },
  );
};

export const cancelSubscription = async (services: SupplierPortalServices, who: SupplierSession, subscriptionId: string): Promise<void> => {
  const own = (await subscriptionsOf(services.client, services.schema, who.subjectId)).some((s) => s.id === subscriptionId);
  if (!own) throw new ApiError('OD_NOT_FOUND');
  await append(services, who, { type: 'NoticeSubscriptionCancelled', data: { subjectId: who.subjectId, subscriptionId, at: nowOf(services).toISOString() } });
};

/** A Standard Webhooks secret: whsec_ and 32 random bytes in base64. */
const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

const checkUrl = async (services: SupplierPortalServices, url: string): Promise<string> => {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw supplierNoticesErrors.OD_SUPPLIER_WEBHOOK_URL_INVALID({ reason: { el: 'δεν είναι διεύθυνση URL', en: 'not a URL' } });
  }
  if (url.length > 2000 || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw supplierNoticesErrors.OD_SUPPLIER_WEBHOOK_URL_INVALID({ reason: { el: 'μόνο http(s)://', en: 'only http(s)://' } });
  }
  const refusal = (await services.endpointRefusal?.(parsed.href)) ?? null;
  if (refusal) throw supplierNoticesErrors.OD_SUPPLIER_WEBHOOK_URL_INVALID({ reason: { el: refusal.el, en: refusal.en } });
  return parsed.href;
};

export const registerWebhook = async (services: SupplierPortalServices, who: SupplierSession, input: { url: string; events: readonly string[] }): Promise<{ id: string; secret: string }> => {
  const events = checkNoticeEvents(input.events);
  const url = await checkUrl(services, input.url);
  if ((await webhooksOf(services.client, services.schema, who.subjectId)).length >= MAX_PER_KIND) throw supplierNoticesErrors.OD_SUPPLIER_TOO_MANY({ limit: MAX_PER_KIND });
  const webhookId = randomUUID();
  const secret = newSecret();
  const sealed: SealedWebhook = { url, secret, afm: who.afm };
  await append(services, who, {
    type: 'SupplierWebhookRegistered',
    data: { subjectId: who.subjectId, webhookId, sealed: await services.keyring.seal(who.subjectId, sealed), events, at: nowOf(services).toISOString() },
  });
  return { id: webhookId, secret };
};

const ownWebhook = async (services: SupplierPortalServices, who: SupplierSession, webhookId: string) => {
  const found = /^[0-9a-f-]{36}$/.test(webhookId) ? await webhookOf(services.client, services.schema, who.subjectId, webhookId) : null;
  if (!found) throw new ApiError('OD_NOT_FOUND');
  return found;
};

export const removeWebhook = async (services: SupplierPortalServices, who: SupplierSession, webhookId: string): Promise<void> => {
  await ownWebhook(services, who, webhookId);
  await append(services, who, { type: 'SupplierWebhookRemoved', data: { subjectId: who.subjectId, webhookId, at: nowOf(services).toISOString() } });
  // What was still to go to it goes nowhere now.
  await services.client.query(`UPDATE ${table(services.schema, OUTBOX)} SET status = 'failed', content = NULL, last_error = 'endpoint removed', finished_at = $2 WHERE key LIKE $1 AND status = 'pending'`, [
    `${webhookKeyPrefix(webhookId)}%`,
    nowOf(services).toISOString(),
  ]);
};

/** A ping through the outbox, like any notice: signed, retried, in the endpoint's deliveries. */
export const pingWebhook = async (services: SupplierPortalServices, who: SupplierSession, webhookId: string): Promise<{ messageKey: string }> => {
  const found = await ownWebhook(services, who, webhookId);
  if (found.disabled) throw new ApiError('OD_NOT_FOUND', { el: 'το σημείο είναι απενεργοποιημένο· καταχωρίστε το ξανά', en: 'the endpoint is disabled; register it again' });
  const key = `${webhookKeyPrefix(webhookId)}ping:${randomUUID()}`;
  await services.client.transaction((tx) =>
    enqueueMessages(tx, services.schema, [{ key, channel: 'webhook', subjectId: who.subjectId, to: found.url, webhook: { type: 'ping', payload: { webhookId, afm: who.afm }, secret: found.secret } }], nowOf(services)),
  );
  return { messageKey: key };
};

/**
 * Endpoints whose messages have gone undelivered for a day are disabled and their messages given up; the
 * SupplierWebhookDisabled event tells the company (notifications). Safe to run on every node at once: a
 * second run finds the endpoint disabled.
 */
export const disableFailingWebhooks = async (services: SupplierPortalServices): Promise<number> => {
  const now = nowOf(services);
  const failing = await failingWebhooks(services.client, services.schema, new Date(now.getTime() - WEBHOOK_GIVE_UP_MS));
  for (const w of failing) {
    await services.store.append(
      supplierNoticesStream(w.subjectId),
      // One id per endpoint's registration: two sweeps before the read model moves append one event, not two.
      [{ id: deterministicUuidv7(Date.parse(w.createdAt), `webhook-disabled:${w.webhookId}`), type: 'SupplierWebhookDisabled', data: { subjectId: w.subjectId, webhookId: w.webhookId, at: now.toISOString(), reason: 'no delivery for 24 hours / καμία παράδοση επί 24 ώρες' }, metadata: { actor: 'opendimos:webhooks' } }],
      { expectedRevision: 'any' },
    );
    await services.client.query(`UPDATE ${table(services.schema, OUTBOX)} SET status = 'failed', content = NULL, last_error = 'endpoint disabled after 24 h', finished_at = $2 WHERE key LIKE $1 AND status = 'pending'`, [
      `${webhookKeyPrefix(w.webhookId)}%`,
      now.toISOString(),
    ]);
  }
  return failing.length;
};

/** Yesterday's (and older) digest items become one e-mail per subscription and day, in one transaction each. */
export const sendDigests = async (services: SupplierPortalServices): Promise<number> => {
  const digests = await dueDigests(services.client, services.schema, athensDay(nowOf(services)));
  for (const d of digests) {
    const notices = d.notices as (SupplierNotice & { type: NoticeEvent })[];
    const lines = notices.map((n) => noticeLines(n.type, n));
    const date = d.day.split('-').reverse().join('/');
    const email = supplierEmail(services.publicUrl, d.language, {
      el: { subject: `Σύνοψη ${date}: ${notices.length} κινήσεις`, paragraphs: lines.flatMap((l) => [`• ${l.el.title}`, ...l.el.lines]) },
      en: { subject: `Digest ${date}: ${notices.length} movements`, paragraphs: lines.flatMap((l) => [`• ${l.en.title}`, ...l.en.lines]) },
    });
    await services.client.transaction(async (tx) => {
      await enqueueMessages(tx, services.schema, [{ key: `supplier-digest:${d.subscriptionId}:${d.day}`, channel: 'email', subjectId: d.subjectId, to: d.email, email }], nowOf(services));
      await tx.query(`DELETE FROM ${table(services.schema, SUPPLIER_DIGEST_ITEMS)} WHERE subscription_id = $1::uuid AND day = $2`, [d.subscriptionId, d.day]);
    });
  }
  return digests.length;
};
