// The council's public pages (issue 20): /council/ with the bodies and sessions, a session's agenda,
// current item, attendance, votes as recorded, stream link and minutes; a member's attendance and votes; an
// item's documents, summary, votes and decision with its ΑΔΑ linked to Diavgeia; Greek and English; and a
// vote recorded by the secretary reaches a reader of the session's page over the live feed within a second.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decideOnBody, decideOnSession } from '../../../src/api/council/index.ts';
import type { VoteOption } from '../../../src/domain/index.ts';
import { castVote, closeSession, conveneSession, establishBody, formFaction, joinMember, postDecision, recordArrival, resolveItem, takeItem } from '../../../src/domain/index.ts';
import { openSocket } from '../../support/wsClient.ts';
import { caughtUp } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { startCitizenSite } from '../identity/citizenSite.ts';

interface Context {
  site: CitizenSite;
}

const test = suite<Context>('council: the public pages', {} as Context);

test.before.each(async (context) => {
  context.site = await startCitizenSite();
});
test.after.each(async ({ site }) => site.close());

const SESSION = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const actor = 'staff:test';
const at = '2026-03-10T18:30:00+02:00';

/** A committee of three, a session with two items, all present, item 1 voted and decided with its ΑΔΑ, item 2 under discussion. */
const given = async (site: CitizenSite) => {
  const { store } = site;
  await decideOnBody(store, 'committee', actor, (b) => establishBody(b, { bodyId: 'committee', name: 'Δημοτική Επιτροπή', nameEn: 'Municipal Committee', classification: 'committee', parentId: null }));
  await decideOnBody(store, 'committee', actor, (b) => formFaction(b, { factionId: 'f1', name: 'Παράταξη Α' }));
  for (const [id, name] of [['papas-g', 'Γεώργιος Παπάς'], ['kosta-m', 'Μαρία Κωστά'], ['lykou-a', 'Άννα Λύκου']] as const)
    await decideOnBody(store, 'committee', actor, (b) => joinMember(b, { personId: id, name, factionId: 'f1', startDate: '2024-01-01' }));
  await decideOnSession(store, { sessionId: SESSION, bodyId: 'committee' }, actor, (s, b) =>
    conveneSession(s, b, {
      sessionId: SESSION,
      startsAt: '2026-03-10T18:00:00+02:00',
      place: 'Δημαρχείο Ληξουρίου',
      remote: false,
      kind: 'regular',
      streamUrl: 'https://example.org/live/committee',
      items: [
        { number: 1, title: 'Έγκριση προϋπολογισμού 2026', rapporteur: 'Δήμαρχος', majority: 'simple' },
        { number: 2, title: 'Δωρεά οικοπέδου', rapporteur: null, majority: 'absolute' },
      ],
    }),
  );
  for (const id of ['papas-g', 'kosta-m']) await decideOnSession(store, { sessionId: SESSION }, actor, (s, b) => recordArrival(s, b, { personId: id, at }));
  const votes: [string, VoteOption][] = [['papas-g', 'for'], ['kosta-m', 'against']];
  for (const [personId, option] of votes) await decideOnSession(store, { sessionId: SESSION }, actor, (s, b) => castVote(s, b, { item: 1, personId, option }));
  await decideOnSession(store, { sessionId: SESSION }, actor, (s, b) => resolveItem(s, b, { item: 1, summary: 'Ο προϋπολογισμός συζητήθηκε.' }));
  await decideOnSession(store, { sessionId: SESSION }, actor, (s) => postDecision(s, { item: 1, ada: 'ΨΚ4ΟΩΛΚ-ΑΒΓ' }));
  await decideOnSession(store, { sessionId: SESSION }, actor, (s) => takeItem(s, { item: 2, at }));
  await caughtUp(site);
};

test('/council/ lists the bodies and the sessions, in the navigation, in Greek and in English', async ({ site }) => {
  await given(site);
  const home = await site.app.inject({ url: '/council/' });
  assert.is(home.statusCode, 200);
  assert.match(home.body, 'href="/council/"');
  assert.match(home.body, '<h1>Δημοτικό Συμβούλιο και Επιτροπές</h1>');
  assert.match(home.body, 'Δημοτική Επιτροπή');
  assert.match(home.body, /id="upcoming-sessions"><li><a href="\/council\/sessions\/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b">Δημοτική Επιτροπή · <time datetime="[^"]+">10\/03\/2026 18:00<\/time><\/a> · Τακτική · Σε εξέλιξη/);
  const english = await site.app.inject({ url: '/en/council/' });
  assert.match(english.body, 'Municipal Committee');
  assert.match(english.body, 'href="/en/council/"');
  assert.match(english.body, 'Under way');
  assert.is((await site.app.inject({ url: '/council' })).statusCode, 301);
});

test('a session’s page: agenda, current item, attendance, each vote, the result with its ΑΔΑ, the stream; then the minutes', async ({ site }) => {
  await given(site);
  const page = await site.app.inject({ url: `/council/sessions/${SESSION}` });
  assert.is(page.statusCode, 200);
  assert.match(page.body, 'data-live-council="/council/sessions/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/live"');
  assert.match(page.body, /<script type="module" src="\/static\/council\.[0-9a-f]+\.js"><\/script>/);
  assert.match(page.body, '<strong>Συζητείται τώρα:</strong> <a href="#item-2">2. Δωρεά οικοπέδου</a>');
  assert.match(page.body, 'Παρόντες 2 από 3.');
  assert.match(page.body, /<tr data-person="papas-g" data-vote="for"><td><a href="\/council\/members\/papas-g">Γεώργιος Παπάς<\/a><\/td><td>Παράταξη Α<\/td><td>Υπέρ<\/td><\/tr>/);
  // A tie does not pass by a simple majority.
  assert.match(page.body, 'Απορρίφθηκε</strong> (υπέρ 1, κατά 1, λευκά 0, παρών 0, απόντες 1) · Απόφαση 1/2026 · ΑΔΑ <a href="https://diavgeia.gov.gr/decision/view/ΨΚ4ΟΩΛΚ-ΑΒΓ">ΨΚ4ΟΩΛΚ-ΑΒΓ</a>');
  assert.match(page.body, 'href="https://example.org/live/committee"');
  const english = await site.app.inject({ url: `/en/council/sessions/${SESSION}` });
  assert.match(english.body, '<strong>Under discussion:</strong>');
  assert.match(english.body, 'Failed</strong> (1 for, 1 against, 0 blank, 0 present, 1 absent) · Decision 1/2026');
  assert.is((await site.app.inject({ url: '/council/sessions/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
  assert.is((await site.app.inject({ url: '/council/sessions/not-an-id' })).statusCode, 404);

  await decideOnSession(site.store, { sessionId: SESSION }, actor, (s) => closeSession(s, { at: '2026-03-10T21:00:00+02:00' }));
  await caughtUp(site);
  const closed = await site.app.inject({ url: `/council/sessions/${SESSION}` });
  assert.match(closed.body, 'Κανένα θέμα δεν συζητείται αυτή τη στιγμή.');
  assert.match(closed.body, '· <span data-live-part="status">Έληξε</span>');
});

test('a member’s page shows their attendance and every vote; an item’s page its decision and votes', async ({ site }) => {
  await given(site);
  const member = await site.app.inject({ url: '/council/members/kosta-m' });
  assert.is(member.statusCode, 200);
  assert.match(member.body, '<h1>Μαρία Κωστά</h1>');
  assert.match(member.body, 'Παρών/ούσα σε 1 από 1 συνεδριάσεις.');
  assert.match(member.body, /<tr data-vote="against">.*1\. Έγκριση προϋπολογισμού 2026<\/a><\/td><td>Κατά<\/td><td>Απορρίφθηκε · Απόφαση 1\/2026<\/td><\/tr>/);
  const absent = await site.app.inject({ url: '/en/council/members/lykou-a' });
  assert.match(absent.body, 'Present at 0 of 1 sessions.');
  assert.match(absent.body, 'No votes recorded.');
  assert.is((await site.app.inject({ url: '/council/members/nobody' })).statusCode, 404);

  const item = await site.app.inject({ url: `/council/items/${SESSION}-1` });
  assert.is(item.statusCode, 200);
  assert.match(item.body, '<h1>1. Έγκριση προϋπολογισμού 2026</h1>');
  assert.match(item.body, 'Ο προϋπολογισμός συζητήθηκε.');
  assert.match(item.body, 'href="https://diavgeia.gov.gr/decision/view/ΨΚ4ΟΩΛΚ-ΑΒΓ"');
  assert.match(item.body, 'Δεν ψήφισαν (απόντες): Άννα Λύκου');
  const pending = await site.app.inject({ url: `/en/council/items/${SESSION}-2` });
  assert.match(pending.body, 'Not decided yet.');
  assert.is((await site.app.inject({ url: `/council/items/${SESSION}-9` })).statusCode, 404);
});

test('a vote recorded reaches a reader of the session over the live feed within a second', async ({ site }) => {
  await given(site);
  const url = await site.app.listen({ port: 0, host: '127.0.0.1' });
  const feed = await openSocket(`${url.replace('http', 'ws')}/live`);
  try {
    await feed.next((m) => m.type === 'hello');
    await decideOnSession(site.store, { sessionId: SESSION }, actor, (s, b) => recordArrival(s, b, { personId: 'lykou-a', at }));
    await feed.next();
    await caughtUp(site);
    feed.messages.length = 0;
    const started = performance.now();
    await decideOnSession(site.store, { sessionId: SESSION }, actor, (s, b) => castVote(s, b, { item: 2, personId: 'lykou-a', option: 'for' }));
    const head = await site.store.headPosition();
    // The feed's message once the read models have the vote (an earlier change may still be on its way).
    await feed.next((m) => Number((m.data as { position?: number } | undefined)?.position) >= head, 1_000);
    const live = await site.app.inject({ url: `/council/sessions/${SESSION}/live`, headers: { accept: 'application/json' } });
    const elapsed = performance.now() - started;
    const parts = JSON.parse(live.body) as { parts: Record<string, string> };
    assert.match(parts.parts.agenda ?? '', /<tr data-person="lykou-a" data-vote="for">/);
    assert.ok(elapsed < 1_000, `${Math.round(elapsed)} ms from the vote to the page's parts`);
    console.log(`  live: the vote on the session's parts in ${Math.round(elapsed)} ms`);
  } finally {
    feed.close();
  }
});

test.run();
