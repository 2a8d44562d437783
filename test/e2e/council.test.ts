// A council session followed live in Chromium (council.js over the site's live feed): the secretary records
// arrivals and votes (through the same deciders as the office), and the open page shows each, without a
// reload, within the second; the page is not reloaded and the reader's place is kept.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decideOnSession } from '../../src/api/council/index.ts';
import { athensOffset, FIXTURE_COMMITTEE } from '../../src/cli/councilFixtures.ts';
import { castVote, conveneSession, recordArrival, takeItem } from '../../src/domain/index.ts';
import { membersInOfficeOn } from '../../src/projections/council/index.ts';
import { VIEWPORTS } from './support/browser.ts';
import { e2e } from './support/context.ts';

const live = suite('a council session, live in the browser');

const localNow = (): string => {
  const now = new Date();
  const offset = athensOffset(now);
  const shifted = new Date(now.getTime() + (offset.startsWith('+03') ? 3 : 2) * 3_600_000);
  return `${shifted.toISOString().slice(0, 16)}${offset}`;
};

live('arrivals and each vote appear on the open session page within a second, without a reload', async () => {
  const { browser, server } = e2e();
  const { store, db } = server.site;
  const sessionId = randomUUID();
  const actor = 'staff:e2e';
  const startsAt = localNow();
  await decideOnSession(store, { sessionId, bodyId: FIXTURE_COMMITTEE }, actor, (s, b) =>
    conveneSession(s, b, { sessionId, startsAt, place: 'Δημαρχείο Ληξουρίου', remote: false, kind: 'extraordinary', streamUrl: null, items: [{ number: 1, title: 'Έγκριση δαπάνης για τον ηλεκτροφωτισμό', rapporteur: null, majority: 'simple' }] }),
  );
  const members = await membersInOfficeOn(db.client, db.schema, FIXTURE_COMMITTEE, startsAt.slice(0, 10));
  assert.ok(members.length >= 3, `the committee has members (${members.length})`);
  const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  try {
    await page.goto(`${server.baseUrl}/council/sessions/${sessionId}`);
    await page.waitForSelector('[data-live-indicator].is-live', { timeout: 10_000 }).catch(() => undefined);
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    // Records with `act`, then waits in the page for `shown(arg)`: how long after the record it was drawn.
    const seen = async (what: string, shown: (arg: string) => boolean, arg: string, act: () => Promise<unknown>): Promise<number> => {
      await act();
      const done = performance.now();
      await page.waitForFunction(shown, arg, { timeout: 3_000, polling: 20 });
      const elapsed = performance.now() - done;
      assert.ok(elapsed <= 1_000, `${what} shown after ${elapsed.toFixed(0)} ms`);
      return elapsed;
    };
    const at = localNow();
    const [first, second, third] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    const arrived = await seen(
      'an arrival',
      (id) => document.querySelector(`[data-person="${id}"]`)?.getAttribute('data-present') === 'yes',
      first.personId,
      () => decideOnSession(store, { sessionId }, actor, (s, b) => recordArrival(s, b, { personId: first.personId, at })),
    );
    for (const m of [second, third]) await decideOnSession(store, { sessionId }, actor, (s, b) => recordArrival(s, b, { personId: m.personId, at }));
    await decideOnSession(store, { sessionId }, actor, (s) => takeItem(s, { item: 1, at }));
    const voted = await seen(
      'a vote',
      (name) => Array.from(document.querySelectorAll('#item-1 td, #item-1 th')).some((cell) => cell.textContent?.includes(name) ?? false),
      first.name,
      () => decideOnSession(store, { sessionId }, actor, (s, b) => castVote(s, b, { item: 1, personId: first.personId, option: 'for' })),
    );
    assert.match(await page.locator('#item-1').innerText(), 'Υπέρ');
    assert.ok(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded === true), 'the page was not reloaded');
    console.log(`    council live: an arrival shown ${arrived.toFixed(0)} ms, a vote ${voted.toFixed(0)} ms after it was recorded`);
  } finally {
    await page.close();
  }
});

live.run();
