// The debts context's messages: a receipt by e-mail once a card payment is confirmed, to the citizen's
// verified address (the citizens read model, written earlier in the same batch). The amounts and
// the RF are in the payment's row; nothing sealed is needed. A rebuild replaying old confirmations sends
// nothing: a receipt goes out only in the week after the payment.
import { Decimal } from 'decimal.js';
import type { PaymentConfirmed, PaymentItem } from '../../domain/index.ts';
import { formatRf } from '../../domain/index.ts';
import type { NotificationRule, OutboundMessage } from '../../notify/index.ts';
import { renderEmail } from '../../notify/index.ts';
import { CITIZENS } from '../identity/index.ts';
import { table } from '../shared/tables.ts';
import { PAYMENTS } from './debtsProjection.ts';

const RECEIPT_DAYS = 7;

const euro = (amount: string, lang: 'el' | 'en'): string =>
  `${new Decimal(amount).toFixed(2).replace('.', lang === 'el' ? ',' : '.')} €`;

export const debtsNotifications =
  (schema: string, publicUrl: string, now: () => Date = () => new Date()): NotificationRule =>
  async (event, tx): Promise<readonly OutboundMessage[]> => {
    if (event.type !== 'PaymentConfirmed') return [];
    const data = event.data as PaymentConfirmed['data'];
    if (Date.parse(data.confirmedAt) < now().getTime() - RECEIPT_DAYS * 86_400_000) return [];
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
