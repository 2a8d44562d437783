// Live updates on the open home page: a movement imported through POST /api/imports appears within two
// seconds, without a reload, announced politely; when the reader has scrolled away, new movements wait
// behind a button instead of moving the page.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, VIEWPORTS } from './support/browser.ts';
import { e2e } from './support/context.ts';
import { expenseChainCsv, postImport } from './support/imports.ts';

const live = suite('live updates on the home page');

const newestPosition = (page: Page): Promise<number> =>
  page.$$eval('[data-live-list] li', (items) => Math.max(0, ...items.map((li) => Number((li as HTMLElement).dataset.position))));

const openHome = async (): Promise<Page> => {
  const { browser, server } = e2e();
  const page = await browser.newPage({ viewport: VIEWPORTS.phone });
  await page.goto(`${server.baseUrl}/`);
  await page.waitForSelector('[data-live-indicator].is-live', { timeout: 10_000 });
  return page;
};

live('a movement imported through POST /api/imports appears on the open home page within 2 seconds', async () => {
  const { server } = e2e();
  const page = await openHome();
  try {
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    const before = await newestPosition(page);
    const { csv, documents } = await expenseChainCsv(server);
    assert.is(await postImport(server, csv), 201, 'POST /api/imports');
    const imported = performance.now();
    await page.waitForFunction((position) => Array.from(document.querySelectorAll<HTMLElement>('[data-live-list] li')).some((li) => Number(li.dataset.position) > position), before, {
      timeout: 2_000,
      polling: 20,
    });
    const elapsed = performance.now() - imported;
    assert.ok(elapsed <= 2_000, `appeared after ${elapsed.toFixed(0)} ms`);
    console.log(`    live: the imported movement appeared ${elapsed.toFixed(0)} ms after POST /api/imports answered`);
    assert.ok(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded === true), 'the page was not reloaded');
    await page.locator('#latest').screenshot({ path: new URL('home-live-arrival-phone.png', SCREENSHOTS).pathname });
    const first = await page.textContent('[data-live-list] li:first-child');
    assert.ok(first?.includes('123,45'), `the newest card shows the amount: ${first}`);
    assert.ok(documents.length === 3);
    await page.waitForFunction(() => (document.querySelector('[data-live-announcer]')?.textContent ?? '') !== '', undefined, { timeout: 2_000 });
    assert.match((await page.textContent('[data-live-announcer]')) ?? '', /123,45/);
    assert.is(await page.getAttribute('[data-live-announcer]', 'aria-live'), 'polite');
  } finally {
    await page.close();
  }
});

live('when the reader has scrolled down, new movements wait behind a button and nothing moves', async () => {
  const { server } = e2e();
  const page = await openHome();
  try {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const scrolled = await page.evaluate(() => window.scrollY);
    const before = await newestPosition(page);
    const { csv } = await expenseChainCsv(server, '67.89');
    assert.is(await postImport(server, csv), 201);
    await page.waitForSelector('[data-live-button]:not([hidden])', { timeout: 2_000 });
    assert.is(await newestPosition(page), before, 'the list waits');
    assert.is(await page.evaluate(() => window.scrollY), scrolled, 'the page did not move');
    assert.match((await page.textContent('[data-live-button]')) ?? '', /^3 /);
    await page.screenshot({ path: new URL('home-new-movements-button-phone.png', SCREENSHOTS).pathname });
    await page.click('[data-live-button]');
    assert.ok((await newestPosition(page)) > before, 'shown after the click');
    assert.is(await page.evaluate(() => document.activeElement?.id), 'latest-title', 'focus moves to the list');
    assert.ok(await page.isHidden('[data-live-button]'));
  } finally {
    await page.close();
  }
});

live.run();
