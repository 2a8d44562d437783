// The applications' API: the session's own applications (POST to file one, GET to list and read them, the
// issued PDF), and the verification anyone may ask, rate-limited per address so that codes cannot be walked.
// Every personal route takes the subject from the session: another's application answers 404.
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest, FastifyPluginAsync } from 'fastify';
import type { DomainError } from '../../domain/index.ts';
import { isDomainError } from '../../domain/index.ts';
import { applicationOf, applicationsOf, stepsOf } from '../../projections/applications/index.ts';
import { loadAccount } from '../identity/index.ts';
import type { RouteDependencies } from '../shared/apiContext.ts';
import { ApiError } from '../shared/errors.ts';
import { answer, withdraw } from './decide.ts';
import { settlePaidFees } from './fees.ts';
import { issuedPdf } from './issue.ts';
import { applicationJson } from './json.ts';
import type { ApplicationsServices } from './services.ts';
import { verificationLimiter } from './services.ts';
import type { Applicant } from './submit.ts';
import { submit } from './submit.ts';
import { verifyCode, verifyUpload } from './verify.ts';

/** A signed certificate is tens of kilobytes; a scanned permit a few megabytes. */
export const VERIFY_MAX_BYTES = 10 * 1024 * 1024;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const refusal = (reply: FastifyReply, error: DomainError, extra: object = {}) =>
  reply.code(error.status).send({ error: { code: error.code, message_el: error.messageEl, message_en: error.messageEn, ...extra } });

/** The session's applicant: the subject (a company's, for its representative) and who is at the keyboard. */
export const applicantOf = async (services: ApplicationsServices, request: FastifyRequest): Promise<Applicant> => {
  const session = request.session;
  if (session?.kind !== 'citizen') throw new ApiError('OD_LOGIN_REQUIRED');
  const account = await loadAccount(services, session.subjectId);
  return {
    subjectId: session.subjectId,
    kind: account?.kind ?? (session.actingBy ? 'company' : 'person'),
    actor: `citizen:${session.actingBy?.subjectId ?? session.subjectId}`,
  };
};

interface SubmitBody {
  readonly service: string;
  readonly fields?: Record<string, unknown>;
}

export const applicationsRoutes =
  (services: ApplicationsServices): FastifyPluginAsync<RouteDependencies> =>
  async (app) => {
    const domainErrors = async <T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> => {
      try {
        return await work();
      } catch (error) {
        if (isDomainError(error)) return refusal(reply, error);
        throw error;
      }
    };

    app.post<{ Body: SubmitBody; Headers: { 'idempotency-key'?: string } }>(
      '/api/my/applications',
      {
        schema: {
          body: {
            type: 'object',
            required: ['service'],
            additionalProperties: false,
            properties: { service: { type: 'string', maxLength: 80 }, fields: { type: 'object', maxProperties: 50, additionalProperties: { anyOf: [{ type: 'string', maxLength: 2000 }, { type: 'number' }] } } },
          },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const applicant = await applicantOf(services, request);
        const key = request.headers['idempotency-key'];
        return domainErrors(reply, async () => {
          const outcome = await submit(services, applicant, {
            service: request.body.service,
            fields: Object.fromEntries(Object.entries(request.body.fields ?? {}).map(([k, v]) => [k, String(v)])),
            attachments: [],
            key: typeof key === 'string' && key.length > 0 && key.length <= 200 ? key : null,
          });
          if (outcome.kind === 'invalid') {
            return reply.code(400).send({
              error: {
                code: 'OD_APPLICATION_INVALID',
                message_el: 'Η αίτηση έχει λάθη: δείτε τα πεδία',
                message_en: 'The application has errors: see the fields',
                fields: outcome.errors.map((e) => ({ field: e.field, message_el: e.el, message_en: e.en })),
              },
            });
          }
          return reply.code(201).send({ id: outcome.id, status: outcome.status });
        });
      },
    );

    app.get('/api/my/applications', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const applicant = await applicantOf(services, request);
      const moved = await settlePaidFees(services);
      const applications = (await applicationsOf(services.client, services.schema, applicant.subjectId)).map(applicationJson);
      return { applications: applications.map((a) => (moved.has(a.id) && a.fee ? { ...a, status: moved.get(a.id)!, fee: { ...a.fee, paid: true } } : a)) };
    });

    app.get<{ Params: { id: string } }>('/api/my/applications/:id', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const applicant = await applicantOf(services, request);
      const found = ID.test(request.params.id) ? await applicationOf(services.client, services.schema, request.params.id, applicant.subjectId) : null;
      if (!found) throw new ApiError('OD_NOT_FOUND');
      const steps = await stepsOf(services.client, services.schema, found.id);
      // Staff are named by role, not by person: the applicant learns who decided, not a colleague's name.
      return { ...applicationJson(found), fields: found.fields, steps: steps.map((s) => ({ at: s.at, kind: s.kind, by: s.actor?.split(':')[0] ?? null, detail: s.kind === 'assigned' ? null : s.detail })) };
    });

    app.get<{ Params: { id: string } }>('/api/my/applications/:id/document.pdf', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const applicant = await applicantOf(services, request);
      const pdf = ID.test(request.params.id) ? await issuedPdf(services, request.params.id, applicant.subjectId) : null;
      if (!pdf) throw new ApiError('OD_NOT_FOUND');
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="document-${request.params.id.slice(0, 8)}.pdf"`).send(pdf);
    });

    app.post<{ Params: { id: string } }>('/api/my/applications/:id/withdraw', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const applicant = await applicantOf(services, request);
      if (!ID.test(request.params.id)) throw new ApiError('OD_NOT_FOUND');
      return domainErrors(reply, async () => ({ id: request.params.id, status: await withdraw(services, applicant, request.params.id) }));
    });

    app.post<{ Params: { id: string }; Body: { text: string } }>(
      '/api/my/applications/:id/answer',
      { schema: { body: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: 4000 } } } } },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const applicant = await applicantOf(services, request);
        if (!ID.test(request.params.id)) throw new ApiError('OD_NOT_FOUND');
        return domainErrors(reply, async () => ({ id: request.params.id, status: await answer(services, applicant, request.params.id, request.body.text, []) }));
      },
    );

    const allowed = services.verificationAllowed ?? verificationLimiter(services);
    const limited = (request: FastifyRequest) => {
      if (!allowed(request.ip)) throw new ApiError('OD_RATE_LIMITED', { el: 'δοκιμάστε ξανά σε ένα λεπτό', en: 'retry in a minute' });
    };

    app.get<{ Params: { code: string } }>('/api/verify/:code', async (request, reply) => {
      limited(request);
      reply.header('cache-control', 'no-store');
      return verifyCode(services, request.params.code.slice(0, 64));
    });

    await app.register(async (upload) => {
      await upload.register(multipart, { throwFileSizeLimit: true, limits: { fileSize: VERIFY_MAX_BYTES, files: 1, fields: 2 } });
      upload.post('/api/verify', async (request, reply) => {
        limited(request);
        reply.header('cache-control', 'no-store');
        let pdf: Buffer | null = null;
        let code: string | null = null;
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname === 'file') pdf = await part.toBuffer();
            else await part.toBuffer();
          } else if (part.fieldname === 'code' && typeof part.value === 'string') code = part.value.slice(0, 64);
        }
        if (pdf === null || pdf.length === 0) throw new ApiError('OD_FILE_MISSING');
        return verifyUpload(services, pdf, code);
      });
    });
  };
