// A statement's bytes → text: UTF-8 (with or without BOM), UTF-16 by its BOM, or the encoding its XML
// declaration names (ISO-8859-7, Windows-1253… through iconv-lite). Bytes that are not characters refuse the file.
import iconv from 'iconv-lite';
import { camtErrors } from './errors.ts';

const DECLARED = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;
const UTF8 = /^utf-?8$/i;

const lineOf = (text: string, index: number): number => {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
};

const utf8 = (bytes: Uint8Array): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    throw camtErrors.OD_CAMT_NOT_XML({ line: lineOf(text, text.indexOf('\uFFFD')), reason: 'encoding' });
  }
};

export const decodeStatement = (input: Uint8Array | string): string => {
  if (typeof input === 'string') return input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (input[0] === 0xfe && input[1] === 0xff) return new TextDecoder('utf-16be').decode(input);
  if (input[0] === 0xff && input[1] === 0xfe) return new TextDecoder('utf-16le').decode(input);
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) return utf8(input);
  const head = Buffer.from(input.buffer, input.byteOffset, Math.min(input.byteLength, 256)).toString('latin1');
  const declared = DECLARED.exec(head)?.[1];
  if (declared === undefined || UTF8.test(declared)) return utf8(input);
  if (!iconv.encodingExists(declared)) throw camtErrors.OD_CAMT_NOT_XML({ line: 1, reason: 'encoding' });
  return iconv.decode(Buffer.from(input.buffer, input.byteOffset, input.byteLength), declared);
};
