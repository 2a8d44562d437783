// Writes messages into the outbox in the caller's transaction, so they exist exactly when the change that
// caused them commits. The same key twice is one message: a replayed event, a retried command, a second
// web node's runner all converge on the row already there.
import type { SqlExecutor } from '../eventstore/sql/client.ts';
import type { OutboundMessage } from './message.ts';
import { outboxChannel, outboxTable } from './outboxTable.ts';
import { validateMessage } from './validateMessage.ts';

export const enqueueMessages = async (tx: SqlExecutor, schema: string, messages: readonly OutboundMessage[], now: Date = new Date()): Promise<void> => {
  if (messages.length === 0) return;
  const rows = messages.map((m) => ({ m, content: validateMessage(m) }));
  const at = now.toISOString();
  // One statement for the batch: unnest keeps the parameter count fixed however many messages there are.
  await tx.query(
    `INSERT INTO ${outboxTable(schema)} (key, channel, subject_id, recipient, content, next_attempt_at, created_at)
     SELECT k, c, s, r, j::jsonb, $6::timestamptz, $6::timestamptz
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(k, c, s, r, j)
     ON CONFLICT (key) DO NOTHING`,
    [rows.map((r) => r.m.key), rows.map((r) => r.m.channel), rows.map((r) => r.m.subjectId), rows.map((r) => r.m.to), rows.map((r) => JSON.stringify(r.content)), at],
  );
  // Heard by every process's dispatcher after commit; nothing is heard if the transaction rolls back.
  await tx.query(`SELECT pg_notify($1, '')`, [outboxChannel(schema)]);
};
