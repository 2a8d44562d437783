// The forms of the notices section of /my/supplier, posted without JavaScript (CSRF checked by the sessions
// plugin from `_csrf`): the same services as the JSON API, on the session's own company. A change redirects
// back (303, `?done=`); a refusal answers the form again with the reason and nothing changed; a new webhook's
// secret is on the answering page only. Another company's subscription or endpoint id answers 404.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SupplierPortalServices } from '../../api/suppliers/index.ts';
import { cancelSubscription, pingWebhook, registerWebhook, removeWebhook, subscribe, supplierOf } from '../../api/suppliers/index.ts';
import { isDomainError } from '../../domain/index.ts';
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import type { Visit } from '../shared/page.ts';
import type { NoticeDone } from './noticeForms.ts';
import { refusedFormPage, subscriptionForm, webhookForm, webhookSecretPage } from './noticeForms.ts';
import { supplierLoginPage } from './portalPages.ts';

const text = { type: 'string', maxLength: 2000 } as const;
const events = { anyOf: [{ type: 'string', maxLength: 40 }, { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 40 } }] } as const;
const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 36 } } } as const;

interface SubscriptionBody {
  readonly _csrf?: string;
  readonly email?: string;
  readonly events?: string | string[];
  readonly digest?: string;
  readonly language?: string;
}
interface WebhookBody {
  readonly _csrf?: string;
  readonly url?: string;
  readonly events?: string | string[];
}

/** A form sends one checked box as a string, several as a list, none at all. */
const listOf = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const loggedIn = (request: FastifyRequest): boolean => request.session?.kind === 'citizen';

export const noticeFormRoutes =
  (services: SupplierPortalServices): WebRoutes =>
  async (app, options) => {
    registerPages(options, ({ at, visit }) => {
      const back = (reply: FastifyReply, v: Visit, done: NoticeDone) => reply.redirect(`${v.href('/my/supplier')}?done=${done}#notices`, 303);
      const message = (v: Visit, error: { messageEl: string; messageEn: string }) => (v.lang === 'el' ? error.messageEl : error.messageEn);
      /** Runs a change as the session's company; the login page when there is no session. */
      const asSupplier = async (request: FastifyRequest, reply: FastifyReply, work: (v: Visit, csrfToken: string) => Promise<FastifyReply>) => {
        const v = visit(request);
        reply.header('cache-control', 'no-store');
        if (!loggedIn(request)) return options.render(reply, v, supplierLoginPage(v));
        return work(v, request.session?.csrfToken ?? '');
      };

      app.post<{ Body: SubscriptionBody }>(
        at('/my/supplier/subscriptions'),
        { schema: { body: { type: 'object', properties: { _csrf: text, email: { type: 'string', maxLength: 300 }, events, digest: { type: 'string', maxLength: 5 }, language: { type: 'string', maxLength: 2 } } } } },
        async (request, reply) =>
          asSupplier(request, reply, async (v, csrfToken) => {
            const body = request.body ?? {};
            const values = { email: body.email ?? '', events: listOf(body.events), digest: body.digest === 'true', language: body.language === 'en' ? ('en' as const) : ('el' as const) };
            try {
              await subscribe(services, await supplierOf(services, request), values);
            } catch (error) {
              if (!isDomainError(error)) throw error;
              return options.render(reply, v, refusedFormPage(v, subscriptionForm(v, csrfToken, values, message(v, error)), error.status));
            }
            return back(reply, v, 'subscribed');
          }),
      );

      app.post<{ Params: { id: string } }>(at('/my/supplier/subscriptions/:id/remove'), { schema: { params: ID_PARAMS } }, async (request, reply) =>
        asSupplier(request, reply, async (v) => {
          await cancelSubscription(services, await supplierOf(services, request), request.params.id);
          return back(reply, v, 'unsubscribed');
        }),
      );

      app.post<{ Body: WebhookBody }>(
        at('/my/supplier/webhooks'),
        { schema: { body: { type: 'object', properties: { _csrf: text, url: { type: 'string', maxLength: 2100 }, events } } } },
        async (request, reply) =>
          asSupplier(request, reply, async (v, csrfToken) => {
            const values = { url: request.body?.url ?? '', events: listOf(request.body?.events) };
            try {
              const made = await registerWebhook(services, await supplierOf(services, request), values);
              return options.render(reply, v, webhookSecretPage(v, values.url.trim(), made.secret));
            } catch (error) {
              if (!isDomainError(error)) throw error;
              return options.render(reply, v, refusedFormPage(v, webhookForm(v, csrfToken, values, message(v, error)), error.status));
            }
          }),
      );

      app.post<{ Params: { id: string } }>(at('/my/supplier/webhooks/:id/remove'), { schema: { params: ID_PARAMS } }, async (request, reply) =>
        asSupplier(request, reply, async (v) => {
          await removeWebhook(services, await supplierOf(services, request), request.params.id);
          return back(reply, v, 'webhook-removed');
        }),
      );

      app.post<{ Params: { id: string } }>(at('/my/supplier/webhooks/:id/test'), { schema: { params: ID_PARAMS } }, async (request, reply) =>
        asSupplier(request, reply, async (v) => {
          await pingWebhook(services, await supplierOf(services, request), request.params.id);
          return back(reply, v, 'ping');
        }),
      );
    });
  };
