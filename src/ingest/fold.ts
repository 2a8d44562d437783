// Folding for words a clerk types by hand (headers, document types, yes/no): case, Greek accents and
// diaeresis, final sigma and the space-or-underscore habit do not matter, so «Φυσικό πρόσωπο» = φυσικο_προσωπο.

const COMBINING_MARKS = /\p{M}/gu;
const SEPARATORS = /[\s_-]+/g;

export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .trim()
    .replace(SEPARATORS, '_');
