// The reporter's own requests: /my/requests (a citizen's session: the requests whose reporter is the
// session's subject, never one named in the address), its JSON for the live table (GET /api/my/requests),
// one request with the reopening button within 30 days of a fix (session and CSRF), and the `fixed` e-mail's
// link for a reporter without an account, /requests/<id>/reopen?token=…, whose token is the keyed hash of the
// request and one of its reporters (reopenToken): a confirm form, POSTed with the token and a pre-session
// CSRF token; the window closes with the decider's 30 days, so the link expires with it. Another's request is
// a 404, as one that does not exist.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decideOnRequest } from '../../api/requests/index.ts';
import { ApiError } from '../../api/shared/errors.ts';
import { preSessionToken } from '../../api/shared/sessions/index.ts';
import { isDomainError, reopenRequest, requestsErrors, statusOfStage } from '../../domain/index.ts';
import type { PublicRequest } from '../../projections/requests/index.ts';
import { findRequests, reopenToken, reportersToTell, requestById, requestIdsReportedBy, REQUEST_REPORTERS } from '../../projections/requests/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { Visit } from '../shared/page.ts';
import { NotFound } from '../shared/page.ts';
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { loginPage, myRequestPage, myRequestsPage, reopenLinkPage } from './minePages.ts';
import type { RequestsWebServices } from './services.ts';

const ID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: ID } } } as const;
const TOKEN = { type: 'string', maxLength: 128 } as const;
const REASON = { type: 'string', maxLength: 8000 } as const;

interface ReopenBody {
  readonly reason?: string;
  readonly token?: string;
}

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const myRequestsRoutes =
  (services: RequestsWebServices): WebRoutes =>
  async (app, options) => {
    const now = (): Date => (services.now ?? (() => new Date()))();
    const subjectOf = (request: FastifyRequest): string | null => (request.session?.kind === 'citizen' ? request.session.subjectId : null);
    const personal = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'no-store');

    /** The subject's requests, newest first (those the read model already has). */
    const requestsOf = async (subjectId: string): Promise<PublicRequest[]> => {
      const ids = await requestIdsReportedBy(services.client, services.schema, subjectId);
      return ids.length === 0 ? [] : findRequests(services.client, services.schema, { ids }, now());
    };

    /** One request of this subject's; null for anyone else's, as for one that does not exist. */
    const ownRequest = async (subjectId: string, id: string): Promise<PublicRequest | null> => {
      const [own] = await services.client.query(`SELECT 1 FROM ${table(services.schema, REQUEST_REPORTERS)} WHERE request_id = $1 AND subject_id = $2`, [id, subjectId]);
      return own ? requestById(services.client, services.schema, id) : null;
    };

    /** The reporter whose link this is: the token checked against each reporter the request tells. */
    const linkHolder = async (id: string, token: string): Promise<string | null> => {
      if (token === '' || !services.keyring) return null;
      for (const r of await reportersToTell(services.client, services.schema, id)) if (sameToken(token, reopenToken(services.keyring, id, r.subjectId))) return r.subjectId;
      return null;
    };

    app.get<{ Querystring: { lang?: string } }>(
      '/api/my/requests',
      { schema: { querystring: { type: 'object', properties: { lang: { type: 'string', enum: ['el', 'en'] } } } } },
      async (request, reply) => {
        personal(reply);
        const subjectId = subjectOf(request);
        if (!subjectId) return reply.code(401).send(new ApiError('OD_LOGIN_REQUIRED').body);
        const lang = request.query.lang === 'en' ? 'en' : 'el';
        return {
          requests: (await requestsOf(subjectId)).map((r) => ({
            id: r.id,
            serviceCode: r.serviceCode,
            serviceName: services.types.find((t) => t.code === r.serviceCode)?.name[lang] ?? r.serviceCode,
            stage: r.stage,
            status: statusOfStage(r.stage),
            requestedAt: r.requestedAt,
            updatedAt: r.updatedAt,
            url: `/requests/${r.id}`,
          })),
        };
      },
    );

    registerPages(options, ({ at, visit }) => {
      app.get(at('/my/requests'), async (request, reply) => {
        const v = visit(request);
        personal(reply);
        const subjectId = subjectOf(request);
        if (!subjectId) return options.render(reply, v, loginPage(v, v.href('/my/requests')));
        return options.render(reply, v, myRequestsPage(v, await requestsOf(subjectId), services.types));
      });

      const showOwn = async (request: FastifyRequest, reply: FastifyReply, v: Visit, subjectId: string, id: string, extra: { reopened?: boolean; error?: string } = {}, status = 200) => {
        const found = await ownRequest(subjectId, id);
        if (!found) throw new NotFound();
        return options.render(reply, v, myRequestPage(v, { request: found, types: services.types, csrfToken: request.session?.csrfToken ?? '', now: now(), ...extra }, status));
      };

      app.get<{ Params: { id: string }; Querystring: { done?: string } }>(
        at('/my/requests/:id'),
        { schema: { params: ID_PARAMS, querystring: { type: 'object', properties: { done: { type: 'string', enum: ['reopened'] } } } } },
        async (request, reply) => {
          const v = visit(request);
          personal(reply);
          const subjectId = subjectOf(request);
          if (!subjectId) return options.render(reply, v, loginPage(v, v.href(`/my/requests/${request.params.id}`)));
          return showOwn(request, reply, v, subjectId, request.params.id, request.query.done ? { reopened: true } : {});
        },
      );

      app.post<{ Params: { id: string }; Body: ReopenBody }>(
        at('/my/requests/:id/reopen'),
        { schema: { params: ID_PARAMS, body: { type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 }, reason: REASON } } } },
        async (request, reply) => {
          const v = visit(request);
          personal(reply);
          const subjectId = subjectOf(request);
          const { id } = request.params;
          if (!subjectId) return options.render(reply, v, loginPage(v, v.href(`/my/requests/${id}`)));
          if (!(await ownRequest(subjectId, id))) throw new NotFound();
          try {
            await decideOnRequest(services.store, id, 'citizen', (state) => reopenRequest(state, { reason: request.body?.reason ?? null, at: now().toISOString() }));
          } catch (error) {
            if (!isDomainError(error)) throw error;
            return showOwn(request, reply, v, subjectId, id, { error: v.lang === 'el' ? error.messageEl : error.messageEn }, error.status);
          }
          return reply.redirect(`${v.href(`/my/requests/${id}`)}?done=reopened`, 303);
        },
      );

      const invalidLink = (v: Visit, reply: FastifyReply, request: FastifyRequest) =>
        options.render(reply, v, reopenLinkPage(v, { request: null, types: services.types, token: '', csrfToken: preSessionToken(request, reply), now: now() }));

      app.get<{ Params: { id: string }; Querystring: { token?: string } }>(
        at('/requests/:id/reopen'),
        { schema: { params: ID_PARAMS, querystring: { type: 'object', properties: { token: TOKEN } } } },
        async (request, reply) => {
          const v = visit(request);
          personal(reply);
          const token = request.query.token ?? '';
          const found = (await linkHolder(request.params.id, token)) === null ? null : await requestById(services.client, services.schema, request.params.id);
          if (!found) return invalidLink(v, reply, request);
          return options.render(reply, v, reopenLinkPage(v, { request: found, types: services.types, token, csrfToken: preSessionToken(request, reply), now: now() }));
        },
      );

      app.post<{ Params: { id: string }; Body: ReopenBody }>(
        at('/requests/:id/reopen'),
        { config: { csrf: 'pre-session' }, schema: { params: ID_PARAMS, body: { type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 }, token: TOKEN, reason: REASON } } } },
        async (request, reply) => {
          const v = visit(request);
          personal(reply);
          const { id } = request.params;
          const token = request.body?.token ?? '';
          if ((await linkHolder(id, token)) === null) return invalidLink(v, reply, request);
          const view = async (extra: { reopened?: boolean; error?: string }) => ({
            request: await requestById(services.client, services.schema, id),
            types: services.types,
            token,
            csrfToken: preSessionToken(request, reply),
            now: now(),
            ...extra,
          });
          try {
            await decideOnRequest(services.store, id, 'reporter', (state) => reopenRequest(state, { reason: request.body?.reason ?? null, at: now().toISOString() }));
          } catch (error) {
            if (!isDomainError(error)) throw error;
            if (error.code === requestsErrors.OD_REQUEST_UNKNOWN.code) return invalidLink(v, reply, request);
            return options.render(reply, v, reopenLinkPage(v, await view({ error: v.lang === 'el' ? error.messageEl : error.messageEn }), error.status));
          }
          return options.render(reply, v, reopenLinkPage(v, await view({ reopened: true })));
        },
      );
    });
  };
