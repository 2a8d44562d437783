// What the suppliers add to the site: their header link and their pages.
import type { WebContext } from '../shared/pageRoutes.ts';
import { el, en } from './messages.ts';
import { suppliersRoutes } from './routes.ts';

export const suppliersWeb: WebContext = {
  name: 'suppliers',
  nav: [{ section: 'suppliers', path: '/suppliers', label: { el: el.sections.suppliers, en: en.sections.suppliers } }],
  routes: suppliersRoutes,
};

// The supplier's own portal (personal), made with the installation's services.
export { supplierPortalWeb } from './portal.ts';
export { supplierInvoicesWeb } from './invoices.ts';
