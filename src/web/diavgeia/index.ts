// What the Diavgeia context adds to the site: «Διαύγεια / Diavgeia» under Finances, the cross-check page per
// year and its CSV.
import type { WebContext } from '../shared/pageRoutes.ts';
import { CROSSCHECK_PAGE } from './crossCheckPage.ts';
import { el, en } from './messages.ts';
import { diavgeiaRoutes } from './routes.ts';

export { CROSSCHECK_CSV, CROSSCHECK_PAGE, diavgeiaDecisionUrl } from './crossCheckPage.ts';

export const diavgeiaWeb: WebContext = {
  name: 'diavgeia',
  nav: [{ section: 'diavgeia', path: CROSSCHECK_PAGE, label: { el: el.sections.diavgeia, en: en.sections.diavgeia } }],
  routes: diavgeiaRoutes,
};
