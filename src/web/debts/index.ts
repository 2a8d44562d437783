// What the debts context adds to the site: the statement and payment pages under the citizen's account,
// and its entry in the list of services.
import type { DebtsServices } from '../../api/debts/index.ts';
import type { WebContext } from '../shared/pageRoutes.ts';
import { debtsRoutes } from './routes.ts';

export const debtsWeb = (services: DebtsServices): WebContext => ({
  name: 'debts',
  nav: [],
  services: [
    {
      path: '/my/debts',
      label: { el: 'Οφειλές και πληρωμή', en: 'Debts and payment' },
      summary: {
        el: 'Δείτε τι οφείλετε στον Δήμο και πληρώστε με κάρτα ή με κωδικό RF από την τράπεζά σας.',
        en: 'See what you owe the Municipality and pay by card or with an RF code from your bank.',
      },
    },
  ],
  sitemap: async () => [],
  routes: debtsRoutes(services),
});
