// Layout on a 1,366 px desktop, the commonest laptop screen: no data table is wider than its box. A table
// may scroll sideways on a phone (it sits in a keyboard-reachable region), never on a desktop, where a
// reader would not think to scroll and would miss the columns cut off (the budget's percentages once).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { VIEWPORTS } from './support/browser.ts';
import { e2e } from './support/context.ts';

const layout = suite('desktop layout: tables fit their boxes');

for (const sitePage of e2e().pages) {
  layout(sitePage.name, async () => {
    const { browser, server } = e2e();
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    try {
      await page.goto(server.baseUrl + sitePage.path);
      const overflowing = await page.$$eval('.table-scroll', (boxes) =>
        boxes
          .map((box) => ({ box, table: box.querySelector('table') }))
          .filter(({ box, table }) => table !== null && box.getClientRects().length > 0 && table.scrollWidth > box.clientWidth)
          .map(({ box, table }) => `${box.getAttribute('aria-labelledby') ?? '?'}: table ${table!.scrollWidth} px in a box of ${box.clientWidth} px`),
      );
      assert.equal(overflowing, [], `${sitePage.path} at ${VIEWPORTS.desktop.width} px`);
    } finally {
      await page.close();
    }
  });
}

layout.run();
