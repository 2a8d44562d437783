// Folding for words a clerk types by hand (headers, document types, yes/no): case, Greek accents and
// diaeresis, final sigma, abbreviation dots and the space-or-underscore habit do not matter, so
// «Φυσικό πρόσωπο» = φυσικο_προσωπο and «Κ.Α.Ε.» = καε.

const COMBINING_MARKS = /\p{M}/gu;
const SEPARATORS = /[\s_-]+/g;

export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(/\./g, '')
    .trim()
    .replace(SEPARATORS, '_');
