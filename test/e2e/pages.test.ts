// Every page, in Greek and in English, at desktop and phone width: it renders with its status, under the
// strict Content Security Policy without a complaint, and axe-core finds no WCAG 2.1 A/AA violation.
// A screenshot of each is kept in test-results/screenshots/.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { axeViolations, describeViolations } from './support/axe.ts';
import { screenshot, VIEWPORTS, watchPage } from './support/browser.ts';
import { e2e } from './support/context.ts';

const pages = suite('every page, both languages: renders, no CSP complaint, no WCAG 2.1 A/AA violation');

for (const sitePage of e2e().pages) {
  pages(sitePage.name, async () => {
    const { browser, server } = e2e();
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    try {
      const page = await context.newPage();
      const problems = watchPage(page);
      const response = await page.goto(server.baseUrl + sitePage.path, { waitUntil: 'load' });
      assert.is(response?.status(), sitePage.status, `status of ${sitePage.path}`);
      assert.is(await page.getAttribute('html', 'lang'), sitePage.lang);
      assert.ok((await page.textContent('h1'))?.trim(), 'a heading');
      for (const viewport of ['desktop', 'phone'] as const) {
        await page.setViewportSize(VIEWPORTS[viewport]);
        const violations = await axeViolations(page);
        assert.is(violations.length, 0, `${sitePage.path} at ${viewport} width:\n${describeViolations(violations)}`);
        await screenshot(page, sitePage.name, viewport);
      }
      // The browser reports the 404 of the not-found page itself as a console error.
      const unexpected = problems.filter((p) => !(sitePage.status === 404 && p.includes('status of 404')));
      assert.equal(unexpected, [], `${sitePage.path}: ${unexpected.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

pages.run();
