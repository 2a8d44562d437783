// What the council context adds to the site: «Συμβούλιο / Council» in the header — the bodies and their
// sessions, each session live, the members' votes and the items' decisions (read models only) — and its
// decisions by ΑΔΑ, so that a budget amendment links to the decision of the council that approved it.
import { decisionsByAda } from '../../projections/council/index.ts';
import type { DecisionLink } from '../shared/page.ts';
import type { WebContext } from '../shared/pageRoutes.ts';
import { councilLabel, councilText } from './messages.ts';
import { itemPath } from './pages.ts';
import { councilRoutes } from './routes.ts';

const decisionLabel = (lang: 'el' | 'en', number: number | null, year: number | null, body: string): string =>
  number === null || year === null ? body : `${councilText({ lang }).decision(number, year)} — ${body}`;

export const councilWeb: WebContext = {
  name: 'council',
  nav: [{ section: 'council', path: '/council/', label: councilLabel }],
  sitemap: async () => ['/council/'],
  decisionLinks: async (db, schema, adas) => {
    const links = new Map<string, DecisionLink>();
    for (const d of await decisionsByAda(db, schema, adas)) {
      links.set(d.ada, {
        label: { el: decisionLabel('el', d.decisionNumber, d.decisionYear, d.bodyName), en: decisionLabel('en', d.decisionNumber, d.decisionYear, d.bodyNameEn) },
        path: itemPath(d.sessionId, d.number),
      });
    }
    return links;
  },
  routes: councilRoutes(),
};
