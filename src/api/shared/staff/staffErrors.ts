// The staff accounts' refusals: a code for callers to branch on, Greek first and English beside.

export const STAFF_ERRORS = {
  OD_STAFF_EMAIL_INVALID: { el: 'Μη έγκυρη διεύθυνση e-mail', en: 'Invalid e-mail address' },
  OD_STAFF_EMAIL_TAKEN: { el: 'Υπάρχει ήδη λογαριασμός με αυτό το e-mail', en: 'An account with this e-mail already exists' },
  OD_STAFF_NAME_INVALID: { el: 'Το όνομα θέλει 1 έως 100 χαρακτήρες, χωρίς χαρακτήρες ελέγχου', en: 'The name takes 1 to 100 characters, no control characters' },
  OD_STAFF_ROLE_INVALID: {
    el: 'Ρόλοι: finance, revenue, secretary, admin ή clerk:<τμήμα> (πεζά λατινικά, ψηφία, παύλες), τουλάχιστον ένας',
    en: 'Roles: finance, revenue, secretary, admin or clerk:<department> (lower-case Latin letters, digits, hyphens), at least one',
  },
  OD_STAFF_UNKNOWN: { el: 'Δεν υπάρχει λογαριασμός προσωπικού με αυτό το e-mail', en: 'There is no staff account with this e-mail' },
  OD_STAFF_DISABLED: { el: 'Ο λογαριασμός είναι απενεργοποιημένος', en: 'The account is disabled' },
  OD_STAFF_LINK_INVALID: {
    el: 'Ο σύνδεσμος δεν ισχύει (χρησιμοποιήθηκε ήδη ή έληξε μετά από 24 ώρες)· ζητήστε νέο από τον διαχειριστή',
    en: 'The link is not valid (already used, or expired after 24 hours); ask the administrator for a new one',
  },
  OD_STAFF_PASSWORD_SHORT: { el: 'Ο κωδικός θέλει τουλάχιστον 12 χαρακτήρες (έως 256)', en: 'The password takes at least 12 characters (at most 256)' },
  OD_STAFF_PASSWORD_MISMATCH: { el: 'Οι δύο κωδικοί δεν είναι ίδιοι', en: 'The two passwords are not the same' },
} as const;

export type StaffErrorCode = keyof typeof STAFF_ERRORS;

export class StaffError extends Error {
  readonly el: string;
  readonly en: string;
  constructor(readonly code: StaffErrorCode) {
    const spec = STAFF_ERRORS[code];
    super(`${code}: ${spec.en}`);
    this.name = 'StaffError';
    this.el = spec.el;
    this.en = spec.en;
  }
}

export const isStaffError = (e: unknown): e is StaffError => e instanceof StaffError;
