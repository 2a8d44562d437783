// Whole GraphQL answers, kept while the read models stay at one position. The same question asked of the
// same ledger has the same answer: everyone reading this year's budget (3,000 lines, some 600 KB of JSON)
// shares one execution instead of resolving 20,000 fields each. Any change to the read models empties the
// cache, so an answer is never older than the position it was computed at. Only answers without errors are
// kept. A client that sends `Cache-Control: no-cache` gets a fresh execution (and refreshes the entry).
// A kept answer is compressed at most once per encoding, for the clients that accept it (JSON of repeated
// field names shrinks several times): scripts and phones get the small one, compressed once for all.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Encoding } from '../../../web/compress.ts';
import { acceptedEncoding, compress } from '../../../web/compress.ts';

export interface ResponseCacheOptions {
  /** The read models' position now; a new position makes every kept answer obsolete. */
  readonly position: () => number;
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
}

/** Smaller answers are sent as they are: compressing them saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

interface Answer {
  readonly identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

const sizeOf = (answer: Answer): number => answer.identity.length + (answer.br?.length ?? 0) + (answer.gzip?.length ?? 0);

interface Pending {
  readonly key: string;
  readonly position: number;
  failed: boolean;
}

const pendingOf = new WeakMap<FastifyRequest, Pending>();

/** The request's question as a key, or null for what is not a single cacheable query over HTTP. */
const keyOf = (request: FastifyRequest): string | null => {
  if (request.headers.upgrade) return null; // a subscription's WebSocket
  const source: unknown = request.method === 'GET' ? request.query : request.body;
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return null;
  const { query, variables, operationName } = source as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  return createHash('sha256')
    .update(JSON.stringify([query, variables ?? null, operationName ?? null]))
    .digest('base64url');
};

/** Marks the request's answer as not to be kept (it carries errors). */
export const refuseToCache = (request: FastifyRequest): void => {
  const pending = pendingOf.get(request);
  if (pending) pending.failed = true;
};

export const installResponseCache = (app: FastifyInstance, options: ResponseCacheOptions): void => {
  // Insertion order is recency order: a hit is moved to the end, eviction takes from the front.
  const entries = new Map<string, Answer>();
  let bytes = 0;
  let position = options.position();

  const current = (): void => {
    const now = options.position();
    if (now !== position) {
      entries.clear();
      bytes = 0;
      position = now;
    }
  };

  /** The answer in the encoding the client accepts, made once and kept with it. */
  const encoded = (request: FastifyRequest, reply: FastifyReply, answer: Answer): Buffer => {
    reply.header('vary', 'accept-encoding');
    const encoding: Encoding | null = acceptedEncoding(request.headers['accept-encoding']);
    if (encoding === null || answer.identity.length < COMPRESS_FROM_BYTES) return answer.identity;
    let variant = answer[encoding];
    if (variant === undefined) {
      variant = answer[encoding] = compress(answer.identity, encoding, 'fast');
      bytes += variant.length;
    }
    reply.header('content-encoding', encoding);
    return variant;
  };

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql') return;
    const key = keyOf(request);
    if (key === null) return;
    current();
    const fresh = /\bno-cache\b/i.test(request.headers['cache-control'] ?? '');
    const hit = fresh ? undefined : entries.get(key);
    if (hit !== undefined) {
      entries.delete(key);
      entries.set(key, hit);
      return reply.header('x-opendimos-cache', 'hit').type('application/json; charset=utf-8').send(encoded(request, reply, hit));
    }
    pendingOf.set(request, { key, position, failed: false });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = pendingOf.get(request);
    if (!pending || pending.failed || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    current();
    // Computed while the read models moved on: it may mix two positions, and nobody will ask for the old one.
    if (pending.position !== position || payload.length > options.maxEntryBytes) return payload;
    // Kept as bytes, encoded once: a hit is then written to the socket as it is.
    const answer: Answer = { identity: Buffer.from(payload, 'utf8') };
    const previous = entries.get(pending.key);
    if (previous !== undefined) bytes -= sizeOf(previous);
    entries.delete(pending.key);
    entries.set(pending.key, answer);
    bytes += answer.identity.length;
    const sent = encoded(request, reply, answer);
    for (const [key, value] of entries) {
      if (bytes <= options.maxBytes) break;
      entries.delete(key);
      bytes -= sizeOf(value);
    }
    return sent;
  });
};
