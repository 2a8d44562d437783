// Identity in the API: the citizen's account service (shared with the site's account pages) and
// GET /api/my, the session's own subject as JSON.
import type { ApiContext } from '../shared/apiContext.ts';
import type { CitizenServices } from './account.ts';
import { myRoutes } from './my.ts';

export * from './account.ts';
export * from './representation.ts';
export { knownSubjectOf, subjectOf, subjectsOf } from './subjects.ts';
export type { Subjects } from './subjects.ts';
export type { CitizenLogin, LoginAttempt, TaxisNetIdentity } from './port.ts';
export { identityMigrations, LOGIN_ATTEMPTS, SUBJECTS } from './tables.ts';

export const identityApi = (services: CitizenServices): ApiContext => ({
  name: 'identity',
  sdl: '',
  resolvers: () => ({ resolvers: {} }),
  routes: myRoutes(services),
  prefixes: ['/auth/'],
});
