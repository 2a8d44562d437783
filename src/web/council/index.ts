// What the council context adds to the site: «Συμβούλιο / Council» in the header — the bodies and their
// sessions, each session live, the members' votes and the items' decisions (read models only).
import type { WebContext } from '../shared/pageRoutes.ts';
import { councilLabel } from './messages.ts';
import { councilRoutes } from './routes.ts';

export const councilWeb: WebContext = {
  name: 'council',
  nav: [{ section: 'council', path: '/council/', label: councilLabel }],
  sitemap: async () => ['/council/'],
  routes: councilRoutes(),
};
