// Which encoding a Greek export uses, from a probe of its first non-ASCII bytes. Windows-1253 and
// ISO-8859-7 agree on almost every Greek letter; they differ where it shows: 'Ά', which starts words
// (Άγιος, Άρτα), is 0xA2 in Windows-1253 and 0xB6 in ISO-8859-7, where 0xA2 is a closing quote and 0xB6
// a pilcrow in the other; and 0x80-0x9F are printable in Windows-1253 (€, quotes, dashes) but control
// codes in ISO-8859-7. Windows-1253 is what Greek Windows software writes, so it wins a tie.

export type TextEncoding = 'utf-8' | 'windows-1253' | 'iso-8859-7';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const ALPHA_TONOS_CP1253 = 0xa2;
const ALPHA_TONOS_ISO = 0xb6;
/** Greek letters, capital and small, in both code pages. */
const isGreekLetter = (byte: number | undefined): boolean => byte !== undefined && byte >= 0xc1 && byte <= 0xfe;

export const startsWithUtf8Bom = (bytes: Uint8Array): boolean => UTF8_BOM.every((byte, i) => bytes[i] === byte);

/** UTF-16 (Excel's "Unicode text") starts with FF FE or FE FF; we do not read it. */
export const startsWithUtf16Bom = (bytes: Uint8Array): boolean =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

const isValidUtf8 = (bytes: Uint8Array, complete: boolean): boolean => {
  try {
    // stream: true tolerates a character cut at the end of a probe that is not the end of the file.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
};

/** `complete`: the probe is the whole rest of the file, so a cut character at its end is an error. */
export const detectEncoding = (probe: Uint8Array, complete: boolean): TextEncoding => {
  if (startsWithUtf8Bom(probe) || isValidUtf8(probe, complete)) return 'utf-8';
  let cp1253 = 0;
  let iso = 0;
  probe.forEach((byte, i) => {
    const startsWord = isGreekLetter(probe[i + 1]);
    if ((byte === ALPHA_TONOS_CP1253 && startsWord) || (byte >= 0x80 && byte <= 0x9f)) cp1253++;
    else if (byte === ALPHA_TONOS_ISO && startsWord) iso++;
  });
  return iso > cp1253 ? 'iso-8859-7' : 'windows-1253';
};
