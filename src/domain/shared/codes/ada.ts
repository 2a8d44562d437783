// ΑΔΑ (Αριθμός Διαδικτυακής Ανάρτησης): the number Diavgeia gives every published decision, Greek capitals
// and digits with one hyphen, e.g. 7394ΩΞΧ-ΠΔΖ or ΩΧΜ9469ΗΖΞ-7Γ4.
import { sharedErrors } from '../sharedErrors.ts';

// Clerks copy ΑΔΑ from PDFs and keyboards that yield Latin letters which look the same.
const GREEK_LOOKALIKE: Readonly<Record<string, string>> = {
  A: 'Α', B: 'Β', E: 'Ε', Z: 'Ζ', H: 'Η', I: 'Ι', K: 'Κ', M: 'Μ', N: 'Ν', O: 'Ο', P: 'Ρ', T: 'Τ', Y: 'Υ', X: 'Χ',
};

// Lengths seen on Diavgeia since 2010: 5 to 10 characters, a hyphen, then 3 (older decisions have fewer).
const ADA = /^[0-9ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ]{4,12}-[0-9ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ]{1,4}$/;
const HAS_LETTER = /[Α-Ω]/;

/** Greek capitals, no accents, Latin look-alikes replaced, any dash as '-'; refuses what is not an ΑΔΑ. */
export const normalizeAda = (raw: string): string => {
  const ada = raw
    .trim()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[A-Z]/g, (letter) => GREEK_LOOKALIKE[letter] ?? letter);
  if (!ADA.test(ada) || !HAS_LETTER.test(ada)) {
    throw sharedErrors.OD_ADA_INVALID({ raw });
  }
  return ada;
};

export const isValidAda = (raw: string): boolean => {
  try {
    normalizeAda(raw);
    return true;
  } catch {
    return false;
  }
};
