// The EventStoreDB adapter's live signal, against a stand-in for the client's subscription (the contract
// suite needs a real server; this part does not): a failure is reported and the subscription reopened.
import { EventEmitter } from 'node:events';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStoreDBClient } from '@eventstore/db-client';
import { createChangeSignal } from '../../src/eventstore/catchUpSubscription.ts';
import { openLiveSignal } from '../../src/eventstore/esdb/liveSignal.ts';

class FakeSubscription extends EventEmitter {
  unsubscribed = false;
  async unsubscribe() {
    this.unsubscribed = true;
  }
}

const fakeClient = () => {
  const opened: FakeSubscription[] = [];
  const client = { subscribeToAll: () => opened[opened.push(new FakeSubscription()) - 1] } as unknown as EventStoreDBClient;
  return { client, opened };
};

test('a new event of the ledger wakes the waiting subscriptions', async () => {
  const { client, opened } = fakeClient();
  const signal = createChangeSignal();
  const live = openLiveSignal({ client, prefix: 'p-', schemas: {} }, signal, () => undefined);
  opened[0]!.emit('data', {});
  assert.is(signal.count(), 1);
  await live.close();
  assert.ok(opened[0]!.unsubscribed);
});

test('a failing subscription is reported, then opened again; after close it is not', async () => {
  const { client, opened } = fakeClient();
  const errors: unknown[] = [];
  const live = openLiveSignal({ client, prefix: 'p-', schemas: {} }, createChangeSignal(), (e) => errors.push(e), 5);
  opened[0]!.emit('error', new Error('connection reset'));
  assert.equal(errors.map(String), ['Error: connection reset']);
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.is(opened.length, 2);
  await live.close();
  opened[1]!.emit('error', new Error('after close'));
  assert.is(errors.length, 1);
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.is(opened.length, 2);
});

test.run();
