// The site's own pages, no context's: the citizen services, open data & API (downloads, GraphQL examples,
// the import log), the accessibility statement and the privacy notice; and /en/ sent to /en.
import { financeLinks } from './layout.ts';
import type { WebRoutes } from './pageRoutes.ts';
import { registerPages } from './pageRoutes.ts';
import { accessibilityPage } from './pages/accessibility.ts';
import { openDataPage, openDataQuerySchema } from './pages/openData.ts';
import { privacyPage } from './pages/privacy.ts';
import { servicesPage } from './pages/services.ts';

export const siteRoutes: WebRoutes = async (app, options) => {
  const { site } = options;
  registerPages(options, ({ at, page }) => {
    app.get(at('/services'), page((visit) => servicesPage(site, visit, financeLinks(site, visit))));

    app.get<{ Querystring: { after?: string } }>(at('/open-data'), { schema: { querystring: openDataQuerySchema } }, page((visit, request) => openDataPage(site, visit, request.query.after ?? null)));

    app.get(at('/accessibility'), page((visit) => accessibilityPage(site, visit)));

    app.get(at('/privacy'), page((visit) => privacyPage(site, visit)));
  });
  app.get('/en/', async (_request, reply) => reply.redirect('/en', 301));
};
