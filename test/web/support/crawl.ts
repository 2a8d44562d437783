// Every page of the site reachable by links from the home pages, fetched through app.inject.
import type { FastifyInstance } from 'fastify';
import { tagsOf } from './htmlChecks.ts';

export interface CrawledPage {
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** Who linked here first. */
  readonly from: string;
}

/**
 * Links this crawl does not follow: the API (tested with the API), other sites, and the personal and staff
 * side (the TaxisNet login, /my/, /office/), which answer a visitor with a login and are tested with the
 * identity context.
 */
const followed = (href: string): boolean =>
  href.startsWith('/') && !href.startsWith('//') && !/^\/(api|graphql|live|static|fragments|auth|office)\b/.test(href) && !/^(\/en)?\/my\//.test(href);

export const crawl = async (app: FastifyInstance, starts: readonly string[], limit: number): Promise<CrawledPage[]> => {
  const queue = starts.map((url) => ({ url, from: '(start)' }));
  const seen = new Set(starts);
  const pages: CrawledPage[] = [];
  while (queue.length > 0 && pages.length < limit) {
    const { url, from } = queue.shift()!;
    const response = await app.inject({ url });
    const page = { url, from, status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), body: response.body };
    pages.push(page);
    if (!page.contentType.startsWith('text/html')) continue;
    for (const tag of tagsOf(page.body)) {
      const href = tag.name === 'a' ? tag.attributes.get('href') : undefined;
      if (href === undefined || !followed(href)) continue;
      const target = href.replace(/&amp;/g, '&').split('#')[0]!;
      if (!seen.has(target)) {
        seen.add(target);
        queue.push({ url: target, from: url });
      }
    }
  }
  return pages;
};
