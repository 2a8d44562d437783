// Keyboard: pressing Tab from the top of each page reaches every link, button and field on it, in order,
// and each shows a visible focus indicator.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { VIEWPORTS } from './support/browser.ts';
import { e2e } from './support/context.ts';

const keyboard = suite('keyboard navigation reaches every control');

const CONTROLS = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';

for (const sitePage of e2e().pages) {
  keyboard(sitePage.name, async () => {
    const { browser, server } = e2e();
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    try {
      await page.goto(server.baseUrl + sitePage.path);
      // Number every visible control; the live button is shown only when movements are waiting.
      const count = await page.$$eval(CONTROLS, (elements) => {
        const visible = elements.filter((e) => !(e as HTMLElement).closest('[hidden]') && e.getClientRects().length > 0 && !(e as HTMLButtonElement).disabled);
        visible.forEach((e, i) => e.setAttribute('data-control', String(i)));
        return visible.length;
      });
      const reached = new Set<string>();
      const unmarked: string[] = [];
      for (let press = 0; press < count + 5; press++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          if (!active || active === document.body) return null;
          const style = getComputedStyle(active);
          const indicated = style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
          return { id: active.dataset.control ?? null, tag: active.outerHTML.slice(0, 80), indicated };
        });
        if (focused === null) continue;
        if (focused.id !== null) reached.add(focused.id);
        if (!focused.indicated) unmarked.push(focused.tag);
      }
      const missed = Array.from({ length: count }, (_, i) => String(i)).filter((id) => !reached.has(id));
      const missedTags = await Promise.all(missed.slice(0, 5).map((id) => page.$eval(`[data-control="${id}"]`, (e) => e.outerHTML.slice(0, 100))));
      assert.equal(missed, [], `${sitePage.path}: ${missed.length} of ${count} controls not reached by Tab, e.g. ${missedTags.join(' | ')}`);
      assert.equal(unmarked, [], `${sitePage.path}: focus not visible on ${unmarked.join(' | ')}`);
    } finally {
      await page.close();
    }
  });
}

keyboard.run();
