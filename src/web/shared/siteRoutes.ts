// The site's own pages, no context's: open data & API (downloads, GraphQL examples, the import log) and the
// accessibility statement; and /en/ sent to /en.
import type { WebRoutes } from './pageRoutes.ts';
import { registerPages } from './pageRoutes.ts';
import { accessibilityPage } from './pages/accessibility.ts';
import { openDataPage, openDataQuerySchema } from './pages/openData.ts';

export const siteRoutes: WebRoutes = async (app, options) => {
  const { site } = options;
  registerPages(options, ({ at, page }) => {
    app.get<{ Querystring: { after?: string } }>(at('/open-data'), { schema: { querystring: openDataQuerySchema } }, page((visit, request) => openDataPage(site, visit, request.query.after ?? null)));

    app.get(at('/accessibility'), page((visit) => accessibilityPage(site, visit)));
  });
  app.get('/en/', async (_request, reply) => reply.redirect('/en', 301));
};
