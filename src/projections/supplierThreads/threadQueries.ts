// The threads as their readers see them. Every query of a company's own threads takes its subject from the
// session: another company's thread is simply not found. The office's queue puts first the threads whose
// supplier waits for an answer, the longest waiting at the top.
import type { ThreadAttachment, ThreadTopic } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../shared/tables.ts';
import { THREAD_MESSAGES, THREADS } from './threadsProjection.ts';

export interface ThreadSummary {
  readonly threadId: string;
  readonly subjectId: string;
  readonly sellerTaxid: string;
  readonly topic: ThreadTopic;
  readonly status: 'open' | 'closed';
  readonly openedAt: string;
  readonly lastAt: string;
  readonly lastSide: 'supplier' | 'office';
  /** Since when the supplier waits for the office's answer; null when it has been answered. */
  readonly waitingSince: string | null;
  readonly messages: number;
}

export interface ThreadMessage {
  readonly messageId: string;
  readonly side: 'supplier' | 'office';
  readonly staffId: string | null;
  readonly text: string;
  readonly attachments: readonly ThreadAttachment[];
  readonly at: string;
}

interface ThreadRow {
  thread_id: string;
  subject_id: string;
  seller_taxid: string;
  topic_kind: ThreadTopic['kind'];
  topic_ref: string;
  topic_ada: string | null;
  topic_year: number | null;
  status: 'open' | 'closed';
  opened_at: Date | string;
  last_at: Date | string;
  last_side: 'supplier' | 'office';
  waiting_since: Date | string | null;
  messages: number;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

const summaryOf = (r: ThreadRow): ThreadSummary => ({
  threadId: r.thread_id,
  subjectId: r.subject_id,
  sellerTaxid: r.seller_taxid,
  topic: { kind: r.topic_kind, ref: r.topic_ref, ada: r.topic_ada, year: r.topic_year },
  status: r.status,
  openedAt: iso(r.opened_at),
  lastAt: iso(r.last_at),
  lastSide: r.last_side,
  waitingSince: r.waiting_since === null ? null : iso(r.waiting_since),
  messages: r.messages,
});

/** A company's threads, the most recent first. */
export const threadsOf = async (db: SqlExecutor, schema: string, subjectId: string): Promise<ThreadSummary[]> =>
  (await db.query<ThreadRow>(`SELECT * FROM ${table(schema, THREADS)} WHERE subject_id = $1 ORDER BY last_at DESC LIMIT 500`, [subjectId])).map(summaryOf);

/** The finance department's queue: open threads waiting for an answer (oldest first), then the answered, then (with `closed`) the closed ones. */
export const threadQueue = async (db: SqlExecutor, schema: string, options: { readonly closed: boolean }): Promise<ThreadSummary[]> =>
  (
    await db.query<ThreadRow>(
      `SELECT * FROM ${table(schema, THREADS)} WHERE status = 'open' OR $1
       ORDER BY status = 'closed', waiting_since IS NULL, waiting_since, last_at DESC LIMIT 500`,
      [options.closed],
    )
  ).map(summaryOf);

/** One thread with its messages in order; `subjectId` null for staff, else the company's own only. */
export const threadOf = async (db: SqlExecutor, schema: string, threadId: string, subjectId: string | null): Promise<{ thread: ThreadSummary; messages: ThreadMessage[] } | null> => {
  const [row] = await db.query<ThreadRow>(`SELECT * FROM ${table(schema, THREADS)} WHERE thread_id = $1 AND ($2::text IS NULL OR subject_id = $2)`, [threadId, subjectId]);
  if (!row) return null;
  const messages = await db.query<{ message_id: string; side: 'supplier' | 'office'; staff_id: string | null; text: string; attachments: ThreadAttachment[] | string; at: Date | string }>(
    `SELECT message_id, side, staff_id, text, attachments, at FROM ${table(schema, THREAD_MESSAGES)} WHERE thread_id = $1 ORDER BY position`,
    [threadId],
  );
  return {
    thread: summaryOf(row),
    messages: messages.map((m) => ({
      messageId: m.message_id,
      side: m.side,
      staffId: m.staff_id,
      text: m.text,
      attachments: typeof m.attachments === 'string' ? (JSON.parse(m.attachments) as ThreadAttachment[]) : m.attachments,
      at: iso(m.at),
    })),
  };
};
