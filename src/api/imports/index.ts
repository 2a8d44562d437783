// Imports in the API: the finance department's upload (POST /api/imports) and the public import log.
import type { FastifyPluginAsync } from 'fastify';
import type { ApiContext, RouteDependencies } from '../shared/apiContext.ts';
import { loadSdl } from '../shared/apiContext.ts';
import { importsRoutes } from './imports.ts';
import { importsResolvers } from './resolvers.ts';


const routes: FastifyPluginAsync<RouteDependencies> = async (app, { store, db, schema, document, maxImportBytes, personal }) =>
  app.register(importsRoutes, { store, db, schema, document, maxFileBytes: maxImportBytes, ...(personal ? { personal } : {}) });

export const importsApi: ApiContext = { name: 'imports', sdl: loadSdl(import.meta.url, './imports.graphql'), resolvers: importsResolvers, routes };
