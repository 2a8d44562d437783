// ΚΑΕ (Κωδικός Αριθμός Εσόδων/Εξόδων): the budget code of a line, per ΚΥΑ 7028/2004 up to FY2025.
// A 4-digit code (its first digit the class, its first two the group), optionally preceded by a 2-digit
// service (υπηρεσία) and followed by a municipality's own sub-code of 1-4 digits: 25-6263.013, 0311.
import { sharedErrors } from '../sharedErrors.ts';

/** Revenue (έσοδα: ΚΑΕ classes 0-5) or expense (έξοδα: classes 6-9). */
export type Side = 'revenue' | 'expense';

export type KaeClass = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

export interface Kae {
  /** Normalised: service and code joined by '-', the sub-code after '.', exactly as given: "00-8229.0006". */
  readonly kae: string;
  readonly side: Side;
  readonly service: string | null;
  /** The 4-digit code, e.g. "6011". */
  readonly code: string;
  /** First digit of the code (κατηγορία). */
  readonly klass: KaeClass;
  /** First two digits of the code (ομάδα), e.g. "60". */
  readonly group: string;
  readonly suffix: string | null;
}

// A 2-digit first group is the service, a 4-digit one the code: `20.6011` and `6142.022` cannot be confused.
const KAE = /^(?:(\d{2})[-. ])?(\d{4})(?:\.(\d{1,4}))?$/;

/** Spaces around separators and typographic dashes are what real exports add; nothing else is forgiven. */
const tidy = (raw: string): string =>
  raw
    .trim()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*([-.])\s*/g, '$1')
    .replace(/\s+/g, ' ');

export const parseKae = (raw: string): Kae => {
  const match = KAE.exec(tidy(raw));
  const code = match?.[2];
  if (!match || code === undefined) {
    throw sharedErrors.OD_KAE_INVALID({ raw });
  }
  const service = match[1] ?? null;
  const suffix = match[3] ?? null;
  // The pattern matched four digits, so the first is a class.
  const klass = code.slice(0, 1) as KaeClass;
  return {
    kae: `${service === null ? '' : `${service}-`}${code}${suffix === null ? '' : `.${suffix}`}`,
    side: Number(klass) <= 5 ? 'revenue' : 'expense',
    service,
    code,
    klass,
    group: code.slice(0, 2),
    suffix,
  };
};

export const isValidKae = (raw: string): boolean => KAE.test(tidy(raw));

export interface Title {
  readonly el: string;
  readonly en: string;
}

/** Classes (κατηγορίες) of ΚΥΑ 7028/2004: 0-5 revenue, 6-9 expense. */
export const kaeClasses: Readonly<Record<KaeClass, Title>> = {
  '0': { el: 'Τακτικά έσοδα', en: 'Regular revenue' },
  '1': { el: 'Έκτακτα έσοδα', en: 'Extraordinary revenue' },
  '2': {
    el: 'Έσοδα παρελθόντων οικονομικών ετών που βεβαιώνονται για πρώτη φορά',
    en: 'Revenue of past financial years assessed for the first time',
  },
  '3': {
    el: 'Εισπράξεις από δάνεια και απαιτήσεις από παρελθόντα οικονομικά έτη',
    en: 'Loan proceeds and receivables from past financial years',
  },
  '4': { el: 'Εισπράξεις υπέρ του Δημοσίου και τρίτων', en: 'Receipts on behalf of the State and third parties' },
  '5': { el: 'Χρηματικό υπόλοιπο', en: 'Cash balance carried forward' },
  '6': { el: 'Έξοδα χρήσης', en: 'Operating expenses' },
  '7': { el: 'Επενδύσεις', en: 'Investments' },
  '8': {
    el: 'Πληρωμές παρελθόντων οικονομικών ετών, λοιπές αποδόσεις και προβλέψεις',
    en: 'Payments of past financial years, other remittances and provisions',
  },
  '9': { el: 'Αποθεματικό', en: 'Reserve' },
};

/** Services (υπηρεσίες) that prefix expense codes. */
export const kaeServices: Readonly<Record<string, Title>> = {
  '00': { el: 'Γενικές υπηρεσίες', en: 'General services' },
  '10': { el: 'Οικονομικές και διοικητικές υπηρεσίες', en: 'Financial and administrative services' },
  '15': {
    el: 'Υπηρεσίες πολιτισμού, αθλητισμού και κοινωνικής πολιτικής',
    en: 'Culture, sport and social policy services',
  },
  '20': { el: 'Υπηρεσίες καθαριότητας και ηλεκτροφωτισμού', en: 'Cleaning and street lighting services' },
  '25': { el: 'Υπηρεσίες ύδρευσης, άρδευσης και αποχέτευσης', en: 'Water supply, irrigation and sewerage services' },
  '30': { el: 'Υπηρεσία τεχνικών έργων', en: 'Technical works service' },
  '35': { el: 'Υπηρεσία πρασίνου', en: 'Parks and green spaces service' },
  '40': { el: 'Υπηρεσία πολεοδομίας', en: 'Town planning service' },
  '45': { el: 'Υπηρεσίες νεκροταφείων', en: 'Cemetery services' },
  '50': { el: 'Δημοτική αστυνομία', en: 'Municipal police' },
  '70': { el: 'Λοιπές υπηρεσίες', en: 'Other services' },
  '80': {
    el: 'Πληρωμές παρελθόντων οικονομικών ετών, λοιπές αποδόσεις και προβλέψεις',
    en: 'Payments of past financial years, other remittances and provisions',
  },
  '90': { el: 'Αποθεματικό', en: 'Reserve' },
};

export const classTitle = (klass: KaeClass): Title => kaeClasses[klass];

/** Null for a service the law does not list: municipalities number their own departments too. */
export const serviceTitle = (service: string): Title | null => kaeServices[service] ?? null;
