// The council's public routes: /council/, a session's page and its live parts (JSON, for the page's script),
// a member's page, an item's page, and the documents (εισηγήσεις, minutes) as the PDFs uploaded. Unknown
// or malformed ids are the 404 page.
import { councilDocument } from '../../api/council/index.ts';
import { councilBodies, itemPage, listSessions, memberPage as loadMember, sessionDetail, upcomingSessions } from '../../projections/council/index.ts';
import { NotFound } from '../shared/page.ts';
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { councilHomePage, DOCUMENT_ID, ITEM_ID, itemPageView, memberPage, SESSION_ID, sessionPage, sessionParts } from './pages.ts';

const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 90 } } } as const;
const PERSON = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const councilRoutes =
  (now: () => Date = () => new Date()): WebRoutes =>
  async (app, options) => {
    const { db, schema } = options.site;

    const detailOf = async (id: string) => {
      const detail = SESSION_ID.test(id) ? await sessionDetail(db, schema, id) : null;
      if (detail === null) throw new NotFound();
      return detail;
    };

    registerPages(options, ({ at, visit, page }) => {
      app.get(at('/council'), async (request, reply) => reply.redirect(visit(request).href('/council/'), 301));
      app.get(
        at('/council/'),
        page(async (v) => {
          const upcoming = await upcomingSessions(db, schema, now());
          const shown = new Set(upcoming.map((s) => s.id));
          const past = (await listSessions(db, schema, { to: now() })).filter((s) => !shown.has(s.id)).reverse();
          return councilHomePage(v, { bodies: await councilBodies(db, schema), upcoming, past });
        }),
      );
      app.get<{ Params: { id: string } }>(at('/council/sessions/:id'), { schema: { params: ID_PARAMS } }, page(async (v, request) => sessionPage(v, await detailOf(request.params.id))));
      // The live parts: drawn as the page draws them, never cached; the script asks on every change of the feed.
      app.get<{ Params: { id: string } }>(at('/council/sessions/:id/live'), { schema: { params: ID_PARAMS } }, async (request, reply) => {
        const parts = sessionParts(visit(request), await detailOf(request.params.id));
        return reply.header('cache-control', 'no-store').send({ parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.value])) });
      });
      app.get<{ Params: { id: string } }>(
        at('/council/members/:id'),
        { schema: { params: ID_PARAMS } },
        page(async (v, request) => {
          const member = PERSON.test(request.params.id) ? await loadMember(db, schema, request.params.id) : null;
          if (member === null) throw new NotFound();
          return memberPage(v, member);
        }),
      );
      app.get<{ Params: { id: string } }>(
        at('/council/items/:id'),
        { schema: { params: ID_PARAMS } },
        page(async (v, request) => {
          const match = ITEM_ID.exec(request.params.id);
          const found = match ? await itemPage(db, schema, match[1]!, Number(match[2])) : null;
          if (found === null) throw new NotFound();
          return itemPageView(v, found);
        }),
      );
    });

    // A document is the same in both languages; its bytes never change (kept by digest), so it may be cached.
    app.get<{ Params: { id: string } }>('/council/documents/:id', { schema: { params: ID_PARAMS } }, async (request, reply) => {
      const document = DOCUMENT_ID.test(request.params.id) ? await councilDocument({ client: db, schema }, request.params.id) : null;
      if (document === null) throw new NotFound();
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(document.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(Buffer.from(document.pdf));
    });
  };
