// The requests context's read side: the public face of each service request.
import type { ProjectionsContext } from '../shared/projection.ts';
import { reportersProjection } from './reporters.ts';
import { requestsProjection } from './requestsProjection.ts';

export { REQUEST_TIMELINE, REQUESTS, REQUESTS_PROJECTION, requestsProjection } from './requestsProjection.ts';
export type { TimelineKind } from './requestsProjection.ts';
export * from './requestQueries.ts';
export * from './listQueries.ts';
export * from './figures.ts';
export { haversineMetres, NEARBY_METRES, openRequestsNear } from './nearby.ts';
export type { NearbyRequest } from './nearby.ts';

export const requestsProjections: ProjectionsContext = { name: 'requests', projections: [requestsProjection] };

// Personal: who reported each request (sealed contacts), and the e-mails that tell them of its progress.
export { REQUEST_REPORTERS, REQUEST_REPORTERS_PROJECTION, reportersOf, reportersProjection, reportersToTell, requestIdsReportedBy } from './reporters.ts';
export type { Reporter } from './reporters.ts';
export { reopenLink, reopenToken, requestsNotifications, STAGE_NAMES } from './notifications.ts';
export type { RequestsNotifying } from './notifications.ts';
export const requestReportersProjections: ProjectionsContext = { name: 'request-reporters', projections: [reportersProjection] };
