// What can go wrong with the municipality's signing certificate, as codes callers branch on and texts an
// operator reads (Greek, then English), each naming the setting to fix. What forge or the file system said
// goes in `cause`, for the log: it may quote a path, never the passphrase.

const TEXTS = {
  OD_SIGNING_SETTINGS: {
    el: 'Το πιστοποιητικό υπογραφής χρειάζεται και τις δύο ρυθμίσεις OPENDIMOS_SIGNING_P12 και OPENDIMOS_SIGNING_PASSPHRASE, ή καμία (τότε χρησιμοποιείται πιστοποιητικό ανάπτυξης).',
    en: 'The signing certificate needs both OPENDIMOS_SIGNING_P12 and OPENDIMOS_SIGNING_PASSPHRASE, or neither (then a development certificate is used).',
  },
  OD_SIGNING_UNREADABLE: {
    el: 'Το αρχείο του OPENDIMOS_SIGNING_P12 δεν διαβάζεται. Ελέγξτε τη διαδρομή και τα δικαιώματα.',
    en: 'The file of OPENDIMOS_SIGNING_P12 cannot be read. Check the path and its permissions.',
  },
  OD_SIGNING_BAD_P12: {
    el: 'Το αρχείο του OPENDIMOS_SIGNING_P12 δεν είναι έγκυρο PKCS#12 (.p12 / .pfx).',
    en: 'The file of OPENDIMOS_SIGNING_P12 is not a valid PKCS#12 (.p12 / .pfx) file.',
  },
  OD_SIGNING_BAD_PASSPHRASE: {
    el: 'Το OPENDIMOS_SIGNING_PASSPHRASE δεν ανοίγει το αρχείο του OPENDIMOS_SIGNING_P12: λάθος συνθηματικό.',
    en: 'OPENDIMOS_SIGNING_PASSPHRASE does not open the file of OPENDIMOS_SIGNING_P12: wrong passphrase.',
  },
  OD_SIGNING_NO_KEY: {
    el: 'Το αρχείο του OPENDIMOS_SIGNING_P12 δεν περιέχει ιδιωτικό κλειδί RSA· χρειάζεται το πιστοποιητικό μαζί με το κλειδί του.',
    en: 'The file of OPENDIMOS_SIGNING_P12 holds no RSA private key; it needs the certificate together with its key.',
  },
  OD_SIGNING_NO_CERTIFICATE: {
    el: 'Το αρχείο του OPENDIMOS_SIGNING_P12 δεν περιέχει πιστοποιητικό που να ταιριάζει στο ιδιωτικό κλειδί του.',
    en: 'The file of OPENDIMOS_SIGNING_P12 holds no certificate matching its private key.',
  },
  OD_SIGNING_BAD_PDF: {
    el: 'Το έγγραφο προς υπογραφή δεν είναι PDF που μπορεί να υπογραφεί.',
    en: 'The document to sign is not a PDF that can be signed.',
  },
} as const;

export type SigningErrorCode = keyof typeof TEXTS;

export class SigningError extends Error {
  readonly code: SigningErrorCode;
  readonly el: string;
  readonly en: string;

  constructor(code: SigningErrorCode, detail?: unknown) {
    const { el, en } = TEXTS[code];
    super(`${el} / ${en}`, detail === undefined ? undefined : { cause: detail });
    this.name = 'SigningError';
    this.code = code;
    this.el = el;
    this.en = en;
  }
}

export const isSigningError = (error: unknown): error is SigningError => error instanceof SigningError;
