// The secretary's vote page in Chromium (council-office.js under the office's CSP): ticking a member's
// option records that one vote at once, without a reload — the row then shows the vote as recorded and the
// status says so; a vote the decider refuses (the member left meanwhile) shows its refusal in Greek and
// English, the tick is taken back and nothing is appended. The site is the whole town hall, listening on
// 127.0.0.1 (a secure context, so Chromium keeps the __Host- session cookie).
import type { BrowserContext } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decideOnBody, decideOnSession } from '../../src/api/council/index.ts';
import { createStaff, setPasswordWithLink } from '../../src/api/shared/staff/index.ts';
import { conveneSession, establishBody, joinMember, recordArrival, recordDeparture, streams, takeItem } from '../../src/domain/index.ts';
import { caughtUp } from '../web/debts/debtsSite.ts';
import type { CitizenSite } from '../web/identity/citizenSite.ts';
import { startCitizenSite } from '../web/identity/citizenSite.ts';
import { VIEWPORTS, watchPage } from './support/browser.ts';
import { e2e } from './support/context.ts';

const PASSWORD = 'μια φράση από λέξεις για το συμβούλιο';
const SESSION = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6d';
const actor = 'staff:e2e';

const office = suite('the secretary records votes in Chromium');
let site: CitizenSite;
let baseUrl: string;
let context: BrowserContext;

office.before(async () => {
  site = await startCitizenSite({ publicUrl: 'http://127.0.0.1' });
  baseUrl = await site.app.listen({ port: 0, host: '127.0.0.1' });
  const services = { client: site.db.client, schema: site.db.schema, store: site.store };
  const link = await createStaff(services, { email: 'grammateia@lixouri.gr', name: 'Ελένη Γραμματέως', roles: ['secretary'], actor: 'cli:e2e' });
  await setPasswordWithLink(services, { token: link.token, password: PASSWORD, repeated: PASSWORD });
  const { store } = site;
  await decideOnBody(store, 'committee', actor, (b) => establishBody(b, { bodyId: 'committee', name: 'Δημοτική Επιτροπή', nameEn: 'Municipal Committee', classification: 'committee', parentId: null }));
  for (const [id, name] of [['m1', 'Γεώργιος Παπάς'], ['m2', 'Μαρία Κωστά'], ['m3', 'Άννα Λύκου']] as const)
    await decideOnBody(store, 'committee', actor, (b) => joinMember(b, { personId: id, name, factionId: null, startDate: '2024-01-01' }));
  const at = '2026-03-10T18:05:00+02:00';
  await decideOnSession(store, { sessionId: SESSION, bodyId: 'committee' }, actor, (s, b) =>
    conveneSession(s, b, { sessionId: SESSION, startsAt: '2026-03-10T18:00:00+02:00', place: 'Δημαρχείο Ληξουρίου', remote: false, kind: 'regular', streamUrl: null, items: [{ number: 1, title: 'Έγκριση δαπάνης', rapporteur: null, majority: 'simple' }] }),
  );
  for (const id of ['m1', 'm2', 'm3']) await decideOnSession(store, { sessionId: SESSION }, actor, (s, b) => recordArrival(s, b, { personId: id, at }));
  await decideOnSession(store, { sessionId: SESSION }, actor, (s) => takeItem(s, { item: 1, at }));
  await caughtUp(site);
  context = await e2e().browser.newContext({ viewport: VIEWPORTS.desktop });
});
office.after(async () => {
  await context.close();
  await site.close();
});

const votes = async () => (await site.store.readStream(streams.councilSession(SESSION))).filter((e) => e.type === 'VoteCast').map((e) => e.data as { personId: string; option: string });

office('a tick records the vote at once; a refused one is taken back with the reason, and nothing is appended', async () => {
  const page = await context.newPage();
  const watched = watchPage(page);
  try {
    await page.goto(`${baseUrl}/office/login`);
    await page.fill('#email', 'grammateia@lixouri.gr');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForLoadState('load'), page.click('form button[type="submit"]')]);
    await page.goto(`${baseUrl}/office/council/sessions/${SESSION}`);
    assert.ok(await page.locator('form[data-council-votes="1"]').count(), 'the vote form of the current item');
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));

    // A click, not page.check(): the script may already have answered (replaced the row, or taken a refused
    // tick back) when Playwright looks at the radio again.
    await page.click('form[data-council-votes="1"] input[name="vote:m1"][value="for"]');
    await page.waitForSelector('form[data-council-votes="1"] tr[data-person="m1"] td[data-vote="for"]', { timeout: 5_000 });
    assert.match((await page.textContent('form[data-council-votes="1"] [data-vote-status]')) ?? '', 'Γεώργιος Παπάς');
    assert.is((await votes()).length, 1);
    assert.equal({ personId: (await votes())[0]!.personId, option: (await votes())[0]!.option }, { personId: 'm1', option: 'for' });

    // Meanwhile m2 has left the room: the decider refuses the vote the page still offers.
    await decideOnSession(site.store, { sessionId: SESSION }, actor, (s) => recordDeparture(s, { personId: 'm2', at: '2026-03-10T18:20:00+02:00' }));
    await page.click('form[data-council-votes="1"] input[name="vote:m2"][value="against"]');
    await page.waitForFunction(() => /·/.test(document.querySelector('form[data-council-votes="1"] [data-vote-status]')?.textContent ?? ''), undefined, { timeout: 5_000 });
    const refusal = (await page.textContent('form[data-council-votes="1"] [data-vote-status]')) ?? '';
    assert.match(refusal, /[\u0370-\u03ff]/, `Greek first: ${refusal}`);
    assert.match(refusal, /[a-z]{3}/, `and English: ${refusal}`);
    assert.is(await page.isChecked('form[data-council-votes="1"] input[name="vote:m2"][value="against"]'), false, 'the tick is taken back');
    assert.is(await page.isEnabled('form[data-council-votes="1"] input[name="vote:m2"][value="for"]'), true);
    assert.is((await votes()).length, 1, 'nothing appended');
    assert.ok(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded === true), 'the page was not reloaded');
    // The refused POST is logged by Chromium as a failed resource; anything else (a CSP complaint, an
    // exception) is a fault.
    assert.equal(watched.filter((p) => !p.includes('Failed to load resource')), [], 'no CSP complaint, no exception');
  } finally {
    await page.close();
  }
});

office.run();
