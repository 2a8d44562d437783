// The council's open data (issue 20, part 4): Popolo JSON with the spec's field names, the upcoming sessions as
// iCalendar by RFC 5545's rules, GraphQL sessions/items/votes, and each vote over the subscription as recorded.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeText, foldLine } from '../../../src/api/council/ical.ts';
import { loadCouncilFixtures, lixouriCouncilPlan } from '../../../src/cli/councilFixtures.ts';
import { castVote, conveneSession, recordArrival } from '../../../src/domain/index.ts';
import { decideOnBodyForTest, decideOnCouncilSession } from '../../support/council.ts';
import type { TestLedger } from '../../support/ledger.ts';
import { openTestLedger } from '../../support/ledger.ts';
import type { TestServer } from '../../support/server.ts';
import { startTestServer } from '../../support/server.ts';
import { subscribe } from '../../support/wsClient.ts';

const test = suite<{ ledger: TestLedger; server: TestServer }>('council: Popolo, iCal, GraphQL');

test.before(async (context) => {
  context.ledger = await openTestLedger();
  await loadCouncilFixtures(context.ledger.store, new Date());
  context.server = await startTestServer(context.ledger);
});
test.after(async ({ ledger, server }) => {
  await server.close();
  await ledger.dispose();
});

const get = async <T,>(server: TestServer, url: string) => {
  const response = await server.app.inject({ method: 'GET', url });
  assert.is(response.statusCode, 200, url);
  return { json: (response.headers['content-type'] ?? '').toString().startsWith('application/json') ? response.json<T>() : (null as T), headers: response.headers, body: response.body };
};

test('Popolo: people, organizations (bodies and factions), memberships (terms and posts), motions, vote events with counts and votes', async ({ server }) => {
  const people = (await get<{ id: string; name: string }[]>(server, '/api/popolo/people.json')).json;
  assert.is(people.length, 13);
  assert.ok(people.some((p) => p.name === 'Αγγελική Ζαφειράτου'));
  const orgs = (await get<{ id: string; classification: string; parent_id: string | null }[]>(server, '/api/popolo/organizations.json')).json;
  assert.equal(orgs.filter((o) => o.classification === 'council').map((o) => o.id), ['lixouri-council']);
  assert.ok(orgs.some((o) => o.id === 'lixouri-council/lixouri-mprosta' && o.classification === 'faction' && o.parent_id === 'lixouri-council'));
  const memberships = (await get<Record<string, unknown>[]>(server, '/api/popolo/memberships.json')).json;
  assert.ok(memberships.some((m) => m.person_id === 'p-fokas-ilias' && m.organization_id === 'lixouri-council' && m.on_behalf_of_id === 'lixouri-council/laiki-syspeirosi' && m.role === 'member'));
  assert.ok(memberships.some((m) => m.person_id === 'p-zafeiratou-angeliki' && m.role === 'chair' && m.post_id === 'lixouri-council/chair' && m.start_date === '2024-01-01' && m.end_date === null));
  const motions = (await get<Record<string, unknown>[]>(server, '/api/popolo/motions.json')).json;
  assert.is(motions.length, 3 + 3 + 2 + 3);
  const first = motions[0]!;
  assert.equal(Object.keys(first).sort(), ['classification', 'creator', 'date', 'id', 'legislative_session_id', 'organization_id', 'requirement', 'result', 'sources', 'summary', 'text']);
  assert.equal([first.requirement, first.result, first.sources], ['absolute', 'pass', [{ url: 'https://diavgeia.gov.gr/doc/ΨΛ8ΓΩΛ6-ΑΒ1', note: 'ΑΔΑ ΨΛ8ΓΩΛ6-ΑΒ1' }]]);
  const voteEvents = (await get<{ id: string; motion_id: string; identifier: string; result: string; counts: { option: string; value: number }[]; votes: { voter_id: string; option: string; group_id: string }[] }[]>(server, '/api/popolo/vote_events.json')).json;
  assert.is(voteEvents.length, 8, 'the upcoming session has no vote yet');
  const ve = voteEvents[0]!;
  assert.is(ve.motion_id, first.id);
  assert.is(ve.identifier, `1/${String(first.date).slice(0, 4)}`);
  assert.equal(ve.counts, [{ option: 'yes', value: 7 }, { option: 'no', value: 5 }, { option: 'abstain', value: 0 }, { option: 'not voting', value: 0 }, { option: 'absent', value: 1 }]);
  assert.is(ve.votes.length, 12);
  assert.ok(ve.votes.some((v) => v.voter_id === 'p-fokas-ilias' && v.option === 'no' && v.group_id === 'lixouri-council/laiki-syspeirosi'));
});

test('iCal: the upcoming session only, CRLF, folded at 75 octets, escaped, UID and DTSTAMP, times in UTC', async ({ server }) => {
  const { body, headers } = await get<never>(server, '/council/sessions.ics');
  assert.match(String(headers['content-type']), /^text\/calendar/);
  assert.ok(body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:'));
  assert.ok(body.endsWith('END:VCALENDAR\r\n'));
  assert.not.match(body, /[^\r]\n/, 'every line ends in CRLF');
  for (const line of body.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `at most 75 octets: ${line}`);
  const unfolded = body.replace(/\r\n[ \t]/g, '');
  assert.is(unfolded.match(/BEGIN:VEVENT/g)?.length, 1);
  const next = lixouriCouncilPlan(new Date()).sessions[3]!;
  assert.match(unfolded, new RegExp(`\r\nUID:council-session-${next.sessionId}@localhost\r\n`));
  assert.match(unfolded, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  const start = new Date(next.startsAt).toISOString().replace(/[-:]/g, '').replace('.000', '');
  assert.match(unfolded, new RegExp(`\r\nDTSTART:${start}\r\n`));
  assert.match(unfolded, /\r\nLOCATION:Αίθουσα Δημοτικού Συμβουλίου\\, Πλατεία Πεταλά\\, Ληξούρι\r\n/);
  assert.match(unfolded, /DESCRIPTION:.*Ημερήσια διάταξη \/ Agenda:\\n1\. Ψήφιση προϋπολογισμού/);
});

test('iCal rules: folding never splits a UTF-8 character; escaping of \\ ; , and line breaks', () => {
  const line = `DESCRIPTION:${'Συνεδρίαση '.repeat(20)}`;
  const folded = foldLine(line);
  for (const part of folded.split('\r\n')) assert.ok(Buffer.byteLength(part, 'utf8') <= 75);
  assert.is(folded.replace(/\r\n /g, ''), line);
  assert.not.ok(folded.includes('\uFFFD'));
  assert.is(escapeText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
});

const graphql = async <T,>(server: TestServer, query: string, variables: Record<string, unknown> = {}) => {
  const response = await server.app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  const body = response.json<{ data: T; errors?: unknown }>();
  assert.is(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
};

test('GraphQL: sessions, upcoming, a session with its items, tallies and votes; a vote over the subscription as recorded', async ({ ledger, server }) => {
  const all = await graphql<{ councilSessions: { id: string; status: string; kind: string }[] }>(server, '{ councilSessions { id status kind } }');
  assert.equal(all.councilSessions.map((s) => s.status), ['closed', 'closed', 'closed', 'convened']);
  const upcoming = await graphql<{ councilSessions: { id: string }[] }>(server, '{ councilSessions(upcoming: true) { id } }');
  assert.is(upcoming.councilSessions.length, 1);
  const first = all.councilSessions[0]!.id;
  const one = await graphql<{ councilSession: { items: { number: number; majority: string; result: string; decisionNumber: number; ada: string | null; tally: { for: number }; votes: { name: string; option: string; faction: string }[] }[] } }>(
    server,
    'query($id: ID!) { councilSession(id: $id) { items { number majority result decisionNumber ada tally { for } votes { name option faction } } } }',
    { id: first },
  );
  const budget = one.councilSession.items[0]!;
  assert.equal([budget.majority, budget.result, budget.decisionNumber, budget.ada, budget.tally.for, budget.votes.length], ['absolute', 'passed', 1, 'ΨΛ8ΓΩΛ6-ΑΒ1', 7, 12]);
  assert.ok(budget.votes.some((v) => v.name === 'Ηλίας Φωκάς' && v.option === 'against' && v.faction === 'Λαϊκή Συσπείρωση Ληξουρίου'));
  assert.is((await graphql<{ councilSession: null }>(server, '{ councilSession(id: "nope") { id } }')).councilSession, null);

  // A session under way: the secretary records a vote; the subscriber of that session hears it, another session's does not.
  const urls = await server.listen();
  const live = 'ds-live-test';
  await decideOnBodyForTest(ledger.store, 'lixouri-council', live, (session, body) =>
    conveneSession(session, body, { sessionId: live, startsAt: new Date().toISOString().slice(0, 16) + 'Z', place: 'Αίθουσα', remote: false, kind: 'special', streamUrl: null, items: [{ number: 1, title: 'Θέμα', rapporteur: null, majority: 'simple' }] }),
  );
  const arrivals = lixouriCouncilPlan(new Date()).bodies[0]!.members.slice(0, 7).map((m) => m.personId);
  for (const personId of arrivals) await decideOnCouncilSession(ledger.store, live, (session, body) => recordArrival(session, body, { personId, at: new Date().toISOString().slice(0, 19) + 'Z' }));
  const mine = await subscribe(`${urls.ws}/graphql`, 'subscription($s: ID) { councilVoteRecorded(sessionId: $s) { sessionId item name option faction } }', { s: live });
  const other = await subscribe(`${urls.ws}/graphql`, 'subscription { councilVoteRecorded(sessionId: "another") { name } }');
  const started = Date.now();
  await decideOnCouncilSession(ledger.store, live, (session, body) => castVote(session, body, { item: 1, personId: arrivals[0]!, option: 'for' }));
  const data = await mine.nextData<{ councilVoteRecorded: { sessionId: string; item: number; name: string; option: string; faction: string } }>();
  const elapsed = Date.now() - started;
  assert.equal(data.councilVoteRecorded, { sessionId: live, item: 1, name: 'Γεράσιμος Μεταξάς', option: 'for', faction: 'Ληξούρι Μπροστά' });
  assert.ok(elapsed < 1000, `under a second (${elapsed} ms)`);
  await new Promise((r) => setTimeout(r, 200));
  assert.is(other.messages.filter((m) => (m as { type: string }).type === 'next').length, 0);
  mine.close();
  other.close();
});

test.run();
