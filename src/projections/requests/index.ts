// The requests context's read side: the public face of each service request.
import type { ProjectionsContext } from '../shared/projection.ts';
import { requestsProjection } from './requestsProjection.ts';

export { REQUEST_TIMELINE, REQUESTS, REQUESTS_PROJECTION, requestsProjection } from './requestsProjection.ts';
export type { TimelineKind } from './requestsProjection.ts';
export * from './requestQueries.ts';

export const requestsProjections: ProjectionsContext = { name: 'requests', projections: [requestsProjection] };
