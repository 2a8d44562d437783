// The site as a whole through app.inject: the script only on the home page, stale cursors, unknown and
// malformed addresses, the API's own answers, the static files, compression and the JavaScript budget.
// Each context's own pages are tested in its folder (ledger/, suppliers/, assets/).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { TestSite } from './support/siteApp.ts';
import { startTestSite } from './support/siteApp.ts';
import { SMALL_YEAR, smallYearFiles } from './support/smallYear.ts';

const Y = SMALL_YEAR;

const pages = suite<{ site: TestSite }>('pages');

pages.before(async (context) => {
  context.site = await startTestSite({ files: smallYearFiles() });
});
pages.after(async ({ site }) => site.close());

const get = async (site: TestSite, url: string, headers: Record<string, string> = {}) => site.app.inject({ url, headers });

pages('only the home page loads the script', async ({ site }) => {
  for (const url of ['/movements', `/budget/${Y}`, '/en/property', '/accessibility']) assert.not.ok((await get(site, url)).body.includes('<script'), url);
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

pages('the API keeps its own answers for addresses it owns', async ({ site }) => {
  const { statusCode, headers } = await get(site, '/api/no-such-thing');
  assert.is(statusCode, 404);
  assert.match(String(headers['content-type']), /application\/json/);
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
