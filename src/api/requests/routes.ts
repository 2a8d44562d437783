// Open311 GeoReport v2 at /open311/: discovery, the services and their definitions, POST a request (an API
// key's app, form-encoded) and GET requests, in JSON or XML by extension. Every answer carries the spec's
// fields and nothing else: the reporter's contact is sealed in its own stream and never read here.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Bilingual, Bounds, RequestType } from '../../domain/index.ts';
import { checkSubmission, initialRequest, isDomainError, parseW3cDate, requestsErrors, streams, submitRequest } from '../../domain/index.ts';
import type { PublicRequest } from '../../projections/requests/index.ts';
import { findRequests, requestById } from '../../projections/requests/index.ts';
import type { RouteDependencies } from '../shared/apiContext.ts';
import { appOfKey } from './apiKeys.ts';
import { requestTypeOf } from './catalogue.ts';
import type { Format } from './format.ts';
import { sendError, sendList, sendObject, sendRefusal, splitFormat } from './format.ts';
import type { SubmissionLimits, TooManyRequests } from './limits.ts';
import { checkSubmissionLimits, DEFAULT_SUBMISSION_LIMITS, submissionLimiter } from './limits.ts';

export interface RequestsOptions {
  readonly types: readonly RequestType[];
  readonly bounds: Bounds;
  readonly now?: () => Date;
  /** POSTs a minute per API key and per client address; the defaults where not given. */
  readonly limits?: Partial<SubmissionLimits>;
}

/** The date of this discovery document's last change (the spec's changeset). */
const CHANGESET = '2026-12-07T00:00:00Z';
const FORMATS = ['json', 'xml'] as const;

type Language = 'el' | 'en';
type Query = Readonly<Record<string, string | string[] | undefined>>;

const languageOf = (request: FastifyRequest): Language => ((request.query as Query)['lang'] === 'en' ? 'en' : 'el');
const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

const serviceOf = (t: RequestType, lang: Language) => ({
  service_code: t.code,
  service_name: t.name[lang],
  description: t.description[lang],
  metadata: t.metadata,
  type: t.type,
  keywords: t.keywords.join(','),
  group: t.group[lang],
});

const definitionOf = (t: RequestType, lang: Language) => ({
  service_code: t.code,
  attributes: t.attributes.map((a) => ({
    variable: a.variable,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: a.datatypeDescription?.[lang] ?? null,
    order: a.order,
    description: a.description[lang],
    values: a.values.map((v) => ({ key: v.key, name: v.name[lang] })),
  })),
});

/** Exactly the spec's fields of a service request. */
const requestJson = (r: PublicRequest, types: readonly RequestType[], lang: Language) => ({
  service_request_id: r.id,
  status: r.status,
  status_notes: r.statusNotes,
  service_name: requestTypeOf(types, r.serviceCode)?.name[lang] ?? r.serviceCode,
  service_code: r.serviceCode,
  description: r.description,
  agency_responsible: r.agency,
  service_notice: null,
  requested_datetime: r.requestedAt,
  updated_datetime: r.updatedAt,
  expected_datetime: r.expectedAt,
  address: r.address,
  address_id: r.addressId,
  zipcode: null,
  lat: r.lat,
  long: r.long,
  media_url: r.mediaUrl,
});

/** `attribute[code]` and `attribute[code][]` of a form, each as its list of values. */
const attributesOfForm = (body: Query): Record<string, string[]> => {
  const answers: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    const match = /^attribute\[([^\]]{1,64})\](\[\])?$/.exec(key);
    if (!match || value === undefined) continue;
    (answers[match[1]!] ??= []).push(...(Array.isArray(value) ? value : [value]));
  }
  return answers;
};

const agencyName = (agency: Bilingual): string => `${agency.el} / ${agency.en}`;

export const requestsRoutes =
  (options: RequestsOptions): FastifyPluginAsync<RouteDependencies> =>
  async (app, deps) => {
    const now = options.now ?? (() => new Date());
    // One pair of counters per app: each node counts what reaches it.
    const limiter = submissionLimiter(checkSubmissionLimits({ ...DEFAULT_SUBMISSION_LIMITS, ...options.limits }), () => now().getTime());
    const tooMany = (reply: FastifyReply, format: Format, refused: TooManyRequests): FastifyReply =>
      sendError(reply.header('retry-after', String(refused.retryAfterSeconds)), format, 429, refused.description);
    const formatOfUrl = (url: string): Format => (/\.xml(\?|$)/.test(url) ? 'xml' : 'json');
    // Whatever fails on the way (a body that does not parse), in the spec's error format.
    app.setErrorHandler(async (error: { statusCode?: number; message: string }, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error(error);
      return sendError(reply, formatOfUrl(request.url), status, status === 500 ? 'Σφάλμα του διακομιστή / Server error' : error.message);
    });
    const refusing = async (reply: FastifyReply, format: Format, work: () => Promise<FastifyReply>): Promise<FastifyReply> => {
      try {
        return await work();
      } catch (error) {
        if (isDomainError(error)) return sendRefusal(reply, format, error);
        throw error;
      }
    };

    for (const format of FORMATS) {
      app.get(`/open311/discovery.${format}`, async (request, reply) => {
        const base = `${request.protocol}://${request.host}`;
        return sendObject(reply, format, 'discovery', {
          changeset: CHANGESET,
          contact: 'Δήμος Ληξουρίου / Municipality of Lixouri',
          key_service: `${base}/open311/`,
          endpoints: [
            { specification: 'http://wiki.open311.org/GeoReport_v2', url: `${base}/open311/v2`, changeset: CHANGESET, type: 'production', formats: ['application/json', 'text/xml'] },
          ].map((e) => (format === 'xml' ? { endpoint: { ...e, formats: { format: e.formats } } } : e)),
        });
      });

      app.get(`/open311/v2/services.${format}`, async (request, reply) => sendList(reply, format, 'services', 'service', options.types.map((t) => serviceOf(t, languageOf(request)))));

      app.post(`/open311/v2/requests.${format}`, async (request, reply) =>
        refusing(reply, format, async () => {
          // The address first, whatever the key (a forged key counts too); the key once it is known to be one.
          const fromAddress = limiter.fromAddress(request.ip);
          if (fromAddress) return tooMany(reply, format, fromAddress);
          const body = (request.body ?? {}) as Query;
          const key = one(body['api_key']);
          if (key === undefined || (await appOfKey(deps.db, deps.schema, key)) === null) throw requestsErrors.OD_REQUEST_API_KEY_INVALID();
          const withKey = limiter.withKey(key);
          if (withKey) return tooMany(reply, format, withKey);
          const type = requestTypeOf(options.types, one(body['service_code']) ?? '');
          if (!type) throw requestsErrors.OD_REQUEST_SERVICE_CODE_INVALID();
          const checked = checkSubmission(
            type,
            {
              lat: one(body['lat']),
              long: one(body['long']),
              addressString: one(body['address_string']),
              addressId: one(body['address_id']),
              description: one(body['description']),
              mediaUrl: one(body['media_url']),
              email: one(body['email']),
              firstName: one(body['first_name']),
              lastName: one(body['last_name']),
              phone: one(body['phone']),
              attributes: attributesOfForm(body),
            },
            options.bounds,
          );
          if (!deps.personal) return sendError(reply, format, 503, 'Η καταχώριση αιτημάτων δεν είναι διαθέσιμη εδώ / Submitting requests is not available here');
          const at = now();
          const requestId = randomUUID();
          const events = submitRequest(initialRequest(), {
            requestId,
            serviceCode: type.code,
            description: checked.description,
            ...checked.location,
            mediaUrl: checked.mediaUrl,
            attributes: checked.attributes,
            agency: agencyName(type.agency),
            requestedAt: at.toISOString(),
            expectedAt: type.expectedDays === null ? null : new Date(at.getTime() + type.expectedDays * 86_400_000).toISOString(),
          });
          await deps.store.append(streams.request(requestId), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor: 'open311' } })), { expectedRevision: 'no_stream' });
          const { contact } = checked;
          if (contact.email !== null || contact.phone !== null || contact.firstName !== null || contact.lastName !== null) {
            // A reporter without an account: a subject of its own, so erasing it shreds only this contact.
            const subjectId = randomUUID();
            const sealed = await deps.personal.keyring.seal(subjectId, contact);
            await deps.store.append(streams.reporter(requestId), [{ type: 'ReporterRecorded', data: { requestId, subjectId, at: at.toISOString(), sealed }, metadata: { actor: 'open311' } }], {
              expectedRevision: 'no_stream',
            });
          }
          return sendList(reply, format, 'service_requests', 'request', [{ service_request_id: requestId, service_notice: null, account_id: null }], 201);
        }),
      );

      app.get(`/open311/v2/requests.${format}`, async (request, reply) =>
        refusing(reply, format, async () => {
          const q = request.query as Query;
          const date = (column: string): Date | undefined => {
            const value = one(q[column]);
            if (value === undefined || value === '') return undefined;
            const parsed = parseW3cDate(value);
            if (parsed === null) throw requestsErrors.OD_REQUEST_DATE_INVALID({ column });
            return parsed;
          };
          const list = (column: string) => (one(q[column]) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
          const status = one(q['status']);
          if (status !== undefined && status !== '' && status !== 'open' && status !== 'closed') throw requestsErrors.OD_REQUEST_STATUS_INVALID();
          const start = date('start_date');
          const end = date('end_date');
          const found = await findRequests(
            deps.db,
            deps.schema,
            { ids: list('service_request_id'), serviceCodes: list('service_code'), ...(status ? { status: status } : {}), ...(start ? { start } : {}), ...(end ? { end } : {}) },
            now(),
          );
          return sendList(reply, format, 'service_requests', 'request', found.map((r) => requestJson(r, options.types, languageOf(request))));
        }),
      );
    }

    app.get<{ Params: { file: string } }>('/open311/v2/services/:file', async (request, reply) => {
      const split = splitFormat(request.params.file);
      if (!split) return sendError(reply, 'json', 404, 'Δώστε .json ή .xml / Ask for .json or .xml');
      const [code, format] = split;
      const type = requestTypeOf(options.types, code);
      if (!type) return sendRefusal(reply, format, requestsErrors.OD_REQUEST_SERVICE_UNKNOWN());
      return sendObject(reply, format, 'service_definition', format === 'xml' ? xmlDefinition(definitionOf(type, languageOf(request))) : definitionOf(type, languageOf(request)));
    });

    app.get<{ Params: { file: string } }>('/open311/v2/requests/:file', async (request, reply) => {
      const split = splitFormat(request.params.file);
      if (!split) return sendError(reply, 'json', 404, 'Δώστε .json ή .xml / Ask for .json or .xml');
      const [id, format] = split;
      const found = id.length <= 100 ? await requestById(deps.db, deps.schema, id) : null;
      if (!found) return sendRefusal(reply, format, requestsErrors.OD_REQUEST_UNKNOWN());
      return sendList(reply, format, 'service_requests', 'request', [requestJson(found, options.types, languageOf(request))]);
    });

    // Under /open311 an unknown address is the spec's error too.
    await app.register(
      async (open311) => {
        open311.setNotFoundHandler(async (request, reply) => sendError(reply, formatOfUrl(request.url), 404, 'Δεν υπάρχει τέτοια διεύθυνση / No such address'));
      },
      { prefix: '/open311' },
    );
  };

/** In XML the lists nest under their element names: `<attributes><attribute>…<values><value>`. */
const xmlDefinition = (d: ReturnType<typeof definitionOf>) => ({
  service_code: d.service_code,
  attributes: { attribute: d.attributes.map((a) => ({ ...a, values: { value: a.values } })) },
});
