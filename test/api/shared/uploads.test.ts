// Uploaded files: the format by content whatever the name, refusals with their el/en messages, photos kept
// as pixels alone (no EXIF, GPS, XMP or ICC), upright and at most 4,000 px, PDFs kept byte for byte.
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { Sharp } from 'sharp';
import sharp from 'sharp';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CheckedUpload, UploadedFile, UploadRules } from '../../../src/api/shared/uploads.ts';
import { checkUpload, isUploadError } from '../../../src/api/shared/uploads.ts';

const MB = 1024 * 1024;
const images: UploadRules = { formats: ['jpeg', 'png'], maxBytes: 10 * MB };
const documents: UploadRules = { formats: ['pdf', 'jpeg'], maxBytes: 10 * MB };
const everything: UploadRules = { formats: ['pdf', 'jpeg', 'png'], maxBytes: 10 * MB };

const MAKE = 'LixouriCam';
const XMP_MARK = 'xmp-secret-place';
const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${XMP_MARK}</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>`;
// Lixouri's square, as a phone writes it.
const exif = {
  IFD0: { Make: MAKE, Model: 'Phone 7' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 12/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '20/1 26/1 1500/100' },
};

/** Left half red, right half blue, so a rotation shows where each half went. */
const halves = (width: number, height: number): Sharp =>
  sharp({ create: { width, height, channels: 3, background: '#ff0000' } }).composite([
    { input: { create: { width: width / 2, height, channels: 3, background: '#0000ff' } }, left: width / 2, top: 0 },
  ]);

const phonePhoto = async (orientation = 1): Promise<Uint8Array> =>
  sharp(await halves(600, 400).png().toBuffer())
    .jpeg()
    .withExif(exif)
    .withMetadata({ orientation })
    .withXmp(xmp)
    .withIccProfile('p3')
    .toBuffer();

const png = (width: number, height: number): Promise<Buffer> => sharp({ create: { width, height, channels: 4, background: '#33aa55' } }).png().toBuffer();

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

const has = (bytes: Uint8Array, text: string): boolean => Buffer.from(bytes).includes(text, 0, 'latin1');

const refusal = async (file: UploadedFile, rules: UploadRules): Promise<{ code: string; status: number; el: string; en: string }> => {
  try {
    await checkUpload(file, rules);
  } catch (error) {
    if (isUploadError(error)) return { code: error.code, status: error.status, el: error.messageEl, en: error.messageEn };
    throw error;
  }
  throw new Error('the upload was accepted');
};

const pixel = async (upload: CheckedUpload, left: number, top: number): Promise<readonly number[]> => {
  const { data } = await sharp(upload.bytes).extract({ left, top, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
  return [...data.subarray(0, 3)];
};

test('a phone photo: what is stored has no EXIF, GPS, camera make, XMP or ICC profile, and is hashed as stored', async () => {
  const original = await phonePhoto();
  const before = await sharp(original).metadata();
  assert.ok(before.exif && before.xmp && before.icc && has(original, MAKE), 'the test photo carries its metadata');
  const stored = await checkUpload({ bytes: original, declaredName: 'IMG_0042.jpg' }, images);
  assert.equal([stored.format, stored.mediaType, stored.width, stored.height], ['jpeg', 'image/jpeg', 600, 400]);
  const after = await sharp(stored.bytes).metadata();
  assert.is(after.format, 'jpeg');
  assert.is(after.exif, undefined);
  assert.is(after.xmp, undefined);
  assert.is(after.icc, undefined);
  assert.is(after.orientation, undefined);
  for (const text of [MAKE, 'Phone 7', XMP_MARK, 'Exif', 'GPS']) assert.not.ok(has(stored.bytes, text), `stored bytes contain ${text}`);
  assert.is(stored.sha256, createHash('sha256').update(stored.bytes).digest('hex'));
});

test('orientation 6: stored upright, width and height swapped, the left half now on top', async () => {
  const stored = await checkUpload({ bytes: await phonePhoto(6) }, images);
  assert.equal([stored.width, stored.height], [400, 600]);
  const [top, bottom] = [await pixel(stored, 200, 100), await pixel(stored, 200, 500)];
  assert.ok((top[0] ?? 0) > 200 && (top[2] ?? 255) < 60, `top is red: ${top.join(',')}`);
  assert.ok((bottom[2] ?? 0) > 200 && (bottom[0] ?? 255) < 60, `bottom is blue: ${bottom.join(',')}`);
});

test('a PNG keeps its alpha, loses its EXIF and is re-encoded as PNG', async () => {
  const original = await sharp(await png(50, 40)).withExif(exif).png().toBuffer();
  assert.ok(has(original, MAKE));
  const stored = await checkUpload({ bytes: original }, images);
  assert.equal([stored.format, stored.mediaType, stored.width, stored.height], ['png', 'image/png', 50, 40]);
  const after = await sharp(stored.bytes).metadata();
  assert.ok(after.hasAlpha);
  assert.is(after.exif, undefined);
  assert.not.ok(has(stored.bytes, MAKE));
});

test('a PNG named .pdf is a PNG where PNGs are allowed, refused where only PDF and JPEG are', async () => {
  const bytes = await png(20, 20);
  assert.is((await checkUpload({ bytes, declaredName: 'vevaiosi.pdf' }, everything)).format, 'png');
  const refused = await refusal({ bytes, declaredName: 'vevaiosi.pdf' }, documents);
  assert.equal(refused, {
    code: 'OD_UPLOAD_TYPE',
    status: 400,
    el: '«vevaiosi.pdf»: Επιτρέπονται μόνο PDF, JPEG',
    en: '"vevaiosi.pdf": Only PDF, JPEG are accepted',
  });
});

test('a PDF named photo.jpg is refused where only images are allowed, kept byte for byte where PDFs are', async () => {
  const refused = await refusal({ bytes: pdf, declaredName: 'photo.jpg' }, images);
  assert.equal([refused.code, refused.el, refused.en], ['OD_UPLOAD_TYPE', '«photo.jpg»: Επιτρέπονται μόνο JPEG, PNG', '"photo.jpg": Only JPEG, PNG are accepted']);
  const kept = await checkUpload({ bytes: pdf, declaredName: 'photo.jpg' }, documents);
  assert.equal([kept.format, kept.mediaType, kept.width, kept.height], ['pdf', 'application/pdf', undefined, undefined]);
  assert.ok(Buffer.from(kept.bytes).equals(pdf));
  assert.is(kept.sha256, createHash('sha256').update(pdf).digest('hex'));
});

test('one allowed format is said in the singular', async () => {
  const refused = await refusal({ bytes: await png(5, 5) }, { formats: ['pdf'], maxBytes: MB });
  assert.equal([refused.el, refused.en], ['Επιτρέπεται μόνο PDF', 'Only PDF is accepted']);
});

test('content that is no allowed format at all (text, a ZIP) is refused by its content', async () => {
  for (const bytes of [Buffer.from('hello, this is text', 'utf8'), Buffer.from('504b0304140000000800', 'hex')]) {
    assert.is((await refusal({ bytes, declaredName: 'a.pdf' }, everything)).code, 'OD_UPLOAD_TYPE');
  }
});

test('an empty file and one over the limit are refused, the limit in MB with a Greek decimal comma', async () => {
  const empty = await refusal({ bytes: new Uint8Array(0), declaredName: 'empty.pdf' }, everything);
  assert.equal(empty, { code: 'OD_UPLOAD_EMPTY', status: 400, el: '«empty.pdf»: Το αρχείο είναι κενό', en: '"empty.pdf": The file is empty' });
  const big = Buffer.concat([pdf.subarray(0, 9), Buffer.alloc(2 * MB, 0x20), Buffer.from('%%EOF')]);
  const tooLarge = await refusal({ bytes: big }, { formats: ['pdf'], maxBytes: 1.5 * MB });
  assert.equal(tooLarge, { code: 'OD_UPLOAD_TOO_LARGE', status: 413, el: 'Το αρχείο ξεπερνά το όριο των 1,5 MB', en: 'The file is larger than the limit of 1.5 MB' });
  assert.is((await checkUpload({ bytes: big }, { formats: ['pdf'], maxBytes: 3 * MB })).format, 'pdf');
});

test('a PDF cut short is refused as truncated; white space after %%EOF is fine', async () => {
  const cut = await refusal({ bytes: pdf.subarray(0, pdf.length - 12) }, documents);
  assert.equal([cut.code, cut.status], ['OD_UPLOAD_TRUNCATED', 400]);
  assert.match(cut.el, 'ελλιπές');
  assert.match(cut.en, 'incomplete');
  const padded = Buffer.concat([pdf, Buffer.from('\r\n  \0\n')]);
  assert.is((await checkUpload({ bytes: padded }, documents)).format, 'pdf');
});

test('a JPEG that does not decode is refused as unreadable, not a crash', async () => {
  const photo = await phonePhoto();
  const refused = await refusal({ bytes: photo.subarray(0, Math.floor(photo.length * 0.6)), declaredName: 'cut.jpg' }, images);
  assert.equal([refused.code, refused.status], ['OD_UPLOAD_UNREADABLE', 400]);
  assert.match(refused.el, '«cut.jpg»');
});

/** A PNG chunk: length, type, data, CRC of type and data. */
const chunk = (type: string, data: Buffer): Buffer => {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
};

/** A valid PNG header claiming width × height RGB, with a few rows of zeros: kilobytes that decode to 1.2 GB. */
const pngBomb = (width: number, height: number): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(16 * (1 + width * 3)))), chunk('IEND', Buffer.alloc(0))]);
};

test('a 20,000 × 20,000 PNG bomb is refused by its header, without decoding its 1.2 GB', async () => {
  const bomb = pngBomb(20_000, 20_000);
  assert.ok(bomb.length < 100_000);
  const rss = process.memoryUsage().rss;
  const refused = await refusal({ bytes: bomb, declaredName: 'bomb.png' }, images);
  assert.equal(refused, {
    code: 'OD_UPLOAD_TOO_MANY_PIXELS',
    status: 413,
    el: '«bomb.png»: Η εικόνα ξεπερνά τα 40 megapixel· στείλτε μικρότερη',
    en: '"bomb.png": The image is larger than 40 megapixels; send a smaller one',
  });
  assert.ok(process.memoryUsage().rss - rss < 100 * MB, 'decoding did not start');
  const smaller = await refusal({ bytes: await png(200, 200) }, { ...images, maxPixels: 30_000 });
  assert.equal([smaller.code, smaller.en], ['OD_UPLOAD_TOO_MANY_PIXELS', 'The image is larger than 0.03 megapixels; send a smaller one']);
});

test('a big photo is stored at 4,000 px on its longest side, a small one is not enlarged', async () => {
  const big = await sharp({ create: { width: 6000, height: 3000, channels: 3, background: '#808080' } }).jpeg().toBuffer();
  const stored = await checkUpload({ bytes: big }, images);
  assert.equal([stored.width, stored.height], [4000, 2000]);
  const meta = await sharp(stored.bytes).metadata();
  assert.equal([meta.width, meta.height], [4000, 2000]);
  const small = await checkUpload({ bytes: await png(300, 120) }, images);
  assert.equal([small.width, small.height], [300, 120]);
});

test.run();
