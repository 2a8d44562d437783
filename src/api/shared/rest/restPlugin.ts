// The REST API (src/api/openapi.yaml): the contexts' routes (imports, bulk exports, the Fiscal Data
// Package, …) and the document itself. Every refusal here has the one error body; see errors.ts.
import type { FastifyPluginAsync } from 'fastify';
import type { EventStore } from '../../../eventstore/port.ts';
import type { SqlClient } from '../../../eventstore/sql/client.ts';
import { ApiError, apiErrorHandler } from '../errors.ts';
import type { ApiContext } from '../apiContext.ts';
import { loadOpenApiDocument } from './openApiDocument.ts';

import type { PersonalData } from '../../../ingest/personalData.ts';

export interface RestOptions {
  /** Each context's routes are registered here, under the REST API's errors and its unknown-path answer. */
  readonly contexts: readonly ApiContext[];
  /** The ledger imports append to. */
  readonly store: EventStore;
  /** The database of the read models and the tokens. */
  readonly client: SqlClient;
  readonly schema: string;
  /** Largest file POST /api/imports accepts; 50 MB by default. */
  readonly maxImportBytes?: number;
  /** Rows per keyset page of an export; 5,000 by default. */
  readonly exportPageSize?: number;
  readonly personal?: PersonalData;
}

export const restPlugin: FastifyPluginAsync<RestOptions> = async (app, options) => {
  const { store, client, schema } = options;
  const document = await loadOpenApiDocument();
  app.setErrorHandler(apiErrorHandler);
  app.get('/api/openapi.yaml', async (_request, reply) =>
    reply.type('application/yaml; charset=utf-8').header('access-control-allow-origin', '*').send(document.text),
  );
  for (const context of options.contexts) {
    if (context.routes) {
      await app.register(context.routes, { store, db: client, schema, document, maxImportBytes: options.maxImportBytes, exportPageSize: options.exportPageSize, personal: options.personal });
    }
  }
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
