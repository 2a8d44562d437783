// Search that ignores Greek accents (τόνοι, διαλυτικά) and case: text is folded the same way when it is
// indexed and when it is asked for. The folding happens here rather than in SQL because PGlite ships
// without the `unaccent` extension; PostgreSQL's 'simple' text-search configuration does the rest.

/** "Προμήθεια ΥΛΙΚΏΝ" → "προμηθεια υλικων"; final sigma becomes σ so that "υλικός" finds "ΥΛΙΚΟΣ". */
export const foldForSearch = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ');

/** The folded text of several fields, for `to_tsvector('simple', …)`. */
export const searchDocument = (...fields: readonly (string | null | undefined)[]): string =>
  foldForSearch(fields.filter((f): f is string => typeof f === 'string' && f.length > 0).join(' '));

/**
 * A tsquery for what a person typed: every word must match, each as a prefix ("πληρ" finds "πληρωμή").
 * Null when nothing searchable is left. Only letters and digits pass, so the query cannot be malformed.
 */
export const searchQuery = (input: string): string | null => {
  const words = foldForSearch(input).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).slice(0, 8);
  return words.length === 0 ? null : words.map((w) => `${w}:*`).join(' & ');
};
