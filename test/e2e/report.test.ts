// «Αναφορά προβλήματος» in real Chromium: the map comes up with our own Leaflet (from /static, under the
// strict Content Security Policy, with no violation), a click puts the pin and fills lat/long, the address
// search over the gazetteer moves it, and the form is sent with the browser's own multipart body. The
// tiles cannot load here (no network): their requests are aborted and nothing fails for it.
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CitizenSite } from '../web/identity/citizenSite.ts';
import { startCitizenSite } from '../web/identity/citizenSite.ts';
import { screenshot, VIEWPORTS, watchPage } from './support/browser.ts';
import { e2e } from './support/context.ts';

const report = suite('report a problem in Chromium: the map, the pin, the places, the form');
let site: CitizenSite;
let publicUrl: string;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

report.before(async () => {
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  site = await startCitizenSite({ publicUrl });
  await site.app.listen({ port, host: '127.0.0.1' });
});
report.after(async () => {
  await site.close();
});

report('the map loads with our Leaflet, a click pins the spot and fills lat/long, a place moves it, no CSP violation', async () => {
  const context = await e2e().browser.newContext({ viewport: VIEWPORTS.desktop });
  try {
    const page = await context.newPage();
    const problems = watchPage(page);
    // Offline: the tile server is unreachable; its images fail, which is no fault of the page.
    await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const answer = await page.goto(`${publicUrl}/requests/new?service_code=water-leak`);
    assert.is(answer?.status(), 200);
    assert.ok(String(answer?.headers()['content-security-policy']).includes('https://tile.openstreetmap.org'), 'the CSP names the tile host');
    await page.waitForSelector('#report-map.leaflet-container');
    const leaflet = await page.evaluate(() => ({ version: (window as unknown as { L?: { version: string } }).L?.version ?? null, scripts: Array.from(document.querySelectorAll('script[src]'), (s) => s.getAttribute('src') ?? '') }));
    assert.ok(leaflet.version, 'Leaflet is loaded');
    assert.ok(leaflet.scripts.some((src) => src.startsWith('/static/leaflet.')), 'from our own origin');

    const nearby = page.waitForResponse((r) => new URL(r.url()).pathname === '/requests/nearby');
    await page.click('#report-map', { position: { x: 300, y: 150 } });
    await page.waitForSelector('.od-map-pin');
    const [lat, long] = await Promise.all([page.inputValue('#report-lat'), page.inputValue('#report-long')]);
    assert.ok(Number(lat) > 38.15 && Number(lat) < 38.32, `lat ${lat}`);
    assert.ok(Number(long) > 20.33 && Number(long) < 20.52, `long ${long}`);
    assert.is((await nearby).status(), 200, 'the nearby requests are asked for as the pin moves');
    assert.is(await page.inputValue('#report-nearby-seen'), '1', 'none near: the server need not ask again');

    await page.fill('#report-address_string', 'Βουνι');
    await page.click('#report-places button:has-text("Βουνί")');
    await page.waitForFunction(() => (document.getElementById('report-lat') as HTMLInputElement).value.startsWith('38.213'));
    assert.is(await page.inputValue('#report-address_string'), 'Βουνί');

    await page.fill('#report-description', 'Τρέχει νερό στον δρόμο');
    await page.fill('#report-email', 'maria@example.gr');
    await screenshot(page, 'report-form', 'desktop');
    await Promise.all([page.waitForURL(`${publicUrl}/requests/new`), page.click('#report-form button[type="submit"]')]);
    assert.ok((await page.textContent('h1'))?.includes('Ελέγξτε το e-mail σας'));

    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    assert.equal(violations, [], 'no Content Security Policy violation');
    assert.equal(problems.filter((p) => !/Failed to load resource|ERR_FAILED/.test(p)), []);
  } finally {
    await context.close();
  }
});

report.run();
