// Compression for what the site sends: brotli when the client takes it, else gzip. A page of 50
// movements is ~60 KB of HTML and ~7 KB with brotli at quality 5, which costs about 2 ms to make.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

export const acceptedEncoding = (acceptEncoding: string | string[] | undefined): Encoding | null => {
  const accepted = String(acceptEncoding ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
};

export const compress = (body: Buffer, encoding: Encoding, quality: 'fast' | 'best'): Buffer =>
  encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality === 'fast' ? 5 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: quality === 'fast' ? 6 : 9 });
