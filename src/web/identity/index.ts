// What the citizen's account adds to the site: the TaxisNet login and the account pages (/my/). Its
// header link (log in / my account) is the frame's, since it shows on every page.
import type { CitizenServices } from '../../api/identity/index.ts';
import type { WebContext } from '../shared/pageRoutes.ts';
import { identityRoutes } from './routes.ts';

export { safeNext, LOGIN_COOKIE } from './routes.ts';

export const identityWeb = (services: CitizenServices): WebContext => ({ name: 'identity', nav: [], routes: identityRoutes(services) });
