// Sessions the office did not number with a UUID — imported from a Popolo file, or the fixtures'
// «ds-2026-10-24» — have their pages too: the session, its items and its live parts; an id with characters
// no session id has is not found, as is an item number past the agenda.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCouncilFixtures } from '../../../src/cli/councilFixtures.ts';
import { listSessions, sessionDetail } from '../../../src/projections/council/index.ts';
import { caughtUp } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { startCitizenSite } from '../identity/citizenSite.ts';

const test = suite<{ site: CitizenSite }>('council: pages of sessions named by an import or the fixtures', { site: undefined as unknown as CitizenSite });

test.before(async (context) => {
  context.site = await startCitizenSite();
  await loadCouncilFixtures(context.site.store, new Date());
  await caughtUp(context.site);
});
test.after(async ({ site }) => site.close());

test('a fixture session, its decided item and its live parts answer; a malformed id or a missing item is not found', async ({ site }) => {
  const { client, schema } = site.db;
  const held = (await listSessions(client, schema)).find((s) => new Date(s.startsAt) < new Date())!;
  assert.match(held.id, /^ds-\d{4}-\d{2}-\d{2}$/);
  const detail = (await sessionDetail(client, schema, held.id))!;
  const item = detail.items.find((i) => i.decisionNumber !== null)!;
  const page = await site.app.inject({ url: `/council/sessions/${held.id}` });
  assert.is(page.statusCode, 200);
  assert.match(page.body, `href="/council/items/${held.id}-${item.number}"`);
  assert.is((await site.app.inject({ url: `/en/council/sessions/${held.id}` })).statusCode, 200);
  assert.is((await site.app.inject({ url: `/council/sessions/${held.id}/live` })).statusCode, 200);
  const itemPage = await site.app.inject({ url: `/council/items/${held.id}-${item.number}` });
  assert.is(itemPage.statusCode, 200);
  assert.match(itemPage.body, item.title);
  assert.is((await site.app.inject({ url: `/council/items/${held.id}-999` })).statusCode, 404);
  assert.is((await site.app.inject({ url: `/council/sessions/${encodeURIComponent('ds <x>')}` })).statusCode, 404);
  assert.is((await site.app.inject({ url: '/council/documents/ds-2026-10-24' })).statusCode, 404, 'documents are found by their UUID alone');
});

test.run();
