// The dispatcher (διανομέας): claims due messages, hands each to its channel's transport, and records the
// outcome the moment the far side answers.
//
// At least once, and how close to exactly once: a row is claimed under a lease before its send, so a
// process killed mid-send loses nothing (the lease runs out and another dispatcher sends it again, with
// the same Message-ID / webhook-id). A message the far side accepted is recorded by one auto-committed
// statement issued in the same turn of the event loop as the acceptance, with nothing awaited between.
// What remains is that one round trip: if the process dies after the SMTP server's 250 (or the endpoint's
// 2xx) reached it and before PostgreSQL committed the UPDATE, the message is sent again when the lease
// runs out. The window is a few milliseconds; the resend carries the same Message-ID / webhook-id, so the
// receiver can tell it is the same message. Closing it entirely would need the receiver's help (SMTP has
// no way to ask "did you take message X?").
import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../eventstore/sql/client.ts';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.ts';
import { webhookIdFor } from './identifiers.ts';
import type { ClaimedMessage, Outcome } from './outboxRows.ts';
import { claimDue, recordOutcome, releaseClaims } from './outboxRows.ts';
import type { DeliveryReceipt, EmailTransport, WebhookTransport } from './transports.ts';
import { isDeliveryFailed } from './transports.ts';

export interface Transports {
  readonly email: EmailTransport;
  readonly webhook: WebhookTransport;
}

export interface DispatchOptions {
  readonly client: SqlClient;
  readonly schema: string;
  readonly transports: Transports;
  /** One line per outcome: message number, channel, attempt; never an address or a body. */
  readonly log?: (line: string) => void;
  /** The clock of leases and back-off (tests move it instead of sleeping). */
  readonly now?: () => Date;
  /** How long a claim is held: longer than the slowest send (SMTP timeouts here are 30-60 s). */
  readonly leaseMs?: number;
  readonly batchSize?: number;
  /** Sends under way at once. */
  readonly concurrency?: number;
  readonly worker?: string;
}

export interface DispatchCounts {
  delivered: number;
  retried: number;
  failed: number;
}

const DEFAULT_LEASE_MS = 5 * 60_000;

const describe = (error: unknown): string =>
  isDeliveryFailed(error) ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);

const send = (transports: Transports, m: ClaimedMessage): Promise<DeliveryReceipt> => {
  if ('email' in m.content) return transports.email.send({ key: m.key, to: m.to, content: m.content.email, createdAt: m.createdAt });
  const w = m.content.webhook;
  return transports.webhook.send({ key: m.key, webhookId: webhookIdFor(m.key), url: m.to, type: w.type, payload: w.payload, secret: w.secret, createdAt: m.createdAt });
};

/** Tries a few times more to record, so a passing database fault does not turn a delivery into a resend. */
const recordPersistently = async (o: DispatchOptions, m: ClaimedMessage, outcome: Outcome, now: Date) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordOutcome(o.client, o.schema, m, outcome, now);
    } catch (error) {
      o.log?.(`notify: could not record message ${m.id} (${outcome.kind}), try ${attempt}: ${describe(error)}`);
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
};

/** One pass: claim, send and record until nothing is due; stops early (releasing its claims) when asked. */
export const dispatchPass = async (o: DispatchOptions, stopping: () => boolean = () => false): Promise<DispatchCounts> => {
  const now = o.now ?? (() => new Date());
  const worker = o.worker ?? randomUUID();
  const counts: DispatchCounts = { delivered: 0, retried: 0, failed: 0 };
  const concurrency = Math.max(1, o.concurrency ?? 4);
  while (!stopping()) {
    const at = now();
    const claimed = await claimDue(o.client, o.schema, { now: at, leaseUntil: new Date(at.getTime() + (o.leaseMs ?? DEFAULT_LEASE_MS)), limit: o.batchSize ?? 50, worker });
    if (claimed.length === 0) break;
    const queue = [...claimed];
    const unsent: number[] = [];
    const lane = async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        if (stopping()) {
          unsent.push(m.id);
          continue;
        }
        let outcome: Outcome;
        try {
          outcome = { kind: 'delivered', detail: (await send(o.transports, m)).detail };
        } catch (error) {
          const detail = describe(error);
          const permanent = isDeliveryFailed(error) && error.permanent;
          outcome =
            permanent || m.attempt >= MAX_ATTEMPTS
              ? { kind: 'failed', detail: permanent ? detail : `${detail} (${m.attempt} attempts / προσπάθειες)` }
              : { kind: 'retry', detail, nextAttemptAt: new Date(now().getTime() + retryDelayMs(m.attempt)) };
        }
        await recordPersistently(o, m, outcome, now());
        counts[outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'retry' ? 'retried' : 'failed']++;
        o.log?.(`notify: ${m.channel} message ${m.id} attempt ${m.attempt}: ${outcome.kind}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
    await releaseClaims(o.client, o.schema, unsent, worker);
  }
  return counts;
};
