// The refusals every context shares: dates, amounts, the Greek public codes, names and the ΚΑΕ list.
import type { Decimal } from 'decimal.js';
import { refusals } from './errors.ts';

interface InColumn {
  /** The column the amount came from: `amount`, or `value` for an asset's book value. */
  readonly column: string;
}

interface Given {
  /** As written by the clerk. */
  readonly raw: string;
}

// A Decimal prints as it is (NaN, Infinity); text as the clerk wrote it, in quotes.
const shownEl = (amount: Decimal | string): string => (typeof amount === 'string' ? `«${amount}»` : amount.toString());
const shownEn = (amount: Decimal | string): string => (typeof amount === 'string' ? `"${amount}"` : amount.toString());

export const sharedErrors = refusals({
  OD_DATE_INVALID: {
    column: 'date',
    el: (p: { readonly date: string }) => `Μη έγκυρη ημερομηνία: «${p.date}»`,
    en: (p: { readonly date: string }) => `Invalid date: "${p.date}"`,
  },
  OD_AMOUNT_INVALID: {
    column: 'amount',
    el: (p: InColumn & { readonly amount: Decimal | string }) => `Το ποσό δεν είναι αριθμός: ${shownEl(p.amount)}`,
    en: (p: InColumn & { readonly amount: Decimal | string }) => `The amount is not a number: ${shownEn(p.amount)}`,
  },
  OD_AMOUNT_PRECISION: {
    column: 'amount',
    el: (p: InColumn & { readonly amount: Decimal }) => `Το ποσό έχει περισσότερα από δύο δεκαδικά: ${p.amount.toString()}`,
    en: (p: InColumn & { readonly amount: Decimal }) => `The amount has more than two decimals: ${p.amount.toString()}`,
  },
  OD_AMOUNT_MISSING: { column: 'amount', el: () => 'Λείπει το ποσό', en: () => 'The amount is missing' },
  OD_AMOUNT_NOT_POSITIVE: {
    column: 'amount',
    el: (_: InColumn) => 'Το ποσό πρέπει να είναι θετικό',
    en: (p: InColumn) => `The ${p.column} must be positive`,
  },
  OD_AMOUNT_NEGATIVE: {
    column: 'amount',
    el: (_: InColumn) => 'Το ποσό δεν μπορεί να είναι αρνητικό',
    en: (p: InColumn) => `The ${p.column} cannot be negative`,
  },
  OD_AFM_INVALID: {
    column: 'afm',
    el: (p: { readonly afm: string }) => `Μη έγκυρος ΑΦΜ: «${p.afm}»`,
    en: (p: { readonly afm: string }) => `Invalid tax number (ΑΦΜ): "${p.afm}"`,
  },
  OD_NAME_MISSING: {
    column: 'name',
    el: () => 'Λείπει η επωνυμία του αντισυμβαλλομένου',
    en: () => 'The counterparty name is missing',
  },
  OD_ADA_INVALID: {
    column: 'ada',
    el: (p: Given) => `Μη έγκυρος ΑΔΑ: «${p.raw}»`,
    en: (p: Given) => `Invalid Diavgeia number (ΑΔΑ): "${p.raw}"`,
  },
  OD_KAE_INVALID: {
    column: 'kae',
    el: (p: Given) => `Μη έγκυρος ΚΑΕ: «${p.raw}»`,
    en: (p: Given) => `Invalid budget code (ΚΑΕ): "${p.raw}"`,
  },
  OD_KAEK_INVALID: {
    column: 'kaek',
    el: (p: Given) => `Ο ΚΑΕΚ έχει 12 ψηφία: «${p.raw}»`,
    en: (p: Given) => `A cadastre code (ΚΑΕΚ) has 12 digits: "${p.raw}"`,
  },
  OD_CLASSIFICATION_INVALID: {
    column: null,
    el: (p: { readonly reason: string }) => `Μη έγκυρη λίστα ΚΑΕ: ${p.reason}`,
    en: (p: { readonly reason: string }) => `Invalid ΚΑΕ list: ${p.reason}`,
  },
});
