// The ledger's pages: the home page and its live fragments, the budget by year, its lines and a line, and
// the movements with their filter.
import type { RollupLevel, SideName } from '../../projections/ledger/index.ts';
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { budgetIndex, budgetPage } from './budget.ts';
import { budgetLinePage } from './budgetLine.ts';
import { budgetLinesPage } from './budgetLines.ts';
import { registerFragments } from './fragments.ts';
import { homePage } from './home.ts';
import type { MovementsQuery } from './movementFilter.ts';
import { movementsQuerySchema } from './movementFilter.ts';
import { movementsPage } from './movements.ts';

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

export const ledgerRoutes: WebRoutes = async (app, options) => {
  const { site } = options;
  registerFragments(app, site, options.changes, options.visitOf);
  registerPages(options, ({ at, visit: visitOf, page }) => {
    app.get(at('/'), page((visit) => homePage(site, visit)));

    app.get(at('/budget'), async (request, reply) => {
      const visit = visitOf(request);
      const target = await budgetIndex(site, visit);
      return 'redirect' in target ? reply.redirect(visit.href(target.redirect), 302) : options.render(reply, visit, target);
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
  });
};
