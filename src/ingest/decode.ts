// Bytes of an uploaded file → text, streaming. ASCII passes through until the first non-ASCII bytes; a
// probe of up to 64 KiB from there decides the encoding (detectEncoding.ts) for the rest of the file.
import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';
import { detectEncoding, startsWithUtf16Bom } from './detectEncoding.ts';
import { ingestErrors } from './ingestErrors.ts';

const PROBE_BYTES = 64 * 1024;
const NEWLINE = 0x0a;
// What a decoder writes for bytes that are not a character of its encoding.
const REPLACEMENT = '\uFFFD';

const countNewlines = (bytes: Buffer, end = bytes.length): number => {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1 && at < end; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
};

export async function* decodeText(input: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const state: { decoder: iconv.DecoderStream | null; probe: Buffer[]; probeLength: number; started: boolean; line: number } = {
    decoder: null,
    probe: [],
    probeLength: 0,
    started: false,
    // Line of the file where the next bytes start, for the error report.
    line: 1,
  };

  const checked = (text: string): string => {
    const bad = text.indexOf(REPLACEMENT);
    if (bad !== -1) throw ingestErrors.OD_FILE_ENCODING({ line: state.line + text.slice(0, bad).split('\n').length - 1, problem: 'undecodable' });
    return text;
  };

  const decode = (bytes: Buffer): string => {
    state.started ||= bytes.length > 0;
    const nul = bytes.indexOf(0);
    if (nul !== -1) throw ingestErrors.OD_FILE_ENCODING({ line: state.line + countNewlines(bytes, nul), problem: 'binary' });
    const text = checked(state.decoder ? state.decoder.write(bytes) : bytes.toString('latin1'));
    state.line += countNewlines(bytes);
    return text;
  };

  const settle = (complete: boolean): string => {
    const bytes = Buffer.concat(state.probe, state.probeLength);
    if (!state.started && startsWithUtf16Bom(bytes)) throw ingestErrors.OD_FILE_ENCODING({ line: 1, problem: 'utf16' });
    state.decoder = iconv.getDecoder(detectEncoding(bytes, complete));
    state.probe = [];
    return decode(bytes);
  };

  for await (const chunk of input) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (state.decoder || (state.probeLength === 0 && isAscii(bytes))) {
      yield decode(bytes);
    } else {
      state.probe.push(bytes);
      state.probeLength += bytes.length;
      if (state.probeLength >= PROBE_BYTES) yield settle(false);
    }
  }
  if (!state.decoder && state.probeLength > 0) yield settle(true);
  const rest = state.decoder?.end();
  if (rest) yield checked(rest);
}
