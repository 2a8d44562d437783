// The line to the service in the API, on the session's own subject: GET/POST /api/my/supplier/threads (the
// company's threads; a new one on a document of its ΑΦΜ), GET …/<id> (with its messages), POST …/<id>/messages,
// GET …/<id>/files/<fileId> (an attachment, for the thread's own supplier only). Files come as base64 in the
// JSON body; another supplier's thread or file answers 404. Changes need the session's x-csrf-token.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { einvoicesErrors, isDomainError, MAX_THREAD_FILE_BYTES, MAX_THREAD_FILES, MAX_THREAD_TEXT } from '../../domain/index.ts';
import { threadOf, threadsOf } from '../../projections/supplierThreads/index.ts';
import type { RouteDependencies } from '../shared/apiContext.ts';
import type { ApiContext } from '../shared/apiContext.ts';
import type { SupplierPortalServices } from '../suppliers/index.ts';
import { supplierOf } from '../suppliers/index.ts';
import type { SentFile } from './threadFiles.ts';
import { threadFile } from './threadFiles.ts';
import { openSupplierThread, postSupplierMessage } from './threads.ts';

const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: UUID } } } as const;
const fileParams = { type: 'object', required: ['id', 'fileId'], properties: { id: { type: 'string', pattern: UUID }, fileId: { type: 'string', pattern: UUID } } } as const;
// Base64 is 4/3 of the bytes; the text and the JSON around it are small beside the files.
const BASE64_MAX = Math.ceil(MAX_THREAD_FILE_BYTES / 3) * 4;
const BODY_LIMIT = MAX_THREAD_FILES * BASE64_MAX + 64 * 1024;
const files = {
  type: 'array',
  maxItems: MAX_THREAD_FILES + 1,
  items: { type: 'object', required: ['name', 'content'], additionalProperties: false, properties: { name: { type: 'string', maxLength: 255 }, content: { type: 'string', maxLength: BODY_LIMIT } } },
} as const;
const text = { type: 'string', maxLength: MAX_THREAD_TEXT * 4 } as const;

interface Writing {
  readonly text: string;
  readonly files?: readonly { readonly name: string; readonly content: string }[];
}

const sentFiles = (given: Writing['files']): SentFile[] => (given ?? []).map((f) => ({ name: f.name, bytes: Buffer.from(f.content, 'base64') }));

export const supplierThreadRoutes =
  (services: SupplierPortalServices): FastifyPluginAsync<RouteDependencies> =>
  async (app) => {
    const refused = async <T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> => {
      try {
        return await work();
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return reply.code(error.status).send({ error: { code: error.code, message_el: error.messageEl, message_en: error.messageEn } });
      }
    };
    const notFound = (reply: FastifyReply) => {
      const e = einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN();
      return reply.code(404).send({ error: { code: e.code, message_el: e.messageEl, message_en: e.messageEn } });
    };
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    app.get('/api/my/supplier/threads', async (request) => {
      const who = await supplierOf(services, request);
      return { threads: await threadsOf(services.client, services.schema, who.subjectId) };
    });

    app.post<{ Body: Writing & { readonly document: string } }>(
      '/api/my/supplier/threads',
      { bodyLimit: BODY_LIMIT, schema: { body: { type: 'object', required: ['document', 'text'], additionalProperties: false, properties: { document: { type: 'string', maxLength: 100 }, text, files } } } },
      async (request, reply) => {
        const who = await supplierOf(services, request);
        return refused(reply, async () => reply.code(201).send(await openSupplierThread(services, who, { document: request.body.document, text: request.body.text, files: sentFiles(request.body.files) })));
      },
    );

    app.get<{ Params: { id: string } }>('/api/my/supplier/threads/:id', { schema: { params: idParams } }, async (request, reply) => {
      const who = await supplierOf(services, request);
      const found = await threadOf(services.client, services.schema, request.params.id, who.subjectId);
      return found ?? notFound(reply);
    });

    app.post<{ Params: { id: string }; Body: Writing }>(
      '/api/my/supplier/threads/:id/messages',
      { bodyLimit: BODY_LIMIT, schema: { params: idParams, body: { type: 'object', required: ['text'], additionalProperties: false, properties: { text, files } } } },
      async (request, reply) => {
        const who = await supplierOf(services, request);
        return refused(reply, async () => {
          await postSupplierMessage(services, who, request.params.id, { text: request.body.text, files: sentFiles(request.body.files) });
          return reply.code(201).send({ posted: true });
        });
      },
    );

    app.get<{ Params: { id: string; fileId: string } }>('/api/my/supplier/threads/:id/files/:fileId', { schema: { params: fileParams } }, async (request, reply) => {
      const who = await supplierOf(services, request);
      if (!(await threadOf(services.client, services.schema, request.params.id, who.subjectId))) return notFound(reply);
      const file = await threadFile(services.client, services.schema, request.params.id, request.params.fileId);
      if (!file) return notFound(reply);
      return sendThreadFile(reply, file);
    });
  };

/** A kept file as a download: never shown inline (an XML or a PDF from a supplier is not our page). */
export const sendThreadFile = (reply: FastifyReply, file: { readonly name: string; readonly mediaType: string; readonly bytes: Buffer }) =>
  reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="${file.name.replace(/[^A-Za-z0-9._-]+/g, '-')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);

export const supplierThreadsApi = (services: SupplierPortalServices): ApiContext => ({
  name: 'supplier-threads',
  sdl: '',
  resolvers: () => ({ resolvers: {} }),
  routes: supplierThreadRoutes(services),
});
