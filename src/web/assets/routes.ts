// The municipal property's pages: the register with its map, and an asset by its id.
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import type { PropertyQuery } from './property.ts';
import { assetPage, propertyPage, propertyQuerySchema } from './property.ts';

export const assetsRoutes: WebRoutes = async (app, options) => {
  const { site } = options;
  registerPages(options, ({ at, page }) => {
    app.get<{ Querystring: PropertyQuery }>(at('/property'), { schema: { querystring: propertyQuerySchema } }, page((visit, request) => propertyPage(site, visit, request.query)));

    app.get<{ Params: { id: string } }>(
      at('/property/:id'),
      { schema: { params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['id'] } } },
      page((visit, request) => assetPage(site, visit, request.params.id)),
    );
  });
};
