// How a context joins the site: one registration (WebContext) whose routes plugin registers its pages once
// per language through registerPages, Greek at their path and English under /en. Every route declares the
// shape of its parameters; anything else is refused before a handler runs.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, RouteGenericInterface } from 'fastify';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { ChangeFeed } from '../../projections/shared/changeFeed.ts';
import type { Lang } from './lang.ts';
import { LANGS, prefixOf } from './lang.ts';
import type { DecisionLink, MovementLink, NavEntry, Page, ServiceEntry, Site, Visit } from './page.ts';

export type RenderPage = (reply: FastifyReply, visit: Visit, page: Page) => FastifyReply;

/** What the web plugin hands every context's routes plugin. */
export interface WebRoutesOptions {
  readonly site: Site;
  /** Change notifications, for pages with live parts. */
  readonly changes: ChangeFeed;
  readonly visitOf: (lang: Lang, request: FastifyRequest) => Visit;
  /** Sends a page in the frame (layout), compressed as the client accepts. */
  readonly render: RenderPage;
}

export type WebRoutes = FastifyPluginAsync<WebRoutesOptions>;

/** What one context adds to the site: its header links (in order), its citizen services and its pages. */
export interface WebContext {
  readonly name: string;
  /** Links under «Οικονομικά / Finances» in the header (the ledger's pages and the like). */
  readonly nav: readonly NavEntry[];
  /** Its entries in the list of citizen services (/services), after the frame's «My account». */
  readonly services?: readonly ServiceEntry[];
  /**
   * Its public pages for sitemap.xml, unlocalised (each is listed in both languages); its nav paths when
   * absent. A context with pages per year or per item lists them here, a bounded number.
   */
  readonly sitemap?: (site: Site) => Promise<readonly string[]>;
  /** Links it adds beside every movement the other contexts show (the log's verification of each). */
  readonly movementLinks?: readonly MovementLink[];
  /** The decisions it holds, found by their ΑΔΑ in its read model (the council's decisions). */
  readonly decisionLinks?: (db: SqlExecutor, schema: string, adas: readonly string[]) => Promise<ReadonlyMap<string, DecisionLink>>;
  /** Other origins its pages load images from (a map's tiles): the Content Security Policy names them alone. */
  readonly imageSources?: readonly string[];
  readonly routes: WebRoutes;
}

/** The pages of one language: its paths, and handlers that build a page and render it in the frame. */
export interface LangPages {
  readonly lang: Lang;
  /** `/budget` → `/en/budget` in English; `/` → `/en`. */
  readonly at: (path: string) => string;
  readonly visit: (request: FastifyRequest) => Visit;
  readonly page: <R extends RouteGenericInterface>(
    build: (visit: Visit, request: FastifyRequest<R>) => Promise<Page>,
  ) => (request: FastifyRequest<R>, reply: FastifyReply) => Promise<FastifyReply>;
}

export const registerPages = (options: WebRoutesOptions, register: (pages: LangPages) => void): void => {
  for (const lang of LANGS) {
    const visit = (request: FastifyRequest): Visit => options.visitOf(lang, request);
    register({
      lang,
      at: (path) => (path === '/' ? prefixOf(lang) || '/' : `${prefixOf(lang)}${path}`),
      visit,
      page: (build) => async (request, reply) => {
        const v = visit(request);
        return options.render(reply, v, await build(v, request));
      },
    });
  }
};
