// What the verifiable log adds to the site: «Έλεγχος βιβλίων / Verify our books» under Finances, its pages,
// and a «Επαλήθευση / Verification» link beside every movement the ledger shows (Site.movementLinks): the
// ledger's pages learn of the log only through that hook, so they never import this context.
import type { LogServices } from '../../api/log/index.ts';
import type { WebContext } from '../shared/pageRoutes.ts';
import { el, en } from './messages.ts';
import { movementProofPath } from './movementPage.ts';
import { logWebRoutes } from './routes.ts';

export { movementProofPath } from './movementPage.ts';
export { VERIFY_PY, VERIFY_PY_PATH } from './verifyPage.ts';

export const logWeb = (log: LogServices): WebContext => ({
  name: 'log',
  nav: [{ section: 'verify', path: '/verify', label: { el: el.sections.verify, en: en.sections.verify } }],
  movementLinks: [{ label: { el: el.movementProof.link, en: en.movementProof.link }, of: { el: el.movementProof.linkOf, en: en.movementProof.linkOf }, path: movementProofPath }],
  routes: logWebRoutes(log),
});
