// The applications' pages. Filing is a plain form POSTed to the service's own page: on errors the form again
// with what was typed, on success a 303 to the application. The form carries a nonce made when it was drawn,
// the submission's idempotency key, so a double click or a resend files one application. Multipart bodies
// are read before the CSRF check (attachFieldsToBody), so a form with files carries `_csrf` like any other.
// Every personal route takes the subject from the session: another's application is a 404 page.
import { randomBytes } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApplicationsServices, CheckedAttachment } from '../../api/applications/index.ts';
import { answer, applicantOf, issuedPdf, settlePaidFees, submit, verificationLimiter, verifyCode, verifyUpload, withdraw } from '../../api/applications/index.ts';
import { athensDateOf } from '../../api/debts/index.ts';
import { checkUpload, isUploadError } from '../../api/shared/uploads.ts';
import type { FieldError, ServiceDefinition } from '../../domain/index.ts';
import { applicationsErrors, isDomainError, MAX_ATTACHMENT_BYTES, validateFields } from '../../domain/index.ts';
import { applicationOf, applicationsOf, stepsOf } from '../../projections/applications/index.ts';
import { debtsOf } from '../../projections/debts/index.ts';
import type { Visit } from '../shared/page.ts';
import { NotFound } from '../shared/page.ts';
import { attachment } from '../shared/pdf.ts';
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { applicationsText } from './messages.ts';
import type { FormView } from './pages.ts';
import { applicationPage, attachmentInput, cataloguePage, loginPage, myApplicationsPage, POINT_PARTS, servicePage } from './pages.ts';
import { VERIFY_DOCUMENT_PATH, verifyDocumentPage } from './verifyPages.ts';

const ID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: ID } } } as const;
const CODE_PARAMS = { type: 'object', required: ['code'], properties: { code: { type: 'string', minLength: 1, maxLength: 64 } } } as const;
const SERVICE_PARAMS = { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^[a-z0-9-]{1,80}$' } } } as const;
const SUBMISSION = /^[A-Za-z0-9_-]{16,64}$/;
/** A scanned permit is a few megabytes; the files of one form, together, stay well under a request's worth. */
const MAX_FILES = 10;

type Body = Readonly<Record<string, unknown>>;

/** One value of a form field: a repeated name keeps its first, a file is no text. */
const textOf = (body: Body, name: string): string => {
  const value = body[name];
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first : '';
};

const fileOf = (body: Body, name: string): Buffer | null => {
  const value = body[name];
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return Buffer.isBuffer(first) && first.length > 0 ? first : null;
};

/** The form's raw answers by field name: a point's two inputs become «lat,long», as the domain reads it. */
const rawFieldsOf = (service: ServiceDefinition, body: Body): Record<string, string> => {
  const raw: Record<string, string> = {};
  for (const f of service.fields) {
    if (f.type === 'point') {
      const [lat, long] = [textOf(body, `${f.name}${POINT_PARTS.lat}`).trim(), textOf(body, `${f.name}${POINT_PARTS.long}`).trim()];
      raw[f.name] = lat === '' && long === '' ? '' : `${lat},${long}`;
    } else raw[f.name] = textOf(body, f.name);
  }
  return raw;
};

/** Each attached file through the upload checks with its kind's rules; the refusals by the field. */
const checkedAttachmentsOf = async (kinds: ServiceDefinition['attachments'], body: Body): Promise<{ attachments: CheckedAttachment[]; errors: FieldError[] }> => {
  const attachments: CheckedAttachment[] = [];
  const errors: FieldError[] = [];
  for (const spec of kinds) {
    const bytes = fileOf(body, attachmentInput(spec.kind));
    if (bytes === null) continue;
    try {
      const checked = await checkUpload({ bytes }, { formats: spec.formats, maxBytes: spec.maxBytes });
      attachments.push({ kind: spec.kind, format: checked.format, mediaType: checked.mediaType, sha256: checked.sha256, bytes: checked.bytes });
    } catch (error) {
      if (!isUploadError(error)) throw error;
      errors.push({ field: `attachment:${spec.kind}`, el: error.messageEl, en: error.messageEn });
    }
  }
  return { attachments, errors };
};

const newSubmission = (): string => randomBytes(18).toString('base64url');

export const applicationsWebRoutes =
  (services: ApplicationsServices): WebRoutes =>
  async (app, options) => {
    // Parsed before the handlers (and the CSRF check, which reads `_csrf` from the body); the site's limit
    // for one file, each kind's own limit is checkUpload's.
    await app.register(multipart, { attachFieldsToBody: 'keyValues', throwFileSizeLimit: true, limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_FILES, fields: 100, fieldSize: 8_000, parts: 120 } });

    const subjectOf = (request: FastifyRequest): string | null => (request.session?.kind === 'citizen' ? request.session.subjectId : null);
    const today = (): string => athensDateOf(services.now?.() ?? new Date());
    const serviceOf = (code: string): ServiceDefinition => {
      const found = services.catalogue.find((s) => s.code === code);
      if (!found) throw new NotFound();
      return found;
    };
    const allowed = services.verificationAllowed ?? verificationLimiter(services);
    const limited = (request: FastifyRequest): void => {
      if (!allowed(request.ip)) throw Object.assign(new Error('too many verifications from this address'), { statusCode: 429 });
    };
    const personal = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'no-store');

    registerPages(options, ({ at, visit }) => {
      const loginHref = (v: Visit, path: string): string => `/auth/taxisnet?next=${encodeURIComponent(v.href(path))}`;

      const formOf = async (request: FastifyRequest, subjectId: string, values: Readonly<Record<string, string>>, errors: readonly FieldError[], submission: string, error?: string): Promise<FormView> => ({
        csrfToken: request.session?.csrfToken ?? '',
        submission,
        values,
        errors,
        debts: await debtsOf(services.client, services.schema, subjectId, today()),
        ...(error !== undefined ? { error } : {}),
      });

      app.get(at('/services/'), async (request, reply) => options.render(reply, visit(request), cataloguePage(visit(request), services.catalogue)));

      // The address without its slash is the same page.
      app.get<{ Params: { code: string } }>(at('/services/:code'), { schema: { params: SERVICE_PARAMS } }, async (request, reply) => {
        serviceOf(request.params.code);
        return reply.redirect(visit(request).href(`/services/${request.params.code}/`), 301);
      });

      app.get<{ Params: { code: string } }>(at('/services/:code/'), { schema: { params: SERVICE_PARAMS } }, async (request, reply) => {
        const v = visit(request);
        const service = serviceOf(request.params.code);
        const subjectId = subjectOf(request);
        if (subjectId) personal(reply);
        return options.render(reply, v, servicePage(v, service, subjectId ? await formOf(request, subjectId, {}, [], newSubmission()) : null, loginHref(v, `/services/${service.code}/`)));
      });

      app.post<{ Params: { code: string }; Body: Body }>(at('/services/:code/'), { schema: { params: SERVICE_PARAMS } }, async (request, reply) => {
        const v = visit(request);
        const service = serviceOf(request.params.code);
        const subjectId = subjectOf(request);
        personal(reply);
        if (!subjectId) return options.render(reply, v, loginPage(v, service.title[v.lang], applicationsText(v).form.loginLead, v.href(`/services/${service.code}/`)));
        const body: Body = request.body ?? {};
        const given = textOf(body, 'submission');
        const submission = SUBMISSION.test(given) ? given : newSubmission();
        const raw = rawFieldsOf(service, body);
        const uploads = await checkedAttachmentsOf(service.attachments, body);
        if (uploads.errors.length > 0) {
          // Nothing is filed while a file is refused; the fields are checked all the same, to say everything at once.
          const checked = validateFields(service, raw);
          return options.render(reply, v, servicePage(v, service, await formOf(request, subjectId, checked.values, [...checked.errors, ...uploads.errors], submission), ''));
        }
        try {
          const outcome = await submit(services, await applicantOf(services, request), { service: service.code, fields: raw, attachments: uploads.attachments, key: submission });
          if (outcome.kind === 'invalid') return options.render(reply, v, servicePage(v, service, await formOf(request, subjectId, outcome.values, outcome.errors, submission), ''));
          return reply.redirect(v.href(`/my/applications/${outcome.id}`), 303);
        } catch (error) {
          if (!isDomainError(error) || error.code !== applicationsErrors.OD_APPLICANT_NOT_ELIGIBLE.code) throw error;
          const message = v.lang === 'el' ? error.messageEl : error.messageEn;
          return options.render(reply, v, servicePage(v, service, await formOf(request, subjectId, raw, [], submission, message), ''));
        }
      });

      app.get(at('/my/applications'), async (request, reply) => {
        const v = visit(request);
        const t = applicationsText(v);
        personal(reply);
        const subjectId = subjectOf(request);
        if (!subjectId) return options.render(reply, v, loginPage(v, t.mine.title, t.mine.loginLead, v.href('/my/applications')));
        // A fee paid since the last look moves its application on, as the API's list does.
        await settlePaidFees(services);
        const applications = await applicationsOf(services.client, services.schema, subjectId);
        return options.render(reply, v, myApplicationsPage(v, { applications, catalogue: services.catalogue, today: today() }));
      });

      const showApplication = async (request: FastifyRequest, reply: FastifyReply, v: Visit, id: string, subjectId: string, error?: string) => {
        const application = await applicationOf(services.client, services.schema, id, subjectId);
        if (!application) throw new NotFound();
        const steps = await stepsOf(services.client, services.schema, id);
        const service = services.catalogue.find((s) => s.code === application.service) ?? null;
        return options.render(reply, v, applicationPage(v, { application, steps, service, csrfToken: request.session?.csrfToken ?? '', today: today(), ...(error !== undefined ? { error } : {}) }));
      };

      app.get<{ Params: { id: string } }>(at('/my/applications/:id'), { schema: { params: ID_PARAMS } }, async (request, reply) => {
        const v = visit(request);
        personal(reply);
        const subjectId = subjectOf(request);
        if (!subjectId) return options.render(reply, v, loginPage(v, applicationsText(v).mine.title, applicationsText(v).mine.loginLead, v.href(`/my/applications/${request.params.id}`)));
        return showApplication(request, reply, v, request.params.id, subjectId);
      });

      app.get<{ Params: { id: string } }>(at('/my/applications/:id/document.pdf'), { schema: { params: ID_PARAMS } }, async (request, reply) => {
        const v = visit(request);
        personal(reply);
        const subjectId = subjectOf(request);
        if (!subjectId) return options.render(reply, v, loginPage(v, applicationsText(v).mine.title, applicationsText(v).mine.loginLead, v.href(`/my/applications/${request.params.id}`)));
        const pdf = await issuedPdf(services, request.params.id, subjectId);
        if (!pdf) throw new NotFound();
        return reply.type('application/pdf').header('content-disposition', attachment(`${applicationsText(v).one.pdfFile}-${request.params.id.slice(0, 8)}.pdf`)).send(pdf);
      });

      /** A citizen's action on their application; another's (or none) is a 404, a refused step the page with its reason. */
      const act = (work: (request: FastifyRequest<{ Params: { id: string }; Body: Body }>, subjectId: string, v: Visit) => Promise<string | null>) =>
        async (request: FastifyRequest<{ Params: { id: string }; Body: Body }>, reply: FastifyReply) => {
          const v = visit(request);
          personal(reply);
          const subjectId = subjectOf(request);
          if (!subjectId) return options.render(reply, v, loginPage(v, applicationsText(v).mine.title, applicationsText(v).mine.loginLead, v.href(`/my/applications/${request.params.id}`)));
          try {
            const problem = await work(request, subjectId, v);
            if (problem !== null) return showApplication(request, reply, v, request.params.id, subjectId, problem);
          } catch (error) {
            if (!isDomainError(error)) throw error;
            if (error.code === applicationsErrors.OD_APPLICATION_UNKNOWN.code) throw new NotFound();
            return showApplication(request, reply, v, request.params.id, subjectId, v.lang === 'el' ? error.messageEl : error.messageEn);
          }
          return reply.redirect(v.href(`/my/applications/${request.params.id}`), 303);
        };

      app.post<{ Params: { id: string }; Body: Body }>(
        at('/my/applications/:id/withdraw'),
        { schema: { params: ID_PARAMS } },
        act(async (request) => {
          await withdraw(services, await applicantOf(services, request), request.params.id);
          return null;
        }),
      );

      app.post<{ Params: { id: string }; Body: Body }>(
        at('/my/applications/:id/answer'),
        { schema: { params: ID_PARAMS } },
        act(async (request, subjectId, v) => {
          const body: Body = request.body ?? {};
          const text = textOf(body, 'text').trim().slice(0, 4000);
          if (text === '') return applicationsText(v).one.answerMissing;
          const application = await applicationOf(services.client, services.schema, request.params.id, subjectId);
          if (!application) throw new NotFound();
          const kinds = services.catalogue.find((s) => s.code === application.service)?.attachments ?? [];
          const uploads = await checkedAttachmentsOf(kinds, body);
          if (uploads.errors.length > 0) return uploads.errors.map((e) => e[v.lang]).join(' ');
          await answer(services, await applicantOf(services, request), request.params.id, text, uploads.attachments);
          return null;
        }),
      );

      // «Έλεγχος εγγράφου»: the code form is a GET that lands on /verify/<code>, a plain link to share.
      app.get<{ Querystring: { code?: string } }>(
        at(VERIFY_DOCUMENT_PATH),
        { schema: { querystring: { type: 'object', properties: { code: { type: 'string', maxLength: 64 } } } } },
        async (request, reply) => {
          const v = visit(request);
          const code = request.query.code?.trim() ?? '';
          if (code !== '') return reply.redirect(v.href(`/verify/${encodeURIComponent(code.replace(/\s+/g, '').slice(0, 64))}`), 303);
          return options.render(reply, v, verifyDocumentPage(v, { catalogue: services.catalogue, csrfToken: request.session?.csrfToken ?? null }));
        },
      );

      app.post<{ Body: Body }>(at(VERIFY_DOCUMENT_PATH), async (request, reply) => {
        const v = visit(request);
        reply.header('cache-control', 'no-store');
        const body: Body = request.body ?? {};
        const pdf = fileOf(body, 'file');
        const csrfToken = request.session?.csrfToken ?? null;
        if (pdf === null) return options.render(reply, v, verifyDocumentPage(v, { catalogue: services.catalogue, csrfToken, error: applicationsText(v).verify.fileMissing }));
        limited(request);
        const result = await verifyUpload(services, pdf, null);
        return options.render(reply, v, verifyDocumentPage(v, { catalogue: services.catalogue, csrfToken, result }));
      });

      app.get<{ Params: { code: string } }>(at('/verify/:code'), { schema: { params: CODE_PARAMS } }, async (request, reply) => {
        const v = visit(request);
        limited(request);
        reply.header('cache-control', 'no-store');
        const result = await verifyCode(services, request.params.code);
        return options.render(reply, v, verifyDocumentPage(v, { catalogue: services.catalogue, csrfToken: request.session?.csrfToken ?? null, code: request.params.code, result }));
      });
    });
  };
