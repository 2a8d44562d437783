// The log, published: C2SP tlog-tiles under /log/ (checkpoint, tiles, entry bundles; CORS open, read only),
// the verifier key, every checkpoint kept, and JSON proofs under /api/log/ for readers who do not fetch tiles.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { entryBundle, formatProof, parseTilePath, TILE_WIDTH } from '../../domain/log/index.ts';
import { consistencyProof, entriesOfLeaves, inclusionProof, leafEntryOfPosition, tileBytes } from '../../projections/log/index.ts';
import type { components, operations } from '../openapi.d.ts';
import type { RouteDependencies } from '../shared/apiContext.ts';
import { ApiError } from '../shared/errors.ts';
import { fastifyPath } from '../shared/rest/openApiDocument.ts';
import type { LogServices, PublishedCheckpoint } from './checkpoints.ts';
import { checkpointOfSize, checkpointsFrom, checkpointWrites, latestCheckpoint } from './checkpoints.ts';

type Inclusion = components['schemas']['LogInclusion'];
type InclusionQuery = NonNullable<operations['getLogInclusion']['parameters']['query']>;
type ConsistencyQuery = operations['getLogConsistency']['parameters']['query'];

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** How long the newest checkpoint read is reused (checkpoints come at most once a second). */
const CHECKPOINT_CACHE_MS = 1_000;
const base64 = (h: Uint8Array) => Buffer.from(h).toString('base64');
const encoder = new TextEncoder();

const open = (reply: FastifyReply) => reply.header('access-control-allow-origin', '*');

const notFound = (el: string, en: string) => new ApiError('OD_NOT_FOUND', { el, en });
const invalid = (el: string, en: string) => new ApiError('OD_INVALID_REQUEST', { el, en });

export const logRoutes =
  (services: LogServices): FastifyPluginAsync<RouteDependencies> =>
  async (app, { document }) => {
    const { client, schema, tables } = services;

    // A new checkpoint comes at most once a second and is served with max-age=2, so the newest one read in the
    // last second answers every request of that second (each node reads its own; no cross-node state).
    let cached: { readonly at: number; readonly writes: number; readonly checkpoint: Promise<PublishedCheckpoint | null> } | null = null;
    const newest = async (): Promise<PublishedCheckpoint> => {
      const at = Date.now();
      const writes = checkpointWrites(client, schema);
      if (cached === null || at - cached.at >= CHECKPOINT_CACHE_MS || cached.writes !== writes) {
        const checkpoint = latestCheckpoint(client, schema);
        cached = { at, writes, checkpoint };
        checkpoint.catch(() => (cached = null));
      }
      const checkpoint = await cached.checkpoint;
      if (!checkpoint) throw notFound('Δεν έχει δημοσιευτεί ακόμη σημείο ελέγχου', 'No checkpoint has been published yet');
      return checkpoint;
    };

    app.get('/log/checkpoint', async (_request, reply) => {
      const checkpoint = await newest();
      return open(reply).header('cache-control', 'public, max-age=2').type('text/plain; charset=utf-8').send(checkpoint.note);
    });

    app.get('/log/key', async (_request, reply) =>
      open(reply).header('cache-control', 'public, max-age=300').type('text/plain; charset=utf-8').send(`${services.signer.verifierKey}\n`),
    );

    app.get<{ Querystring: { from?: string } }>('/log/checkpoints', async (request, reply) => {
      const from = Number(request.query.from ?? 0);
      if (!Number.isSafeInteger(from) || from < 0) throw invalid('το from είναι μέγεθος δέντρου (ακέραιος ≥ 0)', 'from is a tree size (an integer ≥ 0)');
      const page = await checkpointsFrom(client, schema, from, 1_000);
      open(reply).header('cache-control', 'public, max-age=2');
      return { checkpoints: page.map((c) => ({ treeSize: c.size, root: base64(c.root), publishedAt: c.publishedAt, note: c.note })), next: page.length === 1_000 ? page.at(-1)!.size + 1 : null };
    });

    app.get<{ Params: { size: string } }>('/log/checkpoints/:size', async (request, reply) => {
      const size = Number(request.params.size);
      const checkpoint = Number.isSafeInteger(size) && size >= 0 ? await checkpointOfSize(client, schema, size) : null;
      if (!checkpoint) throw notFound('Δεν δημοσιεύτηκε σημείο ελέγχου αυτού του μεγέθους', 'No checkpoint of that size was published');
      return open(reply).header('cache-control', IMMUTABLE).type('text/plain; charset=utf-8').send(checkpoint.note);
    });

    app.get<{ Params: { '*': string } }>('/log/tile/*', async (request, reply) => {
      const tile = parseTilePath(request.params['*']);
      if (!tile) throw notFound('Δεν υπάρχει τέτοιο πλακίδιο', 'No such tile');
      // Served up to the newest checkpoint: a reader asks only for what a checkpoint it verified requires.
      const size = (await newest()).size;
      let bytes: Uint8Array | null;
      if (tile.entries) {
        const available = size - tile.index * TILE_WIDTH;
        const entries = available >= tile.width ? await entriesOfLeaves(client, tables, tile.index * TILE_WIDTH, tile.width) : [];
        bytes = entries.length === tile.width ? entryBundle(entries.map((e) => encoder.encode(e.text))) : null;
      } else {
        bytes = await tileBytes(client, tables, tile, size);
      }
      if (!bytes) throw notFound('Το πλακίδιο δεν υπάρχει σε αυτό το μέγεθος του δέντρου', 'The tile is not in the tree at its published size');
      return open(reply)
        .header('cache-control', tile.width === TILE_WIDTH ? IMMUTABLE : 'public, max-age=60')
        .type('application/octet-stream')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });

    const checkpointFor = async (treeSize: number | undefined) => {
      if (treeSize === undefined) return newest();
      const checkpoint = await checkpointOfSize(client, schema, treeSize);
      if (!checkpoint) throw invalid('δεν δημοσιεύτηκε σημείο ελέγχου αυτού του μεγέθους· δείτε το /log/checkpoints', 'no checkpoint of that size was published; see /log/checkpoints');
      return checkpoint;
    };

    const inclusionOf = async (position: number, treeSize: number | undefined) => {
      // The leaf with its entry, and the checkpoint, at once; then the proof's hashes from their tiles.
      const [found, checkpoint] = await Promise.all([leafEntryOfPosition(client, tables, position), checkpointFor(treeSize)]);
      if (found === null) throw notFound('Καμία δημόσια κίνηση σε αυτή τη θέση του βιβλίου', 'No public event at that position of the ledger');
      const leafIndex = found.leaf;
      if (leafIndex >= checkpoint.size) throw notFound('η κίνηση δεν περιλαμβάνεται ακόμη σε αυτό το σημείο ελέγχου', 'the event is not yet in that checkpoint');
      const proof = await inclusionProof(client, tables, leafIndex, checkpoint.size);
      return { leafIndex, checkpoint, entry: found.entry.text, proof };
    };

    const inclusionPath = '/api/log/inclusion';
    app.get<{ Querystring: InclusionQuery }>(fastifyPath(inclusionPath), { schema: document.routeSchema('get', inclusionPath) }, async (request, reply) => {
      const { leafIndex, checkpoint, entry, proof } = await inclusionOf(request.query.position, request.query.treeSize);
      open(reply).header('cache-control', request.query.treeSize === undefined ? 'public, max-age=2' : IMMUTABLE);
      const body: Inclusion = { leafIndex, treeSize: checkpoint.size, entry, proof: proof.map(base64), checkpoint: checkpoint.note };
      return body;
    });

    const consistencyPath = '/api/log/consistency';
    app.get<{ Querystring: ConsistencyQuery }>(fastifyPath(consistencyPath), { schema: document.routeSchema('get', consistencyPath) }, async (request, reply) => {
      const { from, to } = request.query;
      const size = (await newest()).size;
      if (from > to || to > size) throw invalid(`χρειάζεται from ≤ to ≤ ${size} (το νεότερο σημείο ελέγχου)`, `from ≤ to ≤ ${size} (the newest checkpoint) is needed`);
      open(reply).header('cache-control', IMMUTABLE);
      return { proof: (await consistencyProof(client, tables, from, to)).map(base64) };
    });

    // The offline proof (C2SP tlog-proof@v1): the entry itself rides in `extra`, so the file verifies against
    // the checkpoint alone, with the log's key.
    const proofPath = '/api/log/proof';
    app.get<{ Querystring: InclusionQuery }>(fastifyPath(proofPath), { schema: document.routeSchema('get', proofPath) }, async (request, reply) => {
      const { leafIndex, checkpoint, entry, proof } = await inclusionOf(request.query.position, request.query.treeSize);
      return open(reply)
        .header('content-disposition', `attachment; filename="opendimos-${request.query.position}.tlog-proof"`)
        .type('text/plain; charset=utf-8')
        .send(formatProof({ index: leafIndex, proof, signedCheckpoint: checkpoint.note, extra: encoder.encode(entry) }));
    });

  };
