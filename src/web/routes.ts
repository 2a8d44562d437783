// The site's pages, registered once per language: Greek at their path, English under /en. Every route
// declares the shape of its parameters; anything else is refused before a handler runs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RollupLevel } from '../projections/ledger/index.ts';
import type { SideName } from '../projections/ledger/index.ts';
import type { Lang } from './lang.ts';
import { LANGS, prefixOf } from './lang.ts';
import type { Page, Site, Visit } from './page.ts';
import { accessibilityPage } from './pages/accessibility.ts';
import { budgetIndex, budgetPage } from './pages/budget.ts';
import { budgetLinePage } from './pages/budgetLine.ts';
import { budgetLinesPage } from './pages/budgetLines.ts';
import { homePage } from './pages/home.ts';
import type { MovementsQuery } from './pages/movementFilter.ts';
import { movementsQuerySchema } from './pages/movementFilter.ts';
import { movementsPage } from './pages/movements.ts';
import { openDataPage, openDataQuerySchema } from './pages/openData.ts';
import type { PropertyQuery } from './pages/property.ts';
import { assetPage, propertyPage, propertyQuerySchema } from './pages/property.ts';
import type { SuppliersQuery } from './pages/suppliers.ts';
import { supplierPage, suppliersPage, suppliersQuerySchema } from './pages/suppliers.ts';

export type RenderPage = (reply: FastifyReply, visit: Visit, page: Page) => FastifyReply;

const YEAR_PARAMS = { type: 'object', properties: { year: { type: 'string', pattern: '^\\d{4}$' } }, required: ['year'] } as const;

const LINES_QUERY = {
  type: 'object',
  properties: {
    side: { type: 'string', enum: ['revenue', 'expense'] },
    class: { type: 'string', pattern: '^\\d$' },
    group: { type: 'string', pattern: '^\\d{2}$' },
    service: { type: 'string', pattern: '^(\\d{2}|none)$' },
  },
} as const;

export const registerPages = (app: FastifyInstance, site: Site, visitOf: (lang: Lang, request: FastifyRequest) => Visit, render: RenderPage): void => {
  for (const lang of LANGS) {
    const at = (path: string) => (path === '/' ? prefixOf(lang) || '/' : `${prefixOf(lang)}${path}`);
    const page =
      <R extends { Params?: unknown; Querystring?: unknown }>(build: (visit: Visit, request: FastifyRequest<R>) => Promise<Page>) =>
      async (request: FastifyRequest<R>, reply: FastifyReply) => {
        const visit = visitOf(lang, request);
        return render(reply, visit, await build(visit, request));
      };

    app.get(at('/'), page((visit) => homePage(site, visit)));

    app.get(at('/budget'), async (request, reply) => {
      const visit = visitOf(lang, request);
      const target = await budgetIndex(site, visit);
      return 'redirect' in target ? reply.redirect(visit.href(target.redirect), 302) : render(reply, visit, target);
    });

    app.get<{ Params: { year: string }; Querystring: { by?: RollupLevel } }>(
      at('/budget/:year'),
      { schema: { params: YEAR_PARAMS, querystring: { type: 'object', properties: { by: { type: 'string', enum: ['class', 'group', 'service'] } } } } },
      page((visit, request) => budgetPage(site, visit, Number(request.params.year), request.query.by ?? 'class')),
    );

    app.get<{ Params: { year: string }; Querystring: { side?: 'revenue' | 'expense'; class?: string; group?: string; service?: string } }>(
      at('/budget/:year/lines'),
      { schema: { params: YEAR_PARAMS, querystring: LINES_QUERY } },
      page((visit, request) =>
        budgetLinesPage(site, visit, Number(request.params.year), {
          side: request.query.side ? (request.query.side.toUpperCase() as SideName) : null,
          class: request.query.class ?? null,
          group: request.query.group ?? null,
          service: request.query.service ?? null,
        }),
      ),
    );

    app.get<{ Params: { year: string; kae: string } }>(
      at('/budget/:year/kae/:kae'),
      { schema: { params: { type: 'object', properties: { year: YEAR_PARAMS.properties.year, kae: { type: 'string', maxLength: 24 } }, required: ['year', 'kae'] } } },
      page((visit, request) => budgetLinePage(site, visit, Number(request.params.year), request.params.kae)),
    );

    app.get<{ Querystring: MovementsQuery }>(at('/movements'), { schema: { querystring: movementsQuerySchema } }, page((visit, request) => movementsPage(site, visit, request.query)));

    app.get<{ Querystring: SuppliersQuery }>(at('/suppliers'), { schema: { querystring: suppliersQuerySchema } }, page((visit, request) => suppliersPage(site, visit, request.query)));

    app.get<{ Params: { afm: string } }>(
      at('/suppliers/:afm'),
      { schema: { params: { type: 'object', properties: { afm: { type: 'string', pattern: '^\\d{9}$' } }, required: ['afm'] } } },
      page((visit, request) => supplierPage(site, visit, request.params.afm)),
    );

    app.get<{ Querystring: PropertyQuery }>(at('/property'), { schema: { querystring: propertyQuerySchema } }, page((visit, request) => propertyPage(site, visit, request.query)));

    app.get<{ Params: { id: string } }>(
      at('/property/:id'),
      { schema: { params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['id'] } } },
      page((visit, request) => assetPage(site, visit, request.params.id)),
    );

    app.get<{ Querystring: { after?: string } }>(at('/open-data'), { schema: { querystring: openDataQuerySchema } }, page((visit, request) => openDataPage(site, visit, request.query.after ?? null)));

    app.get(at('/accessibility'), page((visit) => accessibilityPage(site, visit)));
  }
  app.get('/en/', async (_request, reply) => reply.redirect('/en', 301));
};
