// A budget amendment links to the decision that approved it when a context holds that decision by the
// amendment's ΑΔΑ (the council's decisions): the link under the ΑΔΑ in the line's history, in each language;
// the contexts are asked once per page for the line's ΑΔΑ alone; an ΑΔΑ nobody holds keeps Diavgeia's link only.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Context } from '../../../src/contexts.ts';
import type { DecisionLink } from '../../../src/web/shared/page.ts';
import type { TestSite } from '../support/siteApp.ts';
import { startTestSite } from '../support/siteApp.ts';
import { SMALL_YEAR, smallYearFiles } from '../support/smallYear.ts';

const ADA = 'ΨΑΘ146ΜΓΘΠ-3Κ7';
/** The budget's own decision, on every line's first row. */
const BUDGET_ADA = 'ΨΚ3Β46ΜΓΘΠ-Α1Ζ';
const asked: string[][] = [];

const council: Context = {
  name: 'decisions-held',
  web: {
    name: 'decisions-held',
    nav: [],
    routes: async () => undefined,
    decisionLinks: async (_db, _schema, adas) => {
      asked.push([...adas]);
      const held: [string, DecisionLink][] = adas.includes(ADA)
        ? [[ADA, { label: { el: `Απόφαση 12/${SMALL_YEAR} — Δημοτικό Συμβούλιο`, en: `Decision 12/${SMALL_YEAR} — Municipal Council` }, path: '/council/items/item-12' }]]
        : [];
      return new Map(held);
    },
  },
};

const test = suite<{ site: TestSite }>('the ledger: an amendment links to its council decision', { site: undefined as unknown as TestSite });

test.before(async (context) => {
  context.site = await startTestSite({ files: smallYearFiles(), contexts: () => [council] });
});
test.after(async ({ site }) => site.close());

test('the amended line’s history names the decision under its ΑΔΑ, in Greek and in English', async ({ site }) => {
  asked.length = 0;
  const el = await site.app.inject({ method: 'GET', url: `/budget/${SMALL_YEAR}/kae/30-7323.005` });
  assert.is(el.statusCode, 200);
  assert.match(el.body, `<a class="decision" href="/council/items/item-12">Απόφαση 12/${SMALL_YEAR} — Δημοτικό Συμβούλιο</a>`);
  assert.match(el.body, `href="https://diavgeia.gov.gr/decision/view/${encodeURIComponent(ADA)}"`, 'Diavgeia’s link stays');
  assert.equal(asked, [[BUDGET_ADA, ADA]], 'asked once, for the ΑΔΑ of the line’s history alone');
  const en = await site.app.inject({ method: 'GET', url: `/en/budget/${SMALL_YEAR}/kae/30-7323.005` });
  assert.match(en.body, `<a class="decision" href="/en/council/items/item-12">Decision 12/${SMALL_YEAR} — Municipal Council</a>`);
});

test('a line whose history carries no ΑΔΑ held by a context shows no decision link', async ({ site }) => {
  asked.length = 0;
  const page = await site.app.inject({ method: 'GET', url: `/budget/${SMALL_YEAR}/kae/20-6262.001` });
  assert.is(page.statusCode, 200);
  assert.equal(asked, [[BUDGET_ADA]]);
  assert.match(page.body, `href="https://diavgeia.gov.gr/decision/view/${encodeURIComponent(BUDGET_ADA)}"`);
  assert.not.match(page.body, 'class="decision"');
});

test.run();
