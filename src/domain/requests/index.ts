// Requests to the services (Open311 GeoReport v2): the public face of each request, and its reporter apart.
import { domainContext } from '../shared/context.ts';
import type { ReporterEvent, RequestEvent, RequestNoteEvent } from './events.ts';

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
    // Version 2 adds the office's stage; a version 1 event was Open311's open or closed alone.
    RequestStatusChanged: { version: 2, upcasters: { 1: (data) => ({ ...(data as { status: 'open' | 'closed' }), stage: (data as { status: 'open' | 'closed' }).status }) } },
    RequestSupported: { version: 1 },
    RequestAssigned: { version: 1 },
    RequestReplied: { version: 1 },
    RequestExpectedDateSet: { version: 1 },
    RequestMerged: { version: 1 },
    RequestReopened: { version: 1 },
  },
});

/** Internal: the office's notes on a request, staff-only; kept out of every public model and the log. */
export const requestNotesDomain = domainContext<RequestNoteEvent>({
  name: 'request-notes',
  personal: true,
  eventSchemas: {
    RequestNoteAdded: { version: 1 },
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
