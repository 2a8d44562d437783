// Records as one string, to cross from the worker thread that reads a file to the thread that decides it:
// one string is copied in one go, where an array of arrays of strings is cloned piece by piece. Each record
// is its line, its number of fields and the fields, all joined by NUL, which no decoded file holds (a NUL
// byte refuses the file, see decode.ts).
import type { CsvRecord } from './readRecords.ts';

const NUL = '\u0000';

export const packRecords = (records: readonly CsvRecord[]): string =>
  records.map(({ line, fields }) => [line, fields.length, ...fields].join(NUL)).join(NUL);

export const unpackRecords = (packed: string): CsvRecord[] => {
  if (packed === '') return [];
  const parts = packed.split(NUL);
  const records: CsvRecord[] = [];
  for (let at = 0; at < parts.length; ) {
    const line = Number(parts[at]);
    const count = Number(parts[at + 1]);
    records.push({ line, fields: parts.slice(at + 2, at + 2 + count) });
    at += 2 + count;
  }
  return records;
};
