// Webhooks end to end: outbox → dispatcher → fetch → a receiver that verifies the Standard Webhooks
// signature with the `standardwebhooks` library. 410 stops at once; 500, a redirect and a timeout are tried
// again with the same webhook-id; a URL that is not http(s) is never called.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createWebhookTransport } from '../../src/integrations/webhooks/index.ts';
import { dispatchPass, enqueueMessages, failedMessages, webhookIdFor } from '../../src/notify/index.ts';
import type { TestSchema } from '../support/database.ts';
import { createTestSchema } from '../support/database.ts';
import type { WebhookDouble } from '../support/doubles/webhooks/index.ts';
import { newWebhookSecret, startWebhookDouble } from '../support/doubles/webhooks/index.ts';
import { outboxRows, testClock, unusedEmail, webhookMessage } from './support.ts';

const test = suite<{ db: TestSchema; hooks: WebhookDouble }>('notify: webhooks');
test.before(async (c) => {
  c.hooks = await startWebhookDouble();
});
test.before.each(async (c) => {
  c.db = await createTestSchema();
  c.hooks.received.length = 0;
  c.hooks.answerNext(0, 204);
});
test.after.each(async (c) => c.db.drop());
test.after(async (c) => c.hooks.close());

const webhook = createWebhookTransport({ timeoutMs: 300 });
const pass = (c: { db: TestSchema }, now?: () => Date) => dispatchPass({ client: c.db.client, schema: c.db.schema, transports: { email: unusedEmail, webhook }, ...(now ? { now } : {}) });

test('a webhook arrives signed with the endpoint secret; the receiver verifies it; the secret is dropped once delivered', async (c) => {
  const message = webhookMessage(c.hooks.url, c.hooks.secret);
  await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, [message]));
  assert.equal(await pass(c), { delivered: 1, retried: 0, failed: 0 });
  const [got] = c.hooks.received;
  assert.is(got!.verifyError, null);
  assert.is(got!.id, webhookIdFor(message.key));
  assert.not.ok(got!.id.includes('.'), 'no full stop in webhook-id (the spec)');
  assert.match(got!.signature, /^v1,[A-Za-z0-9+/]+=*$/);
  assert.is(got!.headers['content-type'], 'application/json');
  const body = got!.verified as { type: string; timestamp: string; data: unknown };
  assert.is(body.type, 'request.updated');
  assert.equal(body.data, { request: 'R-42', status: 'ολοκληρώθηκε' });
  const [row] = await outboxRows(c.db.client, c.db.schema);
  assert.is(row!.content, null);
});

test('a webhook signed with another secret fails the receiver\'s check (the double really verifies)', async (c) => {
  await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, [webhookMessage(c.hooks.url, newWebhookSecret())]));
  assert.equal(await pass(c), { delivered: 0, retried: 1, failed: 0 });
  assert.match(c.hooks.received[0]!.verifyError ?? '', /signature/i);
});

test('500, a redirect and no answer in time are tried again with the same webhook-id; then delivered', async (c) => {
  const clock = testClock();
  await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, [webhookMessage(c.hooks.url, c.hooks.secret)], clock.now()));
  c.hooks.answerNext(1, 500);
  assert.equal(await pass(c, clock.now), { delivered: 0, retried: 1, failed: 0 });
  clock.advance(60_000);
  c.hooks.answerNext(1, 302);
  assert.equal(await pass(c, clock.now), { delivered: 0, retried: 1, failed: 0 });
  clock.advance(120_000);
  c.hooks.holdNext(1);
  assert.equal(await pass(c, clock.now), { delivered: 0, retried: 1, failed: 0 });
  const [row] = await outboxRows(c.db.client, c.db.schema);
  assert.match(row!.last_error ?? '', /no answer within 300 ms/);
  clock.advance(240_000);
  assert.equal(await pass(c, clock.now), { delivered: 1, retried: 0, failed: 0 });
  assert.is(c.hooks.received.length, 4);
  assert.is(new Set(c.hooks.received.map((r) => r.id)).size, 1);
  assert.ok(c.hooks.received.every((r) => r.verifyError === null));
});

test('410 Gone stops at once: failed, and listed saying so', async (c) => {
  await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, [webhookMessage(c.hooks.url, c.hooks.secret)]));
  c.hooks.answerNext(1, 410);
  assert.equal(await pass(c), { delivered: 0, retried: 0, failed: 1 });
  const [failed] = await failedMessages(c.db.client, c.db.schema);
  assert.match(failed!.lastError, /410 Gone/);
  assert.not.ok(JSON.stringify(failed).includes('whsec_'), 'no secret in the list');
});

test('the transport itself refuses a URL that is not http(s), as a permanent failure', async () => {
  try {
    await webhook.send({ key: 'k', webhookId: 'msg_k', url: 'file:///etc/passwd', type: 't', payload: {}, secret: newWebhookSecret(), createdAt: new Date() });
    assert.unreachable('sent');
  } catch (error) {
    assert.ok((error as { permanent?: boolean }).permanent);
  }
});

test.run();
