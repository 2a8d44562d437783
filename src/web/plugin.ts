// The public site as one fastify plugin: server-rendered pages in Greek (/) and English (/en), the live
// fragments of the home page, and the fingerprinted static files. Errors and unknown addresses get a page
// in the visitor's language; the API's own prefixes keep fastify's JSON answers.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { SqlExecutor } from '../eventstore/sql/client.ts';
import { assertSchemaName } from '../eventstore/sql/client.ts';
import type { ChangeFeed } from '../projections/shared/changeFeed.ts';
import { loadStaticAssets, registerStaticRoutes } from './assets.ts';
import { acceptedEncoding, compress } from './compress.ts';
import { registerFragments } from './fragments.ts';
import { messagesOf } from './i18n/index.ts';
import type { Lang } from './lang.ts';
import { localPath } from './lang.ts';
import { layout } from './layout.ts';
import type { Municipality } from './municipality.ts';
import { lixouri } from './municipality.ts';
import type { Page, Site, Visit } from './page.ts';
import { NotFound } from './page.ts';
import { errorPage } from './pages/errors.ts';
import { registerPages } from './routes.ts';

export interface WebOptions {
  /** The read models' database. */
  readonly client: SqlExecutor;
  /** PostgreSQL schema of the read models. */
  readonly schema: string;
  /** Change notifications: the live fragments are rendered once per change and shared. */
  readonly changes: ChangeFeed;
  /** Who publishes the site (name, contacts); the Municipality of Lixouri by default. */
  readonly municipality?: Municipality;
}

/** Paths the API owns: unknown addresses there are answered in JSON, not with a page. */
const API_PREFIXES = ['/api/', '/graphql', '/live', '/health', '/metrics'];

const langOf = (url: string): Lang => (url === '/en' || url.startsWith('/en/') || url.startsWith('/en?') ? 'en' : 'el');

const checkOptions = (options: WebOptions): void => {
  if (typeof options.client?.query !== 'function') throw new TypeError('webPlugin: options.client must be the read models’ SqlExecutor');
  assertSchemaName(options.schema);
  if (typeof options.changes?.position !== 'function') throw new TypeError('webPlugin: options.changes must be the ChangeFeed of this process');
};

export const webPlugin: FastifyPluginAsync<WebOptions> = async (app, options) => {
  checkOptions(options);
  const { assets, byName } = await loadStaticAssets();
  const site: Site = {
    db: options.client,
    schema: options.schema,
    municipality: options.municipality ?? lixouri,
    assets,
  };
  const visitOf = (lang: Lang, request: FastifyRequest): Visit => ({
    lang,
    t: messagesOf(lang),
    url: request.url,
    origin: `${request.protocol}://${request.host}`,
    href: (path) => localPath(lang, path),
  });
  const render = (reply: FastifyReply, visit: Visit, page: Page): FastifyReply => {
    const body = Buffer.from(layout(site, visit, page).value, 'utf8');
    const encoding = acceptedEncoding(reply.request.headers['accept-encoding']);
    void reply
      .code(page.status ?? 200)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .header('Content-Language', visit.lang)
      .header('Vary', 'Accept-Encoding');
    return encoding === null ? reply.send(body) : reply.header('Content-Encoding', encoding).send(compress(body, encoding, 'fast'));
  };
  const renderError = (request: FastifyRequest, reply: FastifyReply, status: number): FastifyReply => {
    const visit = visitOf(langOf(request.url), request);
    return render(reply, visit, errorPage(visit, status));
  };

  registerStaticRoutes(app, byName);
  registerFragments(app, site, options.changes, visitOf);
  registerPages(app, site, visitOf, render);

  app.setNotFoundHandler((request, reply) => {
    if (API_PREFIXES.some((prefix) => request.url.startsWith(prefix))) {
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
};
