// Requests to the services (Open311 GeoReport v2): the public face of each request, and its reporter apart.
import { domainContext } from '../shared/context.ts';
import type { ReporterEvent, RequestEvent } from './events.ts';

export * from './events.ts';
export * from './catalogue.ts';
export * from './request.ts';
export * from './submission.ts';
export { requestsErrors } from './errors.ts';

/** Public: in the read models, the API and the verifiable log; no one is named in them. */
export const requestsDomain = domainContext<RequestEvent>({
  name: 'requests',
  eventSchemas: {
    RequestSubmitted: { version: 1 },
    RequestStatusChanged: { version: 1 },
    RequestSupported: { version: 1 },
  },
});

/** Personal: who reported a request, sealed with a subject key of its own. */
export const reportersDomain = domainContext<ReporterEvent>({
  name: 'reporters',
  personal: true,
  eventSchemas: {
    ReporterRecorded: { version: 1 },
  },
});
