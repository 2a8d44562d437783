// From bytes to records: encodings, delimiters, quoted newlines, line ends, and the line each record starts on.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import iconv from 'iconv-lite';
import { decodeText } from '../../src/ingest/decode.ts';
import { detectDelimiter } from '../../src/ingest/detectDelimiter.ts';
import { detectEncoding } from '../../src/ingest/detectEncoding.ts';
import type { IngestError } from '../../src/ingest/errors.ts';
import { isIngestError } from '../../src/ingest/errors.ts';
import { assetsImport } from '../../src/ingest/assets/index.ts';
import { matchHeader } from '../../src/ingest/headers.ts';
import { readRecords } from '../../src/ingest/readRecords.ts';
import { transactionsImport } from '../../src/ingest/transactions/index.ts';
import { chunksOf } from './harness.ts';

const GREEK = 'Άγιος Ανδρέας, Ώρα «Ίθακα»: ΐ ΰ ϊ ϋ · € – ‘μισθός’';

const decoded = async (bytes: Buffer, chunkSize?: number): Promise<string> => {
  let text = '';
  for await (const chunk of decodeText(chunksOf(bytes, chunkSize))) text += chunk;
  return text;
};

const refusal = async (work: () => Promise<unknown>): Promise<IngestError> => {
  try {
    await work();
  } catch (error) {
    if (isIngestError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

test('encodings: UTF-8 with and without BOM, Windows-1253 and ISO-8859-7 decode to the same text, in any chunks', async () => {
  const text = `header\n${GREEK}\n`;
  const variants: [string, Buffer][] = [
    ['utf-8', Buffer.from(text)],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['windows-1253', iconv.encode(text, 'windows-1253')],
    ['iso-8859-7', iconv.encode(text.replace('–', '-'), 'iso-8859-7')],
  ];
  for (const [name, bytes] of variants) {
    const expected = name === 'iso-8859-7' ? text.replace('–', '-') : text;
    for (const size of [1, 3, 7, 64 * 1024]) assert.is(await decoded(bytes, size), expected, `${name} in chunks of ${size}`);
  }
});

test('encodings: Windows-1253 and ISO-8859-7 are told apart by where Ά and the C1 range fall', () => {
  assert.is(detectEncoding(iconv.encode('Άρτα Άγιος', 'windows-1253'), true), 'windows-1253');
  assert.is(detectEncoding(iconv.encode('Άρτα Άγιος', 'iso-8859-7'), true), 'iso-8859-7');
  // Without Ά either way, Windows-1253 (what Greek Windows writes) wins.
  assert.is(detectEncoding(iconv.encode('ΔΗΜΟΣ ΛΗΞΟΥΡΙΟΥ', 'iso-8859-7'), true), 'windows-1253');
  assert.is(detectEncoding(Buffer.from('Δήμος'), true), 'utf-8');
  // A UTF-8 character cut at the end of a probe is still UTF-8 unless the file ends there.
  assert.is(detectEncoding(Buffer.from('Δή').subarray(0, 3), false), 'utf-8');
});

test('encodings: a long ASCII start does not decide the encoding of the Greek that follows', async () => {
  const text = `${'date;type;kae;amount\n'.repeat(5_000)}${GREEK}\n`;
  assert.is(await decoded(iconv.encode(text, 'windows-1253'), 4096), text);
});

test('encodings: UTF-16 and binary data are refused at the line where they show', async () => {
  const utf16 = await refusal(() => decoded(iconv.encode('ημερομηνία;είδος\n', 'utf-16le', { addBOM: true })));
  assert.is(utf16.code, 'OD_FILE_ENCODING');
  assert.is(utf16.line, 1);
  const binary = await refusal(() => decoded(Buffer.concat([Buffer.from('a;b\n1;2\n'), Buffer.from([0x33, 0x00, 0x34])]), 2));
  assert.is(binary.code, 'OD_FILE_ENCODING');
  assert.is(binary.line, 3);
});

test('delimiters: the more frequent of ; and , outside quotes in the header line', () => {
  assert.is(detectDelimiter('ημερομηνία;είδος;ποσό'), ';');
  assert.is(detectDelimiter('date,type,amount'), ',');
  assert.is(detectDelimiter('"a,b,c";d;e'), ';');
  assert.is(detectDelimiter('single'), ';');
});

const recordsOf = async (text: string, chunkSize?: number) => {
  const { delimiter, records } = await readRecords(decodeText(chunksOf(Buffer.from(text), chunkSize)));
  const all: string[] = [];
  for await (const some of records) for (const record of some) all.push(`${record.line}:${record.fields.join('|')}`);
  return { delimiter, all };
};

test('records: quoted newlines, CRLF and blank lines keep every record on the line where it starts', async () => {
  const text = 'a;b\r\n1;2\r\n\r\n"x\r\ny";3\r\n4;"5\n6\n7"\r\n  ;  \r\n8;"9 ""quoted"""';
  for (const size of [1, 5, 1024]) {
    const { delimiter, all } = await recordsOf(text, size);
    assert.is(delimiter, ';');
    assert.equal(all, ['1:a|b', '2:1|2', '4:x\ny|3', '6:4|5\n6\n7', '10:8|9 "quoted"'], `chunks of ${size}`);
  }
});

test('records: a quote never closed is refused at the record where it opens', async () => {
  const error = await refusal(() => recordsOf('a,b\n1,2\n"x,3\n4,5\n'));
  assert.is(error.code, 'OD_CSV_MALFORMED');
  assert.is(error.line, 3);
});

test('records: an empty file has no header', async () => {
  const error = await refusal(() => recordsOf(''));
  assert.is(error.code, 'OD_FILE_EMPTY');
});

test('headers: English or Greek, any case, accents or spaces; every problem reported at once', () => {
  const { header, errors } = matchHeader(['ΗΜΕΡΟΜΗΝΙΑ', 'Είδος', 'kae', 'Ποσο', 'Document', 'natural person', 'Φυσικό Πρόσωπο '.trim(), 'ΑΔΑ', ''], transactionsImport.columns);
  assert.equal(errors.map((e) => `${e.code}:${e.column}`), ['OD_HEADER_DUPLICATE:natural_person']);
  assert.is(header.indexes.get('amount'), 3);
  assert.is(header.indexes.get('natural_person'), 5);
  const bad = matchHeader(['date', 'type', 'ΦΠΑ'], transactionsImport.columns).errors.map((e) => `${e.code}:${e.column}:${e.line}`);
  assert.equal(bad, ['OD_HEADER_UNKNOWN:ΦΠΑ:1', 'OD_HEADER_MISSING:kae:1', 'OD_HEADER_MISSING:amount:1', 'OD_HEADER_MISSING:document:1']);
});

test('headers: the assets export names two columns `name`: the asset first, then the counterparty', () => {
  const { header, errors } = matchHeader(['date', 'action', 'asset', 'name', 'afm', 'name'], assetsImport.columns);
  assert.equal(errors, []);
  assert.is(header.indexes.get('name'), 3);
  assert.is(header.indexes.get('counterparty_name'), 5);
  const greek = matchHeader(['ημερομηνία', 'ενέργεια', 'κωδικός', 'ονομασία', 'επωνυμία', 'γεωγραφικό πλάτος'], assetsImport.columns).header.indexes;
  assert.equal([greek.get('name'), greek.get('counterparty_name'), greek.get('lat')], [3, 4, 5]);
});

test.run();
