// What the ledger adds to the site: its header links, its pages, and its public pages for the sitemap (each
// year's budget and its lines, rather than /budget, which only redirects to the latest year).
import { fiscalYears } from '../../projections/ledger/index.ts';
import type { WebContext } from '../shared/pageRoutes.ts';
import { el, en } from './messages.ts';
import { ledgerRoutes } from './routes.ts';

export const ledgerWeb: WebContext = {
  name: 'ledger',
  nav: [
    { section: 'budget', path: '/budget', label: { el: el.sections.budget, en: en.sections.budget } },
    { section: 'movements', path: '/movements', label: { el: el.sections.movements, en: en.sections.movements } },
  ],
  sitemap: async (site) => ['/movements', ...(await fiscalYears(site.db, site.schema)).flatMap((year) => [`/budget/${year}`, `/budget/${year}/lines`])],
  routes: ledgerRoutes,
};
