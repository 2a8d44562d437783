// The public read model of service requests (issue 18): what the public streams say, found by the spec's
// filters (ids, service_code, status, dates, default the last 90 days); the reporter's stream never reaches it.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RequestEvent, SubmitRequest } from '../../../src/domain/index.ts';
import {
  assignRequest,
  changeRequestStatus,
  evolveRequest,
  initialRequest,
  ledgerEventSchemas,
  mergeRequest,
  reopenRequest,
  replyToRequest,
  setExpectedDate,
  streams,
  submitRequest,
  supportRequest,
} from '../../../src/domain/index.ts';
import { openSqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import { findRequests, requestById, requestsProjection, timelineOf } from '../../../src/projections/requests/index.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import { createTestSchema } from '../../support/database.ts';

const test = suite('requests: the public read model');

const NOW = new Date('2026-05-04T08:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

const submitting = (id: string, serviceCode: string, at: string): SubmitRequest => ({
  requestId: id,
  serviceCode,
  description: `Πρόβλημα ${id}`,
  lat: 38.2,
  long: 20.43,
  address: 'Πλατεία Ηρώων',
  addressId: null,
  mediaUrl: null,
  attributes: {},
  agency: 'Technical Services',
  requestedAt: at,
  expectedAt: null,
});

test('submitted, supported, closed; filtered by ids, type, status and dates; nobody named', async () => {
  const db = await createTestSchema();
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  try {
    const append = (id: string, events: RequestEvent[]) => store.append(streams.request(id), events.map((e) => ({ type: e.type, data: e.data, metadata: {} })));
    const pothole = submitRequest(initialRequest(), submitting('r-1', 'pothole', daysAgo(1)));
    await append('r-1', pothole);
    const open = pothole.reduce(evolveRequest, initialRequest());
    await append('r-1', [...supportRequest(open, { at: daysAgo(1) }), ...changeRequestStatus(open, { stage: 'fixed', statusNotes: 'Επιδιορθώθηκε', at: daysAgo(0) })]);
    await append('r-2', submitRequest(initialRequest(), submitting('r-2', 'streetlight', daysAgo(10))));
    await append('r-3', submitRequest(initialRequest(), submitting('r-3', 'pothole', daysAgo(120))));
    await store.append(streams.reporter('r-1'), [{ type: 'ReporterRecorded', data: { requestId: 'r-1', subjectId: 's-1', at: daysAgo(1), sealed: 'sealed' }, metadata: {} }]);

    const runner = await startProjections({ client: db.client, store, schema: db.schema, projections: [requestsProjection], onError: (e) => console.error(e) });
    await runner.caughtUp;
    await runner.stop();

    const r1 = await requestById(db.client, db.schema, 'r-1');
    assert.equal(r1, {
      id: 'r-1', serviceCode: 'pothole', status: 'closed', stage: 'fixed', statusNotes: 'Επιδιορθώθηκε', department: null, agency: 'Technical Services', description: 'Πρόβλημα r-1',
      lat: 38.2, long: 20.43, address: 'Πλατεία Ηρώων', addressId: null, mediaUrl: null,
      requestedAt: daysAgo(1).replace('.000Z', 'Z'), updatedAt: daysAgo(0).replace('.000Z', 'Z'), expectedAt: null,
      fixedAt: daysAgo(0).replace('.000Z', 'Z'), closedAt: daysAgo(0).replace('.000Z', 'Z'), mergedInto: null, attributes: {}, supports: 1,
    });
    const ids = async (filter: Parameters<typeof findRequests>[2]) => (await findRequests(db.client, db.schema, filter, NOW)).map((r) => r.id);
    assert.equal(await ids({}), ['r-1', 'r-2'], 'the last 90 days, newest first');
    assert.equal(await ids({ serviceCodes: ['pothole'] }), ['r-1']);
    assert.equal(await ids({ status: 'open' }), ['r-2']);
    assert.equal(await ids({ start: new Date(daysAgo(200)), end: new Date(daysAgo(5)) }), ['r-2', 'r-3']);
    assert.equal(await ids({ ids: ['r-3', 'r-1'], status: 'open' }), ['r-1', 'r-3'], 'ids whatever the other filters');
    assert.is(await requestById(db.client, db.schema, 'nope'), null);
    assert.not.match(JSON.stringify(r1), /s-1|sealed/);
  } finally {
    await store.close();
    await db.drop();
  }
});

test('the timeline: assigned, replied, expected, merged (the one that stays counts it), reopened; a version 1 status change reads as its stage', async () => {
  const db = await createTestSchema();
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  try {
    const append = (id: string, events: { type: string; data: unknown }[]) => store.append(streams.request(id), events.map((e) => ({ type: e.type, data: e.data, metadata: {} })));
    const s1 = submitRequest(initialRequest(), submitting('r-1', 'pothole', daysAgo(20)));
    const s2 = submitRequest(initialRequest(), submitting('r-2', 'pothole', daysAgo(19)));
    await append('r-1', s1);
    await append('r-2', s2);
    const one = s1.reduce(evolveRequest, initialRequest());
    const two = s2.reduce(evolveRequest, initialRequest());
    const assigned = assignRequest(one, { department: 'water', agency: 'ΔΕΥΑ / Water Utility', at: daysAgo(18) });
    const replied = replyToRequest(one, { text: 'Το συνεργείο έρχεται', at: daysAgo(17) });
    const expected = setExpectedDate(one, { expectedAt: daysAgo(10), at: daysAgo(17) });
    const fixed = changeRequestStatus([...s1, ...assigned].reduce(evolveRequest, initialRequest()), { stage: 'fixed', statusNotes: 'Έγινε', at: daysAgo(5) });
    await append('r-1', [...assigned, ...replied, ...expected, ...fixed]);
    await append('r-2', mergeRequest(two, one, { at: daysAgo(4) }));
    const afterFix = [...s1, ...assigned, ...replied, ...expected, ...fixed].reduce(evolveRequest, initialRequest());
    await append('r-1', reopenRequest(afterFix, { reason: 'Ξανάνοιξε', at: daysAgo(1) }));
    // An event as the first version wrote it: no stage.
    await append('r-3', [...submitRequest(initialRequest(), submitting('r-3', 'streetlight', daysAgo(3)))]);
    await store.append(streams.request('r-3'), [{ type: 'RequestStatusChanged', data: { requestId: 'r-3', status: 'closed', statusNotes: 'Παλιό', agency: 'Technical Services', at: daysAgo(2) }, metadata: {}, schemaVersion: 1 }]);

    const runner = await startProjections({ client: db.client, store, schema: db.schema, projections: [requestsProjection], onError: (e) => console.error(e) });
    await runner.caughtUp;
    await runner.stop();

    const r1 = (await requestById(db.client, db.schema, 'r-1'))!;
    assert.is(r1.stage, 'open');
    assert.is(r1.status, 'open');
    assert.is(r1.department, 'water');
    assert.is(r1.agency, 'ΔΕΥΑ / Water Utility');
    assert.is(r1.supports, 1, 'the duplicate counts as a support');
    assert.is(r1.fixedAt, null);
    assert.is(r1.closedAt, null);
    assert.is(r1.expectedAt, daysAgo(10).replace('.000Z', 'Z'));
    assert.equal((await timelineOf(db.client, db.schema, 'r-1')).map((e) => [e.kind, e.stage, e.text]), [
      ['submitted', 'open', null],
      ['assigned', null, 'ΔΕΥΑ / Water Utility'],
      ['reply', null, 'Το συνεργείο έρχεται'],
      ['expected', null, daysAgo(10)],
      ['stage', 'fixed', 'Έγινε'],
      ['absorbed', null, 'r-2'],
      ['reopened', 'open', 'Ξανάνοιξε'],
    ]);
    const r2 = (await requestById(db.client, db.schema, 'r-2'))!;
    assert.equal([r2.stage, r2.status, r2.mergedInto], ['duplicate', 'closed', 'r-1']);
    const r3 = (await requestById(db.client, db.schema, 'r-3'))!;
    assert.equal([r3.stage, r3.status, r3.statusNotes], ['closed', 'closed', 'Παλιό']);
  } finally {
    await store.close();
    await db.drop();
  }
});

test.run();
