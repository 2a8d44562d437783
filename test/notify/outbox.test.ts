// The outbox: a key enqueued twice is one message; a bad message is refused and nothing of its batch is
// written; the projection writes rows in the runner's transaction (rolled back with it); two dispatchers
// on one database never send one message twice; a lease still held is left alone, an expired one is
// taken; stop() waits for the send under way; erasure leaves no trace of the person.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ProjectedEvent } from '../../src/eventstore/port.ts';
import type { DeliveryReceipt, EmailToSend, EmailTransport, NotificationRule } from '../../src/notify/index.ts';
import { dispatchPass, enqueueMessages, eraseSubjectMessages, failedMessages, isInvalidOutboundMessage, notifyProjection, renderEmail, startDispatcher } from '../../src/notify/index.ts';
import { applyBatch } from '../../src/projections/shared/applyBatch.ts';
import { prepareProjections } from '../../src/projections/shared/runner.ts';
import { ATTEMPTS, OUTBOX } from '../../src/notify/index.ts';
import { table } from '../../src/projections/shared/tables.ts';
import type { TestSchema } from '../support/database.ts';
import { createTestSchema } from '../support/database.ts';
import { emailMessage, outboxRows, testClock, unusedWebhook, webhookMessage } from './support.ts';

const test = suite<{ db: TestSchema }>('notify: outbox');
test.before.each(async (c) => {
  c.db = await createTestSchema();
});
test.after.each(async (c) => c.db.drop());

/** Records what it is asked to send; `gate` holds each send until the test lets it go. */
const recordingEmail = (gate?: Promise<void>) => {
  const sent: EmailToSend[] = [];
  const transport: EmailTransport = {
    async send(m): Promise<DeliveryReceipt> {
      sent.push(m);
      if (gate) await gate;
      return { detail: '250 ok' };
    },
    close: async () => {},
  };
  return { sent, transport };
};

test('the same key enqueued twice, in one batch or two, is one message', async ({ db }) => {
  const message = emailMessage();
  await db.client.transaction((tx) => enqueueMessages(tx, db.schema, [message, message]));
  await db.client.transaction((tx) => enqueueMessages(tx, db.schema, [{ ...message, to: 'other@example.gr' }]));
  const rows = await outboxRows(db.client, db.schema);
  assert.is(rows.length, 1);
  assert.is(rows[0]!.recipient, 'eleni@example.gr');
});

test('a bad message is refused with a clear error and its whole batch writes nothing', async ({ db }) => {
  const good = emailMessage();
  const bad = [
    { ...emailMessage(), to: 'no-at-sign' },
    { ...emailMessage(), to: 'a@b.gr\r\nBcc: c@d.gr' },
    { ...emailMessage(), email: { ...renderEmail({ el: { subject: 'α', paragraphs: [] }, en: { subject: 'a', paragraphs: [] } }), subject: 'two\nlines' } },
    { ...emailMessage(), email: undefined },
    { ...emailMessage(), key: '' },
    webhookMessage('file:///etc/passwd', `whsec_${Buffer.alloc(32, 1).toString('base64')}`),
    webhookMessage('javascript:alert(1)', `whsec_${Buffer.alloc(32, 1).toString('base64')}`),
    webhookMessage('https://hooks.example.gr/x', 'not-a-secret'),
    { ...webhookMessage('https://hooks.example.gr/x', `whsec_${Buffer.alloc(32, 1).toString('base64')}`), webhook: undefined },
  ];
  for (const message of bad) {
    try {
      await db.client.transaction((tx) => enqueueMessages(tx, db.schema, [good, message]));
      assert.unreachable(`accepted ${JSON.stringify(message.to)}`);
    } catch (error) {
      assert.ok(isInvalidOutboundMessage(error), String(error));
      assert.match((error as Error).message, / \/ /, 'Greek / English');
    }
  }
  assert.is((await outboxRows(db.client, db.schema)).length, 0);
});

const event = (position: number, type = 'EmailVerificationRequested'): ProjectedEvent => ({ position, id: `00000000-0000-7000-8000-${String(position).padStart(12, '0')}`, type, data: { to: 'eleni@example.gr' } });

const rule: NotificationRule = async (e) =>
  e.type === 'EmailVerificationRequested'
    ? [{ key: `${e.id}:email:eleni@example.gr`, channel: 'email', subjectId: 'citizen-1', to: 'eleni@example.gr', email: renderEmail({ el: { subject: 'Επιβεβαίωση', paragraphs: ['Πατήστε τον σύνδεσμο.'] }, en: { subject: 'Confirm', paragraphs: ['Follow the link.'] } }) }]
    : [];

test('notifyProjection writes outbox rows with the checkpoint; a replayed batch adds nothing', async ({ db }) => {
  const projection = notifyProjection([rule]);
  const store = { readAll: async () => [], headPosition: async () => 0 } as unknown as Parameters<typeof prepareProjections>[0]['store'];
  await prepareProjections({ client: db.client, store, schema: db.schema, projections: [projection] });
  await applyBatch(db.client, db.schema, [projection], [event(1), event(2, 'SomethingElse'), event(3)]);
  await applyBatch(db.client, db.schema, [projection], [event(1), event(3)]);
  const rows = await outboxRows(db.client, db.schema);
  assert.equal(rows.map((r) => r.key), [`${event(1).id}:email:eleni@example.gr`, `${event(3).id}:email:eleni@example.gr`]);
});

test('a failing rule rolls the whole batch back: no rows, no checkpoint', async ({ db }) => {
  const failing: NotificationRule = async (e) => {
    if (e.position === 2) throw new Error('rule failed');
    return rule(e, db.client);
  };
  const projection = notifyProjection([failing]);
  const store = { readAll: async () => [], headPosition: async () => 0 } as unknown as Parameters<typeof prepareProjections>[0]['store'];
  await prepareProjections({ client: db.client, store, schema: db.schema, projections: [projection] });
  try {
    await applyBatch(db.client, db.schema, [projection], [event(1), event(2)]);
    assert.unreachable('the batch went through');
  } catch (error) {
    assert.match(String(error), /rule failed/);
  }
  assert.is((await outboxRows(db.client, db.schema)).length, 0);
  const [checkpoint] = await db.client.query<{ position: unknown }>(`SELECT position FROM ${table(db.schema, 'od_projections')} WHERE name = 'notify'`);
  assert.is(Number(checkpoint!.position), 0);
});

test('two dispatchers on one database (two connections) send each message once', async ({ db }) => {
  const messages = Array.from({ length: 30 }, (_, i) => emailMessage(`person${i}@example.gr`));
  await db.client.transaction((tx) => enqueueMessages(tx, db.schema, messages));
  const other = db.backend === 'postgresql' ? await db.connectAgain() : db.client;
  const a = recordingEmail();
  const b = recordingEmail();
  const [ca, cb] = await Promise.all([
    dispatchPass({ client: db.client, schema: db.schema, transports: { email: a.transport, webhook: unusedWebhook }, batchSize: 5 }),
    dispatchPass({ client: other, schema: db.schema, transports: { email: b.transport, webhook: unusedWebhook }, batchSize: 5 }),
  ]);
  assert.is(ca.delivered + cb.delivered, 30);
  const keys = [...a.sent, ...b.sent].map((m) => m.key);
  assert.is(new Set(keys).size, 30);
  assert.is(keys.length, 30, 'none sent twice');
});

test('a lease still held is left alone; once it has run out another dispatcher takes the message', async ({ db }) => {
  const clock = testClock();
  await db.client.transaction((tx) => enqueueMessages(tx, db.schema, [emailMessage()], clock.now()));
  // A dispatcher that claims and then "crashes": its send never ends.
  const stuck = recordingEmail(new Promise<void>(() => undefined));
  void dispatchPass({ client: db.client, schema: db.schema, transports: { email: stuck.transport, webhook: unusedWebhook }, now: clock.now, leaseMs: 60_000 });
  while (stuck.sent.length === 0) await new Promise((resolve) => setImmediate(resolve));
  const next = recordingEmail();
  const pass = () => dispatchPass({ client: db.client, schema: db.schema, transports: { email: next.transport, webhook: unusedWebhook }, now: clock.now });
  clock.advance(59_000);
  assert.equal(await pass(), { delivered: 0, retried: 0, failed: 0 });
  clock.advance(1_000);
  assert.equal(await pass(), { delivered: 1, retried: 0, failed: 0 });
  assert.is(next.sent[0]!.key, stuck.sent[0]!.key);
  assert.is(next.sent[0]!.createdAt.getTime(), stuck.sent[0]!.createdAt.getTime(), 'the same Date on the resend');
});

test('startDispatcher sends what is enqueued (woken by NOTIFY) and stop() waits for the send under way', async ({ db }) => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const email = recordingEmail(gate);
  const dispatcher = startDispatcher({ client: db.client, schema: db.schema, transports: { email: email.transport, webhook: unusedWebhook }, pollMs: 3_600_000 });
  await db.client.transaction((tx) => enqueueMessages(tx, db.schema, [emailMessage()]));
  dispatcher.kick();
  while (email.sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  let stopped = false;
  const stopping = dispatcher.stop().then(() => (stopped = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.not.ok(stopped, 'stop() waits while a send is under way');
  release();
  await stopping;
  const [row] = await outboxRows(db.client, db.schema);
  assert.is(row!.status, 'delivered', 'the send that was under way is recorded');
});

test('eraseSubjectMessages leaves nothing of the person: rows, keys, errors, delivery log', async ({ db }) => {
  const clock = testClock();
  const hers = [emailMessage('eleni@example.gr', 'citizen-1'), emailMessage('eleni@example.gr', 'citizen-1')];
  const his = emailMessage('nikos@example.gr', 'citizen-2');
  await db.client.transaction((tx) => enqueueMessages(tx, db.schema, [...hers, his], clock.now()));
  let calls = 0;
  const email: EmailTransport = {
    send: async () => {
      if (++calls === 1) throw new Error('451 <eleni@example.gr> try later');
      return { detail: '250 ok' };
    },
    close: async () => {},
  };
  await dispatchPass({ client: db.client, schema: db.schema, transports: { email, webhook: unusedWebhook }, now: clock.now, concurrency: 1 });
  await db.client.transaction((tx) => eraseSubjectMessages(tx, db.schema, 'citizen-1'));
  const dump = JSON.stringify([
    ...(await db.client.query(`SELECT * FROM ${table(db.schema, OUTBOX)}`)),
    ...(await db.client.query(`SELECT * FROM ${table(db.schema, ATTEMPTS)}`)),
    ...(await failedMessages(db.client, db.schema)),
  ]);
  assert.not.ok(dump.includes('eleni'), dump);
  assert.ok(dump.includes('nikos@example.gr'), 'the others stay');
  assert.is((await outboxRows(db.client, db.schema)).length, 1);
});

test.run();
