// A large file is read on a worker thread: the records and the refusals must be exactly those of the same
// file read on the deciding thread, whatever the encoding, the quoting or the way the bytes arrive.
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import iconv from 'iconv-lite';
import { isIngestError } from '../../src/ingest/errors.ts';
import { fileRecords } from '../../src/ingest/fileRecords.ts';
import { packRecords, unpackRecords } from '../../src/ingest/packedRecords.ts';
import type { CsvRecord } from '../../src/ingest/readRecords.ts';
import { chunksOf } from './harness.ts';

const FIXTURES = new URL('../../fixtures/', import.meta.url);

/** Every record as "line:field|field", then the refusal as "code@line" if the file is refused. */
const readAll = async (bytes: Buffer, workerFromBytes: number, chunkSize?: number): Promise<string[]> => {
  const seen: string[] = [];
  try {
    for await (const some of fileRecords(chunksOf(bytes, chunkSize), workerFromBytes)) for (const record of some) seen.push(`${record.line}:${record.fields.join('|')}`);
  } catch (error) {
    if (!isIngestError(error)) throw error;
    seen.push(`${error.code}@${error.line}`);
  }
  return seen;
};

const sameOnBothThreads = async (name: string, bytes: Buffer, chunkSize?: number): Promise<string[]> => {
  const here = await readAll(bytes, Number.POSITIVE_INFINITY, chunkSize);
  const onWorker = await readAll(bytes, 0, chunkSize);
  assert.equal(onWorker, here, name);
  return onWorker;
};

test('records: a worker thread reads the fixture year exactly as this thread does, in any chunking', async () => {
  const year = readFileSync(new URL('lixouri-2025-transactions.csv', FIXTURES));
  const records = await sameOnBothThreads('UTF-8', year);
  assert.ok(records.length > 8_000);
  const unclosed = await sameOnBothThreads('an unclosed quote at the end', Buffer.concat([year, Buffer.from('10/01/2025;δέσμευση;20-6641;100,00;"ΑΑΥ-1\n')]));
  assert.is(unclosed.at(-1), `OD_CSV_MALFORMED@${year.toString('utf8').split('\n').length}`);
  assert.equal(unclosed.slice(0, -1), records, 'every record before the unclosed quote is read');
  await sameOnBothThreads('Windows-1253, odd chunks', iconv.encode(year.toString('utf8').replace(/^\uFEFF/, ''), 'windows-1253'), 4_099);
});

test('records: quoted newlines, CRLF, blank lines and refused files are the same on a worker thread', async () => {
  const quoted = Buffer.from('a;b\r\n1;2\r\n\r\n"x\r\ny";3\r\n4;"5\n6\n7"\r\n  ;  \r\n8;"9 ""quoted"""');
  assert.equal(await sameOnBothThreads('quoted', quoted, 5), ['1:a|b', '2:1|2', '4:x\ny|3', '6:4|5\n6\n7', '10:8|9 "quoted"']);
  assert.equal(await sameOnBothThreads('unclosed quote', Buffer.from('a,b\n1,2\n"x,3\n4,5\n')), ['1:a|b', '2:1|2', 'OD_CSV_MALFORMED@3']);
  assert.equal(await sameOnBothThreads('empty', Buffer.from('')), ['OD_FILE_EMPTY@1']);
  assert.equal((await sameOnBothThreads('binary', Buffer.from('a;b\n1;2\n3\u0000;4\n'))).at(-1), 'OD_FILE_ENCODING@3');
  for (const name of readdirSync(new URL('bad/', FIXTURES)).filter((file) => file.endsWith('.csv'))) {
    await sameOnBothThreads(name, readFileSync(new URL(`bad/${name}`, FIXTURES)), 1_000);
  }
});

test('records: packed to cross threads and back unchanged, empty fields and newlines included', () => {
  const records: CsvRecord[] = [
    { line: 1, fields: ['a', '', 'c'] },
    { line: 2, fields: [''] },
    { line: 4, fields: ['x\ny', 'Άγιος «Ίθακα»', ''] },
  ];
  assert.equal(unpackRecords(packRecords(records)), records);
  assert.equal(unpackRecords(packRecords([])), []);
});

test.run();
