// The RF of an entry: the structured creditor reference when it is one, else one written in the unstructured
// remittance text, where Greek banks' e-banking often puts what the payer typed («ΠΛΗΡΩΜΗ RF56 LIX2 0250 0012 3
// ΤΕΛΗ»): printed in groups or not, in small or capital letters, followed by other words. The check digits
// decide where it ends: the longest run of groups after RF and two digits that is a valid reference.
import { isValidRf, normalizeRf } from '../../domain/index.ts';

// RF, two check digits, then groups of Latin letters and digits separated by single spaces.
const CANDIDATE = /\bRF\d{2}(?: ?[0-9A-Z]+)+/gi;
const MAX_LENGTH = 25;

const longestValid = (candidate: string): string | null => {
  const groups = candidate.split(' ');
  for (let count = groups.length; count >= 1; count--) {
    const rf = normalizeRf(groups.slice(0, count).join(''));
    if (rf.length <= MAX_LENGTH && isValidRf(rf)) return rf;
  }
  return null;
};

export const rfOf = (structured: string | null, unstructured: readonly string[]): string | null => {
  if (structured !== null && isValidRf(structured)) return normalizeRf(structured);
  for (const text of [...unstructured, unstructured.join(' ')]) {
    for (const [candidate] of text.matchAll(CANDIDATE)) {
      const rf = longestValid(candidate);
      if (rf !== null) return rf;
    }
  }
  return null;
};
