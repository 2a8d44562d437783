// The identity context's refusals, read by a citizen on their account page: Greek first, English beside.
import { refusals } from '../shared/errors.ts';

interface Column {
  readonly column: 'validFrom' | 'validUntil';
}

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
  OD_COMPANY_TAXID_INVALID: {
    column: 'companyTaxid',
    el: () => 'Ο ΑΦΜ της εταιρείας δεν είναι έγκυρος (9 ψηφία, το τελευταίο ψηφίο ελέγχου)',
    en: () => "The company's tax number (ΑΦΜ) is not valid (9 digits, the last a check digit)",
  },
  OD_REPRESENTATIVE_TAXID_INVALID: {
    column: 'representativeTaxid',
    el: () => 'Ο ΑΦΜ του εκπροσώπου δεν είναι έγκυρος (9 ψηφία, το τελευταίο ψηφίο ελέγχου)',
    en: () => "The representative's tax number (ΑΦΜ) is not valid (9 digits, the last a check digit)",
  },
  OD_REPRESENTATION_SELF: {
    column: 'representativeTaxid',
    el: () => 'Ο εκπρόσωπος δεν μπορεί να έχει τον ΑΦΜ της εταιρείας: κανείς δεν εκπροσωπεί τον εαυτό του',
    en: () => 'The representative cannot have the company’s tax number: nobody represents themselves',
  },
  OD_COMPANY_NAME_INVALID: {
    column: 'companyName',
    el: () => 'Η επωνυμία της εταιρείας θέλει 1 έως 200 χαρακτήρες',
    en: () => "The company's name takes 1 to 200 characters",
  },
  OD_REPRESENTATION_BASIS_INVALID: {
    column: 'basis',
    el: () => 'Γράψτε τη βάση της εκπροσώπησης (π.χ. «καταστατικό / ΓΕΜΗ»), έως 200 χαρακτήρες',
    en: () => 'Give the basis of the representation (e.g. «καταστατικό / ΓΕΜΗ», articles / business registry), at most 200 characters',
  },
  OD_REPRESENTATION_EVIDENCE_INVALID: {
    column: 'evidence',
    el: () => 'Γράψτε πού βρίσκεται το αποδεικτικό (π.χ. αριθμός ΓΕΜΗ και ημερομηνία καταχώρισης), έως 300 χαρακτήρες',
    en: () => 'Say where the evidence is (e.g. the ΓΕΜΗ number and date of registration), at most 300 characters',
  },
  OD_REPRESENTATION_DATES_INVALID: {
    column: 'validFrom',
    el: (p: Column) =>
      p.column === 'validFrom'
        ? 'Η ημερομηνία έναρξης δεν είναι έγκυρη (ΕΕΕΕ-ΜΜ-ΗΗ)'
        : 'Η ημερομηνία λήξης δεν είναι έγκυρη: ΕΕΕΕ-ΜΜ-ΗΗ, όχι πριν από την έναρξη ούτε πριν από σήμερα (κενό: έως την ανάκληση)',
    en: (p: Column) =>
      p.column === 'validFrom'
        ? 'The start date is not valid (YYYY-MM-DD)'
        : 'The end date is not valid: YYYY-MM-DD, not before the start nor before today (empty: until revoked)',
  },
  OD_REPRESENTATIVE_IS_COMPANY: {
    column: 'representativeTaxid',
    el: () => 'Ο ΑΦΜ του εκπροσώπου ανήκει σε νομικό πρόσωπο· εκπρόσωπος είναι φυσικό πρόσωπο',
    en: () => "The representative's tax number belongs to a legal entity; a representative is a natural person",
  },
  OD_REPRESENTED_IS_PERSON: {
    column: 'companyTaxid',
    el: () => 'Ο ΑΦΜ της εταιρείας ανήκει σε φυσικό πρόσωπο· εδώ καταχωρίζεται εκπροσώπηση νομικού προσώπου',
    en: () => "The company's tax number belongs to a natural person; this records the representation of a legal entity",
  },
  OD_REPRESENTATION_DUPLICATE: {
    status: 409,
    column: 'representativeTaxid',
    el: () => 'Υπάρχει ήδη ενεργή εκπροσώπηση αυτής της εταιρείας από το ίδιο πρόσωπο για τις ίδιες ημέρες',
    en: () => 'The same person already represents this company on those days',
  },
  OD_REPRESENTATION_UNKNOWN: { status: 404, column: null, el: () => 'Η εκπροσώπηση δεν βρέθηκε', en: () => 'The representation was not found' },
  OD_REPRESENTATION_ALREADY_REVOKED: { status: 409, column: null, el: () => 'Η εκπροσώπηση έχει ήδη ανακληθεί', en: () => 'The representation has already been revoked' },
  OD_REPRESENTATION_NOT_ACTIVE: {
    status: 403,
    column: null,
    el: () => 'Δεν εκπροσωπείτε αυτή την εταιρεία σήμερα (η εκπροσώπηση ανακλήθηκε, έληξε ή δεν έχει αρχίσει)',
    en: () => 'You do not represent this company today (the representation was revoked, has ended or has not begun)',
  },
  OD_ERASURE_BY_REPRESENTATIVE: {
    status: 403,
    column: null,
    el: () => 'Ο λογαριασμός της εταιρείας διαγράφεται μόνο όταν η εταιρεία συνδεθεί με τους δικούς της κωδικούς TaxisNet, όχι από εκπρόσωπο',
    en: () => "The company's account is erased only when the company logs in with its own TaxisNet credentials, not by a representative",
  },
});
