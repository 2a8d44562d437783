// The words of the exports' closed columns, in English and Greek, matched by fold(): each kind's own
// (document types, asset actions) in its folder, and yes/no for natural_person, which both exports have.
import type { IngestError } from './errors.ts';
import { fold } from './fold.ts';
import { ingestErrors } from './ingestErrors.ts';

export interface Vocabulary<T> {
  readonly find: (raw: string) => T | undefined;
  /** As `find`, refusing a word it does not know with the vocabulary's refusal. */
  readonly read: (raw: string, column: string) => T;
}

/** A column of a million rows holds a handful of spellings: each is folded once. */
const SEEN_SPELLINGS = 256;

/** The refusal of a word a vocabulary does not know: its code is the vocabulary's. */
type UnknownWord = (params: { readonly column: string; readonly raw: string; readonly allowed: readonly string[] }) => IngestError;

export const vocabulary = <T>(unknown: UnknownWord, words: readonly (readonly [T, ...string[]])[]): Vocabulary<T> => {
  const lookup = new Map(words.flatMap(([value, ...names]) => names.map((name) => [fold(name), value] as const)));
  const allowed = words.map(([, english, greek]) => `${english}|${greek}`);
  const seen = new Map<string, T | undefined>();
  const find = (raw: string): T | undefined => {
    if (seen.has(raw)) return seen.get(raw);
    // A file of garbage must not grow the memory: start over when full.
    if (seen.size >= SEEN_SPELLINGS) seen.clear();
    const value = lookup.get(fold(raw));
    seen.set(raw, value);
    return value;
  };
  return {
    find,
    read: (raw, column) => {
      const value = find(raw);
      if (value === undefined) throw unknown({ column, raw, allowed });
      return value;
    },
  };
};

export const yesNo = vocabulary<boolean>(ingestErrors.OD_BOOLEAN_INVALID, [
  [true, 'yes', 'ναι', '1', 'true', 'y', 'ν'],
  [false, 'no', 'όχι', '0', 'false', 'n', 'ο'],
]);
