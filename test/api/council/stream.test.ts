// The council's write side (issue 20) on the event store: a body's and a session's streams read, decided on
// and appended at the revisions read; a result writes the body's decision number and the session's result
// together, numbers run 1, 2… per year; a refusal appends nothing; the actor is in every event's metadata;
// two secretaries recording at once both succeed when their votes do not clash.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decideOnBody, decideOnSession, loadBody, loadSession } from '../../../src/api/council/stream.ts';
import { castVote, closeSession, conveneSession, establishBody, formFaction, joinMember, recordArrival, resolveItem, streams } from '../../../src/domain/index.ts';
import { ledgerEventSchemas } from '../../../src/domain/index.ts';
import type { EventStore } from '../../../src/eventstore/port.ts';
import { openSqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import type { TestSchema } from '../../support/database.ts';
import { createTestSchema } from '../../support/database.ts';
import { isDomainError } from '../../../src/domain/shared/errors.ts';

interface Context {
  db: TestSchema;
  store: EventStore;
}

const test = suite<Context>('council: load, decide, append', {} as Context);

test.before.each(async (context) => {
  context.db = await createTestSchema();
  context.store = await openSqlEventStore({ client: context.db.client, schema: context.db.schema, schemas: ledgerEventSchemas });
});
test.after.each(async ({ db, store }) => {
  await store.close();
  await db.drop();
});

const expectRefusal = async (action: () => Promise<unknown>, code: string): Promise<void> => {
  const caught = await action().then(
    () => null,
    (error: unknown) => error,
  );
  assert.ok(isDomainError(caught) && caught.code === code, `expected ${code}, got ${String(caught)}`);
};

const actor = 'staff:test';
const at = '2026-03-10T18:30:00+02:00';
const members = ['m1', 'm2', 'm3'];

const committee = async (store: EventStore) => {
  await decideOnBody(store, 'committee', actor, (b) => establishBody(b, { bodyId: 'committee', name: 'Δημοτική Επιτροπή', nameEn: 'Municipal Committee', classification: 'committee', parentId: null }));
  await decideOnBody(store, 'committee', actor, (b) => formFaction(b, { factionId: 'f1', name: 'Παράταξη Α' }));
  for (const personId of members) await decideOnBody(store, 'committee', actor, (b) => joinMember(b, { personId, name: `Μέλος ${personId}`, factionId: 'f1', startDate: '2024-01-01' }));
};

const convened = async (store: EventStore, sessionId: string) =>
  decideOnSession(store, { sessionId, bodyId: 'committee' }, actor, (s, b) =>
    conveneSession(s, b, { sessionId, startsAt: '2026-03-10T18:00:00+02:00', place: 'Δημαρχείο', remote: false, kind: 'regular', streamUrl: null, items: [{ number: 1, title: 'Θέμα 1', rapporteur: null, majority: 'simple' }] }),
  );

test('a result numbers the decision in the body’s stream and resolves the item in the session’s, together; numbers run 1, 2', async ({ store }) => {
  await committee(store);
  for (const sessionId of ['s1', 's2']) {
    await convened(store, sessionId);
    for (const personId of members) await decideOnSession(store, { sessionId }, actor, (s, b) => recordArrival(s, b, { personId, at }));
    await decideOnSession(store, { sessionId }, actor, (s, b) => castVote(s, b, { item: 1, personId: 'm1', option: 'for' }));
    const resolved = await decideOnSession(store, { sessionId }, actor, (s, b) => resolveItem(s, b, { item: 1, summary: null }));
    assert.is(resolved.items.get(1)?.resolved?.result, 'passed');
  }
  const body = await loadBody(store, 'committee');
  assert.equal([...body.state.lastDecision], [[2026, 2]]);
  const numbered = (await store.readStream(streams.councilBody('committee'))).filter((e) => e.type === 'DecisionNumbered').map((e) => (e.data as { number: number }).number);
  assert.equal(numbered, [1, 2]);
  const s2 = await loadSession(store, 's2');
  assert.is(s2.state.items.get(1)?.resolved?.decisionNumber, 2);
  const events = [...(await store.readStream(streams.councilBody('committee'))), ...(await store.readStream(streams.councilSession('s1')))];
  assert.ok(events.every((e) => e.metadata.actor === actor));
});

test('a refusal appends nothing to either stream', async ({ store }) => {
  await committee(store);
  await convened(store, 's1');
  await decideOnSession(store, { sessionId: 's1' }, actor, (s, b) => recordArrival(s, b, { personId: 'm1', at }));
  const before = [(await store.readStream(streams.councilBody('committee'))).length, (await store.readStream(streams.councilSession('s1'))).length];
  await expectRefusal(() => decideOnSession(store, { sessionId: 's1' }, actor, (s, b) => resolveItem(s, b, { item: 1, summary: null })), 'OD_COUNCIL_NO_QUORUM');
  await expectRefusal(() => decideOnSession(store, { sessionId: 's1' }, actor, (s, b) => recordArrival(s, b, { personId: 'stranger', at })), 'OD_COUNCIL_NOT_MEMBER');
  await expectRefusal(() => decideOnSession(store, { sessionId: 'nowhere' }, actor, (s, b) => recordArrival(s, b, { personId: 'm1', at })), 'OD_COUNCIL_SESSION_UNKNOWN');
  await expectRefusal(() => decideOnSession(store, { sessionId: 'new', bodyId: 'nobody' }, actor, (s) => closeSession(s, { at })), 'OD_COUNCIL_BODY_UNKNOWN');
  assert.equal([(await store.readStream(streams.councilBody('committee'))).length, (await store.readStream(streams.councilSession('s1'))).length], before);
});

test('two secretaries recording at once: the one who lost the race is retried on what the other wrote', async ({ store }) => {
  await committee(store);
  await convened(store, 's1');
  await Promise.all(['m1', 'm2'].map((personId) => decideOnSession(store, { sessionId: 's1' }, actor, (s, b) => recordArrival(s, b, { personId, at }))));
  assert.equal([...(await loadSession(store, 's1')).state.present].sort(), ['m1', 'm2']);
});

test.run();
