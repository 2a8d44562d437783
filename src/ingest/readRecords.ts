// Text → CSV records, each with the line of the file where it starts (the report points clerks there).
// Line ends are made '\n' first: csv-parse counts a '\r' inside a quoted field as a line of its own.
import { Readable } from 'node:stream';
import { CsvError, Parser } from 'csv-parse';
import type { Delimiter } from './detectDelimiter.ts';
import { detectDelimiter } from './detectDelimiter.ts';
import { ingestErrors } from './ingestErrors.ts';

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

/**
 * The longest record (or header line) read, in characters: far above any row within the cell limits
 * (headers.ts), and what one record may hold in memory before the file is refused, however it goes on.
 */
export const MAX_RECORD_CHARS = 1_048_576;

/** Holds text back until the first line is complete, so the delimiter is known before parsing starts. */
const withHeaderLine = async (text: AsyncIterable<string>): Promise<{ headerLine: string; all: AsyncIterable<string> }> => {
  const iterator = text[Symbol.asyncIterator]();
  const held: string[] = [];
  let seen = '';
  let done = false;
  while (!seen.includes('\n') && !done) {
    if (seen.length > MAX_RECORD_CHARS) throw ingestErrors.OD_LINE_TOO_LONG({ line: 1, maxChars: MAX_RECORD_CHARS });
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

const newlinesIn = (fields: readonly string[]): number => {
  let count = 0;
  for (const field of fields) for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) count++;
  return count;
};

/**
 * csv-parse's parser, each record pushed with the line of the file where it starts. `info.lines` is where
 * the record ends; it starts as many lines earlier as its fields hold newlines. Read here rather than in
 * `on_record`, whose context object costs more than the parsing itself.
 */
class LineParser extends Parser {
  /** The end line of the last record parsed, read or not. */
  lastParsedLine = 0;
  /** Records parsed and not read yet, in order: when parsing fails the stream drops them, but not from here. */
  readonly unread: CsvRecord[] = [];

  override push(fields: unknown, encoding?: BufferEncoding): boolean {
    if (fields === null) return super.push(null, encoding);
    this.lastParsedLine = this.info.lines;
    const record: CsvRecord = { line: this.info.lines - newlinesIn(fields as string[]), fields: fields as string[] };
    this.unread.push(record);
    return super.push(record, encoding);
  }
}

export interface CsvRecords {
  readonly delimiter: Delimiter;
  /** The header first, then the data records, as many at a time as are parsed; blank lines are skipped. */
  readonly records: AsyncIterable<readonly CsvRecord[]>;
}

export const readRecords = async (text: AsyncIterable<string>): Promise<CsvRecords> => {
  const { headerLine, all } = await withHeaderLine(unixLineEnds(text));
  if (headerLine.trim() === '') throw ingestErrors.OD_FILE_EMPTY();
  const delimiter = detectDelimiter(headerLine);
  const parser = new LineParser({
    delimiter,
    // Line ends are '\n' by now; naming it spares csv-parse looking for one at every character.
    record_delimiter: '\n',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const source = Readable.from(all);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  // The stream paces the reading; the records come from `unread`, all those parsed at once, so that every
  // record parsed before a failure is read, however much of it was still buffered: each row before the
  // file's refusal is decided, whether this thread or a worker reads the file.
  const parsed = (): CsvRecord[] => parser.unread.splice(0).filter((record) => !isBlank(record.fields));
  async function* records(): AsyncGenerator<readonly CsvRecord[]> {
    try {
      for await (const _ of parser as AsyncIterable<CsvRecord>) {
        if (parser.unread.length === 0) continue;
        const batch = parsed();
        if (batch.length > 0) yield batch;
      }
    } catch (error) {
      const batch = parsed();
      if (batch.length > 0) yield batch;
      // csv-parse notices an unclosed quote only at the end of the file; the record after the last one parsed is where it opened.
      if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') throw ingestErrors.OD_LINE_TOO_LONG({ line: parser.lastParsedLine + 1, maxChars: MAX_RECORD_CHARS });
      if (error instanceof CsvError) throw ingestErrors.OD_CSV_MALFORMED({ line: parser.lastParsedLine + 1, parserCode: error.code });
      throw error;
    }
  }
  return { delimiter, records: records() };
};
