// An uploaded file made safe to keep and to show again: an application's attachment (issue 17), a
// request's photo (issue 18). Its format is decided by its content, never by its name or declared type.
// Images are decoded and drawn again, so what is stored is pixels alone: no EXIF (a phone's photo carries
// where it was taken and with which device), no XMP, no ICC, no bytes smuggled after the image. PDFs are
// never opened here (a parser is attack surface the server does not need): magic, size, ending, hash.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { UploadFormat } from './uploadErrors.ts';
import { uploadErrors } from './uploadErrors.ts';

export type { UploadError, UploadErrorCode, UploadFormat } from './uploadErrors.ts';
export { isUploadError, uploadErrors } from './uploadErrors.ts';

export interface UploadedFile {
  readonly bytes: Uint8Array;
  /** The name the client sent: only said back in refusals, never used to decide anything. */
  readonly declaredName?: string;
}

export interface UploadRules {
  readonly formats: readonly UploadFormat[];
  readonly maxBytes: number;
  /** Decoded pixels an image may have; 40 megapixels unless said. */
  readonly maxPixels?: number;
}

export interface CheckedUpload {
  readonly format: UploadFormat;
  readonly mediaType: string;
  /** What is stored: the PDF as sent, an image as re-encoded. */
  readonly bytes: Uint8Array;
  /** Of `bytes`, hex. */
  readonly sha256: string;
  readonly width?: number;
  readonly height?: number;
}

/** 40 MP holds any phone's photo (a 48 MP sensor saves 12 MP by default); 160 MB of RGBA were it held whole. */
export const DEFAULT_MAX_PIXELS = 40_000_000;
/** Longest side of a stored image: more than a page or a screen needs. */
export const MAX_IMAGE_SIDE = 4000;
const JPEG_QUALITY = 85;

const MEDIA_TYPES: Readonly<Record<UploadFormat, string>> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' };

// file-type's names for what we accept: an animated PNG is stored as its first frame, a PNG.
const FORMAT_OF_EXT: Readonly<Record<string, UploadFormat>> = { pdf: 'pdf', jpg: 'jpeg', png: 'png', apng: 'png' };

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

// The PDF's last line is %%EOF; after it only white space (PDF 32000-1 §7.2.2: NUL, HT, LF, FF, CR, SP).
const PDF_WHITE_SPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const PDF_EOF = Buffer.from('%%EOF', 'latin1');

const endsWithEof = (bytes: Uint8Array): boolean => {
  let end = bytes.length;
  while (end > 0 && PDF_WHITE_SPACE.has(bytes[end - 1] ?? 0)) end -= 1;
  return end >= PDF_EOF.length && Buffer.from(bytes.buffer, bytes.byteOffset + end - PDF_EOF.length, PDF_EOF.length).equals(PDF_EOF);
};

const checkPdf = (file: UploadedFile): CheckedUpload => {
  if (!endsWithEof(file.bytes)) throw uploadErrors.OD_UPLOAD_TRUNCATED({ name: file.declaredName });
  return { format: 'pdf', mediaType: MEDIA_TYPES.pdf, bytes: file.bytes, sha256: sha256(file.bytes) };
};

const hasMozjpeg = 'mozjpeg' in sharp.versions;

/**
 * Decoded and encoded again: turned upright by its EXIF orientation (which is then dropped with the rest),
 * at most MAX_IMAGE_SIDE on its longest side, colours converted to sRGB from an embedded profile.
 */
const reencode = async (file: UploadedFile, format: 'jpeg' | 'png', maxPixels: number): Promise<CheckedUpload> => {
  const name = file.declaredName;
  // The header alone, before any pixel is decoded: a bomb is refused by what it claims to be, in our words
  // (with a limit here, libvips would refuse it as a broken file).
  const header = await sharp(file.bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw uploadErrors.OD_UPLOAD_UNREADABLE({ name });
    });
  if (header.format !== format) throw uploadErrors.OD_UPLOAD_UNREADABLE({ name });
  if (header.width * header.height > maxPixels) throw uploadErrors.OD_UPLOAD_TOO_MANY_PIXELS({ name, maxPixels });
  // limitInputPixels again, should the header and the decoder disagree; failOn 'warning' refuses a cut-off
  // image instead of storing it with a grey bottom.
  const drawn = sharp(file.bytes, { limitInputPixels: maxPixels, failOn: 'warning', sequentialRead: true })
    .autoOrient().resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
  const encoded = format === 'jpeg' ? drawn.jpeg({ quality: JPEG_QUALITY, mozjpeg: hasMozjpeg }) : drawn.png();
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true }).catch(() => {
    throw uploadErrors.OD_UPLOAD_UNREADABLE({ name });
  });
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { format, mediaType: MEDIA_TYPES[format], bytes, sha256: sha256(bytes), width: info.width, height: info.height };
};

/**
 * The file as it may be stored, or a refusal (`isUploadError`) with a Greek and an English message: empty,
 * over `maxBytes`, not one of `formats` by its content, an image that does not decode or has more than
 * `maxPixels`, a PDF cut short.
 */
export const checkUpload = async (file: UploadedFile, rules: UploadRules): Promise<CheckedUpload> => {
  if (rules.formats.length === 0 || !(rules.maxBytes > 0)) throw new Error('checkUpload: rules need at least one format and a positive maxBytes');
  const name = file.declaredName;
  if (file.bytes.length === 0) throw uploadErrors.OD_UPLOAD_EMPTY({ name });
  if (file.bytes.length > rules.maxBytes) throw uploadErrors.OD_UPLOAD_TOO_LARGE({ name, maxBytes: rules.maxBytes });
  const detected = await fileTypeFromBuffer(file.bytes);
  const format = detected && FORMAT_OF_EXT[detected.ext];
  if (format === undefined || !rules.formats.includes(format)) throw uploadErrors.OD_UPLOAD_TYPE({ name, allowed: rules.formats });
  if (format === 'pdf') return checkPdf(file);
  return reencode(file, format, rules.maxPixels ?? DEFAULT_MAX_PIXELS);
};
