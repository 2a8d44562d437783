// What the applications context adds to the site: the catalogue of services (/services/) in the list of
// citizen services and the header, each service's page and form, the citizen's applications and documents,
// and checking a document by its code or its file.
import type { ApplicationsServices } from '../../api/applications/index.ts';
import type { WebContext } from '../shared/pageRoutes.ts';
import { el, en } from './messages.ts';
import { applicationsWebRoutes } from './routes.ts';

export { VERIFY_DOCUMENT_PATH } from './verifyPages.ts';
export { renderDocument } from './documentPdf.ts';

export const applicationsWeb = (services: ApplicationsServices): WebContext => ({
  name: 'applications',
  nav: [{ section: 'applications', path: '/services/', label: { el: el.catalogue.title, en: en.catalogue.title } }],
  services: [
    { path: '/services/', label: { el: el.catalogue.title, en: en.catalogue.title }, summary: { el: el.catalogue.lead, en: en.catalogue.lead } },
    { path: '/my/applications', label: { el: el.mine.title, en: en.mine.title }, summary: { el: el.mine.description, en: en.mine.description } },
    { path: '/verify/document', label: { el: el.verify.title, en: en.verify.title }, summary: { el: el.verify.description, en: en.verify.description } },
  ],
  // The catalogue and each service's page are public; the personal pages are no one's to index.
  sitemap: async () => ['/services/', ...services.catalogue.map((s) => `/services/${s.code}/`), '/verify/document'],
  routes: applicationsWebRoutes(services),
});
