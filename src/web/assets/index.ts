// What the municipal property adds to the site: its header link and its pages.
import type { WebContext } from '../shared/pageRoutes.ts';
import { el, en } from './messages.ts';
import { assetsRoutes } from './routes.ts';

export const assetsWeb: WebContext = {
  name: 'assets',
  nav: [{ section: 'property', path: '/property', label: { el: el.sections.property, en: en.sections.property } }],
  routes: assetsRoutes,
};
