// What search engines read: robots.txt (the public site yes; the personal, staff, login and API paths no)
// and sitemap.xml (the public pages in both languages, each with its hreflang alternates, absolute URLs
// from the public address). The pages come from the frame and from each context's registration.
import type { FastifyPluginAsync } from 'fastify';
import { escapeHtml } from './html.ts';
import { LANGS, localPath } from './lang.ts';
import type { Site } from './page.ts';
import type { WebContext } from './pageRoutes.ts';

/** The frame's own public pages. */
const FRAME_PAGES: readonly string[] = ['/', '/services', '/open-data', '/accessibility', '/privacy'];

/** Paths no crawler should index: a citizen's and staff's pages, the login, the API and the live feed. */
export const DISALLOWED: readonly string[] = ['/my/', '/en/my/', '/office/', '/auth/', '/api/', '/graphql', '/live', '/fragments/'];

/**
 * At most this many pages (each listed in both languages): far below the protocol's 50,000 URLs and 50 MB,
 * and a bound whatever a context lists.
 */
export const SITEMAP_MAX_PAGES = 5_000;

export interface FrontDoorOptions {
  readonly site: Site;
  readonly contexts: readonly WebContext[];
}

export const robotsTxt = (publicUrl: string): string =>
  ['User-agent: *', 'Allow: /', ...DISALLOWED.map((path) => `Disallow: ${path}`), '', `Sitemap: ${publicUrl}/sitemap.xml`, ''].join('\n');

/** The unlocalised public pages: the frame's, then each context's (its own list, or its header links). */
export const sitemapPaths = async (site: Site, contexts: readonly WebContext[]): Promise<string[]> => {
  const listed = await Promise.all(contexts.map((c) => (c.sitemap ? c.sitemap(site) : Promise.resolve(c.nav.map((n) => n.path)))));
  return [...new Set([...FRAME_PAGES, ...listed.flat()])].slice(0, SITEMAP_MAX_PAGES);
};

export const sitemapXml = (publicUrl: string, paths: readonly string[]): string => {
  const url = (path: string, lang: (typeof LANGS)[number]) => escapeHtml(`${publicUrl}${localPath(lang, path)}`);
  const entry = (path: string) =>
    LANGS.map(
      (lang) => `<url><loc>${url(path, lang)}</loc>${LANGS.map((alt) => `<xhtml:link rel="alternate" hreflang="${alt}" href="${url(path, alt)}"/>`).join('')}<xhtml:link rel="alternate" hreflang="x-default" href="${url(path, 'el')}"/></url>`,
    ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${paths.map(entry).join('\n')}
</urlset>
`;
};

export const frontDoorRoutes: FastifyPluginAsync<FrontDoorOptions> = async (app, { site, contexts }) => {
  app.get('/robots.txt', async (_request, reply) =>
    reply.header('Content-Type', 'text/plain; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(robotsTxt(site.publicUrl)),
  );
  app.get('/sitemap.xml', async (_request, reply) =>
    reply
      .header('Content-Type', 'application/xml; charset=utf-8')
      .header('Cache-Control', 'public, max-age=3600')
      .send(sitemapXml(site.publicUrl, await sitemapPaths(site, contexts))),
  );
};
