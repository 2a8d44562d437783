// «Αναφορά προβλήματος / Report a problem» on the site. GET /requests/new lists the kinds of problem; with
// ?service_code the form. Its POST (multipart: the photos) checks everything as Open311's POST does (the
// domain's checkSubmission, the bounds), re-encodes the photos, keeps a sealed draft, and shows the open
// requests of the same kind within 50 m («Μήπως έχει ήδη αναφερθεί;») unless the page's script already did;
// then a TaxisNet account's report is recorded at once, anyone else's waits for the link sent to their e-mail
// (GET shows a button, POST records: mail scanners prefetch links). +1 on a nearby request supports it. The
// JSON of /requests/places and /requests/nearby serve the script; photos are served once their request is
// recorded. Every POST carries the signed pre-session token (a visitor has no session), the one CSRF check
// that holds with and without a login.
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PendingReport, ReportDraft, ReportServices } from '../../api/requests/index.ts';
import {
  askForConfirmation,
  checkReportLimits,
  clientHash,
  decideOnRequest,
  dropDraft,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  publishedPhoto,
  recordReport,
  reencodePhoto,
  REPORT_LINK_HOURS,
  reportErrors,
  reportOfToken,
  requestTypeOf,
  saveDraft,
  sameWaitingReport,
} from '../../api/requests/index.ts';
import { displayName, loadAccount } from '../../api/identity/index.ts';
import { addressLimiter } from '../../api/shared/addressLimiter.ts';
import { preSessionToken } from '../../api/shared/sessions/index.ts';
import type { DomainError, RequestType } from '../../domain/index.ts';
import { checkSubmission, isDomainError, requestsErrors, supportRequest, withinBounds } from '../../domain/index.ts';
import { NEARBY_METRES, openRequestsNear } from '../../projections/requests/index.ts';
import type { Visit } from '../shared/page.ts';
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import type { Place } from './places.ts';
import { loadPlaces, searchPlaces } from './places.ts';
import type { FormErrors, FormValues } from './reportPages.ts';
import { categoryPage, confirmPage, formPage, linkProblemPage, NEW_PATH, nearbyPage, notSupportedPage, recordedPage, sentPage, supportedPage } from './reportPages.ts';
import { reportText } from './reportMessages.ts';
import type { RequestsWebServices } from './services.ts';

const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: UUID } } } as const;
const PRE_SESSION = { csrf: 'pre-session' } as const;
/** +1s from one client address in an hour: enough for a street's worth, too few to inflate a count. */
const SUPPORTS_PER_HOUR = 30;

type Body = Readonly<Record<string, unknown>>;

const firstOf = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);
const textOf = (body: Body, name: string): string => {
  const v = firstOf(body[name]);
  return typeof v === 'string' ? v : '';
};
const textsOf = (body: Body, name: string): string[] => {
  const v = body[name];
  return (Array.isArray(v) ? (v as unknown[]) : [v]).filter((x): x is string => typeof x === 'string');
};
const filesOf = (body: Body, name: string): Buffer[] => {
  const v = body[name];
  return (Array.isArray(v) ? (v as unknown[]) : [v]).filter((x): x is Buffer => Buffer.isBuffer(x) && x.length > 0);
};

// A datetime-local control gives «2026-05-04T08:00»: the domain takes W3C with its zone, Greece's.
const ATHENS_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Athens', timeZoneName: 'longOffset' });
const withAthensZone = (value: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return value;
  const zone = ATHENS_OFFSET.formatToParts(new Date(`${value}:00Z`)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+02:00';
  return `${value}:00${zone.replace('GMT', '') || '+00:00'}`;
};

/** The form's answers to the type's attributes, as the domain reads them. */
const attributesOf = (type: RequestType, body: Body): Record<string, string[]> => {
  const answers: Record<string, string[]> = {};
  for (const a of type.attributes) {
    if (!a.variable) continue;
    const values = a.datatype === 'multivaluelist' ? textsOf(body, `attribute[${a.code}][]`) : textsOf(body, `attribute[${a.code}]`).slice(0, 1);
    answers[a.code] = a.datatype === 'datetime' ? values.map(withAthensZone) : values;
  }
  return answers;
};

/** What was typed, to draw the form again with it (never the files). */
const valuesOf = (body: Body): FormValues => {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf' || key === 'photo') continue;
    const texts = (Array.isArray(value) ? (value as unknown[]) : [value]).filter((x): x is string => typeof x === 'string');
    values[key] = key.endsWith('[]') ? texts : (texts[0] ?? '');
  }
  return values;
};

/** The refusal by the form's field it concerns: a domain column («attribute[size]», «lat», «email»…). */
const fieldOfError = (error: DomainError): string => {
  if (error.code === requestsErrors.OD_REQUEST_ATTRIBUTE_INVALID.code || error.code === requestsErrors.OD_REQUEST_FIELD_TOO_LONG.code) {
    const match = /(attribute\[[^\]]+\]|address_string|first_name|last_name|email)/.exec(error.messageEn);
    return match?.[1] ?? 'form';
  }
  if (error.column === 'address_string' || error.column === 'address_id') return 'lat';
  return error.column ?? 'form';
};

export const reportRoutes =
  (services: RequestsWebServices): WebRoutes =>
  async (app, options) => {
    // Each file one byte over the limit at most, so that a larger one is known as such and refused in our words.
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_PHOTO_BYTES + 1, files: MAX_PHOTOS + 2, fields: 60, fieldSize: 8_000, parts: 70 },
    });
    const now = (): Date => services.now?.() ?? new Date();
    const reports: ReportServices = {
      store: services.store,
      client: services.client,
      schema: services.schema,
      keyring: services.keyring,
      publicUrl: services.publicUrl,
      types: services.types,
      ...(services.now ? { now: services.now } : {}),
    };
    const places: readonly Place[] = loadPlaces(services.bounds);
    const supportAllowed = addressLimiter({ max: SUPPORTS_PER_HOUR, windowMs: 3_600_000 }, () => now().getTime());
    const citizenOf = (request: FastifyRequest): string | null => (request.session?.kind === 'citizen' ? request.session.subjectId : null);
    const message = (v: Visit, e: DomainError): string => (v.lang === 'el' ? e.messageEl : e.messageEn);
    const loginHref = (v: Visit, path: string): string | null => (services.login ? `/auth/taxisnet?next=${encodeURIComponent(v.href(path))}` : null);
    const accountOf = async (subjectId: string) => {
      const account = await loadAccount(services, subjectId);
      return account ? { name: displayName(account), email: account.email, details: account.details } : null;
    };

    registerPages(options, ({ at, visit }) => {
      const showForm = async (request: FastifyRequest, reply: FastifyReply, type: RequestType, values: FormValues, errors: FormErrors, status?: number) => {
        const v = visit(request);
        const subjectId = citizenOf(request);
        const account = subjectId ? await accountOf(subjectId) : null;
        reply.header('cache-control', 'no-store');
        return options.render(
          reply,
          v,
          formPage(
            v,
            {
              type,
              csrfToken: preSessionToken(request, reply),
              values,
              errors,
              account: account ? { name: account.name, email: account.email } : null,
              loginHref: loginHref(v, `${NEW_PATH}?service_code=${type.code}`),
              tiles: services.mapTiles,
              bounds: services.bounds,
              ...(status ? { status } : {}),
            },
            { maxPhotos: MAX_PHOTOS, maxMb: MAX_PHOTO_BYTES / 1024 / 1024 },
          ),
        );
      };

      /** The draft goes on: recorded now for an account, else its link is sent. */
      const proceed = async (request: FastifyRequest, reply: FastifyReply, report: PendingReport) => {
        const v = visit(request);
        if (report.account) {
          await recordReport(reports, report, 'citizen');
          return reply.redirect(v.href(`${NEW_PATH}/recorded?id=${report.requestId}`), 303);
        }
        await askForConfirmation(reports, report);
        return options.render(reply, v, sentPage(v));
      };

      app.get<{ Querystring: { service_code?: string } }>(
        at(NEW_PATH),
        { schema: { querystring: { type: 'object', properties: { service_code: { type: 'string', maxLength: 64 } } } } },
        async (request, reply) => {
          const v = visit(request);
          const code = request.query.service_code;
          if (code === undefined || code === '') return options.render(reply, v, categoryPage(v, services.types));
          const type = requestTypeOf(services.types, code);
          if (!type) return options.render(reply, v, categoryPage(v, services.types, 404));
          return showForm(request, reply, type, {}, {});
        },
      );

      app.post<{ Body: Body }>(at(NEW_PATH), { config: PRE_SESSION }, async (request, reply) => {
        const v = visit(request);
        reply.header('cache-control', 'no-store');
        const body: Body = request.body ?? {};
        const type = requestTypeOf(services.types, textOf(body, 'service_code'));
        if (!type) return options.render(reply, v, categoryPage(v, services.types, 400));
        const values = valuesOf(body);
        // The field a person never sees: a robot fills it, and is answered as a person would be, with nothing kept.
        if (textOf(body, 'website').trim() !== '') return options.render(reply, v, sentPage(v));
        const subjectId = citizenOf(request);
        const refuse = (error: unknown) => {
          if (!isDomainError(error)) throw error;
          return showForm(request, reply, type, values, { [fieldOfError(error)]: message(v, error) }, error.status === 429 ? 429 : 400);
        };
        let draft: ReportDraft;
        try {
          const checked = checkSubmission(
            type,
            {
              lat: textOf(body, 'lat'),
              long: textOf(body, 'long'),
              addressString: textOf(body, 'address_string'),
              description: textOf(body, 'description'),
              ...(subjectId ? {} : { email: textOf(body, 'email'), firstName: textOf(body, 'first_name'), lastName: textOf(body, 'last_name') }),
              attributes: attributesOf(type, body),
            },
            services.bounds,
          );
          if (checked.description === '') throw reportErrors.OD_REPORT_DESCRIPTION_REQUIRED();
          if (!subjectId && checked.contact.email === null) throw reportErrors.OD_REPORT_EMAIL_REQUIRED();
          const account = subjectId ? await accountOf(subjectId) : null;
          const contact = account ? { email: account.email, firstName: account.details.firstName || null, lastName: account.details.lastName || null, phone: null } : checked.contact;
          const photos = filesOf(body, 'photo');
          if (photos.length > MAX_PHOTOS) throw reportErrors.OD_REPORT_TOO_MANY_PHOTOS({ max: MAX_PHOTOS });
          draft = { serviceCode: type.code, description: checked.description, location: checked.location, attributes: checked.attributes, photos: photos.length, contact, lang: v.lang };
          if (!subjectId) {
            // The same report sent again (a second click, a resend) is the one already waiting for its link.
            if ((await sameWaitingReport(reports, draft)) !== null) return options.render(reply, v, sentPage(v));
            await checkReportLimits(reports, clientHash(reports, request.ip), contact.email);
          }
          const encoded = [];
          for (const [i, bytes] of photos.entries()) encoded.push(await reencodePhoto(bytes, i + 1));
          const saved = await saveDraft(reports, { draft, photos: encoded, accountSubjectId: subjectId, client: clientHash(reports, request.ip) });
          const report: PendingReport = { requestId: saved.requestId, subjectId: subjectId ?? '', account: subjectId !== null, stage: 'draft', draft };
          const { lat, long } = draft.location;
          // Without the script (or when it showed nothing yet), the nearby requests are a step of their own.
          if (lat !== null && long !== null && textOf(body, 'nearby_seen') !== '1') {
            const nearby = await openRequestsNear(services.client, services.schema, type.code, lat, long, NEARBY_METRES);
            if (nearby.length > 0) return options.render(reply, v, nearbyPage(v, { nearby, draft: saved.token, csrfToken: preSessionToken(request, reply), type }));
          }
          const found = await reportOfToken(reports, saved.token, 'draft');
          return await proceed(request, reply, found.kind === 'found' ? found.report : report);
        } catch (error) {
          return refuse(error);
        }
      });

      app.post<{ Body: Body }>(at(`${NEW_PATH}/continue`), { config: PRE_SESSION }, async (request, reply) => {
        const v = visit(request);
        reply.header('cache-control', 'no-store');
        const found = await reportOfToken(reports, textOf(request.body ?? {}, 'draft'), 'draft');
        if (found.kind !== 'found') return options.render(reply, v, linkProblemPage(v, message(v, found.kind === 'expired' ? reportErrors.OD_REPORT_LINK_EXPIRED({ hours: 1 }) : reportErrors.OD_REPORT_LINK_UNKNOWN()), found.kind === 'expired' ? 410 : 404));
        try {
          return await proceed(request, reply, found.report);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          return options.render(reply, v, linkProblemPage(v, message(v, error), error.status));
        }
      });

      app.get<{ Querystring: { id?: string } }>(
        at(`${NEW_PATH}/recorded`),
        { schema: { querystring: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: UUID } } } } },
        async (request, reply) => options.render(reply, visit(request), recordedPage(visit(request), request.query.id!, citizenOf(request) !== null)),
      );

      app.post<{ Params: { id: string }; Body: Body }>(at('/requests/:id/support'), { config: PRE_SESSION, schema: { params: ID_PARAMS } }, async (request, reply) => {
        const v = visit(request);
        reply.header('cache-control', 'no-store');
        if (!supportAllowed(request.ip)) return options.render(reply, v, notSupportedPage(v, reportText(v).supported.tooMany, 429));
        try {
          await decideOnRequest(services.store, request.params.id, citizenOf(request) ? 'citizen' : 'web', (state) => supportRequest(state, { at: now().toISOString() }));
        } catch (error) {
          if (!isDomainError(error)) throw error;
          const closed = error.code === requestsErrors.OD_REQUEST_CLOSED.code;
          return options.render(reply, v, notSupportedPage(v, closed ? reportText(v).supported.closed : message(v, error), closed ? 409 : 404));
        }
        // The citizen's own draft, left for this request, goes.
        const draft = await reportOfToken(reports, textOf(request.body ?? {}, 'draft'), 'draft');
        if (draft.kind === 'found') await dropDraft(reports, draft.report);
        return options.render(reply, v, supportedPage(v, request.params.id));
      });

      const linkRefusal = (v: Visit, kind: 'expired' | 'unknown') =>
        linkProblemPage(v, message(v, kind === 'expired' ? reportErrors.OD_REPORT_LINK_EXPIRED({ hours: REPORT_LINK_HOURS }) : reportErrors.OD_REPORT_LINK_UNKNOWN()), kind === 'expired' ? 410 : 404);

      app.get<{ Querystring: { token?: string } }>(
        at('/requests/confirm'),
        { schema: { querystring: { type: 'object', properties: { token: { type: 'string', maxLength: 200 } } } } },
        async (request, reply) => {
          const v = visit(request);
          reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
          const token = request.query.token ?? '';
          const found = await reportOfToken(reports, token, 'pending');
          if (found.kind !== 'found') return options.render(reply, v, linkRefusal(v, found.kind));
          const type = requestTypeOf(services.types, found.report.draft.serviceCode) ?? null;
          return options.render(reply, v, confirmPage(v, { token, csrfToken: preSessionToken(request, reply), type, description: found.report.draft.description }));
        },
      );

      app.post<{ Body: Body }>(at('/requests/confirm'), { config: PRE_SESSION }, async (request, reply) => {
        const v = visit(request);
        reply.header('cache-control', 'no-store');
        const found = await reportOfToken(reports, textOf(request.body ?? {}, 'token'), 'pending');
        if (found.kind !== 'found') return options.render(reply, v, linkRefusal(v, found.kind));
        if (!(await recordReport(reports, found.report, 'web'))) return options.render(reply, v, linkRefusal(v, 'unknown'));
        return reply.redirect(v.href(`${NEW_PATH}/recorded?id=${found.report.requestId}`), 303);
      });

      app.get<{ Querystring: { q?: string } }>(
        at('/requests/places'),
        { schema: { querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 100 } } } } },
        async (request) => ({
          places: searchPlaces(places, request.query.q ?? '').map((p) => ({ id: p.id, name: p[visit(request).lang], el: p.el, en: p.en, lat: p.lat, long: p.long })),
        }),
      );

      app.get<{ Querystring: { service_code: string; lat: number; long: number } }>(
        at('/requests/nearby'),
        {
          schema: {
            querystring: {
              type: 'object',
              required: ['service_code', 'lat', 'long'],
              properties: { service_code: { type: 'string', maxLength: 64 }, lat: { type: 'number', minimum: -90, maximum: 90 }, long: { type: 'number', minimum: -180, maximum: 180 } },
            },
          },
        },
        async (request, reply) => {
          const v = visit(request);
          const { service_code: code, lat, long } = request.query;
          if (!requestTypeOf(services.types, code)) return reply.code(400).send({ error: message(v, requestsErrors.OD_REQUEST_SERVICE_CODE_INVALID()) });
          if (!withinBounds(services.bounds, lat, long)) return reply.code(400).send({ error: message(v, requestsErrors.OD_REQUEST_OUTSIDE_MUNICIPALITY({ bounds: '' })).replace(' ()', '') });
          const nearby = await openRequestsNear(services.client, services.schema, code, lat, long, NEARBY_METRES);
          return {
            requests: nearby.map((r) => ({ id: r.id, description: r.description, supports: r.supports, distance: r.distance, requested_at: r.requestedAt, url: v.href(`/requests/${r.id}`), support: v.href(`/requests/${r.id}/support`) })),
          };
        },
      );
    });

    app.get<{ Params: { id: string; file: string } }>(
      '/requests/:id/photos/:file',
      { schema: { params: { type: 'object', required: ['id', 'file'], properties: { id: { type: 'string', pattern: UUID }, file: { type: 'string', pattern: '^[1-3]\\.jpg$' } } } } },
      async (request, reply) => {
        const photo = await publishedPhoto(services.client, services.schema, request.params.id, Number(request.params.file[0]));
        if (!photo) return reply.code(404).type('text/plain; charset=utf-8').send('Δεν υπάρχει τέτοια φωτογραφία / No such photo');
        return reply
          .type('image/jpeg')
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('x-content-type-options', 'nosniff')
          .header('etag', `"${photo.sha256.slice(0, 32)}"`)
          .send(photo.bytes);
      },
    );
  };
