// The pages' behaviour through app.inject: what a filter, a bad filter, a cursor, an unknown address and
// the static files answer; the live fragments; the JavaScript budget.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { TestSite } from './support/siteApp.ts';
import { startTestSite } from './support/siteApp.ts';
import { formatDate } from '../../src/web/shared/format.ts';
import { SMALL_YEAR, SMALL_YEAR_TODAY, SUPPLIERS, smallYearAssets, smallYearTransactions } from './support/smallYear.ts';

const Y = SMALL_YEAR;

const pages = suite<{ site: TestSite }>('pages');

pages.before(async (context) => {
  context.site = await startTestSite({
    files: [
      { kind: 'transactions', fileName: 'lixouri-year.csv', content: smallYearTransactions() },
      { kind: 'assets', fileName: 'lixouri-assets.csv', content: smallYearAssets() },
    ],
  });
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

pages('only the home page loads the script', async ({ site }) => {
  for (const url of ['/movements', `/budget/${Y}`, '/en/property', '/accessibility']) assert.not.ok((await get(site, url)).body.includes('<script'), url);
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

pages('suppliers, property and the import log: a stale cursor gives their first page, not an error', async ({ site }) => {
  for (const path of ['/suppliers', '/property', '/open-data']) {
    const first = await get(site, path);
    const stale = await get(site, `${path}?after=not-a-cursor&page=3`);
    assert.is(stale.statusCode, 200, path);
    // Only the language links keep the address as it was asked.
    assert.is(stale.body.replaceAll('?after=not-a-cursor&amp;page=3', ''), first.body, `${path}: the first page, as if no cursor were given`);
  }
});

pages('search ignores accents and case', async ({ site }) => {
  const accented = rowsOf((await get(site, '/movements?search=ΣΥΝΤΗΡΗΣΗ')).body);
  assert.ok(accented.length > 0);
  assert.equal(rowsOf((await get(site, '/movements?search=συντήρηση')).body), accented);
});

pages('the suppliers are the legal entities the municipality pays; a supplier page shows its payments', async ({ site }) => {
  const list = await get(site, '/suppliers');
  assert.ok(list.body.includes(SUPPLIERS.lighting.name));
  const listed = [...list.body.matchAll(/href="\/suppliers\/(\d{9})"/g)].map((m) => m[1]).sort();
  const { lighting, water, works, cafe } = SUPPLIERS;
  assert.equal(listed, [lighting, water, works].map((s) => s.afm).sort(), 'the legal entities paid by the municipality, and only them');
  assert.not.ok(listed.includes(cafe.afm), 'a lessee who only pays rent is not a supplier');
  const page = await get(site, `/suppliers/${SUPPLIERS.lighting.afm}`);
  assert.is(page.statusCode, 200);
  assert.ok(page.body.includes('13.640,00'), 'paid in total');
  assert.ok(page.body.includes(`/movements?afm=${SUPPLIERS.lighting.afm}`));
});

pages('an asset page has its location, a link to OpenStreetMap and its history', async ({ site }) => {
  const { statusCode, body } = await get(site, `/property/${encodeURIComponent('ΑΚ-002')}`);
  assert.is(statusCode, 200);
  assert.ok(body.includes('https://www.openstreetmap.org/?mlat=38.20262&amp;mlon=20.43748#map=17/38.20262/20.43748'));
  assert.ok(body.includes('38,20262'));
  assert.ok(body.includes('<svg class="map"'));
  assert.ok(body.includes('Μίσθωση'));
  assert.ok(body.includes('12.000,00'));
  const transferred = await get(site, `/property/${encodeURIComponent('ΑΚ-006')}`);
  assert.ok(transferred.body.includes('φυσικό πρόσωπο'));
});

pages('unknown years, lines, suppliers and assets are a 404 page in the right language', async ({ site }) => {
  for (const url of ['/budget/2019', `/budget/${Y}/kae/99-9999`, '/suppliers/123456789', '/property/nope', '/nope', '/en/budget/2019', '/en/nope']) {
    const { statusCode, body } = await get(site, url);
    assert.is(statusCode, 404, url);
    assert.ok(body.includes(url.startsWith('/en') ? 'Page not found' : 'Η σελίδα δεν βρέθηκε'), url);
  }
});

pages('malformed addresses are a 400 page, not an error', async ({ site }) => {
  for (const url of ['/budget/20x5', '/movements?type=GIFT', `/budget/${Y}?by=street`, '/suppliers/abc']) {
    const { statusCode, body } = await get(site, url);
    assert.ok([400, 404].includes(statusCode), `${url}: ${statusCode}`);
    assert.ok(body.startsWith('<!doctype html>'), url);
  }
});

pages('/budget and /en/budget lead to the latest year', async ({ site }) => {
  assert.is((await get(site, '/budget')).headers.location, `/budget/${Y}`);
  assert.is((await get(site, '/en/budget')).headers.location, `/en/budget/${Y}`);
  assert.is((await get(site, '/en/')).headers.location, '/en');
});

pages('the API keeps its own answers for addresses it owns', async ({ site }) => {
  const { statusCode, headers } = await get(site, '/api/no-such-thing');
  assert.is(statusCode, 404);
  assert.match(String(headers['content-type']), /application\/json/);
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

pages('static files: fingerprinted, cached for a year, compressed, 304 on a matching ETag', async ({ site }) => {
  const home = (await get(site, '/')).body;
  for (const url of [/href="(\/static\/site\.[0-9a-f]{10}\.css)"/, /src="(\/static\/live\.[0-9a-f]{10}\.js)"/, /href="(\/static\/favicon\.[0-9a-f]{10}\.svg)"/].map((r) => r.exec(home)![1]!)) {
    const plain = await get(site, url);
    assert.is(plain.statusCode, 200, url);
    assert.is(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    const br = await get(site, url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.is(br.headers['content-encoding'], 'br');
    assert.ok(br.rawPayload.length < plain.rawPayload.length);
    assert.is((await get(site, url, { 'if-none-match': String(plain.headers.etag) })).statusCode, 304);
  }
  assert.is((await get(site, '/static/site.0000000000.css')).statusCode, 404);
});

pages('pages are sent compressed to clients that accept it', async ({ site }) => {
  const plain = await get(site, '/movements');
  for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
    const packed = await get(site, '/movements', { 'accept-encoding': encoding });
    assert.is(packed.headers['content-encoding'], encoding);
    assert.is(packed.headers.vary, 'Accept-Encoding');
    assert.is(decode(packed.rawPayload).toString('utf8'), plain.body);
    assert.ok(packed.rawPayload.length * 4 < plain.rawPayload.length);
  }
});

pages('all the JavaScript of the site is under 50 KB compressed', async ({ site }) => {
  const script = /src="(\/static\/live\.[0-9a-f]{10}\.js)"/.exec((await get(site, '/')).body)![1]!;
  const plain = await get(site, script);
  const gzip = gzipSync(plain.rawPayload).length;
  const brotli = (await get(site, script, { 'accept-encoding': 'br' })).rawPayload.length;
  assert.ok(gzip < 50 * 1024 && brotli < 50 * 1024, `gzip ${gzip} B, brotli ${brotli} B`);
});

pages.run();
