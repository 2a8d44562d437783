// The site's static files (stylesheet, live script, icon), read once at start-up and served under
// fingerprinted names (`site.3f2a9c1d0b.css`): a changed file gets a new URL, so every file can be cached
// for a year. Each is compressed once, with brotli and gzip, and sent as the client accepts.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptedEncoding, compress } from '../compress.ts';

export const STATIC_FILES = ['site.css', 'live.js', 'live-list.js', 'favicon.svg', 'leaflet.js', 'leaflet.css', 'map.js', 'report.js', 'requests.js', 'council-office.js', 'council.js'] as const;
export type StaticFile = (typeof STATIC_FILES)[number];

const TYPES: Readonly<Record<string, string>> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

interface ServedFile {
  readonly url: string;
  readonly type: string;
  readonly etag: string;
  readonly identity: Buffer;
  readonly br: Buffer;
  readonly gzip: Buffer;
}

export interface StaticFiles {
  /** The fingerprinted URL of a file, e.g. `/static/site.3f2a9c1d0b.css`. */
  readonly url: (file: StaticFile) => string;
  /** Bytes of a file as served compressed with brotli (what the size budget counts). */
  readonly brotliSize: (file: StaticFile) => number;
}

const STATIC_DIR = new URL('../static/', import.meta.url);

/** Files served from an installed package rather than src/web/static: Leaflet, at the version package.json pins. */
const VENDORED: Readonly<Partial<Record<StaticFile, string>>> = {
  'leaflet.js': 'leaflet/dist/leaflet.js',
  'leaflet.css': 'leaflet/dist/leaflet.css',
};

const sourceOf = (file: StaticFile): URL => {
  const vendored = VENDORED[file];
  return vendored ? new URL(import.meta.resolve(vendored)) : new URL(file, STATIC_DIR);
};

/** A vendored file's source-map comment would send browsers after a .map we do not serve. */
const withoutSourceMap = (bytes: Buffer): Buffer => Buffer.from(bytes.toString('utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));

export const loadStaticFiles = async (): Promise<{ files: StaticFiles; byName: ReadonlyMap<string, ServedFile> }> => {
  const byFile = new Map<StaticFile, ServedFile>();
  for (const file of STATIC_FILES) {
    const identity = VENDORED[file] ? withoutSourceMap(await readFile(sourceOf(file))) : await readFile(sourceOf(file));
    const hash = createHash('sha256').update(identity).digest('hex').slice(0, 10);
    const dot = file.lastIndexOf('.');
    const extension = file.slice(dot + 1);
    byFile.set(file, {
      url: `/static/${file.slice(0, dot)}.${hash}.${extension}`,
      type: TYPES[extension] ?? 'application/octet-stream',
      etag: `"${hash}"`,
      identity,
      br: compress(identity, 'br', 'best'),
      gzip: compress(identity, 'gzip', 'best'),
    });
  }
  const asset = (file: StaticFile): ServedFile => byFile.get(file)!;
  return {
    files: { url: (file) => asset(file).url, brotliSize: (file) => asset(file).br.length },
    byName: new Map([...byFile.values()].map((a) => [a.url.slice('/static/'.length), a])),
  };
};

const YEAR = 31_536_000;

const send = (request: FastifyRequest, reply: FastifyReply, asset: ServedFile): FastifyReply => {
  void reply
    .header('Content-Type', asset.type)
    .header('Cache-Control', `public, max-age=${YEAR}, immutable`)
    .header('ETag', asset.etag)
    .header('Vary', 'Accept-Encoding');
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  const encoding = acceptedEncoding(request.headers['accept-encoding']);
  return encoding === null ? reply.send(asset.identity) : reply.header('Content-Encoding', encoding).send(asset[encoding]);
};

export const registerStaticRoutes = (app: FastifyInstance, byName: ReadonlyMap<string, ServedFile>): void => {
  app.get<{ Params: { file: string } }>(
    '/static/:file',
    { schema: { params: { type: 'object', properties: { file: { type: 'string', maxLength: 64 } }, required: ['file'] } } },
    async (request, reply) => {
      const asset = byName.get(request.params.file);
      if (!asset) return reply.callNotFound();
      return send(request, reply, asset);
    },
  );
};
