// ISO 11649 creditor reference (RF): "RF", two check digits, then up to 21 letters or digits; the whole,
// read with its first four characters moved to the end and letters as 10..35, is 1 modulo 97.
// Citizens will pay municipal debts with it.

const RF = /^RF\d{2}[0-9A-Z]{1,21}$/;
const REFERENCE = /^[0-9A-Z]{1,21}$/;

/** Spaces (the printed form groups by four) and case do not matter. */
export const normalizeRf = (raw: string): string => raw.replace(/\s+/g, '').toUpperCase();

const mod97 = (text: string): number => {
  let rest = 0;
  for (const char of text) {
    const value = Number.parseInt(char, 36);
    rest = (value < 10 ? rest * 10 + value : rest * 100 + value) % 97;
  }
  return rest;
};

export const isValidRf = (raw: string): boolean => {
  const rf = normalizeRf(raw);
  return RF.test(rf) && mod97(`${rf.slice(4)}${rf.slice(0, 4)}`) === 1;
};

/** The RF reference for a creditor's own reference (e.g. a debt number). */
export const createRf = (reference: string): string => {
  const body = normalizeRf(reference);
  if (!REFERENCE.test(body)) throw new RangeError(`An RF reference holds 1 to 21 letters or digits, not "${reference}"`);
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
};

/** The printed form, in groups of four: "RF18 5390 0754 7034". */
export const formatRf = (rf: string): string => normalizeRf(rf).replace(/(.{4})(?=.)/g, '$1 ');
