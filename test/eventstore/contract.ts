// The event-store contract: every adapter must pass all of it. Run by contract.test.ts once per backend.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isEventIdConflict, isExpectedRevisionConflict, isInvalidAppend } from '../../src/eventstore/errors.ts';
import type { EventStore, EventToAppend, RecordedEvent } from '../../src/eventstore/port.ts';
import type { EventSchemas } from '../../src/eventstore/upcasting.ts';
import { uuidv7 } from '../../src/eventstore/uuid.ts';

export interface ContractStore {
  readonly store: EventStore;
  /** Another store on the same ledger, as a second process would open it (own connections). */
  readonly openAnother: (options?: { schemas?: EventSchemas }) => Promise<EventStore>;
  /** Changes stored events behind the store's back, as an attacker with database access could. */
  readonly tamper?: { readonly rewriteData: (position: number, dataText: string) => Promise<void>; readonly remove: (position: number) => Promise<void> };
  readonly dispose: () => Promise<void>;
}

const event = (n: number, extra: Partial<EventToAppend> = {}): EventToAppend => ({ type: 'AmountRecorded', data: { n, amount: `${n}.50` }, ...extra });

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

const eventually = async (check: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const countAll = async (store: EventStore): Promise<number> => (await store.readAll({ maxCount: 100_000 })).length;

const assertIncreasing = (events: readonly RecordedEvent[]): void => {
  events.forEach((e, i) => {
    if (i > 0) assert.ok(e.position > events[i - 1]!.position, `position ${e.position} after ${events[i - 1]!.position}`);
  });
};

export const eventStoreContract = (backend: string, open: () => Promise<ContractStore>): void => {
  const test = suite<{ target: ContractStore; store: EventStore }>(`event store contract on ${backend}`);
  test.before.each(async (context) => {
    context.target = await open();
    context.store = context.target.store;
  });
  test.after.each(async (context) => {
    await context.target.dispose();
  });

  test('a new stream starts at revision 0 and no_stream refuses an existing stream with a typed conflict', async ({ store }) => {
    const first = await store.append('budget-2026', [event(1), event(2)], { expectedRevision: 'no_stream' });
    assert.is(first.revision, 1);
    assert.ok(first.lastPosition! > first.firstPosition!);
    const error = await rejection(store.append('budget-2026', [event(3)], { expectedRevision: 'no_stream' }));
    assert.ok(isExpectedRevisionConflict(error));
    assert.is(error.stream, 'budget-2026');
    assert.is(error.actual, 1);
    assert.is((await store.readStream('budget-2026')).length, 2);
  });

  test('a numeric expected revision must equal the last revision; stream_exists needs the stream', async ({ store }) => {
    await store.append('s', [event(1)]);
    const stale = await rejection(store.append('s', [event(2)], { expectedRevision: 5 }));
    assert.ok(isExpectedRevisionConflict(stale));
    assert.is(stale.actual, 0);
    const ok = await store.append('s', [event(2)], { expectedRevision: 0 });
    assert.is(ok.revision, 1);
    const missing = await rejection(store.append('nowhere', [event(1)], { expectedRevision: 'stream_exists' }));
    assert.ok(isExpectedRevisionConflict(missing));
    assert.is(missing.actual, -1);
    assert.is((await store.append('s', [event(3)], { expectedRevision: 'stream_exists' })).revision, 2);
    assert.is((await store.append('s', [event(4)], { expectedRevision: 'any' })).revision, 3);
  });

  test('streams read forwards and backwards, from a revision, with a maximum count', async ({ store }) => {
    await store.append('s', [1, 2, 3, 4, 5].map((n) => event(n)));
    await store.append('other', [event(99)]);
    const forwards = await store.readStream('s');
    assert.equal(forwards.map((e) => (e.data as { n: number }).n), [1, 2, 3, 4, 5]);
    assert.equal(forwards.map((e) => e.revision), [0, 1, 2, 3, 4]);
    const backwards = await store.readStream('s', { direction: 'backwards', maxCount: 2 });
    assert.equal(backwards.map((e) => e.revision), [4, 3]);
    const middle = await store.readStream('s', { fromRevision: 2, maxCount: 2 });
    assert.equal(middle.map((e) => e.revision), [2, 3]);
    const down = await store.readStream('s', { direction: 'backwards', fromRevision: 1 });
    assert.equal(down.map((e) => e.revision), [1, 0]);
    assert.equal(await store.readStream('missing'), []);
  });

  test('existingStreams names, of the streams asked, those that hold events', async ({ store }) => {
    await store.append('held-1', [event(1)]);
    await store.append('held-2', [event(2), event(3)]);
    assert.equal([...(await store.existingStreams(['held-2', 'never', 'held-1', 'held-1']))].sort(), ['held-1', 'held-2']);
    assert.equal([...(await store.existingStreams([]))], []);
    assert.equal([...(await store.existingStreams(Array.from({ length: 100 }, (_, i) => `nothing-${i}`)))], []);
  });

  test('readStreams reads the streams asked, each whole and in revision order, and leaves out those with no events', async ({ store }) => {
    await store.append('many-1', [event(1), event(2)]);
    await store.append('many-2', [event(3)]);
    await store.append('many-1', [event(4)]);
    await store.append('other', [event(5)]);
    const read = await store.readStreams(['many-2', 'never', 'many-1', 'many-1']);
    assert.equal([...read.keys()].sort(), ['many-1', 'many-2']);
    assert.equal(read.get('many-1')!.map((e) => [e.stream, e.revision, e.data]), [['many-1', 0, event(1).data], ['many-1', 1, event(2).data], ['many-1', 2, event(4).data]]);
    assert.equal(read.get('many-2')!.map((e) => e.revision), [0]);
    assert.equal((await store.readStream('many-1')).map((e) => e.id), read.get('many-1')!.map((e) => e.id));
    assert.is((await store.readStreams([])).size, 0);
  });

  test('the envelope carries id, stream, revision, position, type, schema version, data, metadata and hash', async ({ store }) => {
    const id = uuidv7();
    await store.append('s', [{ id, type: 'PaymentMade', data: { amount: '12.30', payee: 'Α.Ε.' }, metadata: { actor: 'finance:1', correlationId: 'c-1' } }]);
    const [recorded] = await store.readAll();
    assert.ok(recorded);
    assert.is(recorded.id, id);
    assert.is(recorded.stream, 's');
    assert.is(recorded.revision, 0);
    assert.is(recorded.type, 'PaymentMade');
    assert.is(recorded.schemaVersion, 1);
    assert.equal(recorded.data, { amount: '12.30', payee: 'Α.Ε.' });
    assert.is(recorded.metadata.actor, 'finance:1');
    assert.is(recorded.metadata.correlationId, 'c-1');
    assert.ok(!Number.isNaN(Date.parse(recorded.metadata.recordedAt)));
    assert.match(recorded.hash, /^[0-9a-f]{64}$/);
  });

  test('re-appending events whose ids exist is a no-op, not a copy; reusing an id elsewhere is refused', async ({ store }) => {
    const events = [event(1, { id: uuidv7() }), event(2, { id: uuidv7() })];
    const first = await store.append('s', events, { expectedRevision: 'no_stream' });
    const again = await store.append('s', events, { expectedRevision: 'no_stream' });
    assert.is(again.duplicate, true);
    assert.is(again.revision, first.revision);
    assert.is(again.firstPosition, null);
    assert.is((await store.readAll()).length, 2);
    const elsewhere = await rejection(store.append('t', [events[0]!]));
    assert.ok(isEventIdConflict(elsewhere));
    const partial = await rejection(store.append('s', [events[1]!, event(3)]));
    assert.ok(isEventIdConflict(partial));
    assert.is((await store.readAll()).length, 2);
  });

  test('a failed multi-stream append leaves nothing visible', async ({ store }) => {
    await store.append('commitment-1', [event(1)]);
    const head = await store.headPosition();
    assert.is(await countAll(store), 1);
    const error = await rejection(
      store.appendMany([
        { stream: 'order-1', events: [event(2)], expectedRevision: 'no_stream' },
        { stream: 'order-2', events: [event(3), event(4)] },
        { stream: 'commitment-1', events: [event(5)], expectedRevision: 'no_stream' },
      ]),
    );
    assert.ok(isExpectedRevisionConflict(error));
    assert.is(await store.headPosition(), head);
    assert.equal(await store.readStream('order-1'), []);
    assert.equal(await store.readStream('order-2'), []);
    const results = await store.appendMany([
      { stream: 'order-1', events: [event(2)], expectedRevision: 'no_stream' },
      { stream: 'order-2', events: [event(3), event(4)] },
    ]);
    assert.equal(results.map((r) => r.revision), [0, 1]);
    assert.ok((await store.headPosition()) > head);
    assert.is(await countAll(store), 4);
  });

  test('a long append in batches is one unit: a failure in a late batch leaves nothing of the earlier ones', async ({ store }) => {
    await store.append('existing', [event(0)]);
    async function* batches(failAt: number | null) {
      for (let b = 0; b < 5; b++) {
        if (b === failAt) throw new Error('import crashed');
        yield Array.from({ length: 50 }, (_, i) => ({ stream: `line-${b}-${i}`, events: [event(b * 50 + i)] }));
      }
    }
    const crash = await rejection(store.appendBatches(batches(3)));
    assert.is((crash as Error).message, 'import crashed');
    assert.is(await countAll(store), 1);
    const conflict = await rejection(
      store.appendBatches(
        (async function* () {
          yield* batches(null);
          yield [{ stream: 'existing', events: [event(1)], expectedRevision: 'no_stream' as const }];
        })(),
      ),
    );
    assert.ok(isExpectedRevisionConflict(conflict));
    assert.is(await countAll(store), 1);
    const results = await store.appendBatches(batches(null));
    assert.is(results.length, 250);
    assert.is(await countAll(store), 251);
    assert.ok((await store.verify()).ok);
  });

  test('invalid requests are refused before anything is written', async ({ store }) => {
    assert.ok(isInvalidAppend(await rejection(store.append('', [event(1)]))));
    assert.ok(isInvalidAppend(await rejection(store.append('bad\nname', [event(1)]))));
    assert.ok(isInvalidAppend(await rejection(store.append('s', [event(1, { id: 'not-a-uuid' })]))));
    const id = uuidv7();
    assert.ok(isInvalidAppend(await rejection(store.append('s', [event(1, { id }), event(2, { id })]))));
    assert.ok(isInvalidAppend(await rejection(store.appendMany([{ stream: 's', events: [event(1)] }, { stream: 's', events: [event(2)] }]))));
    assert.ok(isInvalidAppend(await rejection(store.append('s', [event(1)], { expectedRevision: -2 }))));
    assert.is(await countAll(store), 0);
  });

  test('readAll returns every event once in global order, after an exclusive position', async ({ store }) => {
    for (let i = 0; i < 30; i++) await store.append(`s-${i % 4}`, [event(i)]);
    const all = await store.readAll({ maxCount: 1000 });
    assert.is(all.length, 30);
    assert.equal(all.map((e) => (e.data as { n: number }).n), Array.from({ length: 30 }, (_, i) => i), 'in append order');
    assertIncreasing(all);
    const after = await store.readAll({ fromPosition: all[9]!.position, maxCount: 5 });
    assert.equal(after.map((e) => e.id), all.slice(10, 15).map((e) => e.id));
    assert.is(await store.headPosition(), all[29]!.position);
  });

  test('8 concurrent writers and a live subscriber: every event seen once, in order', async ({ target, store }) => {
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ onEvents: async (events) => void seen.push(...events), batchSize: 37 });
    await subscription.caughtUp;
    const writers = await Promise.all(Array.from({ length: 8 }, () => target.openAnother()));
    const written = new Set<string>();
    await Promise.all(
      writers.map(async (writer, w) => {
        for (let i = 0; i < 40; i++) {
          const batch = Array.from({ length: 1 + (i % 3) }, (_, k) => event(i * 10 + k, { id: uuidv7() }));
          // Half of the appends go to a stream shared by all writers, with optimistic retries.
          const stream = i % 2 === 0 ? `writer-${w}` : 'shared';
          for (;;) {
            const [last] = await writer.readStream(stream, { direction: 'backwards', maxCount: 1 });
            try {
              await writer.append(stream, batch, { expectedRevision: last ? last.revision : 'no_stream' });
              break;
            } catch (error) {
              if (!isExpectedRevisionConflict(error)) throw error;
            }
          }
          for (const e of batch) written.add(e.id!);
        }
      }),
    );
    await eventually(() => seen.length >= written.size);
    await new Promise((r) => setTimeout(r, 100));
    await subscription.stop();
    for (const writer of writers) await writer.close();
    assert.is(seen.length, written.size, 'every event exactly once');
    assert.is(new Set(seen.map((e) => e.id)).size, seen.length, 'no event twice');
    for (const e of seen) assert.ok(written.has(e.id));
    assertIncreasing(seen);
    assert.equal(seen.map((e) => e.id), (await store.readAll({ maxCount: 100_000 })).map((e) => e.id), 'in the global order');
    const shared = await store.readStream('shared', { maxCount: 10_000 });
    shared.forEach((e, i) => assert.is(e.revision, i));
    assert.ok((await store.verify()).ok);
  });

  test('a subscriber restarted from its checkpoint continues with the next event', async ({ store }) => {
    for (let i = 0; i < 10; i++) await store.append('s', [event(i)]);
    const first: number[] = [];
    let checkpoint = 0;
    const one = store.subscribeToAll({
      batchSize: 4,
      onEvents: async (events) => {
        first.push(...events.map((e) => e.position));
        checkpoint = events[events.length - 1]!.position;
      },
    });
    await one.caughtUp;
    await one.stop();
    assert.is(first.length, 10);
    assert.is(checkpoint, first[9]);
    for (let i = 10; i < 15; i++) await store.append('s', [event(i)]);
    const second: number[] = [];
    const two = store.subscribeToAll({ fromPosition: checkpoint, onEvents: async (events) => void second.push(...events.map((e) => e.position)) });
    await two.caughtUp;
    await store.append('s', [event(15)]);
    await eventually(() => second.length === 6);
    await two.stop();
    const all = (await store.readAll()).map((e) => e.position);
    assert.equal(second, all.slice(10));
    assert.is(two.position, all[15]);
  });

  test('a failing handler stops the subscription and reports the error', async ({ store }) => {
    await store.append('s', [event(1)]);
    let reported: unknown = null;
    const subscription = store.subscribeToAll({
      onEvents: () => Promise.reject(new Error('projection broke')),
      onError: (error) => (reported = error),
    });
    await eventually(() => reported !== null);
    assert.is((reported as Error).message, 'projection broke');
    assert.is(subscription.position, 0);
    await subscription.stop();
  });

  test('the hash chain verifies, and names the first broken link when a stored event is changed or removed', async ({ target, store }) => {
    for (let i = 0; i < 12; i++) await store.append(`s-${i % 3}`, [event(i)]);
    const good = await store.verify({ batchSize: 5 });
    assert.ok(good.ok);
    assert.is(good.events, 12);
    if (!target.tamper) return;
    await target.tamper.rewriteData(7, '{"n":6,"amount":"6000000.50"}');
    const changed = await store.verify({ batchSize: 5 });
    assert.is(changed.ok, false);
    if (!changed.ok) assert.is(changed.brokenAt, 7);
    await target.tamper.remove(4);
    const removed = await store.verify({ batchSize: 5 });
    assert.is(removed.ok, false);
    if (!removed.ok) assert.is(removed.brokenAt, 4);
  });

  test('old event versions are upcast on read; the stored version is kept and new events use the current one', async ({ target, store }) => {
    await store.append('s', [{ type: 'PaymentMade', data: { amount: '5.00' } }]);
    const schemas: EventSchemas = { PaymentMade: { version: 2, upcasters: { 1: (data) => ({ ...(data as object), currency: 'EUR' }) } } };
    const upcasting = await target.openAnother({ schemas });
    await upcasting.append('s', [{ type: 'PaymentMade', data: { amount: '6.00', currency: 'EUR' } }]);
    const [old, current] = await upcasting.readStream('s');
    assert.equal([old?.schemaVersion, old?.storedSchemaVersion, old?.data], [2, 1, { amount: '5.00', currency: 'EUR' }]);
    assert.equal([current?.schemaVersion, current?.storedSchemaVersion], [2, 2]);
    const [raw] = await store.readStream('s');
    assert.equal(raw?.data, { amount: '5.00' }, 'the stored event itself is never rewritten');
    await upcasting.close();
  });

  test.run();
};

export const eventPayload = event;
