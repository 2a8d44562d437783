// The ledger's refusals. Amounts in the parameters are the row's own text or bigint cents of a balance.
import type { DocumentType, ReversibleType } from './events.ts';
import type { Refusal } from '../shared/errors.ts';
import { refusals } from '../shared/errors.ts';
import { formatCents } from '../shared/money.ts';
import { documentTypeNames } from './documentTypes.ts';

/** A row's amount above what is left: on a line, a document, or unreversed. */
export interface Excess {
  /** The row's amount as recorded, e.g. "500.01". */
  readonly amount: string;
  readonly remainder: bigint;
}

interface OnLine {
  readonly kae: string;
}

interface InYear extends OnLine {
  readonly year: number;
}

export interface Leaves {
  readonly left: bigint;
  readonly followed: bigint;
}

interface Named<T extends DocumentType> {
  readonly type: T;
}

/** A reversal may not leave a document below what followed it (ordered, paid, collected). */
const belowFollowers = (el: string, en: string): Refusal<Leaves> => ({
  column: 'amount',
  el: (p: Leaves) => `Ο αντιλογισμός αφήνει ${formatCents(p.left)}, λιγότερα από ${el} (${formatCents(p.followed)})`,
  en: (p: Leaves) => `The reversal leaves ${formatCents(p.left)}, less than ${en} (${formatCents(p.followed)})`,
});

export const ledgerErrors = refusals({
  OD_DATE_OUTSIDE_FISCAL_YEAR: {
    column: 'date',
    el: (p: { readonly date: string; readonly year: number }) => `Η ημερομηνία ${p.date} δεν ανήκει στο οικονομικό έτος ${p.year}`,
    en: (p: { readonly date: string; readonly year: number }) => `The date ${p.date} is not in fiscal year ${p.year}`,
  },
  OD_DOCUMENT_MISSING: { column: 'document', el: () => 'Λείπει ο αριθμός παραστατικού', en: () => 'The document number is missing' },
  OD_DOCUMENT_CONFLICT: {
    status: 409,
    column: 'document',
    el: (p: Named<DocumentType> & { readonly document: string }) =>
      `Το παραστατικό ${p.document} (${documentTypeNames[p.type].el}) έχει ήδη καταχωριστεί με άλλο περιεχόμενο`,
    en: (p: Named<DocumentType> & { readonly document: string }) =>
      `Document ${p.document} (${documentTypeNames[p.type].en}) is already recorded with other content`,
  },
  OD_AMOUNT_TOO_LARGE: { column: 'amount', el: () => 'Το ποσό είναι υπερβολικά μεγάλο', en: () => 'The amount is implausibly large' },
  OD_BUDGET_AMOUNT_NEGATIVE: {
    column: 'amount',
    el: () => 'Ο προϋπολογισμός γραμμής δεν μπορεί να είναι αρνητικός',
    en: () => 'A budget row cannot be negative',
  },
  OD_AMENDMENT_ZERO: { column: 'amount', el: () => 'Η αναμόρφωση δεν μπορεί να είναι μηδενική', en: () => 'An amendment cannot be zero' },
  OD_COUNTERPARTY_NOT_ALLOWED: {
    column: 'afm',
    el: () => 'Ο προϋπολογισμός και οι αναμορφώσεις δεν έχουν αντισυμβαλλόμενο',
    en: () => 'Budget rows and amendments have no counterparty',
  },
  OD_KAE_NOT_EXPENSE: {
    column: 'kae',
    el: (p: OnLine) => `Ο ΚΑΕ ${p.kae} είναι κωδικός εσόδων, όχι εξόδων`,
    en: (p: OnLine) => `ΚΑΕ ${p.kae} is a revenue code, not an expense code`,
  },
  OD_KAE_NOT_REVENUE: {
    column: 'kae',
    el: (p: OnLine) => `Ο ΚΑΕ ${p.kae} είναι κωδικός εξόδων, όχι εσόδων`,
    en: (p: OnLine) => `ΚΑΕ ${p.kae} is an expense code, not a revenue code`,
  },
  OD_BUDGET_LINE_UNKNOWN: {
    column: 'kae',
    el: (p: InYear) => `Δεν υπάρχει γραμμή προϋπολογισμού ${p.kae} στο έτος ${p.year}`,
    en: (p: InYear) => `There is no budget line ${p.kae} in ${p.year}`,
  },
  OD_BUDGET_LINE_EXISTS: {
    status: 409,
    column: 'kae',
    el: (p: InYear) => `Η γραμμή ${p.kae} έχει ήδη προϋπολογισμό στο έτος ${p.year}· αλλάζει μόνο με αναμόρφωση`,
    en: (p: InYear) => `Line ${p.kae} already has a budget in ${p.year}; only an amendment changes it`,
  },
  OD_BUDGET_TITLE_MISSING: {
    column: 'title',
    el: (p: OnLine) => `Λείπει ο τίτλος της γραμμής ${p.kae}`,
    en: (p: OnLine) => `The title of line ${p.kae} is missing`,
  },
  OD_AMENDMENT_NEGATIVE_APPROPRIATION: {
    column: 'amount',
    el: (p: OnLine & { readonly amended: bigint }) => `Η αναμόρφωση αφήνει τη γραμμή ${p.kae} με αρνητική πίστωση (${formatCents(p.amended)})`,
    en: (p: OnLine & { readonly amended: bigint }) => `The amendment leaves line ${p.kae} with a negative appropriation (${formatCents(p.amended)})`,
  },
  OD_AMENDMENT_BELOW_COMMITTED: {
    column: 'amount',
    el: (p: OnLine & { readonly amended: bigint; readonly committed: bigint }) =>
      `Η αναμόρφωση αφήνει τη γραμμή ${p.kae} με πίστωση ${formatCents(p.amended)}, κάτω από τις δεσμεύσεις ${formatCents(p.committed)}`,
    en: (p: OnLine & { readonly amended: bigint; readonly committed: bigint }) =>
      `The amendment leaves line ${p.kae} at ${formatCents(p.amended)}, below its commitments of ${formatCents(p.committed)}`,
  },
  OD_REF_NOT_ALLOWED: {
    column: 'ref',
    el: (p: Named<DocumentType>) => `Παραστατικό «${documentTypeNames[p.type].el}» δεν παραπέμπει σε άλλο`,
    en: (p: Named<DocumentType>) => `A ${documentTypeNames[p.type].en} row does not reference another document`,
  },
  // `expected: null` is a reversal's, which may name any document it can take back.
  OD_REF_MISSING: {
    column: 'ref',
    el: (p: { readonly expected: ReversibleType | null }) =>
      p.expected === null
        ? 'Ο αντιλογισμός πρέπει να αναφέρει το παραστατικό που αντιλογίζει'
        : `Λείπει το σχετικό παραστατικό (${documentTypeNames[p.expected].el})`,
    en: (p: { readonly expected: ReversibleType | null }) =>
      p.expected === null ? 'A reversal must name the document it reverses' : `The referenced document (${documentTypeNames[p.expected].en}) is missing`,
  },
  OD_REF_WRONG_TYPE: {
    column: 'ref',
    el: (p: { readonly expected: ReversibleType }) => `Το σχετικό παραστατικό πρέπει να είναι ${documentTypeNames[p.expected].el}`,
    en: (p: { readonly expected: ReversibleType }) => `The referenced document must be a ${documentTypeNames[p.expected].en}`,
  },
  OD_REF_INVALID: {
    column: 'ref',
    el: (p: { readonly type: string; readonly document: string }) => `Μη έγκυρο σχετικό παραστατικό: «${p.type}:${p.document}»`,
    en: (p: { readonly type: string; readonly document: string }) => `Invalid reference: "${p.type}:${p.document}"`,
  },
  OD_REF_UNKNOWN: {
    column: 'ref',
    el: (p: Named<ReversibleType> & { readonly document: string; readonly year: number }) =>
      `Δεν βρέθηκε ${documentTypeNames[p.type].el} ${p.document} στο έτος ${p.year}`,
    en: (p: Named<ReversibleType> & { readonly document: string; readonly year: number }) =>
      `No ${documentTypeNames[p.type].en} ${p.document} in ${p.year}`,
  },
  OD_REF_KAE_MISMATCH: {
    column: 'kae',
    el: (p: OnLine & { readonly referenced: string }) => `Ο ΚΑΕ ${p.kae} διαφέρει από τον ΚΑΕ ${p.referenced} του σχετικού παραστατικού`,
    en: (p: OnLine & { readonly referenced: string }) => `ΚΑΕ ${p.kae} differs from ΚΑΕ ${p.referenced} of the referenced document`,
  },
  OD_COMMITMENT_EXCEEDS_APPROPRIATION: {
    column: 'amount',
    el: (p: Excess & { readonly line: string }) =>
      `Η δέσμευση ${p.amount} υπερβαίνει το διαθέσιμο υπόλοιπο ${formatCents(p.remainder)} της γραμμής ${p.line}`,
    en: (p: Excess & { readonly line: string }) =>
      `The commitment of ${p.amount} exceeds the remaining appropriation of ${formatCents(p.remainder)} on line ${p.line}`,
  },
  OD_ORDER_EXCEEDS_COMMITMENT: {
    column: 'amount',
    el: (p: Excess) => `Το ένταλμα ${p.amount} υπερβαίνει το υπόλοιπο ${formatCents(p.remainder)} της δέσμευσης`,
    en: (p: Excess) => `The payment order of ${p.amount} exceeds the commitment's remainder of ${formatCents(p.remainder)}`,
  },
  OD_PAYMENT_EXCEEDS_ORDER: {
    column: 'amount',
    el: (p: Excess) => `Η πληρωμή ${p.amount} υπερβαίνει το υπόλοιπο ${formatCents(p.remainder)} του εντάλματος`,
    en: (p: Excess) => `The payment of ${p.amount} exceeds the payment order's remainder of ${formatCents(p.remainder)}`,
  },
  OD_RECEIPT_EXCEEDS_ASSESSMENT: {
    column: 'amount',
    el: (p: Excess) => `Η είσπραξη ${p.amount} υπερβαίνει το υπόλοιπο ${formatCents(p.remainder)} της βεβαίωσης`,
    en: (p: Excess) => `The receipt of ${p.amount} exceeds the assessment's remainder of ${formatCents(p.remainder)}`,
  },
  OD_REVERSAL_OF_BUDGET: {
    column: 'ref',
    el: () => 'Ο προϋπολογισμός και οι αναμορφώσεις δεν αντιλογίζονται· διορθώνονται με αναμόρφωση',
    en: () => 'Budget rows and amendments cannot be reversed; correct them with an amendment',
  },
  OD_REVERSAL_OF_REVERSAL: { column: 'ref', el: () => 'Ένας αντιλογισμός δεν αντιλογίζεται', en: () => 'A reversal cannot itself be reversed' },
  OD_REVERSAL_EXCEEDS_UNREVERSED: {
    column: 'amount',
    el: (p: Excess) => `Ο αντιλογισμός ${p.amount} υπερβαίνει το μη αντιλογισμένο ποσό ${formatCents(p.remainder)}`,
    en: (p: Excess) => `The reversal of ${p.amount} exceeds the unreversed amount of ${formatCents(p.remainder)}`,
  },
  OD_REVERSAL_BELOW_ORDERED: belowFollowers('τα ενταλματοποιημένα', 'what was ordered from it'),
  OD_REVERSAL_BELOW_PAID: belowFollowers('τα πληρωμένα', 'what was paid from it'),
  OD_REVERSAL_BELOW_COLLECTED: belowFollowers('τα εισπραγμένα', 'what was collected from it'),
});
