// What can go wrong talking to TaxisNet, as codes callers branch on and texts a citizen reads (Greek, then
// English). What TaxisNet actually answered goes in `cause`, for the log: never into the text shown.

const TEXTS = {
  OD_TAXISNET_DOWN: {
    status: 502,
    el: 'Το TaxisNet δεν είναι διαθέσιμο αυτή τη στιγμή. Δοκιμάστε ξανά σε λίγο.',
    en: 'TaxisNet is not available right now. Please try again shortly.',
  },
  OD_TAXISNET_TIMEOUT: {
    status: 504,
    el: 'Η σύνδεση με το TaxisNet δεν απάντησε εγκαίρως. Δοκιμάστε ξανά σε λίγο.',
    en: 'TaxisNet did not answer in time. Please try again shortly.',
  },
  OD_TAXISNET_REFUSED: {
    status: 502,
    el: 'Το TaxisNet δεν επιβεβαίωσε τη σύνδεση. Δοκιμάστε να συνδεθείτε ξανά.',
    en: 'TaxisNet did not confirm the login. Please try to log in again.',
  },
  OD_TAXISNET_BAD_ANSWER: {
    status: 502,
    el: 'Το TaxisNet έδωσε απάντηση που δεν μπορούμε να διαβάσουμε. Δοκιμάστε ξανά αργότερα.',
    en: 'TaxisNet gave an answer we cannot read. Please try again later.',
  },
} as const;

export type TaxisNetErrorCode = keyof typeof TEXTS;

export class TaxisNetError extends Error {
  readonly code: TaxisNetErrorCode;
  /** The HTTP status a page about it answers with: 504 for a timeout, 502 otherwise (a gateway's fault). */
  readonly status: number;
  readonly el: string;
  readonly en: string;

  /** `detail` is what TaxisNet said or the network error, kept as `cause` for the log only. */
  constructor(code: TaxisNetErrorCode, detail?: unknown) {
    const { status, el, en } = TEXTS[code];
    super(`${el} / ${en}`, detail === undefined ? undefined : { cause: detail });
    this.name = 'TaxisNetError';
    this.code = code;
    this.status = status;
    this.el = el;
    this.en = en;
  }
}

export const isTaxisNetError = (error: unknown): error is TaxisNetError => error instanceof TaxisNetError;
