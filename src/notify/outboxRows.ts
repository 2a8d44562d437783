// The dispatcher's statements over the outbox: claim due rows under a lease, record each outcome with its
// delivery-log row in one statement, hand back the rows a stopping dispatcher did not get to.
import type { SqlExecutor } from '../eventstore/sql/client.ts';
import { toNumber } from '../eventstore/sql/client.ts';
import type { Channel, StoredContent } from './message.ts';
import { attemptsTable, outboxTable } from './outboxTable.ts';

export interface ClaimedMessage {
  readonly id: number;
  readonly key: string;
  readonly channel: Channel;
  readonly to: string;
  readonly content: StoredContent;
  /** This attempt's number, 1 for the first (counted at claim time, so a crash mid-send counts too). */
  readonly attempt: number;
  readonly createdAt: Date;
}

interface ClaimedRow {
  id: unknown;
  key: string;
  channel: Channel;
  recipient: string;
  content: StoredContent | string;
  attempts: number;
  created_at: Date | string;
}

/**
 * Takes up to `limit` due rows for `worker` until `leaseUntil`. SKIP LOCKED lets dispatchers in several
 * processes claim side by side without waiting on each other; a lease still held is never taken, and a
 * crashed process's lease simply runs out.
 */
export const claimDue = async (db: SqlExecutor, schema: string, o: { now: Date; leaseUntil: Date; limit: number; worker: string }): Promise<ClaimedMessage[]> => {
  const outbox = outboxTable(schema);
  const rows = await db.query<ClaimedRow>(
    `WITH due AS (
       SELECT id FROM ${outbox}
        WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
        ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
     UPDATE ${outbox} AS o SET lease_until = $2, leased_by = $4, attempts = o.attempts + 1
       FROM due WHERE o.id = due.id
     RETURNING o.id, o.key, o.channel, o.recipient, o.content, o.attempts, o.created_at`,
    [o.now.toISOString(), o.leaseUntil.toISOString(), o.limit, o.worker],
  );
  return rows
    .map((r) => ({
      id: toNumber(r.id),
      key: r.key,
      channel: r.channel,
      to: r.recipient,
      content: typeof r.content === 'string' ? (JSON.parse(r.content) as StoredContent) : r.content,
      attempt: r.attempts,
      createdAt: new Date(r.created_at),
    }))
    .sort((a, b) => a.id - b.id);
};

export type Outcome =
  | { readonly kind: 'delivered'; readonly detail: string }
  | { readonly kind: 'retry'; readonly detail: string; readonly nextAttemptAt: Date }
  | { readonly kind: 'failed'; readonly detail: string };

// One statement each, auto-committed: the delivery is on disk one round trip after the far side said yes.
// A delivered message keeps no body and no webhook secret: the log says that it went, not what it said.
const RECORD = {
  delivered: (o: string) => `UPDATE ${o} SET status = 'delivered', content = NULL, lease_until = NULL, leased_by = NULL, last_error = NULL, finished_at = $2
    WHERE id = $1 AND status = 'pending' RETURNING id`,
  retry: (o: string) => `UPDATE ${o} SET next_attempt_at = $4, lease_until = NULL, leased_by = NULL, last_error = $3
    WHERE id = $1 AND status = 'pending' RETURNING id`,
  failed: (o: string) => `UPDATE ${o} SET status = 'failed', lease_until = NULL, leased_by = NULL, last_error = $3, finished_at = $2
    WHERE id = $1 AND status = 'pending' RETURNING id`,
};

export const recordOutcome = async (db: SqlExecutor, schema: string, message: ClaimedMessage, outcome: Outcome, now: Date): Promise<void> => {
  const outbox = outboxTable(schema);
  const update = RECORD[outcome.kind](outbox);
  const params: unknown[] = [message.id, now.toISOString(), outcome.detail.slice(0, 2_000)];
  if (outcome.kind === 'retry') params.push(outcome.nextAttemptAt.toISOString());
  await db.query(
    `WITH u AS (${update})
     INSERT INTO ${attemptsTable(schema)} (message, attempt, at, outcome, detail)
     SELECT id, $${params.length + 1}, $2, $${params.length + 2}, $3 FROM u
     ON CONFLICT (message, attempt) DO NOTHING`,
    [...params, message.attempt, outcome.kind],
    { name: `od_notify_${outcome.kind[0]!}_${schema}` },
  );
};

/** Rows claimed but not sent (the dispatcher is stopping): due again at once, the attempt not counted. */
export const releaseClaims = async (db: SqlExecutor, schema: string, ids: readonly number[], worker: string): Promise<void> => {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE ${outboxTable(schema)} SET lease_until = NULL, leased_by = NULL, attempts = attempts - 1
      WHERE id = ANY($1::bigint[]) AND leased_by = $2 AND status = 'pending'`,
    [ids, worker],
  );
};
