// The CSV download of the movements page is exactly the filtered table: the link carries the page's
// filters and order, and the file holds the same movements, in the same order, with the same amounts.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { budgetLines, fiscalYears, listTransactions } from '../../src/projections/ledger/index.ts';
import { VIEWPORTS } from './support/browser.ts';
import { e2e } from './support/context.ts';
import { parseCsv } from './support/csv.ts';

const downloads = suite('CSV download of the movements page');

/** A line whose payments fit one page of the table, so that the whole file can be compared with it. */
const lineWithFewPayments = async (): Promise<{ kae: string; year: number }> => {
  const { client, schema } = e2e().server.site.db;
  const [year] = await fiscalYears(client, schema);
  for (const line of await budgetLines(client, schema, year!)) {
    if (line.side !== 'EXPENSE') continue;
    const count = await (await listTransactions(client, schema, { filter: { year, kae: line.kae, type: 'PAYMENT' }, first: 1 })).totalCount();
    if (count >= 3 && count <= 50) return { kae: line.kae, year: year! };
  }
  throw new Error('No expense line with 3 to 50 payments');
};

for (const orderBy of ['OLDEST', 'AMOUNT_DESC', 'DATE_ASC'] as const) {
  downloads(`filtered by year, ΚΑΕ and type, ordered ${orderBy}`, async () => {
    const { browser, server } = e2e();
    const { kae, year } = await lineWithFewPayments();
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    try {
      await page.goto(`${server.baseUrl}/movements?year=${year}&kae=${encodeURIComponent(kae)}&type=PAYMENT&orderBy=${orderBy}`);
      const shown = await page.$$eval('table.movements tbody tr', (rows) =>
        rows.map((row) => ({
          document: row.querySelector('.c-document')?.firstChild?.textContent?.trim() ?? '',
          amount: (row.querySelector('.c-amount')?.textContent ?? '').replace(/[.\s\u00a0€]/g, ''),
        })),
      );
      assert.ok(shown.length >= 3, `the table shows the payments (${shown.length})`);
      const href = (await page.getAttribute('a[data-export="csv"]', 'href')) ?? '';
      const query = new URL(href, server.baseUrl).searchParams;
      assert.equal([query.get('year'), query.get('kae'), query.get('type'), query.get('orderBy')], [String(year), kae, 'PAYMENT', orderBy], href);
      const response = await page.request.get(new URL(href, server.baseUrl).href);
      assert.is(response.status(), 200, href);
      const [header, ...rows] = parseCsv(await response.text(), ';').filter((r) => r.length > 1);
      const documentColumn = header!.findIndex((h) => h.endsWith('/ Document'));
      const amountColumn = header!.findIndex((h) => h.includes('/ Amount'));
      const downloaded = rows.map((r) => ({ document: r[documentColumn]!, amount: r[amountColumn]! }));
      const key = (r: { document: string; amount: string }) => `${r.document} ${r.amount}`;
      assert.equal(downloaded.map(key).sort(), shown.map(key).sort(), 'the same movements and amounts as the table');
      assert.equal(downloaded.map(key), shown.map(key), `in the same order as the table (${orderBy}): the export must honour orderBy`);
    } finally {
      await page.close();
    }
  });
}

downloads.run();
