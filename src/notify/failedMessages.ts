// The messages that could not be delivered, for the admins' page: to whom, on which channel, after how
// many attempts and why. Never the body: an admin sees that a message failed, not what it said.
import type { SqlClient } from '../eventstore/sql/client.ts';
import { toNumber } from '../eventstore/sql/client.ts';
import type { Channel } from './message.ts';
import { outboxTable } from './outboxTable.ts';

export interface FailedMessage {
  readonly id: number;
  readonly key: string;
  readonly channel: Channel;
  readonly subjectId: string | null;
  readonly to: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly createdAt: string;
  readonly failedAt: string;
}

export const failedMessages = async (client: SqlClient, schema: string): Promise<readonly FailedMessage[]> => {
  const rows = await client.query<{
    id: unknown;
    key: string;
    channel: Channel;
    subject_id: string | null;
    recipient: string;
    attempts: number;
    last_error: string | null;
    created_at: Date | string;
    finished_at: Date | string;
  }>(
    `SELECT id, key, channel, subject_id, recipient, attempts, last_error, created_at, finished_at
       FROM ${outboxTable(schema)} WHERE status = 'failed' ORDER BY finished_at DESC, id DESC LIMIT 1000`,
  );
  return rows.map((r) => ({
    id: toNumber(r.id),
    key: r.key,
    channel: r.channel,
    subjectId: r.subject_id,
    to: r.recipient,
    attempts: r.attempts,
    lastError: r.last_error ?? '',
    createdAt: new Date(r.created_at).toISOString(),
    failedAt: new Date(r.finished_at).toISOString(),
  }));
};
