// The ledger's pages through app.inject: the home page and its live fragments, the movements' filters,
// dates, bad filters and cursors, search, and /budget leading to the latest year.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TestSite } from '../support/siteApp.ts';
import { startTestSite } from '../support/siteApp.ts';
import { formatDate } from '../../../src/web/shared/format.ts';
import { SMALL_YEAR, SMALL_YEAR_TODAY, smallYearFiles } from '../support/smallYear.ts';

const Y = SMALL_YEAR;

const pages = suite<{ site: TestSite }>('ledger pages');

pages.before(async (context) => {
  context.site = await startTestSite({ files: smallYearFiles() });
});
pages.after(async ({ site }) => site.close());

const get = async (site: TestSite, url: string, headers: Record<string, string> = {}) => site.app.inject({ url, headers });
const rowsOf = (body: string): string[] => [...body.matchAll(/<tr role="row" data-position="(\d+)">/g)].map((m) => m[1]!);

pages('the home page: this year at a glance, today, the latest movements and the newest payments', async ({ site }) => {
  const { statusCode, body, headers } = await get(site, '/');
  assert.is(statusCode, 200);
  assert.is(headers['content-type'], 'text/html; charset=utf-8');
  assert.ok(body.includes(`Το ${Y} με μια ματιά`));
  assert.ok(body.includes('3.685.000,00'), 'revenue budget of the year');
  assert.ok(body.includes(`Σήμερα, ${formatDate(SMALL_YEAR_TODAY)}`));
  assert.ok(body.includes('<dd>1.240,00\u00a0€</dd>'), "today's payment");
  assert.is((body.match(/class="movement-card"/g) ?? []).length, 10);
  assert.ok(body.includes('aria-live="polite"'));
  assert.match(body, /<script type="module" src="\/static\/live\.[0-9a-f]{10}\.js"><\/script>/);
});

pages('movements: filters narrow the table, the CSV and JSON links carry the same filters and order', async ({ site }) => {
  const { body } = await get(site, `/movements?year=${Y}&type=PAYMENT&kae=20-6262&orderBy=AMOUNT_DESC`);
  assert.equal(rowsOf(body).length, 2);
  assert.ok(body.includes(`href="/api/exports/transactions.csv?year=${Y}&amp;type=PAYMENT&amp;kae=20-6262&amp;orderBy=AMOUNT_DESC"`));
  assert.ok(body.includes(`href="/api/exports/transactions.json?year=${Y}&amp;type=PAYMENT&amp;kae=20-6262&amp;orderBy=AMOUNT_DESC"`));
  assert.ok(body.indexOf('12.400,00') < body.indexOf('1.240,00'), 'largest first');
  assert.ok(body.includes('aria-sort="descending"'));
});

pages('movements: dates are read as dd/mm/yyyy or ISO and shown back as dd/mm/yyyy', async ({ site }) => {
  const greek = await get(site, `/movements?from=01/03/${Y}&to=31/3/${Y}`);
  const iso = await get(site, `/movements?from=${Y}-03-01&to=${Y}-03-31`);
  assert.equal(rowsOf(greek.body), rowsOf(iso.body));
  assert.ok(rowsOf(greek.body).length >= 3);
  assert.ok(greek.body.includes(`value="31/03/${Y}"`));
  assert.ok(greek.body.includes(`from=${Y}-03-01`), 'links carry ISO dates');
});

pages('movements: a filter that cannot be read is explained, the others still apply', async ({ site }) => {
  const { statusCode, body } = await get(site, `/movements?kae=12345&afm=12&from=31/02/${Y}&type=RECEIPT`);
  assert.is(statusCode, 200);
  assert.ok(body.includes('class="error-summary"'));
  for (const field of ['filter-kae', 'filter-afm', 'filter-from']) assert.ok(body.includes(`href="#${field}"`), field);
  assert.ok(rowsOf(body).length > 0);
  assert.not.ok(body.includes('tag-payment'), 'the type filter still applies');
});

pages('movements: 50 a page, the next page by cursor, a stale cursor falls back to the first page', async ({ site }) => {
  const first = await get(site, '/movements');
  assert.is(rowsOf(first.body).length, 50);
  const next = /<a href="([^"]+)" rel="next">/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
  assert.ok(next);
  const second = await get(site, next);
  assert.ok(second.body.includes('Εμφανίζονται 51–'));
  assert.is(rowsOf(second.body).filter((p) => rowsOf(first.body).includes(p)).length, 0, 'no movement on both pages');
  const stale = await get(site, '/movements?after=not-a-cursor&page=3');
  assert.is(stale.statusCode, 200);
  assert.ok(stale.body.includes('Ο σύνδεσμος της σελίδας δεν ισχύει πια'));
  assert.ok(stale.body.includes('Εμφανίζονται 1–50'));
});

pages('search ignores accents and case', async ({ site }) => {
  const accented = rowsOf((await get(site, '/movements?search=ΣΥΝΤΗΡΗΣΗ')).body);
  assert.ok(accented.length > 0);
  assert.equal(rowsOf((await get(site, '/movements?search=συντήρηση')).body), accented);
});

pages('/budget and /en/budget lead to the latest year', async ({ site }) => {
  assert.is((await get(site, '/budget')).headers.location, `/budget/${Y}`);
  assert.is((await get(site, '/en/budget')).headers.location, `/en/budget/${Y}`);
  assert.is((await get(site, '/en/')).headers.location, '/en');
});

pages('the live fragments: the home page parts, rendered once per change', async ({ site }) => {
  const first = await get(site, '/fragments/home.json?lang=en');
  assert.is(first.statusCode, 200);
  assert.is(first.headers['cache-control'], 'no-store');
  const parts = first.json<{ position: number; glance: string; today: string; latest: string; payments: string }>();
  assert.ok(parts.glance.includes(`${Y} at a glance`));
  assert.ok(parts.today.includes(`Today, ${formatDate(SMALL_YEAR_TODAY)}`));
  assert.is((parts.latest.match(/<li /g) ?? []).length, 10);
  assert.ok(parts.payments.includes('<table'));
  assert.equal((await get(site, '/fragments/home.json?lang=en')).json(), parts);
  assert.is((await get(site, '/fragments/home.json?lang=fr')).statusCode, 400);
});

pages.run();
