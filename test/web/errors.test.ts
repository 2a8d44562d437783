// Refusals on the site are pages in the visitor's language with their own status: the rate limit's 429
// stays a 429.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TestSite } from './support/siteApp.ts';
import { startTestSite } from './support/siteApp.ts';
import { smallYearTransactions } from './support/smallYear.ts';

const errors = suite<{ site: TestSite }>('error pages');

errors.before(async (context) => {
  context.site = await startTestSite({ files: [{ kind: 'transactions', fileName: 'year.csv', content: smallYearTransactions() }], rateLimitPerMinute: 2 });
});
errors.after(async ({ site }) => site.close());

errors('a visitor over the rate limit gets a 429 page, in English under /en', async ({ site }) => {
  const statuses: number[] = [];
  let last = '';
  for (let i = 0; i < 3; i++) {
    const response = await site.app.inject({ url: '/en/accessibility' });
    statuses.push(response.statusCode);
    last = response.body;
  }
  assert.equal(statuses, [200, 200, 429]);
  assert.ok(last.includes('<h1>Too many requests</h1>'), last.slice(0, 300));
  assert.ok(last.includes('<html lang="en">'));
});

errors.run();
