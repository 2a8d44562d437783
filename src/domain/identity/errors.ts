// The identity context's refusals, read by a citizen on their account page: Greek first, English beside.
import { refusals } from '../shared/errors.ts';

interface ErasureReasons {
  readonly reasonsEl: string;
  readonly reasonsEn: string;
}

export const identityErrors = refusals({
  OD_ACCOUNT_UNKNOWN: { status: 404, column: null, el: () => 'Ο λογαριασμός δεν βρέθηκε', en: () => 'The account was not found' },
  OD_ACCOUNT_ERASED: { status: 410, column: null, el: () => 'Ο λογαριασμός έχει διαγραφεί', en: () => 'The account has been erased' },
  OD_ACCOUNT_EXISTS: { status: 409, column: null, el: () => 'Ο λογαριασμός υπάρχει ήδη', en: () => 'The account already exists' },
  OD_EMAIL_INVALID: {
    column: 'email',
    el: () => 'Η διεύθυνση e-mail δεν είναι έγκυρη (π.χ. onoma@example.gr)',
    en: () => 'The e-mail address is not valid (e.g. name@example.gr)',
  },
  OD_PHONE_INVALID: {
    column: 'phone',
    el: () => 'Ο αριθμός τηλεφώνου δεν είναι έγκυρος (10 ψηφία, ή με +30 μπροστά)',
    en: () => 'The phone number is not valid (10 digits, or with +30 in front)',
  },
  OD_LANGUAGE_INVALID: { column: 'language', el: () => 'Η γλώσσα είναι ελληνικά ή αγγλικά', en: () => 'The language is Greek or English' },
  OD_EMAIL_LINK_INVALID: {
    status: 400,
    column: null,
    el: () => 'Ο σύνδεσμος επιβεβαίωσης δεν ισχύει (έληξε, χρησιμοποιήθηκε ή αντικαταστάθηκε). Ζητήστε νέο από τον λογαριασμό σας.',
    en: () => 'The confirmation link is not valid (expired, used or replaced). Ask for a new one from your account.',
  },
  OD_ERASURE_BLOCKED: {
    status: 409,
    column: null,
    el: (p: ErasureReasons) => `Ο λογαριασμός δεν μπορεί να διαγραφεί, γιατί ο νόμος επιβάλλει να τηρηθούν: ${p.reasonsEl}`,
    en: (p: ErasureReasons) => `The account cannot be erased, because the law requires keeping: ${p.reasonsEn}`,
  },
});
