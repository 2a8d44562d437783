// The suppliers' notices: when the ledger records a commitment, a payment order, a payment or a reversal
// for a legal entity's ΑΦΜ, its confirmed e-mail subscribers and its webhook endpoints that asked for that
// stage are told, once each (the outbox's key is per subscriber and event). Daily-digest subscribers get a
// row of the day's digest instead, written here in the same transaction; sendDigests makes their e-mail.
// The reversed document's supplier is read from the suppliers' document index, which the suppliers
// projection wrote before the outbox runs.
import type { Counterparty, FiscalYearEvent, NoticeEvent, NoticeLanguage, NoticeSubscriptionRequested, SupplierWebhookDisabled } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import { noticeEventOf } from '../../domain/index.ts';
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { EmailText, NotificationRule, OutboundMessage } from '../../notify/index.ts';
import { renderEmail } from '../../notify/index.ts';
import { table } from '../shared/tables.ts';
import { CITIZENS } from '../identity/index.ts';
import type { SealedSubscription } from './noticesProjection.ts';
import { SUPPLIER_DIGEST_ITEMS, SUPPLIER_SUBSCRIPTIONS, SUPPLIER_WEBHOOKS } from './noticesProjection.ts';
import { SUPPLIER_DOCUMENTS } from './suppliersProjection.ts';

/** What a notice says, in the webhook's `data` and the e-mail alike. */
export interface SupplierNotice {
  readonly afm: string;
  readonly year: number;
  readonly document: string;
  readonly date: string;
  readonly kae: string;
  readonly amount: string;
  readonly ada: string | null;
  readonly description: string | null;
  /** The commitment an order follows, the order a payment follows, or the document a reversal takes from. */
  readonly follows: { readonly type: string; readonly document: string } | null;
}

const legalAfm = (c: Counterparty | null): string | null => (c && !c.naturalPerson ? c.afm : null);

/** The ΑΦΜ and the notice of a ledger event, or null when no supplier is concerned. */
const noticeOf = async (event: FiscalYearEvent, tx: SqlExecutor, schema: string): Promise<SupplierNotice | null> => {
  const base = { year: event.data.year, document: event.data.document, date: event.data.date, kae: event.data.kae, amount: event.data.amount, ada: event.data.ada, description: event.data.description };
  switch (event.type) {
    case 'ExpenseCommitted': {
      const afm = legalAfm(event.data.counterparty);
      return afm ? { ...base, afm, follows: null } : null;
    }
    case 'PaymentOrdered': {
      const afm = legalAfm(event.data.counterparty);
      return afm ? { ...base, afm, follows: { type: 'commitment', document: event.data.commitment } } : null;
    }
    case 'PaymentMade': {
      const afm = legalAfm(event.data.counterparty);
      return afm ? { ...base, afm, follows: { type: 'order', document: event.data.order } } : null;
    }
    case 'DocumentReversed': {
      const { type, document } = event.data.reverses;
      if (type !== 'commitment' && type !== 'order' && type !== 'payment') return null;
      const [row] = await tx.query<{ afm: string }>(`SELECT afm FROM ${table(schema, SUPPLIER_DOCUMENTS)} WHERE year = $1 AND type = $2 AND document = $3`, [event.data.year, type, document]);
      return row ? { ...base, afm: row.afm, follows: { type, document } } : null;
    }
    default:
      return null;
  }
};

const euro = (amount: string, lang: NoticeLanguage): string => {
  const [whole, cents] = amount.split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'el' ? '.' : ',');
  return `${grouped}${lang === 'el' ? ',' : '.'}${cents} €`;
};
const day = (iso: string): string => iso.split('-').reverse().join('/');

const DOCUMENT_NAME: Readonly<Record<string, { el: string; en: string }>> = {
  commitment: { el: 'ανάληψη υποχρέωσης', en: 'commitment' },
  order: { el: 'χρηματικό ένταλμα', en: 'payment order' },
  payment: { el: 'πληρωμή', en: 'payment' },
};

/** The lines of one notice: what happened, the amount, the document, what comes next. */
export const noticeLines = (type: NoticeEvent, n: SupplierNotice): { el: { title: string; lines: string[] }; en: { title: string; lines: string[] } } => {
  const docEl = `Παραστατικό ${n.document} της ${day(n.date)}, ΚΑΕ ${n.kae}${n.ada ? `, ΑΔΑ ${n.ada}` : ''}${n.description ? ` — ${n.description}` : ''}.`;
  const docEn = `Document ${n.document} of ${day(n.date)}, budget line (ΚΑΕ) ${n.kae}${n.ada ? `, ΑΔΑ ${n.ada}` : ''}${n.description ? ` — ${n.description}` : ''}.`;
  const follows = n.follows ? DOCUMENT_NAME[n.follows.type] : undefined;
  switch (type) {
    case 'commitment.recorded':
      return {
        el: { title: `Ανάληψη υποχρέωσης ${euro(n.amount, 'el')}`, lines: [`Ο Δήμος δέσμευσε ${euro(n.amount, 'el')} για εσάς.`, docEl, 'Επόμενο βήμα: η έκδοση χρηματικού εντάλματος, μόλις παραληφθεί και ελεγχθεί το τιμολόγιο.'] },
        en: { title: `Commitment of ${euro(n.amount, 'en')}`, lines: [`The Municipality committed ${euro(n.amount, 'en')} to you.`, docEn, 'Next: a payment order is issued once the invoice is received and checked.'] },
      };
    case 'payment_order.issued':
      return {
        el: { title: `Χρηματικό ένταλμα ${euro(n.amount, 'el')}`, lines: [`Εκδόθηκε χρηματικό ένταλμα ${euro(n.amount, 'el')} στο όνομά σας${n.follows ? `, για την ανάληψη ${n.follows.document}` : ''}.`, docEl, 'Επόμενο βήμα: η πληρωμή, με μεταφορά στον λογαριασμό σας.'] },
        en: { title: `Payment order of ${euro(n.amount, 'en')}`, lines: [`A payment order of ${euro(n.amount, 'en')} was issued to you${n.follows ? `, under commitment ${n.follows.document}` : ''}.`, docEn, 'Next: the payment, by transfer to your account.'] },
      };
    case 'payment.made':
      return {
        el: { title: `Πληρωμή ${euro(n.amount, 'el')}`, lines: [`Ο Δήμος σάς πλήρωσε ${euro(n.amount, 'el')}${n.follows ? ` για το ένταλμα ${n.follows.document}` : ''}.`, docEl, 'Το ποσό πιστώνεται στον λογαριασμό σας κατά τους χρόνους της τράπεζας.'] },
        en: { title: `Payment of ${euro(n.amount, 'en')}`, lines: [`The Municipality paid you ${euro(n.amount, 'en')}${n.follows ? ` for payment order ${n.follows.document}` : ''}.`, docEn, "The amount reaches your account in your bank's usual time."] },
      };
    case 'reversal.recorded':
      return {
        el: { title: `Αντιλογισμός ${euro(n.amount, 'el')}`, lines: [`Αντιλογίστηκαν ${euro(n.amount, 'el')}${follows && n.follows ? ` από ${follows.el} ${n.follows.document}` : ''}.`, docEl, 'Αν δεν το περιμένατε, γράψτε στην οικονομική υπηρεσία από την καρτέλα σας.'] },
        en: { title: `Reversal of ${euro(n.amount, 'en')}`, lines: [`${euro(n.amount, 'en')} was reversed${follows && n.follows ? ` from ${follows.en} ${n.follows.document}` : ''}.`, docEn, 'If you did not expect it, write to the finance department from your statement.'] },
      };
    default: {
      const _exhaustive: never = type;
      throw new Error(`unknown notice ${String(_exhaustive)}`);
    }
  }
};

export const supplierEmail = (publicUrl: string, language: NoticeLanguage, parts: { el: { subject: string; paragraphs: string[] }; en: { subject: string; paragraphs: string[] } }) => {
  const el: EmailText = { ...parts.el, greeting: 'Καλημέρα σας,', action: { label: 'Η καρτέλα μου', url: `${publicUrl}/my/supplier` }, signature: 'Δήμος Ληξουρίου — Οικονομική Υπηρεσία' };
  const en: EmailText = { ...parts.en, greeting: 'Hello,', action: { label: 'My statement', url: `${publicUrl}/en/my/supplier` }, signature: 'Municipality of Lixouri — Finance Department' };
  // The reader's language first in the subject's order is all that changes; both are always there.
  return language === 'en' ? { ...renderEmail({ el, en }), subject: `${en.subject} / ${el.subject}` } : renderEmail({ el, en });
};

const ATHENS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens', year: 'numeric', month: '2-digit', day: '2-digit' });

interface Recipient {
  kind: 'email' | 'digest' | 'webhook';
  id: string;
  subject_id: string;
  address: string;
  secret: string | null;
  language: NoticeLanguage;
}

export const supplierNotifications =
  (schema: string, publicUrl: string, now: () => Date = () => new Date()): NotificationRule =>
  async (projected: ProjectedEvent, tx: SqlExecutor): Promise<readonly OutboundMessage[]> => {
    const type = noticeEventOf(projected.type);
    if (type === null) return [];
    const notice = await noticeOf({ type: projected.type, data: projected.data } as FiscalYearEvent, tx, schema);
    if (notice === null) return [];
    const recipients = await tx.query<Recipient>(
      `SELECT CASE WHEN digest THEN 'digest' ELSE 'email' END AS kind, subscription_id::text AS id, subject_id, email AS address, NULL AS secret, language
         FROM ${table(schema, SUPPLIER_SUBSCRIPTIONS)} WHERE afm = $1 AND confirmed_at IS NOT NULL AND $2 = ANY(events)
       UNION ALL
       SELECT 'webhook', webhook_id::text, subject_id, url, secret, 'el' FROM ${table(schema, SUPPLIER_WEBHOOKS)} WHERE afm = $1 AND disabled_at IS NULL AND $2 = ANY(events)`,
      [notice.afm, type],
    );
    if (recipients.length === 0) return [];
    const lines = noticeLines(type, notice);
    const digests = recipients.filter((r) => r.kind === 'digest');
    if (digests.length > 0) {
      await tx.query(
        `INSERT INTO ${table(schema, SUPPLIER_DIGEST_ITEMS)} (subscription_id, event_id, position, day, notice)
         SELECT s::uuid, $2, $3, $4, $5::jsonb FROM unnest($1::text[]) AS s ON CONFLICT DO NOTHING`,
        [digests.map((r) => r.id), projected.id, projected.position, ATHENS.format(now()), JSON.stringify({ type, ...notice })],
      );
    }
    return recipients.flatMap((r): OutboundMessage[] => {
      if (r.kind === 'webhook') {
        return [{ key: `supplier-webhook:${r.id}:${projected.id}`, channel: 'webhook', subjectId: r.subject_id, to: r.address, webhook: { type, payload: notice, secret: r.secret! } }];
      }
      if (r.kind === 'digest') return [];
      return [
        {
          key: `supplier-email:${r.id}:${projected.id}`,
          channel: 'email',
          subjectId: r.subject_id,
          to: r.address,
          email: supplierEmail(publicUrl, r.language, { el: { subject: lines.el.title, paragraphs: lines.el.lines }, en: { subject: lines.en.title, paragraphs: lines.en.lines } }),
        },
      ];
    });
  };

/** The day it is in Athens (yyyy-mm-dd): digests are made per day there. */
export const athensDay = (at: Date): string => ATHENS.format(at);

/**
 * The portal's own messages: the link that confirms a subscription's address (opened from the event, since
 * the read model keeps only its hash), and word that an endpoint was disabled, to the company's confirmed
 * addresses and its account's verified one.
 */
export const supplierAccountNotifications =
  (schema: string, publicUrl: string, keyring: Keyring): NotificationRule =>
  async (projected: ProjectedEvent, tx: SqlExecutor): Promise<readonly OutboundMessage[]> => {
    if (projected.type === 'NoticeSubscriptionRequested') {
      const data = (projected.data as NoticeSubscriptionRequested['data']);
      const opened = await keyring.open<SealedSubscription>(data.subjectId, data.sealed, tx);
      if (!opened) return [];
      const link = `${publicUrl}${data.language === 'en' ? '/en' : ''}/my/supplier/confirm?t=${opened.token}`;
      const el: EmailText = {
        subject: 'Επιβεβαιώστε τη διεύθυνσή σας για τις ειδοποιήσεις προμηθευτή',
        greeting: 'Καλημέρα σας,',
        paragraphs: [`Ζητήθηκε να λαμβάνει αυτή η διεύθυνση ειδοποιήσεις για τις πληρωμές του ΑΦΜ ${opened.afm} από τον Δήμο. Οι ειδοποιήσεις αρχίζουν μόλις ανοίξετε τον σύνδεσμο.`, 'Αν δεν το ζητήσατε εσείς, αγνοήστε αυτό το μήνυμα.'],
        action: { label: 'Επιβεβαίωση', url: link },
        signature: 'Δήμος Ληξουρίου — Οικονομική Υπηρεσία',
      };
      const en: EmailText = {
        subject: "Confirm your address for the supplier's notices",
        greeting: 'Hello,',
        paragraphs: [`This address was asked to receive notices of the Municipality's payments to ΑΦΜ ${opened.afm}. They start once you open the link.`, 'If you did not ask for it, ignore this message.'],
        action: { label: 'Confirm', url: link },
        signature: 'Municipality of Lixouri — Finance Department',
      };
      return [{ key: `${projected.id}:email:supplier-confirm`, channel: 'email', subjectId: data.subjectId, to: opened.email, email: renderEmail({ el, en }) }];
    }
    if (projected.type === 'SupplierWebhookDisabled') {
      const data = projected.data as SupplierWebhookDisabled['data'];
      const rows = await tx.query<{ email: string; url: string }>(
        `SELECT DISTINCT a.email, w.url FROM ${table(schema, SUPPLIER_WEBHOOKS)} w,
           LATERAL (SELECT email FROM ${table(schema, SUPPLIER_SUBSCRIPTIONS)} WHERE subject_id = w.subject_id AND confirmed_at IS NOT NULL
                    UNION SELECT email FROM ${table(schema, CITIZENS)} WHERE subject_id = w.subject_id AND email IS NOT NULL) a
         WHERE w.webhook_id = $1::uuid`,
        [data.webhookId],
      );
      return rows.map((r) => ({
        key: `${projected.id}:email:${r.email}`,
        channel: 'email' as const,
        subjectId: data.subjectId,
        to: r.email,
        email: supplierEmail(publicUrl, 'el', {
          el: { subject: 'Απενεργοποιήθηκε το webhook σας', paragraphs: [`Οι ειδοποιήσεις προς ${r.url} απέτυχαν για 24 ώρες και το σημείο απενεργοποιήθηκε. Καταχωρίστε το ξανά από την καρτέλα σας, όταν λειτουργεί.`] },
          en: { subject: 'Your webhook was disabled', paragraphs: [`Notices to ${r.url} failed for 24 hours and the endpoint was disabled. Register it again from your statement once it works.`] },
        }),
      }));
    }
    return [];
  };
