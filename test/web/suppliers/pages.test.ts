// The suppliers' pages through app.inject: who is listed, and what a supplier's page shows.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TestSite } from '../support/siteApp.ts';
import { startTestSite } from '../support/siteApp.ts';
import { SUPPLIERS, smallYearFiles } from '../support/smallYear.ts';

const pages = suite<{ site: TestSite }>('suppliers pages');

pages.before(async (context) => {
  context.site = await startTestSite({ files: smallYearFiles() });
});
pages.after(async ({ site }) => site.close());

const get = async (site: TestSite, url: string, headers: Record<string, string> = {}) => site.app.inject({ url, headers });

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

pages.run();
