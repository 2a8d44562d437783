// The council's public read model (issue 20): the fixtures' council decided through the deciders, read back
// as the site and open data read it; a vote corrected after the result is applied on top; rebuilt the same.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { lixouriCouncilPlan, FIXTURE_COUNCIL, loadCouncilFixtures } from '../../../src/cli/councilFixtures.ts';
import { admitUrgentItem, attachDocument, closeSession, correctVote, leaveMember, ledgerEventSchemas, publishMinutes, recordArrival, streams, takeItem } from '../../../src/domain/index.ts';
import { decideOnCouncilBody, decideOnCouncilSession } from '../../support/council.ts';
import { openSqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import { councilProjection, itemPage, listSessions, memberPage, sessionDetail, upcomingSessions } from '../../../src/projections/council/index.ts';
import { eventReaderFor } from '../../../src/projections/shared/eventReader.ts';
import { rebuildProjections } from '../../../src/projections/shared/rebuild.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import { createTestSchema } from '../../support/database.ts';

const test = suite('council: the public read model');
const NOW = new Date('2026-12-07T10:00:00Z');

test('sessions, agenda, attendance, votes, results, decision numbers and ΑΔΑ; a correction on top; rebuilt the same', async () => {
  const db = await createTestSchema();
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  try {
    assert.is(await loadCouncilFixtures(store, NOW), 4);
    assert.is(await loadCouncilFixtures(store, NOW), 0, 'a second load adds nothing');
    const plan = lixouriCouncilPlan(NOW);
    const [first, second, third, next] = plan.sessions.map((s) => s.sessionId) as [string, string, string, string];
    // The chair's vote on the first session's third item corrected after its result.
    await decideOnCouncilSession(store, first, (session, body) => correctVote(session, body, { item: 3, personId: 'p-zafeiratou-angeliki', option: 'against', reason: 'Λάθος καταχώριση' }));

    const runner = await startProjections({ client: db.client, store, schema: db.schema, projections: [councilProjection], onError: (e) => console.error(e) });
    await runner.caughtUp;
    await runner.stop();

    const all = await listSessions(db.client, db.schema);
    assert.equal(all.map((s) => s.id), [first, second, third, next]);
    assert.equal(all.map((s) => s.status), ['closed', 'closed', 'closed', 'convened']);
    assert.equal((await upcomingSessions(db.client, db.schema, NOW)).map((s) => s.id), [next]);
    assert.equal((await listSessions(db.client, db.schema, { bodyId: 'lixouri-committee' })).length, 0);

    const detail = (await sessionDetail(db.client, db.schema, first))!;
    assert.is(detail.session.bodyName, 'Δημοτικό Συμβούλιο Ληξουρίου');
    assert.is(detail.session.startsAtLocal, plan.sessions[0]!.startsAt);
    assert.is(detail.items.length, 3);
    assert.is(detail.members.length, 13);
    assert.is(detail.members.filter((m) => m.present).length, 12);
    const [budget, study, fees] = detail.items as [typeof detail.items[0], typeof detail.items[0], typeof detail.items[0]];
    assert.equal([budget.result, budget.decisionNumber, budget.ada, budget.majority], ['passed', 1, 'ΨΛ8ΓΩΛ6-ΑΒ1', 'absolute']);
    assert.equal(budget.tally, { for: 7, against: 5, blank: 0, present: 0, absent: 1 });
    assert.equal([study.decisionNumber, fees.decisionNumber], [2, 3]);
    assert.equal(fees.tally, { for: 6, against: 2, blank: 0, present: 4, absent: 1 }, 'the corrected vote counted');
    assert.ok(fees.resultCorrected);
    const corrected = detail.votes.find((v) => v.item === 3 && v.personId === 'p-zafeiratou-angeliki')!;
    assert.equal([corrected.option, corrected.castOption, corrected.correctionReason, corrected.factionName], ['against', 'for', 'Λάθος καταχώριση', 'Ληξούρι Μπροστά']);
    const secondDetail = (await sessionDetail(db.client, db.schema, second))!;
    assert.equal(secondDetail.items.map((i) => [i.decisionNumber, i.result]), [[4, 'passed'], [5, 'passed'], [6, 'failed']], 'numbers run on in the year');

    const item = (await itemPage(db.client, db.schema, first, 1))!;
    assert.is(item.votes.length, 12);
    assert.equal(item.absent.map((t) => t.personId), ['p-antypa-katerina']);
    assert.is(await itemPage(db.client, db.schema, first, 9), null);
    assert.is(await itemPage(db.client, db.schema, 'nope', 1), null);

    const member = (await memberPage(db.client, db.schema, 'p-antypa-katerina'))!;
    assert.is(member.name, 'Κατερίνα Αντύπα');
    assert.equal(member.attendance.map((a) => [a.sessionId, a.attended]), [[third, true], [second, true], [first, false]]);
    assert.is(member.votes.length, 3 + 2);
    const chair = (await memberPage(db.client, db.schema, 'p-zafeiratou-angeliki'))!;
    assert.equal(chair.posts.map((p) => p.role), ['chair']);
    assert.is(await memberPage(db.client, db.schema, 'nobody'), null);

    const third3 = (await sessionDetail(db.client, db.schema, third))!;
    assert.is(third3.attendance.filter((a) => a.kind === 'departed').length, 1);
    assert.is(third3.members.find((m) => m.personId === 'p-fokas-ilias')!.present, false);

    const before = JSON.stringify([await sessionDetail(db.client, db.schema, first), await memberPage(db.client, db.schema, 'p-antypa-katerina')]);
    await rebuildProjections(db.client, eventReaderFor(store), db.schema, [councilProjection]);
    assert.is(JSON.stringify([await sessionDetail(db.client, db.schema, first), await memberPage(db.client, db.schema, 'p-antypa-katerina')]), before);
    assert.ok((await store.readStream(streams.councilBody(FIXTURE_COUNCIL))).some((e) => e.type === 'DecisionNumbered'));
  } finally {
    await store.close();
    await db.drop();
  }
});

test('an urgent item with its admission vote, an εισήγηση, the minutes; a member who leaves hands over their post', async () => {
  const db = await createTestSchema();
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  try {
    await loadCouncilFixtures(store, NOW);
    const plan = lixouriCouncilPlan(NOW);
    const next = plan.sessions[3]!.sessionId;
    const present = plan.bodies[0]!.members.slice(0, 8).map((m) => m.personId);
    const at = plan.sessions[3]!.startsAt;
    for (const personId of present) await decideOnCouncilSession(store, next, (session, body) => recordArrival(session, body, { personId, at }));
    const document = { documentId: 'doc-1', name: 'Εισήγηση προϋπολογισμού.pdf', sha256: 'a'.repeat(64), bytes: 120_000 };
    await decideOnCouncilSession(store, next, (session) => attachDocument(session, { item: 1, document }));
    await decideOnCouncilSession(store, next, (session, body) =>
      admitUrgentItem(session, body, { title: 'Κατεπείγον: αποκατάσταση ζημιών από την κακοκαιρία', rapporteur: null, majority: 'simple', votes: new Map(present.map((id) => [id, 'for' as const])) }),
    );
    await decideOnCouncilSession(store, next, (session) => takeItem(session, { item: 4, at }));
    await decideOnCouncilSession(store, next, (session) => closeSession(session, { at: at.replace('18:30', '21:00') }));
    await decideOnCouncilSession(store, next, (session) => publishMinutes(session, { document: { ...document, documentId: 'doc-2', name: 'Πρακτικά.pdf', sha256: 'b'.repeat(64) } }));
    await decideOnCouncilBody(store, FIXTURE_COUNCIL, (body) => leaveMember(body, { personId: 'p-papadatos-panagis', endDate: '2026-12-31' }));

    const runner = await startProjections({ client: db.client, store, schema: db.schema, projections: [councilProjection], onError: (e) => console.error(e) });
    await runner.caughtUp;
    await runner.stop();

    const detail = (await sessionDetail(db.client, db.schema, next))!;
    assert.is(detail.session.status, 'closed');
    assert.is(detail.currentItem, null, 'a closed session has no current item');
    assert.equal(detail.items[0]!.documents, [document]);
    const urgent = detail.items[3]!;
    assert.equal([urgent.number, urgent.urgent, urgent.admissionTally?.for, urgent.admissionTally?.absent], [4, true, 8, 5]);
    assert.is(detail.session.minutes?.name, 'Πρακτικά.pdf');
    assert.equal((await upcomingSessions(db.client, db.schema, NOW)).length, 0);
    const secretary = (await memberPage(db.client, db.schema, 'p-papadatos-panagis'))!;
    assert.equal([secretary.terms[0]!.endDate, secretary.posts[0]!.role, secretary.posts[0]!.endDate], ['2026-12-31', 'secretary', '2026-12-31']);
  } finally {
    await store.close();
    await db.drop();
  }
});

test.run();
