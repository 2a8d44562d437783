// With JavaScript off the site still works: the search box, the filters, sorting, the pages of results,
// the drill-down from the budget to a line, and the language switch are all plain links and GET forms.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { BrowserContext } from 'playwright-core';
import { VIEWPORTS } from './support/browser.ts';
import { e2e } from './support/context.ts';

const noScript = suite('the site without JavaScript');
let context: BrowserContext;

noScript.before(async () => {
  context = await e2e().browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.desktop });
});
noScript.after(async () => {
  await context.close();
});

const open = async (path: string) => {
  const page = await context.newPage();
  await page.goto(e2e().server.baseUrl + path);
  return page;
};

const typesShown = (page: Awaited<ReturnType<typeof open>>) => page.$$eval('table.movements tbody .c-type', (cells) => [...new Set(cells.map((c) => c.textContent?.trim()))]);

noScript('the home page renders its figures and lists, and its search box searches the movements', async () => {
  const page = await open('/');
  assert.ok((await page.$$('[data-live-list] li')).length > 0, 'latest movements');
  assert.ok(await page.isHidden('[data-live-indicator]'), 'no live indicator without the script');
  await page.fill('#home-search', 'Εξόφληση');
  await Promise.all([page.waitForURL(/\/movements\?search=/), page.click('.search-box button')]);
  assert.match((await page.textContent('#results-title')) ?? '', /\d/);
  assert.ok((await page.$$('table.movements tbody tr')).length > 0);
  await page.close();
});

noScript('filters, sorting and the next page of movements', async () => {
  const page = await open('/movements');
  await page.selectOption('#filter-type', 'PAYMENT');
  await Promise.all([page.waitForURL(/type=PAYMENT/), page.click('.filters button[type="submit"]')]);
  assert.equal(await typesShown(page), ['Πληρωμή']);
  await Promise.all([page.waitForURL(/orderBy=AMOUNT_DESC/), page.click('th a.sort >> nth=1')]);
  assert.is(await page.getAttribute('th[aria-sort]', 'aria-sort'), 'descending');
  const amounts = await page.$$eval('table.movements tbody .c-amount', (cells) => cells.map((c) => Number((c.textContent ?? '').replace(/[.\s\u00a0€]/g, '').replace(',', ''))));
  assert.equal(amounts, [...amounts].sort((a, b) => b - a), 'largest first');
  const firstPage = await page.textContent('table.movements tbody tr:first-child .c-document');
  await Promise.all([page.waitForURL(/after=/), page.click('.pager a[rel="next"]')]);
  assert.match((await page.textContent('.result-count')) ?? '', /51–100/);
  assert.not.equal(await page.textContent('table.movements tbody tr:first-child .c-document'), firstPage);
  assert.equal(await typesShown(page), ['Πληρωμή'], 'the next page keeps the filter');
  await page.close();
});

noScript('a filter that cannot be read is explained next to its field', async () => {
  const page = await open('/movements?kae=abc&from=31/02/2025');
  assert.ok(await page.isVisible('.error-summary'));
  assert.is(await page.getAttribute('#filter-kae', 'aria-invalid'), 'true');
  assert.is(await page.getAttribute('#filter-from', 'aria-invalid'), 'true');
  await page.close();
});

noScript('drill-down from the budget to a class, to its lines, to one line and its movements', async () => {
  const page = await open('/budget');
  assert.match(page.url(), /\/budget\/\d{4}$/);
  await Promise.all([page.waitForURL(/\/lines\?side=expense&class=/), page.click('section[aria-labelledby="budget-expense-title"] table a >> nth=0')]);
  await Promise.all([page.waitForURL(/\/kae\//), page.click('table.stages tbody a.kae >> nth=0')]);
  assert.match((await page.textContent('h1')) ?? '', /ΚΑΕ \d/);
  await Promise.all([page.waitForURL(/\/movements\?year=\d{4}&kae=/), page.click('a[href*="/movements?year="]')]);
  assert.ok((await page.$$('table.movements tbody tr')).length > 0);
  await page.close();
});

noScript('the language switch keeps the page and its query', async () => {
  const page = await open('/movements?type=RECEIPT');
  await Promise.all([page.waitForURL(/\/en\/movements\?type=RECEIPT/), page.click('.lang-switch')]);
  assert.is(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await typesShown(page), ['Receipt']);
  await Promise.all([page.waitForURL(/\/movements\?type=RECEIPT/), page.click('.lang-switch')]);
  assert.is(await page.getAttribute('html', 'lang'), 'el');
  await page.close();
});

noScript.run();
