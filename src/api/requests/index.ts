// Requests to the services in the API: Open311 GeoReport v2 at /open311/.
import type { ApiContext } from '../shared/apiContext.ts';
import type { RequestsOptions } from './routes.ts';
import { requestsRoutes } from './routes.ts';

export type { RequestsOptions } from './routes.ts';
export { DEFAULT_REQUESTS_FILE, loadRequestTypes, requestTypeOf } from './catalogue.ts';
export { API_KEYS, appOfKey, createApiKey, isValidAppName, requestsMigrations } from './apiKeys.ts';
export { appendNote, decideOnRequest, loadRequest } from './stream.ts';
export type { LoadedRequest } from './stream.ts';
export { PENDING_REPORTS, REQUEST_PHOTOS, requestReportMigrations } from './reportTables.ts';
export { reportErrors } from './reportErrors.ts';
export { MAX_PHOTO_BYTES, MAX_PHOTOS, photoCount, photoUrl, publishedPhoto, reencodePhoto } from './photos.ts';
export type { Photo } from './photos.ts';
export * from './reports.ts';

export const requestsApi = (options: RequestsOptions): ApiContext => ({
  name: 'requests',
  sdl: '',
  resolvers: () => ({ resolvers: {} }),
  routes: requestsRoutes(options),
  prefixes: ['/open311/'],
});
