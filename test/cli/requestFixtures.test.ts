// The sample requests of `npm start --with-fixtures` (issue 18 item 6): about 600 over the 12 months before the
// day they are loaded, every shipped type, every place inside Lixouri's bounds, moved on through the decider to
// every stage (some overdue, duplicates merged into a request that exists); the same events for the same day;
// loaded twice, nothing is duplicated; no reporter anywhere.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadRequestTypes } from '../../src/api/requests/index.ts';
import { LIXOURI_BOUNDS, ledgerEventSchemas, REQUEST_STAGES, withinBounds } from '../../src/domain/index.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { FIXTURE_REQUESTS, fixtureRequests, fixturesWithinBounds, loadRequestFixtures } from '../../src/cli/requestFixtures.ts';
import { requestsProjection, REQUESTS } from '../../src/projections/requests/index.ts';
import { table } from '../../src/projections/shared/tables.ts';
import { startProjections } from '../../src/projections/shared/runner.ts';
import { createTestSchema } from '../support/database.ts';

const test = suite('cli: the sample requests of the fixtures');
const types = loadRequestTypes();
const AS_OF = new Date('2026-12-07T12:00:00Z');

test('the same day gives the same requests: all types, all stages, inside the bounds, within the year', () => {
  const requests = fixtureRequests(types, AS_OF);
  assert.is(requests.length, FIXTURE_REQUESTS);
  assert.is(JSON.stringify(fixtureRequests(types, AS_OF)), JSON.stringify(requests), 'deterministic');
  assert.ok(fixturesWithinBounds(requests));
  assert.is(new Set(requests.map((r) => r.requestId)).size, FIXTURE_REQUESTS, 'distinct ids');
  const submitted = requests.map((r) => r.events[0]!).map((e) => (e.type === 'RequestSubmitted' ? e.data : null));
  assert.equal(new Set(submitted.map((s) => s?.serviceCode)), new Set(types.map((t) => t.code)));
  for (const e of requests.flatMap((r) => r.events)) {
    const at = Date.parse(e.type === 'RequestSubmitted' ? e.data.requestedAt : e.data.at);
    assert.ok(at <= AS_OF.getTime() && at >= AS_OF.getTime() - 366 * 86_400_000, `${e.type} in the year`);
  }
  const descriptions = new Set(submitted.map((s) => s?.description));
  assert.ok(descriptions.size > 100, 'varied descriptions');
  assert.ok([...descriptions].every((d) => d !== undefined && /[α-ω]/.test(d) && !/lorem/i.test(d)), 'in Greek');
});

test('loaded twice: 600 public streams once, projected to every stage, duplicates into real requests, no reporter', async () => {
  const db = await createTestSchema();
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  try {
    assert.is(await loadRequestFixtures(store, types, AS_OF), FIXTURE_REQUESTS);
    const head = await store.headPosition();
    assert.is(await loadRequestFixtures(store, types, AS_OF), 0, 'the second load appends nothing');
    assert.is(await store.headPosition(), head);
    const runner = await startProjections({ client: db.client, store, schema: db.schema, projections: [requestsProjection], onError: (e) => console.error(e) });
    await runner.caughtUp;
    await runner.stop();
    const rows = await db.client.query<{ request_id: string; stage: string; status: string; lat: number; long: number; expected_at: Date | string | null; merged_into: string | null }>(
      `SELECT request_id, stage, status, lat, long, expected_at, merged_into FROM ${table(db.schema, REQUESTS)}`,
    );
    assert.is(rows.length, FIXTURE_REQUESTS);
    assert.ok(rows.every((r) => withinBounds(LIXOURI_BOUNDS, Number(r.lat), Number(r.long))), 'every request within the bounds');
    assert.equal(new Set(rows.map((r) => r.stage)), new Set(REQUEST_STAGES), 'every stage');
    const ids = new Set(rows.map((r) => r.request_id));
    const duplicates = rows.filter((r) => r.stage === 'duplicate');
    assert.ok(duplicates.length >= 5 && duplicates.every((r) => r.merged_into !== null && ids.has(r.merged_into)), 'duplicates merged into requests that exist');
    const overdue = rows.filter((r) => r.status === 'open' && r.expected_at !== null && new Date(r.expected_at).getTime() < AS_OF.getTime());
    assert.ok(overdue.length >= 10, `some overdue (${overdue.length})`);
    assert.ok(rows.filter((r) => r.stage === 'fixed').length > FIXTURE_REQUESTS / 2, 'most fixed');
    const streamsWritten = new Set((await store.readAll({ maxCount: 100_000 })).map((e) => e.stream));
    assert.is(streamsWritten.size, FIXTURE_REQUESTS);
    assert.ok([...streamsWritten].every((s) => s.startsWith('request-') && !s.startsWith('request-notes-')), 'public streams only: no reporter, no notes');
  } finally {
    await store.close();
    await db.drop();
  }
});

test.run();
