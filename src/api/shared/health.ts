// GET /health: 200 once the app serves, with the ledger's head so a probe sees it is alive and reading.
import type { FastifyPluginAsync } from 'fastify';
import type { EventStore } from '../../eventstore/port.ts';

export const healthPlugin: FastifyPluginAsync<{ store: EventStore }> = async (app, { store }) => {
  app.get(
    '/health',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string' }, backend: { type: 'string' }, headPosition: { type: 'integer' } },
            required: ['status', 'backend', 'headPosition'],
          },
        },
      },
    },
    async () => ({ status: 'ok', backend: store.backend, headPosition: await store.headPosition() }),
  );
};
