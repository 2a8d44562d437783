// Text → CSV records, each with the line of the file where it starts (the report points clerks there).
// Line ends are made '\n' first: csv-parse counts a '\r' inside a quoted field as a line of its own.
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { Delimiter } from './detectDelimiter.ts';
import { detectDelimiter } from './detectDelimiter.ts';
import { csvMalformed, fileEmpty } from './errors.ts';

export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

async function* unixLineEnds(text: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of text) {
    const joined = carry + chunk;
    // A '\r' at the end of a chunk may be the first half of "\r\n": decide with the next chunk.
    carry = joined.endsWith('\r') ? '\r' : '';
    const body = carry ? joined.slice(0, -1) : joined;
    if (body) yield body.replace(/\r\n?/g, '\n');
  }
  if (carry) yield '\n';
}

/** Holds text back until the first line is complete, so the delimiter is known before parsing starts. */
const withHeaderLine = async (text: AsyncIterable<string>): Promise<{ headerLine: string; all: AsyncIterable<string> }> => {
  const iterator = text[Symbol.asyncIterator]();
  const held: string[] = [];
  let seen = '';
  let done = false;
  while (!seen.includes('\n') && !done) {
    const next = await iterator.next();
    done = next.done === true;
    if (!next.done) {
      held.push(next.value);
      seen += next.value;
    }
  }
  async function* all(): AsyncGenerator<string> {
    yield* held;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { headerLine: seen.split('\n', 1)[0]!, all: all() };
};

const isBlank = (fields: readonly string[]): boolean => fields.every((field) => field.trim() === '');

const newlinesIn = (fields: readonly string[]): number => fields.reduce((sum, field) => sum + field.split('\n').length - 1, 0);

export interface CsvRecords {
  readonly delimiter: Delimiter;
  /** The header first, then the data records; blank lines are skipped. */
  readonly records: AsyncIterable<CsvRecord>;
}

export const readRecords = async (text: AsyncIterable<string>): Promise<CsvRecords> => {
  const { headerLine, all } = await withHeaderLine(unixLineEnds(text));
  if (headerLine.trim() === '') throw fileEmpty();
  const delimiter = detectDelimiter(headerLine);
  // Tracked as csv-parse reads, not as we consume: records buffered when it fails are dropped with the stream.
  let lastParsedLine = 0;
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    // The start line rides in front of the fields: on_record may only return a string[] (or null to drop it).
    // context.lines is where the record ends; it starts as many lines earlier as its fields hold newlines.
    on_record: (fields, context) => {
      lastParsedLine = context.lines;
      return isBlank(fields) ? null : [String(context.lines - newlinesIn(fields)), ...fields];
    },
  });
  const source = Readable.from(all);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  async function* records(): AsyncGenerator<CsvRecord> {
    try {
      for await (const [line, ...fields] of parser as AsyncIterable<string[]>) yield { line: Number(line), fields };
    } catch (error) {
      // csv-parse notices an unclosed quote only at the end of the file; the record after the last good one is where it opened.
      if (error instanceof CsvError) throw csvMalformed(lastParsedLine + 1, error.code);
      throw error;
    }
  }
  return { delimiter, records: records() };
};
