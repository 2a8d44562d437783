// What the ledger adds to the site: its header links and its pages.
import type { WebContext } from '../shared/pageRoutes.ts';
import { el, en } from './messages.ts';
import { ledgerRoutes } from './routes.ts';

export const ledgerWeb: WebContext = {
  name: 'ledger',
  nav: [
    { section: 'budget', path: '/budget', label: { el: el.sections.budget, en: en.sections.budget } },
    { section: 'movements', path: '/movements', label: { el: el.sections.movements, en: en.sections.movements } },
  ],
  routes: ledgerRoutes,
};
