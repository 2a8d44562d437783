// The refusals of «Αναφορά προβλήματος» on the site, beyond the domain's checks of a submission: photos, the
// e-mail a citizen without an account must give, the confirmation link, the limits against floods.
import { refusals } from '../../domain/index.ts';

export const reportErrors = refusals({
  OD_REPORT_PHOTO_TOO_LARGE: {
    status: 413,
    column: 'photo',
    el: (p: { n: number; mb: number }) => `Η φωτογραφία ${p.n} ξεπερνά τα ${p.mb} MB`,
    en: (p: { n: number; mb: number }) => `Photo ${p.n} is larger than ${p.mb} MB`,
  },
  OD_REPORT_PHOTO_TYPE: {
    status: 400,
    column: 'photo',
    el: (p: { n: number }) => `Η φωτογραφία ${p.n} δεν είναι εικόνα JPEG, PNG, WebP ή HEIC`,
    en: (p: { n: number }) => `Photo ${p.n} is not a JPEG, PNG, WebP or HEIC image`,
  },
  OD_REPORT_PHOTO_UNREADABLE: {
    status: 400,
    column: 'photo',
    el: (p: { n: number }) => `Η φωτογραφία ${p.n} δεν διαβάζεται (κατεστραμμένη ή υπερβολικά μεγάλη)`,
    en: (p: { n: number }) => `Photo ${p.n} cannot be read (damaged or far too large)`,
  },
  OD_REPORT_TOO_MANY_PHOTOS: {
    status: 400,
    column: 'photo',
    el: (p: { max: number }) => `Έως ${p.max} φωτογραφίες`,
    en: (p: { max: number }) => `At most ${p.max} photos`,
  },
  OD_REPORT_EMAIL_REQUIRED: {
    status: 400,
    column: 'email',
    el: () => 'Χωρίς σύνδεση με TaxisNet χρειάζεται e-mail: εκεί στέλνουμε τον σύνδεσμο επιβεβαίωσης και τα νέα της αναφοράς',
    en: () => 'Without a TaxisNet login an e-mail is needed: the confirmation link and the report’s news go there',
  },
  OD_REPORT_DESCRIPTION_REQUIRED: { status: 400, column: 'description', el: () => 'Περιγράψτε το πρόβλημα', en: () => 'Describe the problem' },
  OD_REPORT_LINK_EXPIRED: {
    status: 410,
    column: null,
    el: (p: { hours: number }) => `Ο σύνδεσμος έληξε (ισχύει ${p.hours} ώρες) και η αναφορά δεν καταχωρίστηκε· κάντε την ξανά`,
    en: (p: { hours: number }) => `The link has expired (it holds ${p.hours} hours) and the report was not recorded; make it again`,
  },
  OD_REPORT_LINK_UNKNOWN: {
    status: 404,
    column: null,
    el: () => 'Ο σύνδεσμος έχει ήδη χρησιμοποιηθεί ή δεν είναι έγκυρος',
    en: () => 'The link has already been used or is not valid',
  },
  OD_REPORT_TOO_MANY_FOR_EMAIL: {
    status: 429,
    column: 'email',
    el: (p: { max: number }) => `Έως ${p.max} αναφορές την ημέρα περιμένουν επιβεβαίωση για ένα e-mail· επιβεβαιώστε όσες στάλθηκαν ή συνδεθείτε με TaxisNet`,
    en: (p: { max: number }) => `At most ${p.max} reports a day await confirmation for one e-mail; confirm those sent or log in with TaxisNet`,
  },
  OD_REPORT_TOO_MANY_FROM_ADDRESS: {
    status: 429,
    column: null,
    el: (p: { max: number }) => `Έως ${p.max} αναφορές την ώρα από την ίδια σύνδεση· δοκιμάστε αργότερα ή συνδεθείτε με TaxisNet`,
    en: (p: { max: number }) => `At most ${p.max} reports an hour from one connection; try later or log in with TaxisNet`,
  },
});
