// The figures of accountability (issue 18 item 5) on a small known set: opened and fixed per Athens month over
// the last 12 (a report at 00:30 Athens on 1 November is November's, though October's in UTC), the median days
// to fix (percentile_cont, an even count averages the middle two), open and overdue now and their share, per
// type and per department (the type's until assigned); duplicates counted nowhere. PGlite and PostgreSQL alike.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadRequestTypes } from '../../../src/api/requests/index.ts';
import type { RequestEvent, ServiceRequest } from '../../../src/domain/index.ts';
import { assignRequest, changeRequestStatus, evolveRequest, initialRequest, ledgerEventSchemas, mergeRequest, streams, submitRequest } from '../../../src/domain/index.ts';
import type { EventStore } from '../../../src/eventstore/port.ts';
import { openSqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import type { FiguresOptions } from '../../../src/projections/requests/index.ts';
import { groupFigures, monthlyFigures, overdueShare, requestsProjection } from '../../../src/projections/requests/index.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import type { TestSchema } from '../../support/database.ts';
import { createTestSchema } from '../../support/database.ts';

const test = suite<{ db: TestSchema; store: EventStore }>('requests: the figures of accountability');
const NOW = new Date('2026-11-20T10:00:00Z');
const DAY = 86_400_000;
const types = loadRequestTypes();
const options: FiguresOptions = { now: NOW, departmentOfType: Object.fromEntries(types.map((t) => [t.code, t.department])) };

test.before.each(async (ctx) => {
  ctx.db = await createTestSchema();
  ctx.store = await openSqlEventStore({ client: ctx.db.client, schema: ctx.db.schema, schemas: ledgerEventSchemas });
});
test.after.each(async (ctx) => {
  await ctx.store.close();
  await ctx.db.drop();
});

/** A request's whole life decided in memory, appended as one stream: its final state for merging into. */
const life = async (store: EventStore, id: string, serviceCode: string, requestedAt: string, expectedDays: number, steps: readonly ((s: ServiceRequest) => RequestEvent[])[] = []): Promise<ServiceRequest> => {
  let state = initialRequest();
  const events: RequestEvent[] = [];
  const apply = (decided: RequestEvent[]) => {
    events.push(...decided);
    state = decided.reduce(evolveRequest, state);
  };
  apply(submitRequest(state, { requestId: id, serviceCode, description: id, lat: 38.2, long: 20.43, address: null, addressId: null, mediaUrl: null, attributes: {}, agency: 'x', requestedAt, expectedAt: new Date(Date.parse(requestedAt) + expectedDays * DAY).toISOString() }));
  for (const step of steps) apply(step(state));
  await store.append(streams.request(id), events.map((e) => ({ type: e.type, data: e.data })), { expectedRevision: 'no_stream' });
  return state;
};
const fixed = (at: string) => (s: ServiceRequest) => changeRequestStatus(s, { stage: 'fixed', statusNotes: null, at });

const knownSet = async ({ db, store }: { db: TestSchema; store: EventStore }) => {
  await life(store, 'A', 'pothole', '2026-11-02T09:00:00Z', 30, [fixed('2026-11-04T09:00:00Z')]); // 2 days
  await life(store, 'B', 'pothole', '2026-10-10T09:00:00Z', 30, [(s) => assignRequest(s, { department: 'green', agency: 'Parks', at: '2026-10-11T09:00:00Z' }), fixed('2026-10-16T09:00:00Z')]); // 6 days, green's
  const c = await life(store, 'C', 'pothole', '2026-11-10T09:00:00Z', 5); // open, overdue since the 15th
  await life(store, 'D', 'pothole', '2026-11-18T09:00:00Z', 30); // open, on time
  await life(store, 'E', 'pothole', '2025-11-15T10:00:00Z', 30, [fixed('2025-12-03T10:00:00Z')]); // opened before the window, fixed in it: 18 days
  await life(store, 'F', 'streetlight', '2026-10-31T22:30:00Z', 10, [(s) => changeRequestStatus(s, { stage: 'not_municipal', statusNotes: 'ΔΕΔΔΗΕ', at: '2026-11-02T09:00:00Z' })]);
  await life(store, 'G', 'pothole', '2026-11-11T09:00:00Z', 30, [(s) => mergeRequest(s, c, { at: '2026-11-12T09:00:00Z' })]); // C's duplicate
  const runner = await startProjections({ client: db.client, store, schema: db.schema, projections: [requestsProjection], onError: (e) => console.error(e) });
  await runner.caughtUp;
  await runner.stop();
};

test('per type: opened and fixed in 12 months, the median days to fix, open and overdue now, their share', async (ctx) => {
  await knownSet(ctx);
  const byType = await groupFigures(ctx.db.client, ctx.db.schema, 'category', options);
  const pothole = byType.find((g) => g.key === 'pothole')!;
  assert.equal(pothole, { key: 'pothole', opened: 4, fixed: 3, medianDaysToFix: 6, openNow: 2, overdueNow: 1 });
  assert.is(overdueShare(pothole), 0.5);
  assert.equal(byType.find((g) => g.key === 'streetlight'), { key: 'streetlight', opened: 1, fixed: 0, medianDaysToFix: null, openNow: 0, overdueNow: 0 });
  assert.is(overdueShare({ openNow: 0, overdueNow: 0 }), null, 'nothing open: no share');
});

test('per department: the type’s until assigned, the assigned one after; an even count’s median averages the middle two', async (ctx) => {
  await knownSet(ctx);
  const byDepartment = await groupFigures(ctx.db.client, ctx.db.schema, 'department', options);
  assert.equal(byDepartment.find((g) => g.key === 'technical-services'), { key: 'technical-services', opened: 3, fixed: 2, medianDaysToFix: 10, openNow: 2, overdueNow: 1 });
  assert.equal(byDepartment.find((g) => g.key === 'green'), { key: 'green', opened: 1, fixed: 1, medianDaysToFix: 6, openNow: 0, overdueNow: 0 });
  assert.equal(byDepartment.find((g) => g.key === 'lighting'), { key: 'lighting', opened: 1, fixed: 0, medianDaysToFix: null, openNow: 0, overdueNow: 0 });
});

test('per Athens month, the last 12 with the empty ones, for all, one type or one department', async (ctx) => {
  await knownSet(ctx);
  const all = await monthlyFigures(ctx.db.client, ctx.db.schema, null, options);
  assert.is(all.length, 12);
  assert.equal([all[0]!.month, all[11]!.month], ['2025-12', '2026-11']);
  assert.equal(all[0], { month: '2025-12', opened: 0, fixed: 1 });
  assert.equal(all[10], { month: '2026-10', opened: 1, fixed: 1 });
  assert.equal(all[11], { month: '2026-11', opened: 4, fixed: 1 }, 'F at 00:30 Athens on 1 November counts in November');
  assert.equal(all.slice(1, 10).map((m) => m.opened + m.fixed), [0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const lights = await monthlyFigures(ctx.db.client, ctx.db.schema, { serviceCode: 'streetlight' }, options);
  assert.equal(lights[11], { month: '2026-11', opened: 1, fixed: 0 });
  assert.is(lights.reduce((s, m) => s + m.opened, 0), 1);
  const green = await monthlyFigures(ctx.db.client, ctx.db.schema, { department: 'green' }, options);
  assert.equal(green.filter((m) => m.opened + m.fixed > 0), [{ month: '2026-10', opened: 1, fixed: 1 }]);
});

test('no requests: zeros and no medians', async (ctx) => {
  const runner = await startProjections({ client: ctx.db.client, store: ctx.store, schema: ctx.db.schema, projections: [requestsProjection] });
  await runner.caughtUp;
  await runner.stop();
  assert.equal(await groupFigures(ctx.db.client, ctx.db.schema, 'category', options), []);
  assert.ok((await monthlyFigures(ctx.db.client, ctx.db.schema, null, options)).every((m) => m.opened === 0 && m.fixed === 0));
});

test.run();
