// The debts context's messages: a receipt by e-mail once a card payment is confirmed, or a bank credit has
// paid debts (BankCreditApplied, recorded once however often the statement is imported), to the citizen's
// verified address (the citizens read model, written earlier in the same batch). The amounts and the RF are
// in the payment's row or the credit's event; nothing sealed is needed. A rebuild replaying old payments
// sends nothing: a receipt goes out only in the week after the payment was recorded.
import { Decimal } from 'decimal.js';
import type { BankCreditApplied, PaymentConfirmed, PaymentItem } from '../../domain/index.ts';
import { formatRf } from '../../domain/index.ts';
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { NotificationRule, OutboundMessage } from '../../notify/index.ts';
import { renderEmail } from '../../notify/index.ts';
import { CITIZENS } from '../identity/index.ts';
import { table } from '../shared/tables.ts';
import { PAYMENTS } from './debtsProjection.ts';

const RECEIPT_DAYS = 7;

const euro = (amount: string, lang: 'el' | 'en'): string =>
  `${new Decimal(amount).toFixed(2).replace('.', lang === 'el' ? ',' : '.')} €`;

const verifiedEmailOf = async (tx: SqlExecutor, schema: string, subjectId: string): Promise<string | null> => {
  const [row] = await tx.query<{ email: string | null }>(`SELECT email FROM ${table(schema, CITIZENS)} WHERE subject_id = $1`, [subjectId]);
  return row?.email ?? null;
};

/** The receipt of a bank transfer: what came in, each debt it paid with its receipt number and what remains of it, and any excess. */
const bankReceipt = async (event: ProjectedEvent, tx: SqlExecutor, schema: string, publicUrl: string): Promise<readonly OutboundMessage[]> => {
  const data = event.data as BankCreditApplied['data'];
  const to = await verifiedEmailOf(tx, schema, data.subjectId);
  if (to === null) return [];
  const lines = (lang: 'el' | 'en') =>
    data.debts.map((d) =>
      lang === 'el'
        ? `Βεβαίωση ${d.assessment}/${d.year}: ${euro(d.amount, 'el')}, απόδειξη ${d.receipt}, υπόλοιπο ${euro(d.remaining, 'el')}`
        : `Assessment ${d.assessment}/${d.year}: ${euro(d.amount, 'en')}, receipt ${d.receipt}, remaining ${euro(d.remaining, 'en')}`,
    );
  const remaining = data.debts.reduce((sum, d) => sum.plus(d.remaining), new Decimal(0)).toFixed(2);
  const excess = new Decimal(data.excess).isPositive() && !new Decimal(data.excess).isZero();
  const rf = data.rf === null ? '' : `, RF ${formatRf(data.rf)}`;
  const reference = data.bankReference === null ? '' : data.bankReference;
  const day = data.bookingDate === null ? '' : data.bookingDate.slice(0, 10).split('-').reverse().join('/');
  return [
    {
      key: `${event.id}:email:receipt`,
      channel: 'email',
      subjectId: data.subjectId,
      to,
      email: renderEmail({
        el: {
          subject: `Απόδειξη πληρωμής ${euro(data.paid, 'el')} προς τον Δήμο Ληξουρίου`,
          greeting: 'Καλημέρα σας,',
          paragraphs: [
            `Λάβαμε το έμβασμά σας ${euro(data.amount, 'el')}${day ? ` της ${day}` : ''} (αναφορά τράπεζας ${reference || '—'}${rf}). Πληρώθηκαν ${euro(data.paid, 'el')}:`,
            ...lines('el'),
            `Υπόλοιπο των οφειλών αυτών: ${euro(remaining, 'el')}.`,
            ...(excess ? [`Τα ${euro(data.excess, 'el')} που περίσσεψαν θα τα εξετάσει η Υπηρεσία Εσόδων.`] : []),
            'Η είσπραξη καταχωρίστηκε στα οικονομικά του Δήμου. Φυλάξτε αυτό το μήνυμα ως απόδειξη.',
          ],
          action: { label: 'Οι οφειλές μου', url: `${publicUrl}/my/debts` },
          signature: 'Δήμος Ληξουρίου',
        },
        en: {
          subject: `Receipt for your payment of ${euro(data.paid, 'en')} to the Municipality of Lixouri`,
          greeting: 'Hello,',
          paragraphs: [
            `We received your bank transfer of ${euro(data.amount, 'en')}${day ? ` of ${day}` : ''} (bank reference ${reference || '—'}${rf}). ${euro(data.paid, 'en')} paid:`,
            ...lines('en'),
            `Remaining on these debts: ${euro(remaining, 'en')}.`,
            ...(excess ? [`The ${euro(data.excess, 'en')} left over will be looked at by the Revenue Office.`] : []),
            "The collection is recorded in the Municipality's finances. Keep this message as your receipt.",
          ],
          action: { label: 'My debts', url: `${publicUrl}/en/my/debts` },
          signature: 'Municipality of Lixouri',
        },
      }),
    },
  ];
};

const isRecent = (at: string, now: Date): boolean => Date.parse(at) >= now.getTime() - RECEIPT_DAYS * 86_400_000;

export const debtsNotifications =
  (schema: string, publicUrl: string, now: () => Date = () => new Date()): NotificationRule =>
  async (event, tx): Promise<readonly OutboundMessage[]> => {
    if (event.type === 'BankCreditApplied') return isRecent((event.data as BankCreditApplied['data']).recordedAt, now()) ? bankReceipt(event, tx, schema, publicUrl) : [];
    if (event.type !== 'PaymentConfirmed') return [];
    const data = event.data as PaymentConfirmed['data'];
    if (!isRecent(data.confirmedAt, now())) return [];
    const [row] = await tx.query<{ subject_id: string; items: readonly PaymentItem[] | string; rf: string; email: string | null }>(
      `SELECT p.subject_id, p.items, p.rf, c.email FROM ${table(schema, PAYMENTS)} p LEFT JOIN ${table(schema, CITIZENS)} c ON c.subject_id = p.subject_id WHERE p.payment_id = $1`,
      [data.paymentId],
    );
    if (!row?.email) return [];
    const items = typeof row.items === 'string' ? (JSON.parse(row.items) as PaymentItem[]) : row.items;
    const lines = (lang: 'el' | 'en') => items.map((i) => `${lang === 'el' ? 'Βεβαίωση' : 'Assessment'} ${i.assessment}/${i.year}: ${euro(i.amount, lang)}`);
    const rf = formatRf(row.rf);
    const url = `${publicUrl}/my/debts`;
    return [
      {
        key: `${event.id}:email:receipt`,
        channel: 'email',
        subjectId: row.subject_id,
        to: row.email,
        email: renderEmail({
          el: {
            subject: `Απόδειξη πληρωμής ${euro(data.amount, 'el')} προς τον Δήμο Ληξουρίου`,
            greeting: 'Καλημέρα σας,',
            paragraphs: [
              `Λάβαμε την πληρωμή σας ${euro(data.amount, 'el')} με κάρτα (κωδικός συναλλαγής ${data.transactionId}, RF ${rf}). Εξοφλήθηκαν:`,
              ...lines('el'),
              'Η είσπραξη καταχωρίστηκε στα οικονομικά του Δήμου. Φυλάξτε αυτό το μήνυμα ως απόδειξη.',
            ],
            action: { label: 'Οι οφειλές μου', url },
            signature: 'Δήμος Ληξουρίου',
          },
          en: {
            subject: `Receipt for your payment of ${euro(data.amount, 'en')} to the Municipality of Lixouri`,
            greeting: 'Hello,',
            paragraphs: [
              `We received your card payment of ${euro(data.amount, 'en')} (transaction ${data.transactionId}, RF ${rf}). Paid:`,
              ...lines('en'),
              "The collection is recorded in the Municipality's finances. Keep this message as your receipt.",
            ],
            action: { label: 'My debts', url: `${publicUrl}/en/my/debts` },
            signature: 'Municipality of Lixouri',
          },
        }),
      },
    ];
  };
