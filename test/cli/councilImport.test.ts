// `opendimos import FILE --kind council` (issue 20, part 4): the council's own Popolo export read back into
// another installation gives the very events the office recorded; a second import adds nothing; a bad file is
// refused whole with its reason in Greek and English, and nothing is written.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { popoloEvents, popoloMemberships, popoloMotions, popoloOrganizations, popoloPeople, popoloVoteEvents } from '../../src/api/council/popolo.ts';
import { loadCouncilFixtures, lixouriCouncilPlan } from '../../src/cli/councilFixtures.ts';
import { runImportCommand } from '../../src/cli/importCommand.ts';
import { ledgerEventSchemas, streams } from '../../src/domain/index.ts';
import type { EventStore } from '../../src/eventstore/port.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { councilProjection } from '../../src/projections/council/index.ts';
import { startProjections } from '../../src/projections/shared/runner.ts';
import type { TestSchema } from '../support/database.ts';
import { createTestSchema } from '../support/database.ts';

const test = suite('cli: import --kind council (Popolo JSON)');
const NOW = new Date('2026-12-07T10:00:00Z');

const project = async (db: TestSchema, store: EventStore) => {
  const runner = await startProjections({ client: db.client, store, schema: db.schema, projections: [councilProjection], onError: (e) => console.error(e) });
  await runner.caughtUp;
  await runner.stop();
};

const exportOf = async (db: TestSchema) => ({
  persons: await popoloPeople(db.client, db.schema),
  organizations: await popoloOrganizations(db.client, db.schema),
  memberships: await popoloMemberships(db.client, db.schema),
  events: await popoloEvents(db.client, db.schema),
  motions: await popoloMotions(db.client, db.schema),
  vote_events: await popoloVoteEvents(db.client, db.schema),
});

const sink = () => {
  let text = '';
  return { stream: { write: (s: string) => (text += s) }, text: () => text };
};

test('an export imported elsewhere: the same votes, results, numbers and ΑΔΑ; twice adds nothing; bad files change nothing', async () => {
  const source = await createTestSchema();
  const target = await createTestSchema();
  const dir = await mkdtemp(join(tmpdir(), 'council-import-'));
  const from = await openSqlEventStore({ client: source.client, schema: source.schema, schemas: ledgerEventSchemas });
  const into = await openSqlEventStore({ client: target.client, schema: target.schema, schemas: ledgerEventSchemas });
  try {
    await loadCouncilFixtures(from, NOW);
    await project(source, from);
    const exported = await exportOf(source);
    const file = join(dir, 'council.json');
    await writeFile(file, JSON.stringify(exported));

    const run = async (path: string, extra: string[] = []) => {
      const out = sink();
      const err = sink();
      const status = await runImportCommand([path, '--kind', 'council', ...extra], { store: into, stdout: out.stream, stderr: err.stream, actor: 'test', cwd: dir });
      return { status, out: out.text(), err: err.text() };
    };
    const first = await run('council.json');
    assert.is(first.status, 0, first.out);
    assert.match(first.out, /εισήχθη \/ .*imported/);
    assert.match(first.out, /New sessions 4/);

    // What the deciders made of the file is what the office recorded: votes, results, numbers, ΑΔΑ.
    const decisive = new Set(['VoteCast', 'ItemResolved', 'DecisionPosted', 'SessionConvened']);
    for (const session of lixouriCouncilPlan(NOW).sessions) {
      const of = async (store: EventStore) => (await store.readStream(streams.councilSession(session.sessionId))).filter((e) => decisive.has(e.type)).map((e) => [e.type, e.data]);
      assert.equal(await of(into), await of(from), session.sessionId);
    }
    await project(target, into);
    assert.equal(await popoloVoteEvents(target.client, target.schema), exported.vote_events);
    assert.equal(await popoloMemberships(target.client, target.schema), exported.memberships);

    const head = await into.headPosition();
    const again = await run('council.json');
    assert.is(again.status, 0);
    assert.match(again.out, /nothing new/);
    assert.is(await into.headPosition(), head, 'a second import adds nothing');

    const refused = async (name: string, doc: unknown, code: RegExp) => {
      await writeFile(join(dir, name), typeof doc === 'string' ? doc : JSON.stringify(doc));
      const result = await run(name);
      assert.is(result.status, 1, name);
      assert.match(result.out, code);
      assert.match(result.out, /απορρίφθηκε, δεν καταχωρίστηκε τίποτα \/ .*rejected, nothing was recorded/);
      assert.is(await into.headPosition(), head, `${name}: nothing written`);
      return result.out;
    };
    await refused('broken.json', '{ "persons": [', /OD_COUNCIL_IMPORT_INVALID[\s\S]*δεν είναι έγκυρο JSON[\s\S]*not valid JSON/);
    const later = (id: string) => ({ ...exported.events[0]!, id, start_date: '2026-12-20T18:00+02:00', end_date: '2026-12-20T21:00+02:00' });
    const motion = (sessionId: string) => ({ ...exported.motions[0]!, id: `${sessionId}/1`, legislative_session_id: sessionId });
    const voteBy = (sessionId: string, voter: string, result: string) => ({ ...exported.vote_events[0]!, id: `${sessionId}/1/vote`, motion_id: `${sessionId}/1`, legislative_session_id: sessionId, result, votes: [{ voter_id: voter, option: 'yes', group_id: null }] });
    const stranger = await refused(
      'stranger.json',
      { ...exported, events: [later('x-1')], motions: [motion('x-1')], vote_events: [voteBy('x-1', 'p-somebody-else', 'pass')] },
      /OD_COUNCIL_NOT_MEMBER/,
    );
    assert.match(stranger, /δεν είναι μέλος του οργάνου[\s\S]*is not a member of the body/);
    await refused('quorum.json', { ...exported, events: [later('x-2')], motions: [motion('x-2')], vote_events: [voteBy('x-2', 'p-metaxas-gerasimos', 'pass')] }, /OD_COUNCIL_NO_QUORUM[\s\S]*Δεν υπάρχει απαρτία[\s\S]*No quorum/);
    const wrong = exported.vote_events.map((v, i) => (i === 0 ? { ...v, result: 'fail' } : v));
    await refused('result.json', { ...exported, events: [...exported.events.map((e) => ({ ...e, id: `${e.id}-b` }))], motions: exported.motions.map((m) => ({ ...m, legislative_session_id: `${m.legislative_session_id}-b` })), vote_events: wrong.map((v) => ({ ...v, motion_id: v.motion_id })) }, /OD_COUNCIL_IMPORT_RESULT_MISMATCH[\s\S]*δεν προκύπτει από τις ψήφους[\s\S]*not what the votes give/);
    await refused('shape.json', { ...exported, memberships: [{ ...exported.memberships[0]!, role: 'treasurer' }] }, /OD_COUNCIL_IMPORT_INVALID[\s\S]*memberships\[0\]\.role/);
    const usage = await run('missing.json');
    assert.is(usage.status, 2);
    assert.match(usage.err, /Δεν διαβάζεται[\s\S]*Cannot read/);
  } finally {
    await from.close();
    await into.close();
    await source.drop();
    await target.drop();
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
