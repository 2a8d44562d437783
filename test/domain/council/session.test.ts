// A council session (issue 20): given the body and the session's events, when the secretary records, then
// the events or the refusal — quorum, majorities, votes only of members present, numbers without a gap.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Body, BodyEvent, Majority, Session, SessionEvent, VoteOption } from '../../../src/domain/council/index.ts';
import {
  admitUrgentItem,
  assignPost,
  carries,
  castVote,
  conveneSession,
  correctVote,
  establishBody,
  evolveBody,
  evolveSession,
  formFaction,
  initialBody,
  initialSession,
  joinMember,
  leaveMember,
  postDecision,
  quorumOf,
  recordArrival,
  recordDeparture,
  resolveItem,
} from '../../../src/domain/council/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const test = suite('council: the deciders');

const fold = (body: Body, events: BodyEvent[]) => events.reduce(evolveBody, body);
const members = ['m1', 'm2', 'm3', 'm4', 'm5'];
const bodyWith = (ids: readonly string[]): Body => {
  let body = fold(initialBody(), establishBody(initialBody(), { bodyId: 'committee', name: 'Δημοτική Επιτροπή', nameEn: 'Municipal Committee', classification: 'committee', parentId: null }));
  body = fold(body, formFaction(body, { factionId: 'f1', name: 'Παράταξη Α' }));
  for (const id of ids) body = fold(body, joinMember(body, { personId: id, name: `Μέλος ${id}`, factionId: 'f1', startDate: '2024-01-01' }));
  return body;
};
const body = bodyWith(members);
const at = '2026-03-10T18:30:00+02:00';
const item = (number: number, majority: Majority = 'simple') => ({ number, title: `Θέμα ${number}`, rapporteur: 'Δήμαρχος', majority });
const convene = (b: Body = body) =>
  conveneSession(initialSession(), b, { sessionId: 's1', startsAt: '2026-03-10T18:00:00+02:00', place: 'Δημαρχείο', remote: false, kind: 'regular', streamUrl: 'https://example.org/live', items: [item(1), item(2, 'absolute'), item(3, 'qualified')] });
const given = (...events: SessionEvent[]): Session => events.reduce(evolveSession, initialSession());
const present = (session: Session, ...ids: string[]): Session => ids.reduce((s, id) => recordArrival(s, body, { personId: id, at }).reduce(evolveSession, s), session);
const voted = (session: Session, number: number, votes: Record<string, VoteOption>): Session =>
  Object.entries(votes).reduce((s, [personId, option]) => castVote(s, body, { item: number, personId, option }).reduce(evolveSession, s), session);

test('quorum is more than half of the members in office; majorities by their rule', () => {
  assert.is(quorumOf(5), 3);
  assert.is(quorumOf(27), 14);
  assert.is(quorumOf(6), 4);
  const tally = (f: number, a: number) => ({ for: f, against: a, blank: 0, present: 0, absent: 0 });
  assert.ok(carries('simple', tally(2, 1), 5));
  assert.not.ok(carries('simple', tally(1, 1), 5), 'a tie fails');
  assert.not.ok(carries('absolute', tally(2, 0), 5), 'two of five is not more than half of the body');
  assert.ok(carries('absolute', tally(3, 0), 5));
  assert.not.ok(carries('qualified', tally(17, 0), 27));
  assert.ok(carries('qualified', tally(18, 0), 27));
});

test('a vote of a member absent, or not of the body, is refused; without quorum nothing is voted', () => {
  const session = present(given(...convene()), 'm1', 'm2');
  expectDomainError(() => castVote(session, body, { item: 1, personId: 'm1', option: 'for' }), 'OD_COUNCIL_NO_QUORUM');
  const quorate = present(session, 'm3');
  expectDomainError(() => castVote(quorate, body, { item: 1, personId: 'm4', option: 'for' }), 'OD_COUNCIL_MEMBER_ABSENT', 'person');
  expectDomainError(() => castVote(quorate, body, { item: 1, personId: 'stranger', option: 'for' }), 'OD_COUNCIL_NOT_MEMBER', 'person');
  expectDomainError(() => recordArrival(quorate, body, { personId: 'stranger', at }), 'OD_COUNCIL_NOT_MEMBER');
  expectDomainError(() => castVote(quorate, body, { item: 9, personId: 'm1', option: 'for' }), 'OD_COUNCIL_ITEM_UNKNOWN');
  assert.equal(castVote(quorate, body, { item: 1, personId: 'm1', option: 'for' }), [{ type: 'VoteCast', data: { sessionId: 's1', item: 1, personId: 'm1', option: 'for' } }]);
});

test('a member who left the room votes no more, and one whose term ended is not of the body', () => {
  const session = present(given(...convene()), 'm1', 'm2', 'm3', 'm4');
  const left = recordDeparture(session, { personId: 'm4', at }).reduce(evolveSession, session);
  expectDomainError(() => castVote(left, body, { item: 1, personId: 'm4', option: 'for' }), 'OD_COUNCIL_MEMBER_ABSENT');
  const ended = fold(body, leaveMember(body, { personId: 'm5', endDate: '2025-12-31' }));
  expectDomainError(() => recordArrival(session, ended, { personId: 'm5', at }), 'OD_COUNCIL_NOT_MEMBER');
});

test('a result counts members not voting as absent, and takes the next decision number of the year', () => {
  const session = voted(present(given(...convene()), 'm1', 'm2', 'm3'), 1, { m1: 'for', m2: 'against', m3: 'blank' });
  const decided = resolveItem(session, body, { item: 1, summary: 'Συζήτηση' });
  assert.equal(decided.body, [{ type: 'DecisionNumbered', data: { bodyId: 'committee', year: 2026, number: 1, sessionId: 's1', item: 1 } }]);
  const resolved = decided.session[0]!;
  assert.is(resolved.type, 'ItemResolved');
  if (resolved.type !== 'ItemResolved') return;
  assert.equal(resolved.data.tally, { for: 1, against: 1, blank: 1, present: 0, absent: 2 });
  assert.is(resolved.data.result, 'failed', 'one for, one against: no simple majority');
  const numbered = fold(body, decided.body);
  const after = decided.session.reduce(evolveSession, session);
  expectDomainError(() => resolveItem(after, numbered, { item: 1, summary: null }), 'OD_COUNCIL_ITEM_RESOLVED');
  const second = voted(after, 2, { m1: 'for', m2: 'for', m3: 'for' });
  const two = resolveItem(second, numbered, { item: 2, summary: null });
  assert.is(two.body[0]!.data.number, 2, 'the next number, no gap');
  assert.is((two.session[0]!.data as { result: string }).result, 'passed', 'three of five: absolute majority');
  const nextYear = fold(numbered, [{ type: 'DecisionNumbered', data: { bodyId: 'committee', year: 2027, number: 1, sessionId: 'x', item: 1 } }]);
  assert.is(resolveItem(second, nextYear, { item: 2, summary: null }).body[0]!.data.number, 2, 'numbers run per year');
});

test('an absolute or qualified majority is of the body, not of those present', () => {
  const session = voted(present(given(...convene()), 'm1', 'm2', 'm3'), 3, { m1: 'for', m2: 'for', m3: 'for' });
  assert.is((resolveItem(session, body, { item: 3, summary: null }).session[0]!.data as { result: string }).result, 'failed', 'three of five is not two thirds');
  const withFour = voted(present(session, 'm4'), 3, { m4: 'for' });
  assert.is((resolveItem(withFour, body, { item: 3, summary: null }).session[0]!.data as { result: string }).result, 'passed');
});

test('without quorum no result; a vote twice is refused, a change is a correction that moves the result', () => {
  const session = voted(present(given(...convene()), 'm1', 'm2', 'm3'), 1, { m1: 'for', m2: 'for', m3: 'against' });
  expectDomainError(() => castVote(session, body, { item: 1, personId: 'm1', option: 'against' }), 'OD_COUNCIL_ALREADY_VOTED');
  assert.equal(castVote(session, body, { item: 1, personId: 'm1', option: 'for' }), [], 'the same vote again is nothing new');
  const thin = recordDeparture(session, { personId: 'm3', at }).reduce(evolveSession, session);
  expectDomainError(() => resolveItem(thin, body, { item: 1, summary: null }), 'OD_COUNCIL_NO_QUORUM');
  const decided = resolveItem(session, body, { item: 1, summary: null }).session.reduce(evolveSession, session);
  expectDomainError(() => correctVote(decided, body, { item: 1, personId: 'm2', option: 'against', reason: ' ' }), 'OD_COUNCIL_REASON_MISSING');
  expectDomainError(() => correctVote(decided, body, { item: 1, personId: 'm4', option: 'for', reason: 'λάθος' }), 'OD_COUNCIL_VOTE_NOT_CAST');
  const corrected = correctVote(decided, body, { item: 1, personId: 'm2', option: 'against', reason: 'Λάθος καταχώριση' });
  assert.equal(corrected.map((e) => e.type), ['VoteCorrected', 'ResultCorrected']);
  assert.equal(corrected[1]!.data, { sessionId: 's1', item: 1, result: 'failed', tally: { for: 1, against: 2, blank: 0, present: 0, absent: 2 } });
  const after = corrected.reduce(evolveSession, decided);
  assert.is(after.items.get(1)!.resolved!.decisionNumber, 1, 'the number is kept');
  assert.is(after.items.get(1)!.votes.get('m2'), 'against');
});

test('an urgent item is admitted by more than half of the body, with its tally', () => {
  const session = present(given(...convene()), 'm1', 'm2', 'm3');
  expectDomainError(() => admitUrgentItem(session, body, { title: 'Κατεπείγον', rapporteur: null, majority: 'simple', votes: new Map([['m1', 'for'], ['m2', 'for'], ['m3', 'against']]) }), 'OD_COUNCIL_URGENT_REFUSED');
  const admitted = admitUrgentItem(session, body, { title: 'Κατεπείγον', rapporteur: null, majority: 'simple', votes: new Map([['m1', 'for'], ['m2', 'for'], ['m3', 'for']]) });
  assert.equal(admitted, [{ type: 'UrgentItemAdmitted', data: { sessionId: 's1', item: { number: 4, title: 'Κατεπείγον', rapporteur: null, majority: 'simple' }, tally: { for: 3, against: 0, blank: 0, present: 0, absent: 2 } } }]);
  expectDomainError(() => admitUrgentItem(session, body, { title: 'Χ', rapporteur: null, majority: 'simple', votes: new Map([['m4', 'for']]) }), 'OD_COUNCIL_MEMBER_ABSENT');
});

test('the notice: a room unless remote or by circulation, items 1…n, a real time, an https stream; the ΑΔΑ after the result', () => {
  const base = { sessionId: 's2', startsAt: '2026-03-10T18:00:00+02:00', place: null, remote: false, kind: 'regular' as const, streamUrl: null, items: [item(1)] };
  expectDomainError(() => conveneSession(initialSession(), body, base), 'OD_COUNCIL_TEXT_MISSING');
  assert.is(conveneSession(initialSession(), body, { ...base, kind: 'circulation' }).length, 1);
  expectDomainError(() => conveneSession(initialSession(), body, { ...base, remote: true, items: [item(2)] }), 'OD_COUNCIL_AGENDA_INVALID');
  expectDomainError(() => conveneSession(initialSession(), body, { ...base, remote: true, startsAt: '2026-02-30T18:00:00+02:00' }), 'OD_COUNCIL_DATE_INVALID');
  expectDomainError(() => conveneSession(initialSession(), body, { ...base, remote: true, streamUrl: 'javascript:alert(1)' }), 'OD_COUNCIL_URL_INVALID');
  expectDomainError(() => conveneSession(initialSession(), initialBody(), { ...base, remote: true }), 'OD_COUNCIL_BODY_UNKNOWN');
  const session = given(...convene());
  expectDomainError(() => postDecision(session, { item: 1, ada: 'ΨΑ8ΚΩΞΧ-ΠΔΖ' }), 'OD_COUNCIL_ITEM_NOT_RESOLVED');
});

test('terms and posts: a faction must exist, a post goes to a member in office', () => {
  expectDomainError(() => joinMember(body, { personId: 'm9', name: 'Χ', factionId: 'nope', startDate: '2024-01-01' }), 'OD_COUNCIL_FACTION_UNKNOWN');
  expectDomainError(() => joinMember(body, { personId: 'm1', name: 'Χ', factionId: null, startDate: '2024-01-01' }), 'OD_COUNCIL_ALREADY_MEMBER');
  expectDomainError(() => assignPost(body, { role: 'chair', personId: 'm9', startDate: '2024-01-02' }), 'OD_COUNCIL_NOT_MEMBER');
  expectDomainError(() => leaveMember(body, { personId: 'm1', endDate: '2023-01-01' }), 'OD_COUNCIL_END_BEFORE_START');
  const chaired = fold(body, assignPost(body, { role: 'chair', personId: 'm1', startDate: '2024-01-02' }));
  assert.is(chaired.posts.get('chair')?.personId, 'm1');
  assert.not.ok(fold(chaired, leaveMember(chaired, { personId: 'm1', endDate: '2025-06-30' })).posts.has('chair'), 'a member who leaves hands over the post');
});

test.run();
