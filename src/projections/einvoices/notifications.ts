// The supplier is told by e-mail of each reply of the finance department, at the company's verified address
// (the citizens read model), with the thread's link; Greek first, English below. A rebuild replaying old
// replies sends nothing (only replies of the last week are told), and the outbox sends each once.
import type { ThreadMessagePosted } from '../../domain/index.ts';
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { NotificationRule, OutboundMessage } from '../../notify/index.ts';
import { renderEmail } from '../../notify/index.ts';
import { CITIZENS } from '../identity/index.ts';
import { table } from '../shared/tables.ts';
import { SUPPLIER_THREADS } from './einvoicesProjection.ts';

const RECENT_DAYS = 7;

export const supplierThreadNotifications =
  (schema: string, publicUrl: string, now: () => Date = () => new Date()): NotificationRule =>
  async (projected: ProjectedEvent, tx: SqlExecutor): Promise<readonly OutboundMessage[]> => {
    if (projected.type !== 'ThreadMessagePosted') return [];
    const { data } = projected as unknown as ThreadMessagePosted;
    if (data.author.side !== 'office') return [];
    if (Date.parse(data.at) < now().getTime() - RECENT_DAYS * 86_400_000) return [];
    const [row] = await tx.query<{ subject_id: string; email: string | null; topic_kind: string; topic_ref: string }>(
      `SELECT s.subject_id, c.email, s.topic_kind, s.topic_ref FROM ${table(schema, SUPPLIER_THREADS)} s LEFT JOIN ${table(schema, CITIZENS)} c ON c.subject_id = s.subject_id WHERE s.thread_id = $1`,
      [data.threadId],
    );
    if (!row?.email) return [];
    const link = `/my/supplier/threads/${data.threadId}`;
    const about = row.topic_kind === 'commitment' ? { el: `την ανάληψη υποχρέωσης ΑΔΑ ${row.topic_ref}`, en: `the commitment ΑΔΑ ${row.topic_ref}` } : { el: 'το τιμολόγιό σας', en: 'your invoice' };
    return [
      {
        key: `${projected.id}:email:supplier-thread`,
        channel: 'email',
        subjectId: row.subject_id,
        to: row.email,
        email: renderEmail({
          el: {
            subject: 'Απάντηση της Οικονομικής Υπηρεσίας',
            greeting: 'Καλημέρα σας,',
            paragraphs: [`Η Οικονομική Υπηρεσία απάντησε στο μήνυμά σας για ${about.el}. Διαβάστε την απάντηση στη σελίδα της συζήτησης.`],
            action: { label: 'Η συζήτηση', url: `${publicUrl}${link}` },
            signature: 'Δήμος Ληξουρίου',
          },
          en: {
            subject: 'A reply from the Finance Department',
            greeting: 'Hello,',
            paragraphs: [`The Finance Department replied to your message about ${about.en}. Read the reply on the conversation’s page.`],
            action: { label: 'The conversation', url: `${publicUrl}/en${link}` },
            signature: 'Municipality of Lixouri',
          },
        }),
      },
    ];
  };
