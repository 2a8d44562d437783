// ΑΦΜ (Αριθμός Φορολογικού Μητρώου): the Greek tax number, 9 digits, the last a check digit.

const AFM = /^\d{9}$/;

/** Check digit over the first 8 digits: Σ d[i]·2^(8−i) mod 11 mod 10. */
const checkDigit = (first8: string): number => {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8[i]) * 2 ** (8 - i);
  return (sum % 11) % 10;
};

export const isValidAfm = (afm: string): boolean =>
  AFM.test(afm) && afm !== '000000000' && checkDigit(afm) === Number(afm[8]);

/** Completes 8 digits with their check digit: fixtures generate valid, invented ΑΦΜ this way. */
export const afmWithCheckDigit = (first8: string): string => {
  const afm = `${first8}${checkDigit(first8)}`;
  if (!/^\d{8}$/.test(first8) || !isValidAfm(afm)) throw new RangeError(`No valid ΑΦΜ starts with "${first8}"`);
  return afm;
};
