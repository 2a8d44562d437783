// The supplier's portal in the API, all on the session's own subject (a company's, for its representative):
// GET /api/my/supplier (the statement; money as decimal strings), the e-mail subscriptions and the webhook
// endpoints. There is no ΑΦΜ or subject in any path: another company's data cannot even be named, and an id
// of another's subscription or endpoint answers 404. Changes need the session's x-csrf-token (sessions plugin).
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { isDomainError, NOTICE_EVENTS } from '../../domain/index.ts';
import { subscriptionsOf, supplierStatement, webhooksOf } from '../../projections/suppliers/index.ts';
import type { RouteDependencies } from '../shared/apiContext.ts';
import { cancelSubscription, disableFailingWebhooks, pingWebhook, registerWebhook, removeWebhook, sendDigests, subscribe } from './notices.ts';
import type { SupplierPortalServices } from './portalServices.ts';
import { supplierOf } from './portalServices.ts';

const events = { type: 'array', minItems: 1, maxItems: NOTICE_EVENTS.length, items: { type: 'string', enum: [...NOTICE_EVENTS] } } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 36 } } } as const;

/** How often the timer looks for failing endpoints and due digests. */
const SWEEP_MS = 5 * 60_000;

export const supplierPortalRoutes =
  (services: SupplierPortalServices, options: { readonly sweep?: boolean } = {}): FastifyPluginAsync<RouteDependencies> =>
  async (app) => {
    const refused = async <T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> => {
      try {
        return await work();
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return reply.code(error.status).send({ error: { code: error.code, message_el: error.messageEl, message_en: error.messageEn } });
      }
    };
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    app.get('/api/my/supplier', async (request) => {
      const who = await supplierOf(services, request);
      return { afm: who.afm, name: who.name, years: await supplierStatement(services.client, services.schema, who.afm) };
    });

    app.get('/api/my/supplier/subscriptions', async (request) => {
      const who = await supplierOf(services, request);
      return { subscriptions: await subscriptionsOf(services.client, services.schema, who.subjectId) };
    });

    app.post<{ Body: { email: string; events: string[]; digest?: boolean; language?: 'el' | 'en' } }>(
      '/api/my/supplier/subscriptions',
      {
        schema: {
          body: {
            type: 'object',
            required: ['email', 'events'],
            additionalProperties: false,
            properties: { email: { type: 'string', maxLength: 254 }, events, digest: { type: 'boolean' }, language: { type: 'string', enum: ['el', 'en'] } },
          },
        },
      },
      async (request, reply) => {
        const who = await supplierOf(services, request);
        return refused(reply, async () => {
          const made = await subscribe(services, who, { ...request.body, digest: request.body.digest ?? false });
          return reply.code(201).send({ id: made.id, status: 'pending' });
        });
      },
    );

    app.delete<{ Params: { id: string } }>('/api/my/supplier/subscriptions/:id', { schema: { params: idParams } }, async (request, reply) => {
      const who = await supplierOf(services, request);
      await cancelSubscription(services, who, request.params.id);
      return reply.code(204).send();
    });

    app.get('/api/my/supplier/webhooks', async (request) => {
      const who = await supplierOf(services, request);
      return { webhooks: await webhooksOf(services.client, services.schema, who.subjectId) };
    });

    app.post<{ Body: { url: string; events: string[] } }>(
      '/api/my/supplier/webhooks',
      { schema: { body: { type: 'object', required: ['url', 'events'], additionalProperties: false, properties: { url: { type: 'string', maxLength: 2000 }, events } } } },
      async (request, reply) => {
        const who = await supplierOf(services, request);
        return refused(reply, async () => reply.code(201).send(await registerWebhook(services, who, request.body)));
      },
    );

    app.delete<{ Params: { id: string } }>('/api/my/supplier/webhooks/:id', { schema: { params: idParams } }, async (request, reply) => {
      const who = await supplierOf(services, request);
      await removeWebhook(services, who, request.params.id);
      return reply.code(204).send();
    });

    app.post<{ Params: { id: string } }>('/api/my/supplier/webhooks/:id/test', { schema: { params: idParams } }, async (request, reply) => {
      const who = await supplierOf(services, request);
      await pingWebhook(services, who, request.params.id);
      return reply.code(202).send({ queued: true });
    });

    if (options.sweep === false) return;
    // Every node sweeps; both steps are safe to run twice (a disabled endpoint, a digest's key).
    let timer: NodeJS.Timeout | null = null;
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        void disableFailingWebhooks(services)
          .then(() => sendDigests(services))
          .catch((error: unknown) => app.log.error({ err: error }, 'suppliers: webhook and digest sweep failed'));
      }, SWEEP_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
    });
  };
