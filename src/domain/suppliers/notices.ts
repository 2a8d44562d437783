// A supplier's notices (ειδοποιήσεις προμηθευτή): the e-mail subscriptions and webhook endpoints of a company,
// in one personal stream per subject (`supplierNotices-<subject>`). What identifies a person or reaches
// them (the address, the endpoint, its secret, the ΑΦΜ) is sealed under the subject's key; the rest is plain.
import { domainContext } from '../shared/context.ts';
import { refusals } from '../shared/errors.ts';

/** The ledger's stages a supplier can be told of, as webhook types name them. */
export const NOTICE_EVENTS = ['commitment.recorded', 'payment_order.issued', 'payment.made', 'reversal.recorded'] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];
export type NoticeLanguage = 'el' | 'en';

export interface NoticeSubscriptionRequested {
  readonly type: 'NoticeSubscriptionRequested';
  readonly data: {
    readonly subjectId: string;
    readonly subscriptionId: string;
    /** `{ email, afm, token }`: the token is the confirmation link's. */
    readonly sealed: string;
    readonly events: readonly NoticeEvent[];
    readonly digest: boolean;
    readonly language: NoticeLanguage;
    readonly at: string;
  };
}
export interface NoticeSubscriptionConfirmed {
  readonly type: 'NoticeSubscriptionConfirmed';
  readonly data: { readonly subjectId: string; readonly subscriptionId: string; readonly at: string };
}
export interface NoticeSubscriptionCancelled {
  readonly type: 'NoticeSubscriptionCancelled';
  readonly data: { readonly subjectId: string; readonly subscriptionId: string; readonly at: string };
}
export interface SupplierWebhookRegistered {
  readonly type: 'SupplierWebhookRegistered';
  /** `sealed`: `{ url, secret, afm }`. */
  readonly data: { readonly subjectId: string; readonly webhookId: string; readonly sealed: string; readonly events: readonly NoticeEvent[]; readonly at: string };
}
export interface SupplierWebhookRemoved {
  readonly type: 'SupplierWebhookRemoved';
  readonly data: { readonly subjectId: string; readonly webhookId: string; readonly at: string };
}
/** Deliveries failed for a whole day: the endpoint gets nothing more until registered anew. */
export interface SupplierWebhookDisabled {
  readonly type: 'SupplierWebhookDisabled';
  readonly data: { readonly subjectId: string; readonly webhookId: string; readonly at: string; readonly reason: string };
}

export type SupplierNoticeEvent =
  | NoticeSubscriptionRequested
  | NoticeSubscriptionConfirmed
  | NoticeSubscriptionCancelled
  | SupplierWebhookRegistered
  | SupplierWebhookRemoved
  | SupplierWebhookDisabled;

export const supplierNoticesStream = (subjectId: string) => `supplierNotices-${subjectId}`;

export const supplierNoticesDomain = domainContext<SupplierNoticeEvent>({
  name: 'supplierNotices',
  personal: true,
  eventSchemas: {
    NoticeSubscriptionRequested: { version: 1 },
    NoticeSubscriptionConfirmed: { version: 1 },
    NoticeSubscriptionCancelled: { version: 1 },
    SupplierWebhookRegistered: { version: 1 },
    SupplierWebhookRemoved: { version: 1 },
    SupplierWebhookDisabled: { version: 1 },
  },
});

export const supplierNoticesErrors = refusals({
  OD_SUPPLIER_EVENTS_INVALID: {
    status: 400,
    column: 'events',
    el: () => `Τα γεγονότα πρέπει να είναι ένα ή περισσότερα από: ${NOTICE_EVENTS.join(', ')}`,
    en: () => `events must be one or more of: ${NOTICE_EVENTS.join(', ')}`,
  },
  OD_SUPPLIER_EMAIL_INVALID: { status: 400, column: 'email', el: () => 'Μη έγκυρη διεύθυνση e-mail', en: () => 'Invalid e-mail address' },
  OD_SUPPLIER_WEBHOOK_URL_INVALID: {
    status: 400,
    column: 'url',
    el: (p: { reason: { el: string; en: string } }) => `Μη αποδεκτή διεύθυνση webhook: ${p.reason.el}`,
    en: (p: { reason: { el: string; en: string } }) => `Webhook URL not accepted: ${p.reason.en}`,
  },
  OD_SUPPLIER_LINK_INVALID: {
    status: 400,
    column: null,
    el: () => 'Ο σύνδεσμος επιβεβαίωσης δεν ισχύει (λάθος ή ήδη χρησιμοποιημένος)',
    en: () => 'The confirmation link is not valid (wrong or already used)',
  },
  OD_SUPPLIER_TOO_MANY: {
    status: 409,
    column: null,
    el: (p: { limit: number }) => `Έως ${p.limit} ενεργές εγγραφές ανά είδος· διαγράψτε μία πρώτα`,
    en: (p: { limit: number }) => `At most ${p.limit} active ones of a kind; delete one first`,
  },
});

const EMAIL = /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/;

/** The events asked for, checked and in the canonical order; none, unknown or repeated ones are refused. */
export const checkNoticeEvents = (events: readonly string[]): NoticeEvent[] => {
  if (events.length === 0 || new Set(events).size !== events.length || events.some((e) => !(NOTICE_EVENTS as readonly string[]).includes(e))) {
    throw supplierNoticesErrors.OD_SUPPLIER_EVENTS_INVALID();
  }
  return NOTICE_EVENTS.filter((e) => events.includes(e));
};

export const checkNoticeEmail = (email: string): string => {
  const trimmed = email.trim();
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) throw supplierNoticesErrors.OD_SUPPLIER_EMAIL_INVALID();
  return trimmed;
};

/** What a ledger event is, as a supplier's notice: its webhook type; null for what suppliers are not told of. */
export const noticeEventOf = (ledgerEventType: string): NoticeEvent | null =>
  ledgerEventType === 'ExpenseCommitted'
    ? 'commitment.recorded'
    : ledgerEventType === 'PaymentOrdered'
      ? 'payment_order.issued'
      : ledgerEventType === 'PaymentMade'
        ? 'payment.made'
        : ledgerEventType === 'DocumentReversed'
          ? 'reversal.recorded'
          : null;
