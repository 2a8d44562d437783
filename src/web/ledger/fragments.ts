// The live parts of the home page as HTML fragments, for the live script: on a change it fetches them
// instead of formatting numbers itself. Every client asks after the same change, so a rendering is kept
// per language and read-model position and shared by all of them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ChangeFeed } from '../../projections/shared/changeFeed.ts';
import { athensDate } from '../shared/format.ts';
import type { Lang } from '../shared/lang.ts';
import type { Site, Visit } from '../shared/page.ts';
import { glanceSection, latestItems, loadHome, paymentsTable, todaySection } from './home.ts';

export interface HomeFragments {
  readonly position: number;
  readonly glance: string;
  readonly today: string;
  readonly latest: string;
  readonly payments: string;
}

const KEPT = 8;

export const registerFragments = (app: FastifyInstance, site: Site, changes: ChangeFeed, visitOf: (lang: Lang, request: FastifyRequest) => Visit): void => {
  const rendered = new Map<string, Promise<HomeFragments>>();
  const render = async (visit: Visit, position: number): Promise<HomeFragments> => {
    const data = await loadHome(site);
    return {
      position,
      glance: glanceSection(visit, data).value,
      today: todaySection(visit, data).value,
      latest: latestItems(visit, data).value,
      payments: paymentsTable(visit, data).value,
    };
  };
  app.get<{ Querystring: { lang?: Lang } }>(
    '/fragments/home.json',
    { schema: { querystring: { type: 'object', properties: { lang: { type: 'string', enum: ['el', 'en'] } } } } },
    async (request, reply) => {
      const lang = request.query.lang ?? 'el';
      const position = changes.position();
      const key = `${lang}|${position}|${athensDate(new Date())}`;
      let fragments = rendered.get(key);
      if (!fragments) {
        fragments = render(visitOf(lang, request), position);
        rendered.set(key, fragments);
        void fragments.catch(() => rendered.delete(key));
        for (const old of [...rendered.keys()].slice(0, -KEPT)) rendered.delete(old);
      }
      return reply.header('Cache-Control', 'no-store').send(await fragments);
    },
  );
};
