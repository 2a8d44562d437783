// A budget amendment links to the council's decision that approved it (issue 20): the amendment in the
// ledger carries the decision's ΑΔΑ; once the secretary has posted that ΑΔΑ on the item, the amended line's
// history names «Απόφαση 1/2026 — Δημοτική Επιτροπή» and links to the item's page, in Greek and English.
import { Readable } from 'node:stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decideOnBody, decideOnSession } from '../../../src/api/council/index.ts';
import { castVote, conveneSession, establishBody, joinMember, postDecision, recordArrival, resolveItem } from '../../../src/domain/index.ts';
import { importFile } from '../../../src/ingest/importFile.ts';
import { councilWeb } from '../../../src/web/council/index.ts';
import { caughtUp } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { startCitizenSite } from '../identity/citizenSite.ts';
import { SMALL_YEAR, smallYearTransactions } from '../support/smallYear.ts';

const SESSION = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
/** The small year's amendment 1 carries this ΑΔΑ. */
const ADA = 'ΨΑΘ146ΜΓΘΠ-3Κ7';
const actor = 'staff:test';

const test = suite<{ site: CitizenSite }>('council: a budget amendment links to its decision', { site: undefined as unknown as CitizenSite });

test.before(async (context) => {
  const site = await startCitizenSite();
  context.site = site;
  const { store } = site;
  const report = await importFile(store, Readable.from([Buffer.from(smallYearTransactions(), 'utf8')]), { kind: 'transactions', fileName: 'small-year.csv', actor: 'test:web' });
  assert.ok(report.accepted);
  await decideOnBody(store, 'committee', actor, (b) => establishBody(b, { bodyId: 'committee', name: 'Δημοτική Επιτροπή', nameEn: 'Municipal Committee', classification: 'committee', parentId: null }));
  for (const [id, name] of [['papas-g', 'Γεώργιος Παπάς'], ['kosta-m', 'Μαρία Κωστά'], ['lykou-a', 'Άννα Λύκου']] as const)
    await decideOnBody(store, 'committee', actor, (b) => joinMember(b, { personId: id, name, factionId: null, startDate: '2024-01-01' }));
  const at = `${SMALL_YEAR}-04-10T18:30:00+03:00`;
  await decideOnSession(store, { sessionId: SESSION, bodyId: 'committee' }, actor, (s, b) =>
    conveneSession(s, b, {
      sessionId: SESSION,
      startsAt: `${SMALL_YEAR}-04-10T18:00:00+03:00`,
      place: 'Δημαρχείο Ληξουρίου',
      remote: false,
      kind: 'regular',
      streamUrl: null,
      items: [{ number: 1, title: `Αναμόρφωση 1/${SMALL_YEAR} του προϋπολογισμού`, rapporteur: 'Δήμαρχος', majority: 'simple' }],
    }),
  );
  for (const id of ['papas-g', 'kosta-m']) await decideOnSession(store, { sessionId: SESSION }, actor, (s, b) => recordArrival(s, b, { personId: id, at }));
  for (const id of ['papas-g', 'kosta-m']) await decideOnSession(store, { sessionId: SESSION }, actor, (s, b) => castVote(s, b, { item: 1, personId: id, option: 'for' }));
  await decideOnSession(store, { sessionId: SESSION }, actor, (s, b) => resolveItem(s, b, { item: 1, summary: 'Εγκρίθηκε η αναμόρφωση.' }));
  await decideOnSession(store, { sessionId: SESSION }, actor, (s) => postDecision(s, { item: 1, ada: ADA }));
  await caughtUp(site);
});
test.after(async ({ site }) => site.close());

test('the council holds its decision by ΑΔΑ; an ΑΔΑ it never posted is not its', async ({ site }) => {
  const links = await councilWeb.decisionLinks!(site.db.client, site.db.schema, [ADA, 'ΨΚ3Β46ΜΓΘΠ-Α1Ζ']);
  assert.equal([...links.entries()], [[ADA, { label: { el: `Απόφαση 1/${SMALL_YEAR} — Δημοτική Επιτροπή`, en: `Decision 1/${SMALL_YEAR} — Municipal Committee` }, path: `/council/items/${SESSION}-1` }]]);
  assert.is((await site.app.inject({ url: `/council/items/${SESSION}-1` })).statusCode, 200, 'the link leads to the item');
});

test('the amended line’s history links to the decision, in Greek and in English', async ({ site }) => {
  const el = await site.app.inject({ url: `/budget/${SMALL_YEAR}/kae/30-7323.005` });
  assert.is(el.statusCode, 200);
  assert.match(el.body, `<a class="decision" href="/council/items/${SESSION}-1">Απόφαση 1/${SMALL_YEAR} — Δημοτική Επιτροπή</a>`);
  const en = await site.app.inject({ url: `/en/budget/${SMALL_YEAR}/kae/30-7323.005` });
  assert.match(en.body, `<a class="decision" href="/en/council/items/${SESSION}-1">Decision 1/${SMALL_YEAR} — Municipal Committee</a>`);
  const other = await site.app.inject({ url: `/budget/${SMALL_YEAR}/kae/20-6262.001` });
  assert.not.match(other.body, 'class="decision"', 'a line with no council decision links none');
});

test.run();
