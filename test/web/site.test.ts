// The whole site, crawled from / and /en on a small fiscal year: every link leads to a page that answers
// 200, in the language of the page it came from; the HTML is valid enough; no natural person appears
// anywhere; amounts are written 1.234,56 € and dates 23/11/2026.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CrawledPage } from './support/crawl.ts';
import { crawl } from './support/crawl.ts';
import { htmlProblems, visibleText } from './support/htmlChecks.ts';
import type { TestSite } from './support/siteApp.ts';
import { startTestSite } from './support/siteApp.ts';
import { formatDate } from '../../src/web/shared/format.ts';
import { NATURAL_PERSONS, SMALL_YEAR, SMALL_YEAR_TODAY, smallYearAssets, smallYearTransactions } from './support/smallYear.ts';

const site = suite<{ site: TestSite; pages: CrawledPage[] }>('the site, crawled');

site.before(async (context) => {
  context.site = await startTestSite({
    files: [
      { kind: 'transactions', fileName: 'lixouri-year.csv', content: smallYearTransactions() },
      { kind: 'assets', fileName: 'lixouri-assets.csv', content: smallYearAssets() },
    ],
  });
  context.pages = await crawl(context.site.app, ['/', '/en'], 1_500);
});
site.after(async ({ site }) => site.close());

site('the crawl reaches every kind of page in both languages', ({ pages }) => {
  const paths = new Set(pages.map((p) => p.url.split('?')[0]!.replace(/^\/en(?=\/|$)/, '').replace(/\/[^/]*\d[^/]*$/, '/:id') || '/'));
  for (const expected of ['/', '/budget', '/budget/:id', `/budget/${SMALL_YEAR}/lines`, `/budget/${SMALL_YEAR}/kae/:id`, '/movements', '/suppliers', '/suppliers/:id', '/property', '/property/:id', '/open-data', '/accessibility', '/services', '/privacy']) {
    assert.ok(paths.has(expected), `no ${expected} among ${[...paths].join(', ')}`);
  }
  assert.ok(pages.some((p) => p.url.startsWith('/en/')) && pages.some((p) => p.url.startsWith('/movements')));
  assert.ok(pages.length < 1_500, 'the crawl ends');
});

site('every link works: 200, or a redirect to a page of the same language', async ({ pages, site }) => {
  const broken = pages.filter((p) => ![200, 302].includes(p.status)).map((p) => `${p.status} ${p.url} (linked from ${p.from})`);
  assert.equal(broken, []);
  for (const redirect of pages.filter((p) => p.status === 302)) {
    const { headers } = await site.app.inject({ url: redirect.url });
    assert.is(String(headers.location).startsWith('/en'), redirect.url.startsWith('/en'), `${redirect.url} → ${headers.location}`);
  }
});

// Downloads linked from the pages (a CSV) are crawled for their status, but are not pages.
const htmlPages = (pages: readonly CrawledPage[]) => pages.filter((p) => p.status === 200 && p.contentType.startsWith('text/html'));

site('every page is in its language, with a link to the same page in the other', ({ pages }) => {
  for (const page of htmlPages(pages)) {
    const english = page.url === '/en' || page.url.startsWith('/en/') || page.url.startsWith('/en?');
    assert.ok(page.body.includes(`<html lang="${english ? 'en' : 'el'}">`), page.url);
    const other = english ? page.url.slice(3) || '/' : page.url === '/' ? '/en' : `/en${page.url}`;
    assert.ok(page.body.includes(`class="lang-switch" href="${other.replace(/&/g, '&amp;')}"`), `${page.url}: language switch to ${other}`);
  }
});

site('the HTML is valid enough, and nothing is inline that the Content Security Policy would block', ({ pages }) => {
  for (const page of htmlPages(pages)) assert.equal(htmlProblems(page.body), [], page.url);
});

site('no natural person appears on any page, by name or ΑΦΜ', ({ pages }) => {
  for (const page of pages) {
    for (const person of NATURAL_PERSONS) {
      assert.not.ok(page.body.includes(person.name), `${page.url} names ${person.name}`);
      assert.not.ok(page.body.includes(person.afm), `${page.url} shows the ΑΦΜ ${person.afm}`);
    }
  }
  assert.ok(pages.some((p) => p.body.includes('φυσικό πρόσωπο')), 'natural persons appear as «φυσικό πρόσωπο»');
  assert.ok(pages.some((p) => p.body.includes('private individual')), '… and as "private individual" in English');
});

// What may stand before a euro sign: an amount in Greek format, a chart axis in thousands or millions, or
// a column header "(€)".
const EURO = /(?:\d{1,3}(?:\.\d{3})*,\d{2}|\d+(?:,\d)?\u00a0(?:εκ\.|χιλ\.|m|k)|\d)\u00a0€|\(€\)/g;

site('amounts are written 1.234,56 € and dates 23/11/2026', ({ pages }) => {
  let amounts = 0;
  for (const page of pages.filter((p) => p.status === 200)) {
    const text = visibleText(page.body);
    const covered = new Set([...text.matchAll(EURO)].map((m) => m.index + m[0].lastIndexOf('€')));
    amounts += covered.size;
    const stray = [...text.matchAll(/€/g)].filter((m) => !covered.has(m.index)).map((m) => `«${text.slice(Math.max(0, m.index - 25), m.index + 1)}»`);
    assert.equal(stray, [], `${page.url}: euro amounts not in Greek format`);
    assert.not.match(text, /\d\.\d{2}\u00a0€/, `${page.url}: a decimal point`);
    assert.not.match(text, /\b\d{4}-\d{2}-\d{2}\b/, `${page.url}: an ISO date in the text`);
    assert.not.match(text, /\b\d{1,2}\/\d{1,2}\/\d{2}\b(?!\d)/, `${page.url}: a two-digit year`);
  }
  assert.ok(amounts > 500, `amounts seen: ${amounts}`);
  const home = pages.find((p) => p.url === '/')!;
  assert.ok(home.body.includes('1.240,00\u00a0€'), 'the payment of today');
  assert.ok(home.body.includes(`<time datetime="${SMALL_YEAR_TODAY}">${formatDate(SMALL_YEAR_TODAY)}</time>`), 'a date');
});

site.run();
