// The suppliers' threads with the finance department (personal): one row per thread, what it is about and
// whose turn it is, and its messages, opened with the company's key inside the runner's transaction so the
// pages read plain rows. Rebuildable from the `supplier-thread-<id>` streams alone; an erased company's
// threads go (its key is gone too, so a rebuild could not open them again).
import type { CitizenErased, ThreadEvent } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { Projection, Tables } from '../shared/projection.ts';

export const THREADS = 'od_threads';
export const THREAD_MESSAGES = 'od_thread_messages';
export const SUPPLIER_THREADS_PROJECTION = 'supplier-threads';

type Handled = ThreadEvent | CitizenErased;
const HANDLED = new Set(['ThreadOpened', 'ThreadMessagePosted', 'ThreadClosed', 'ThreadReopened', 'CitizenErased']);

export const supplierThreadsProjection = (keyring: Keyring): Projection => ({
  name: SUPPLIER_THREADS_PROJECTION,
  version: 1,
  tables: [THREADS, THREAD_MESSAGES],
  create: (t: Tables) => `
CREATE TABLE ${t[THREADS]} (
  thread_id text PRIMARY KEY,
  subject_id text NOT NULL,
  seller_taxid text NOT NULL,
  topic_kind text NOT NULL,
  topic_ref text NOT NULL,
  topic_ada text,
  topic_year int,
  status text NOT NULL,
  opened_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  last_side text NOT NULL,
  -- The supplier's oldest message the office has not answered yet; null once it has.
  waiting_since timestamptz,
  messages int NOT NULL DEFAULT 0
);
CREATE TABLE ${t[THREAD_MESSAGES]} (
  message_id text PRIMARY KEY,
  thread_id text NOT NULL,
  position bigint NOT NULL,
  side text NOT NULL,
  staff_id text,
  text text NOT NULL,
  attachments jsonb NOT NULL,
  at timestamptz NOT NULL
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[THREADS]} (subject_id, last_at DESC);
CREATE INDEX ON ${t[THREADS]} (status, waiting_since);
CREATE INDEX ON ${t[THREAD_MESSAGES]} (thread_id, position);`,
  async apply(tx, t, events: readonly ProjectedEvent[]) {
    for (const recorded of events) {
      if (!HANDLED.has(recorded.type)) continue;
      const event = { type: recorded.type, data: recorded.data } as Handled;
      switch (event.type) {
        case 'ThreadOpened': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${t[THREADS]} (thread_id, subject_id, seller_taxid, topic_kind, topic_ref, topic_ada, topic_year, status, opened_at, last_at, last_side)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $8, 'supplier') ON CONFLICT DO NOTHING`,
            [d.threadId, d.subjectId, d.sellerTaxid, d.topic.kind, d.topic.ref, d.topic.ada, d.topic.year, d.at],
          );
          break;
        }
        case 'ThreadMessagePosted': {
          const d = event.data;
          const [thread] = await tx.query<{ subject_id: string }>(`SELECT subject_id FROM ${t[THREADS]} WHERE thread_id = $1`, [d.threadId]);
          if (!thread) break;
          const opened = await keyring.open<{ text: string }>(thread.subject_id, d.sealed, tx);
          if (!opened) break;
          await tx.query(
            `INSERT INTO ${t[THREAD_MESSAGES]} (message_id, thread_id, position, side, staff_id, text, attachments, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
            [d.messageId, d.threadId, recorded.position, d.author.side, d.author.side === 'office' ? d.author.staffId : null, opened.text, JSON.stringify(d.attachments), d.at],
          );
          await tx.query(
            `UPDATE ${t[THREADS]} SET messages = messages + 1, last_at = $2, last_side = $3,
               status = CASE WHEN $3 = 'supplier' THEN 'open' ELSE status END,
               waiting_since = CASE WHEN $3 = 'supplier' THEN COALESCE(waiting_since, $2::timestamptz) ELSE NULL END
             WHERE thread_id = $1`,
            [d.threadId, d.at, d.author.side],
          );
          break;
        }
        case 'ThreadClosed':
          await tx.query(`UPDATE ${t[THREADS]} SET status = 'closed', last_at = $2 WHERE thread_id = $1`, [event.data.threadId, event.data.at]);
          break;
        case 'ThreadReopened':
          await tx.query(`UPDATE ${t[THREADS]} SET status = 'open', last_at = $2 WHERE thread_id = $1`, [event.data.threadId, event.data.at]);
          break;
        case 'CitizenErased': {
          const subject = event.data.subjectId;
          await tx.query(`DELETE FROM ${t[THREAD_MESSAGES]} m USING ${t[THREADS]} s WHERE s.subject_id = $1 AND m.thread_id = s.thread_id`, [subject]);
          await tx.query(`DELETE FROM ${t[THREADS]} WHERE subject_id = $1`, [subject]);
          break;
        }
        default:
          break;
      }
    }
  },
});
