// What can go wrong with card payments, as codes callers branch on and texts a citizen reads (Greek, then
// English). What the provider actually answered goes in `cause`, for the log: never into the text shown,
// and never a card number, name or e-mail (the answers hold them; detailOf keeps none).

const TEXTS = {
  OD_PAYMENTS_DOWN: {
    status: 502,
    el: 'Η υπηρεσία πληρωμών με κάρτα δεν είναι διαθέσιμη αυτή τη στιγμή. Δοκιμάστε ξανά σε λίγο ή πληρώστε με τον κωδικό RF.',
    en: 'Card payments are not available right now. Please try again shortly, or pay with the RF code.',
  },
  OD_PAYMENTS_TIMEOUT: {
    status: 504,
    el: 'Η υπηρεσία πληρωμών δεν απάντησε εγκαίρως. Δοκιμάστε ξανά σε λίγο· αν χρεωθήκατε, η πληρωμή θα φανεί μόλις επιβεβαιωθεί.',
    en: 'The payment service did not answer in time. Please try again shortly; if you were charged, the payment will show once confirmed.',
  },
  OD_PAYMENTS_REFUSED: {
    status: 502,
    el: 'Η υπηρεσία πληρωμών αρνήθηκε το αίτημα του Δήμου. Δοκιμάστε αργότερα ή πληρώστε με τον κωδικό RF.',
    en: "The payment service refused the municipality's request. Please try later, or pay with the RF code.",
  },
  OD_PAYMENTS_BAD_ANSWER: {
    status: 502,
    el: 'Η υπηρεσία πληρωμών έδωσε απάντηση που δεν μπορούμε να διαβάσουμε. Δοκιμάστε ξανά αργότερα.',
    en: 'The payment service gave an answer we cannot read. Please try again later.',
  },
  OD_PAYMENTS_AMOUNT_MISMATCH: {
    status: 409,
    el: 'Το ποσό που δήλωσε η υπηρεσία πληρωμών δεν είναι αυτό της εντολής. Η πληρωμή δεν καταχωρίστηκε· επικοινωνήστε με την Ταμειακή Υπηρεσία.',
    en: 'The amount the payment service reported is not that of the order. The payment was not recorded; please contact the revenue office.',
  },
  OD_PAYMENTS_ORDER_MISMATCH: {
    status: 409,
    el: 'Η απάντηση της υπηρεσίας πληρωμών δεν αφορά εντολή που δημιούργησε ο Δήμος. Δεν καταχωρίστηκε τίποτα.',
    en: 'The payment service answered about an order the municipality did not create. Nothing was recorded.',
  },
  OD_PAYMENTS_BAD_NOTIFICATION: {
    status: 400,
    el: 'Η ειδοποίηση πληρωμής δεν είναι έγκυρη. Δεν καταχωρίστηκε τίποτα.',
    en: 'The payment notification is not valid. Nothing was recorded.',
  },
  OD_PAYMENTS_BELOW_MINIMUM: {
    status: 400,
    el: 'Η πληρωμή με κάρτα ξεκινά από 0,30 €. Για μικρότερο ποσό πληρώστε με τον κωδικό RF.',
    en: 'Card payments start at €0.30. For a smaller amount, pay with the RF code.',
  },
} as const;

export type PaymentsErrorCode = keyof typeof TEXTS;

export class PaymentsError extends Error {
  readonly code: PaymentsErrorCode;
  /** The HTTP status a page or route about it answers with. */
  readonly status: number;
  readonly el: string;
  readonly en: string;

  /** `detail` is what the provider said or the network error, kept as `cause` for the log only. */
  constructor(code: PaymentsErrorCode, detail?: unknown) {
    const { status, el, en } = TEXTS[code];
    super(`${el} / ${en}`, detail === undefined ? undefined : { cause: detail });
    this.name = 'PaymentsError';
    this.code = code;
    this.status = status;
    this.el = el;
    this.en = en;
  }
}

export const isPaymentsError = (error: unknown): error is PaymentsError => error instanceof PaymentsError;
