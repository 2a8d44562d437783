// The ledger in the API: budgets, lines and movements in GraphQL, and the bulk exports (CSV, JSON, the
// Fiscal Data Package) in REST.
import type { FastifyPluginAsync } from 'fastify';
import type { ApiContext, RouteDependencies } from '../shared/apiContext.ts';
import { loadSdl } from '../shared/apiContext.ts';
import { exportsRoutes } from './exports.ts';
import { fdpRoutes } from './fdp.ts';
import { ledgerResolvers } from './resolvers.ts';

export { transactionsConnection } from './resolvers.ts';
export type { TransactionsOf } from './resolvers.ts';

const ledgerRoutes: FastifyPluginAsync<RouteDependencies> = async (app, { db, schema, document, exportPageSize }) => {
  await app.register(exportsRoutes, { db, schema, document, pageSize: exportPageSize });
  await app.register(fdpRoutes, { db, schema, document, pageSize: exportPageSize });
};

export const ledgerApi: ApiContext = {
  name: 'ledger',
  sdl: loadSdl(import.meta.url, './ledger.graphql'),
  resolvers: ledgerResolvers,
  routes: ledgerRoutes,
};
