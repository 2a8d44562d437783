// A report's photos (up to 3): decoded and drawn again before anything is kept, so what is stored and shown
// is pixels alone — turned upright by the EXIF orientation, then a JPEG (quality 82, at most 2048 px on the
// longest side) with no metadata at all: a phone's photo carries where it was taken and with which device,
// and a public photo must say neither. The original is never stored. JPEG, PNG, WebP and HEIC/AVIF as far as
// this build of sharp (libvips, libheif) reads them; anything else, by its content, is refused.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../../projections/shared/tables.ts';
import { reportErrors } from './reportErrors.ts';
import { REQUEST_PHOTOS } from './reportTables.ts';

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_SIDE = 2048;
const PHOTO_QUALITY = 82;
/** A phone's 48 MP sensor saves 12 MP; 50 MP leaves room and refuses decompression bombs by their header. */
const MAX_PIXELS = 50_000_000;
const READABLE = new Set(['jpeg', 'png', 'webp', 'heif']);

export interface Photo {
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly width: number;
  readonly height: number;
}

/** The photo as it may be kept, or a refusal naming it by its place in the form (1, 2, 3). */
export const reencodePhoto = async (bytes: Buffer, n: number): Promise<Photo> => {
  if (bytes.length > MAX_PHOTO_BYTES) throw reportErrors.OD_REPORT_PHOTO_TOO_LARGE({ n, mb: MAX_PHOTO_BYTES / 1024 / 1024 });
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (header === null || !READABLE.has(header.format ?? '')) throw reportErrors.OD_REPORT_PHOTO_TYPE({ n });
  if ((header.width ?? 0) * (header.height ?? 0) > MAX_PIXELS) throw reportErrors.OD_REPORT_PHOTO_UNREADABLE({ n });
  // No withMetadata(): sharp writes none of EXIF, XMP, IPTC or ICC unless asked; autoOrient applies the
  // orientation to the pixels first, so nothing is lost by dropping it.
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .autoOrient()
    .resize({ width: PHOTO_SIDE, height: PHOTO_SIDE, fit: 'inside', withoutEnlargement: true })
    // Not mozjpeg's trellis encoder: it saves about a tenth of the bytes and costs five times the CPU
    // (690 ms against 137 ms a 12 MP photo here), on a server whose two cores also answer the site.
    .jpeg({ quality: PHOTO_QUALITY })
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw reportErrors.OD_REPORT_PHOTO_UNREADABLE({ n });
    });
  return { bytes: data, sha256: createHash('sha256').update(data).digest('hex'), width: info.width, height: info.height };
};

/** Kept under the request's id, not yet shown (a report not yet recorded). */
export const storePhotos = async (db: SqlExecutor, schema: string, requestId: string, photos: readonly Photo[]): Promise<void> => {
  for (const [i, p] of photos.entries()) {
    await db.query(`INSERT INTO ${table(schema, REQUEST_PHOTOS)} (request_id, n, bytes, sha256, width, height) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, [
      requestId,
      i + 1,
      p.bytes,
      p.sha256,
      p.width,
      p.height,
    ]);
  }
};

/** The request is recorded: its photos may be shown. */
export const publishPhotos = async (db: SqlExecutor, schema: string, requestId: string, at: Date): Promise<void> => {
  await db.query(`UPDATE ${table(schema, REQUEST_PHOTOS)} SET recorded_at = $2 WHERE request_id = $1 AND recorded_at IS NULL`, [requestId, at.toISOString()]);
};

export const dropPhotos = async (db: SqlExecutor, schema: string, requestId: string): Promise<void> => {
  await db.query(`DELETE FROM ${table(schema, REQUEST_PHOTOS)} WHERE request_id = $1 AND recorded_at IS NULL`, [requestId]);
};

/** A recorded request's photo n; null for a pending one's or none. */
export const publishedPhoto = async (db: SqlExecutor, schema: string, requestId: string, n: number): Promise<{ bytes: Buffer; sha256: string } | null> => {
  const [row] = await db.query<{ bytes: Uint8Array; sha256: string }>(`SELECT bytes, sha256 FROM ${table(schema, REQUEST_PHOTOS)} WHERE request_id = $1 AND n = $2 AND recorded_at IS NOT NULL`, [
    requestId,
    n,
  ]);
  return row ? { bytes: Buffer.from(row.bytes), sha256: row.sha256 } : null;
};

/** How many photos a recorded request has (its public page shows them). */
export const photoCount = async (db: SqlExecutor, schema: string, requestId: string): Promise<number> => {
  const [row] = await db.query<{ count: string | number }>(`SELECT count(*) AS count FROM ${table(schema, REQUEST_PHOTOS)} WHERE request_id = $1 AND recorded_at IS NOT NULL`, [requestId]);
  return Number(row?.count ?? 0);
};

export const photoUrl = (publicUrl: string, requestId: string, n: number): string => `${publicUrl}/requests/${requestId}/photos/${n}.jpg`;
