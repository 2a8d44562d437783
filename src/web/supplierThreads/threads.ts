// The supplier's pages of the line to the service: /my/supplier/threads (its threads and the form that opens
// one), /my/supplier/threads/<id> (the messages and the reply form). Forms are multipart (the files), read
// before the CSRF check so `_csrf` travels in the body as in every form; a refusal (a file of the wrong
// type, too large, an unknown document) shows the form again with its reason and changes nothing. Every
// page reads the session's subject: another's thread is a 404 page.
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SupplierPortalServices } from '../../api/suppliers/index.ts';
import { supplierOf } from '../../api/suppliers/index.ts';
import type { SentFile } from '../../api/supplierThreads/index.ts';
import { openSupplierThread, postSupplierMessage, threadFileNames } from '../../api/supplierThreads/index.ts';
import { einvoicesErrors, isDomainError, MAX_THREAD_FILE_BYTES, MAX_THREAD_FILES } from '../../domain/index.ts';
import { threadOf, threadsOf } from '../../projections/supplierThreads/index.ts';
import type { Visit } from '../shared/page.ts';
import { NotFound } from '../shared/page.ts';
import type { WebContext, WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { threadPage, threadsLoginPage, threadsPage } from './threadPages.ts';

const ID = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const params = { type: 'object', required: ['id'], properties: { id: ID } } as const;

type Body = Readonly<Record<string, unknown>>;

const textOf = (body: Body, name: string): string => {
  const value = body[name];
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first : '';
};

const isSent = (value: unknown): value is SentFile => typeof value === 'object' && value !== null && 'bytes' in value && 'name' in value;

/** The files of the form's `files` input; a file input left empty sends a nameless empty part, not a file. */
export const filesOf = (body: Body): SentFile[] => {
  const value = body.files;
  return (Array.isArray(value) ? (value as unknown[]) : [value]).filter(isSent).filter((f) => f.bytes.length > 0 || f.name !== '');
};

/**
 * Multipart for a context's forms with files: each file read to one byte over the limit (so a larger one is
 * known and refused in our words), kept with the name the browser gave it.
 */
export const registerThreadUploads = (app: Parameters<WebRoutes>[0]) =>
  app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_THREAD_FILE_BYTES + 1, files: MAX_THREAD_FILES + 1, fields: 20, fieldSize: 20_000, parts: 30 },
    onFile: async (part) => {
      const bytes = await part.toBuffer();
      (part as unknown as { value: SentFile }).value = { name: part.filename, bytes };
    },
  });

const supplierThreadsRoutes =
  (services: SupplierPortalServices): WebRoutes =>
  async (app, options) => {
    await registerThreadUploads(app);
    const personal = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'no-store');
    const loggedIn = (request: FastifyRequest): boolean => request.session?.kind === 'citizen';
    const messageOf = (v: Visit, e: { messageEl: string; messageEn: string }) => (v.lang === 'el' ? e.messageEl : e.messageEn);

    registerPages(options, ({ at, visit }) => {
      const showList = async (request: FastifyRequest, reply: FastifyReply, form: { error?: string; document?: string; text?: string } = {}, status = 200) => {
        const v = visit(request);
        const who = await supplierOf(services, request);
        const threads = await threadsOf(services.client, services.schema, who.subjectId);
        return options.render(reply, v, threadsPage(v, { threads, csrfToken: request.session?.csrfToken ?? '', ...form }, status));
      };

      const showThread = async (request: FastifyRequest, reply: FastifyReply, id: string, form: { error?: string; text?: string; sent?: boolean } = {}, status = 200) => {
        const v = visit(request);
        const who = await supplierOf(services, request);
        const found = await threadOf(services.client, services.schema, id, who.subjectId);
        if (!found) throw new NotFound();
        const names = await threadFileNames(services.client, services.schema, id);
        return options.render(reply, v, threadPage(v, { ...found, names, csrfToken: request.session?.csrfToken ?? '', ...form }, status));
      };

      app.get(at('/my/supplier/threads'), async (request, reply) => {
        personal(reply);
        if (!loggedIn(request)) return options.render(reply, visit(request), threadsLoginPage(visit(request)));
        return showList(request, reply);
      });

      app.post<{ Body: Body }>(at('/my/supplier/threads'), async (request, reply) => {
        personal(reply);
        const v = visit(request);
        if (!loggedIn(request)) return options.render(reply, v, threadsLoginPage(v));
        const body: Body = request.body ?? {};
        const [document, text] = [textOf(body, 'document'), textOf(body, 'text')];
        try {
          const { id } = await openSupplierThread(services, await supplierOf(services, request), { document, text, files: filesOf(body) });
          return reply.redirect(v.href(`/my/supplier/threads/${id}`), 303);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          return showList(request, reply, { error: messageOf(v, error), document, text }, error.status);
        }
      });

      app.get<{ Params: { id: string }; Querystring: { sent?: string } }>(
        at('/my/supplier/threads/:id'),
        { schema: { params, querystring: { type: 'object', properties: { sent: { type: 'string', maxLength: 1 } } } } },
        async (request, reply) => {
          personal(reply);
          if (!loggedIn(request)) return options.render(reply, visit(request), threadsLoginPage(visit(request)));
          return showThread(request, reply, request.params.id, request.query.sent === '1' ? { sent: true } : {});
        },
      );

      app.post<{ Params: { id: string }; Body: Body }>(at('/my/supplier/threads/:id'), { schema: { params } }, async (request, reply) => {
        personal(reply);
        const v = visit(request);
        if (!loggedIn(request)) return options.render(reply, v, threadsLoginPage(v));
        const body: Body = request.body ?? {};
        const text = textOf(body, 'text');
        try {
          await postSupplierMessage(services, await supplierOf(services, request), request.params.id, { text, files: filesOf(body) });
          return reply.redirect(v.href(`/my/supplier/threads/${request.params.id}?sent=1`), 303);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          if (error.code === einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN.code) throw new NotFound();
          return showThread(request, reply, request.params.id, { error: messageOf(v, error), text }, error.status);
        }
      });
    });
  };

export const supplierThreadsWeb = (services: SupplierPortalServices): WebContext => ({ name: 'supplier-threads', nav: [], sitemap: async () => [], routes: supplierThreadsRoutes(services) });
