// GET /api/crosscheck/diavgeia?year=Y: the ledger's movements of a year against their decisions on Diavgeia,
// `{ summary, items: [{ ada, document, kae, ledgerAmount, diavgeiaAmount, verdict }] }`, exactly the schema of
// the OpenAPI document (the compiler holds the query module's answer to it).
import type { FastifyPluginAsync } from 'fastify';
import type { CrossCheck } from '../../projections/diavgeia/index.ts';
import { crossCheckDiavgeia } from '../../projections/diavgeia/index.ts';
import type { components, operations } from '../openapi.d.ts';
import type { RouteDependencies } from '../shared/apiContext.ts';
import { fastifyPath } from '../shared/rest/openApiDocument.ts';

type Query = operations['getDiavgeiaCrossCheck']['parameters']['query'];
const documented = (check: CrossCheck): components['schemas']['DiavgeiaCrossCheck'] => check;

export const CROSSCHECK_PATH = '/api/crosscheck/diavgeia';

export const diavgeiaRoutes: FastifyPluginAsync<RouteDependencies> = async (app, { db, schema, document }) => {
  app.get<{ Querystring: Query }>(fastifyPath(CROSSCHECK_PATH), { schema: document.routeSchema('get', CROSSCHECK_PATH) }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return documented(await crossCheckDiavgeia(db, schema, request.query.year));
  });
};
