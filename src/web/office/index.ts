// The back office (Γραφείο) as a web context: staff login, password links, a home page per role, the audit
// trail and the staff list, the departments' queues of applications (with the applications services), at
// /office/ and /en/office/. Its header link is none: staff know the address.
import type { WebContext } from '../shared/pageRoutes.ts';
import type { OfficeServices } from './routes.ts';
import { officeRoutes } from './routes.ts';

export type { OfficeServices } from './routes.ts';
export { LOGIN_ATTEMPTS_PER_ADDRESS } from './routes.ts';
// The finance department's queue of the suppliers' messages: a web context of its own on the office's login.
export { officeSupplierThreadsWeb } from './supplierThreads.ts';

export const officeWeb = (services: OfficeServices): WebContext => ({ name: 'office', nav: [], routes: officeRoutes(services) });
