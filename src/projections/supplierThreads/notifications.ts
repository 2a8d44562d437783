// The supplier is told by e-mail of each reply of the finance department: at the account's verified address
// in the account's language, and at each confirmed notices subscription's address in the subscription's
// (an address told once). Greek and English are both there; the reader's language leads the subject. The
// reply's text stays on the site, behind the login: the e-mail names the document and links the thread. A
// rebuild replaying old replies sends nothing (only replies of the last week are told); the outbox sends
// each (event, address) once.
import type { ThreadMessagePosted, ThreadTopic } from '../../domain/index.ts';
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { EmailText, NotificationRule, OutboundMessage } from '../../notify/index.ts';
import { renderEmail } from '../../notify/index.ts';
import { CITIZENS } from '../identity/index.ts';
import { table } from '../shared/tables.ts';
import { SUPPLIER_SUBSCRIPTIONS } from '../suppliers/index.ts';
import { THREADS } from './threadsProjection.ts';

const RECENT_DAYS = 7;

/** The document in a sentence: «την ανάληψη υποχρέωσης ΑΑΥ-1/2025 (ΑΔΑ …)». */
export const topicWords = (topic: ThreadTopic): { readonly el: string; readonly en: string } => {
  const ada = topic.ada ? ` (ΑΔΑ ${topic.ada})` : '';
  const number = `${topic.ref}${topic.year ? `/${topic.year}` : ''}${ada}`;
  switch (topic.kind) {
    case 'commitment':
      return { el: `την ανάληψη υποχρέωσης ${number}`, en: `the commitment ${number}` };
    case 'order':
      return { el: `το χρηματικό ένταλμα ${number}`, en: `the payment order ${number}` };
    case 'payment':
      return { el: `την πληρωμή ${number}`, en: `the payment ${number}` };
    case 'invoice':
      return { el: `το τιμολόγιό σας ${number}`, en: `your invoice ${number}` };
    default: {
      const _exhaustive: never = topic.kind;
      return { el: String(_exhaustive), en: String(_exhaustive) };
    }
  }
};

interface Recipient {
  email: string;
  language: string;
}

export const supplierThreadNotices =
  (schema: string, publicUrl: string, now: () => Date = () => new Date()): NotificationRule =>
  async (projected: ProjectedEvent, tx: SqlExecutor): Promise<readonly OutboundMessage[]> => {
    if (projected.type !== 'ThreadMessagePosted') return [];
    const { data } = projected as unknown as ThreadMessagePosted;
    if (data.author.side !== 'office') return [];
    if (Date.parse(data.at) < now().getTime() - RECENT_DAYS * 86_400_000) return [];
    const [thread] = await tx.query<{ subject_id: string; topic_kind: ThreadTopic['kind']; topic_ref: string; topic_ada: string | null; topic_year: number | null }>(
      `SELECT subject_id, topic_kind, topic_ref, topic_ada, topic_year FROM ${table(schema, THREADS)} WHERE thread_id = $1`,
      [data.threadId],
    );
    if (!thread) return [];
    const recipients = await tx.query<Recipient>(
      `SELECT email, language FROM ${table(schema, CITIZENS)} WHERE subject_id = $1 AND email IS NOT NULL
       UNION ALL
       SELECT email, language FROM ${table(schema, SUPPLIER_SUBSCRIPTIONS)} WHERE subject_id = $1 AND confirmed_at IS NOT NULL`,
      [thread.subject_id],
    );
    const about = topicWords({ kind: thread.topic_kind, ref: thread.topic_ref, ada: thread.topic_ada, year: thread.topic_year });
    const path = `/my/supplier/threads/${data.threadId}`;
    const el: EmailText = {
      subject: 'Απάντηση της Οικονομικής Υπηρεσίας',
      greeting: 'Καλημέρα σας,',
      paragraphs: [`Η Οικονομική Υπηρεσία απάντησε στη συζήτηση για ${about.el}. Διαβάστε την απάντηση στη σελίδα της συζήτησης, αφού συνδεθείτε με TaxisNet.`],
      action: { label: 'Η συζήτηση', url: `${publicUrl}${path}` },
      signature: 'Δήμος Ληξουρίου — Οικονομική Υπηρεσία',
    };
    const en: EmailText = {
      subject: 'A reply from the Finance Department',
      greeting: 'Hello,',
      paragraphs: [`The Finance Department replied in the conversation about ${about.en}. Read the reply on the conversation's page once logged in with TaxisNet.`],
      action: { label: 'The conversation', url: `${publicUrl}/en${path}` },
      signature: 'Municipality of Lixouri — Finance Department',
    };
    const seen = new Set<string>();
    return recipients.flatMap((r): OutboundMessage[] => {
      const address = r.email.toLowerCase();
      if (seen.has(address)) return [];
      seen.add(address);
      const email = renderEmail({ el, en });
      return [
        {
          key: `supplier-thread:${projected.id}:${address}`,
          channel: 'email',
          subjectId: thread.subject_id,
          to: r.email,
          email: r.language === 'en' ? { ...email, subject: `${en.subject} / ${el.subject}` } : email,
        },
      ];
    });
  };
