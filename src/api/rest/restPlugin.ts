// The REST API (src/api/openapi.yaml): imports, bulk exports, the Fiscal Data Package and the document
// itself. Every refusal here has the one error body; see errors.ts.
import type { FastifyPluginAsync } from 'fastify';
import type { EventStore } from '../../eventstore/port.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import { ApiError, apiErrorHandler } from './errors.ts';
import { exportsRoutes } from './exports.ts';
import { fdpRoutes } from './fdp.ts';
import { importsRoutes } from './imports.ts';
import { loadOpenApiDocument } from './openApiDocument.ts';

export interface RestOptions {
  /** The ledger imports append to. */
  readonly store: EventStore;
  /** The database of the read models and the tokens. */
  readonly client: SqlClient;
  readonly schema: string;
  /** Largest file POST /api/imports accepts; 50 MB by default. */
  readonly maxImportBytes?: number;
  /** Rows per keyset page of an export; 5,000 by default. */
  readonly exportPageSize?: number;
}

export const restPlugin: FastifyPluginAsync<RestOptions> = async (app, options) => {
  const { store, client, schema } = options;
  const document = await loadOpenApiDocument();
  app.setErrorHandler(apiErrorHandler);
  app.get('/api/openapi.yaml', async (_request, reply) =>
    reply.type('application/yaml; charset=utf-8').header('access-control-allow-origin', '*').send(document.text),
  );
  await app.register(importsRoutes, { store, db: client, schema, document, maxFileBytes: options.maxImportBytes });
  await app.register(exportsRoutes, { db: client, schema, document, pageSize: options.exportPageSize });
  await app.register(fdpRoutes, { db: client, schema, document, pageSize: options.exportPageSize });
  // Under /api an unknown path is a JSON refusal like any other; elsewhere the site answers with its page.
  await app.register(
    async (api) => {
      api.setNotFoundHandler(async () => {
        throw new ApiError('OD_NOT_FOUND');
      });
    },
    { prefix: '/api' },
  );
};
