// The suppliers' pages: the list, searchable by year, and a supplier by its ΑΦΜ.
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import type { SuppliersQuery } from './suppliers.ts';
import { supplierPage, suppliersPage, suppliersQuerySchema } from './suppliers.ts';

export const suppliersRoutes: WebRoutes = async (app, options) => {
  const { site } = options;
  registerPages(options, ({ at, page }) => {
    app.get<{ Querystring: SuppliersQuery }>(at('/suppliers'), { schema: { querystring: suppliersQuerySchema } }, page((visit, request) => suppliersPage(site, visit, request.query)));

    app.get<{ Params: { afm: string } }>(
      at('/suppliers/:afm'),
      { schema: { params: { type: 'object', properties: { afm: { type: 'string', pattern: '^\\d{9}$' } }, required: ['afm'] } } },
      page((visit, request) => supplierPage(site, visit, request.params.afm)),
    );
  });
};
