// The municipal property's pages through app.inject: an asset's location, map and history.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TestSite } from '../support/siteApp.ts';
import { startTestSite } from '../support/siteApp.ts';
import { smallYearFiles } from '../support/smallYear.ts';

const pages = suite<{ site: TestSite }>('property pages');

pages.before(async (context) => {
  context.site = await startTestSite({ files: smallYearFiles() });
});
pages.after(async ({ site }) => site.close());

const get = async (site: TestSite, url: string, headers: Record<string, string> = {}) => site.app.inject({ url, headers });

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

pages.run();
