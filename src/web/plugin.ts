// The public site as one fastify plugin: the frame and the site's own pages, each web context's pages in
// Greek (/) and English (/en), robots.txt and the sitemap, and the fingerprinted static files. Errors and unknown addresses get a page
// in the visitor's language; the API's own prefixes keep fastify's JSON answers.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { SqlExecutor } from '../eventstore/sql/client.ts';
import { assertSchemaName } from '../eventstore/sql/client.ts';
import { lastImportedAt } from '../projections/imports/index.ts';
import type { ChangeFeed } from '../projections/shared/changeFeed.ts';
import { acceptedEncoding, compress } from './compress.ts';
import { frontDoorRoutes } from './shared/frontDoor.ts';
import type { Lang } from './shared/lang.ts';
import { localPath } from './shared/lang.ts';
import { layout } from './shared/layout.ts';
import { sharedMessagesOf } from './shared/messages.ts';
import type { Municipality } from './shared/municipality.ts';
import { lixouri } from './shared/municipality.ts';
import type { DecisionLink, DecisionLinks, Page, Site, Visit } from './shared/page.ts';
import { NotFound } from './shared/page.ts';
import type { WebContext, WebRoutesOptions } from './shared/pageRoutes.ts';
import { errorPage } from './shared/pages/errors.ts';
import { myAccountService } from './shared/pages/services.ts';
import { siteRoutes } from './shared/siteRoutes.ts';
import { loadStaticFiles, registerStaticRoutes } from './shared/staticFiles.ts';

export interface WebOptions {
  /** The read models' database. */
  readonly client: SqlExecutor;
  /** PostgreSQL schema of the read models. */
  readonly schema: string;
  /** Change notifications: the live fragments are rendered once per change and shared. */
  readonly changes: ChangeFeed;
  /** Who publishes the site (name, contacts); the Municipality of Lixouri by default. */
  readonly municipality?: Municipality;
  /** The contexts' pages and header links, in the order of the header. */
  readonly contexts: readonly WebContext[];
  /** Paths the API owns: unknown addresses there are answered in JSON, not with a page. */
  readonly apiPrefixes: readonly string[];
  /** The development TaxisNet stand-in is mounted: every page shows a banner. */
  readonly devBanner?: boolean;
  /**
   * The site's address as the public reaches it (OPENDIMOS_PUBLIC_URL), for the sitemap, robots.txt and
   * link previews, which need absolute URLs; http://localhost:8080 by default.
   */
  readonly publicUrl?: string;
}

export const DEFAULT_PUBLIC_URL = 'http://localhost:8080';

/** An http(s) origin with an optional path, without its trailing slash: "https://x.gr/" → "https://x.gr". */
const publicUrlOf = (value: string | undefined): string => {
  const given = value ?? DEFAULT_PUBLIC_URL;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new TypeError(`webPlugin: options.publicUrl (OPENDIMOS_PUBLIC_URL) must be an absolute http(s) address, got "${given}"`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
    throw new TypeError(`webPlugin: options.publicUrl (OPENDIMOS_PUBLIC_URL) must be an http(s) address without query, fragment or credentials, got "${given}"`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
};

const langOf = (url: string): Lang => (url === '/en' || url.startsWith('/en/') || url.startsWith('/en?') ? 'en' : 'el');

const checkOptions = (options: WebOptions): void => {
  if (typeof options.client?.query !== 'function') throw new TypeError('webPlugin: options.client must be the read models’ SqlExecutor');
  assertSchemaName(options.schema);
  if (typeof options.changes?.position !== 'function') throw new TypeError('webPlugin: options.changes must be the ChangeFeed of this process');
  if (!Array.isArray(options.contexts)) throw new TypeError('webPlugin: options.contexts must list the web contexts (src/contexts.ts)');
  const listed: readonly WebContext[] = options.contexts;
  const names = listed.map((c) => c.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new TypeError(`webPlugin: the web context ${twice} is listed twice`);
  if (!Array.isArray(options.apiPrefixes)) throw new TypeError('webPlugin: options.apiPrefixes must list the paths the API owns');
  publicUrlOf(options.publicUrl);
};

/**
 * When the data last changed, kept in memory and read again on each change of the read models, so the
 * footer of every page costs no query.
 */
const watchLastUpdated = async (options: WebOptions): Promise<{ current: () => string | null; stop: () => void }> => {
  let at = await lastImportedAt(options.client, options.schema);
  const stop = options.changes.subscribe(() => {
    lastImportedAt(options.client, options.schema).then(
      (value) => {
        at = value;
      },
      () => undefined,
    );
  });
  return { current: () => at, stop };
};

/** Every context's decisions by ΑΔΑ, asked together; the first context to know an ΑΔΑ names it. */
const decisionLinksOf = (db: SqlExecutor, schema: string, contexts: readonly WebContext[]): DecisionLinks => {
  const holders = contexts.flatMap((c) => (c.decisionLinks ? [c.decisionLinks] : []));
  return async (adas) => {
    const found = new Map<string, DecisionLink>();
    if (adas.length === 0) return found;
    for (const known of await Promise.all(holders.map((h) => h(db, schema, adas)))) for (const [ada, link] of known) if (!found.has(ada)) found.set(ada, link);
    return found;
  };
};

export const webPlugin: FastifyPluginAsync<WebOptions> = async (app, options) => {
  checkOptions(options);
  const { files, byName } = await loadStaticFiles();
  const lastUpdated = await watchLastUpdated(options);
  app.addHook('onClose', async () => lastUpdated.stop());
  const site: Site = {
    db: options.client,
    schema: options.schema,
    municipality: options.municipality ?? lixouri,
    staticFiles: files,
    nav: options.contexts.flatMap((c) => c.nav),
    services: [myAccountService, ...options.contexts.flatMap((c) => c.services ?? [])],
    movementLinks: options.contexts.flatMap((c) => c.movementLinks ?? []),
    decisionLinks: decisionLinksOf(options.client, options.schema, options.contexts),
    publicUrl: publicUrlOf(options.publicUrl),
    devBanner: options.devBanner ?? false,
    lastUpdated: lastUpdated.current,
  };
  const visitOf = (lang: Lang, request: FastifyRequest): Visit => ({
    lang,
    t: sharedMessagesOf(lang),
    url: request.url,
    origin: `${request.protocol}://${request.host}`,
    href: (path) => localPath(lang, path),
    account: request.session ? { name: request.session.label, kind: request.session.kind } : null,
  });
  const render = (reply: FastifyReply, visit: Visit, page: Page): FastifyReply => {
    const body = Buffer.from(layout(site, visit, page).value, 'utf8');
    const encoding = acceptedEncoding(reply.request.headers['accept-encoding']);
    void reply
      .code(page.status ?? 200)
      .header('Content-Type', 'text/html; charset=utf-8')
      // A page with someone's name in its header is theirs: no shared cache may keep it. A route that said
      // more (no-store for a page carrying a one-time link's token) keeps what it said.
      .header('Cache-Control', reply.getHeader('cache-control') ?? (visit.account ? 'private, no-store' : 'no-cache'))
      .header('Content-Language', visit.lang)
      .header('Vary', 'Accept-Encoding');
    return encoding === null ? reply.send(body) : reply.header('Content-Encoding', encoding).send(compress(body, encoding, 'fast'));
  };
  const renderError = (request: FastifyRequest, reply: FastifyReply, status: number): FastifyReply => {
    const visit = visitOf(langOf(request.url), request);
    return render(reply, visit, errorPage(visit, status));
  };

  // Before the contexts' plugins: each copies the handlers its parent has when it is registered.
  app.setNotFoundHandler((request, reply) => {
    if (options.apiPrefixes.some((prefix) => request.url.startsWith(prefix))) {
      return reply.code(404).send({ message: `Route ${request.method}:${request.url} not found`, error: 'Not Found', statusCode: 404 });
    }
    return renderError(request, reply, 404);
  });

  // A refusal keeps its status (400 for bad input, 429 from the rate limit); anything else is our fault.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof NotFound) return renderError(request, reply, 404);
    if (error.validation) return renderError(request, reply, 400);
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    return renderError(request, reply, status >= 400 && status < 600 ? status : 500);
  });

  registerStaticRoutes(app, byName);
  const routes: WebRoutesOptions = { site, changes: options.changes, visitOf, render };
  await app.register(siteRoutes, routes);
  await app.register(frontDoorRoutes, { site, contexts: options.contexts });
  for (const context of options.contexts) await app.register(context.routes, routes);
};
