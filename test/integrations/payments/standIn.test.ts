// The development stand-in speaks Viva's protocol inside the app, reached the way npm start reaches it (the
// composition in src/cli/payments.ts): the real adapter makes an order through the app itself, the checkout
// page in Greek and English, Pay / Cancel, the 303 back with t and s, the webhook event posted to the app's
// own route, and the confirmation server to server. Never in production.
import formbody from '@fastify/formbody';
import { Decimal } from 'decimal.js';
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_PAYMENT_PATHS, payments, PAYMENTS_STAND_IN_PREFIX } from '../../../src/cli/payments.ts';
import type { PaymentProvider } from '../../../src/integrations/payments/index.ts';
import { paymentsStandIn } from '../../../src/integrations/payments/index.ts';

const PUBLIC = 'http://localhost:8080';

interface Context {
  app: FastifyInstance;
  provider: PaymentProvider;
  received: string[];
}
const test = suite<Context>('payments: stand-in');

test.before(async (context) => {
  const setup = payments({ mode: 'stand-in' }, PUBLIC);
  assert.ok(setup.provider);
  context.provider = setup.provider;
  context.received = [];
  const app = Fastify();
  // As in the site: forms parsed app-wide; the stand-in keeps its own parsers.
  await app.register(formbody);
  // The webhook route takes the raw body, so that order codes beyond 2^53 arrive exact.
  await app.register(async (hook) => {
    hook.removeAllContentTypeParsers();
    hook.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    hook.post(DEFAULT_PAYMENT_PATHS.notification, async (request) => {
      context.received.push(String(request.body));
      return {};
    });
  });
  await setup.mount(app);
  await app.ready();
  context.app = app;
});
test.after(async ({ app }) => app.close());

const orderOf = (amount: string) => ({
  merchantReference: `dev-${Math.random().toString(36).slice(2)}`,
  amount: new Decimal(amount),
  currency: 'EUR' as const,
  description: { el: 'Πρόστιμο ΚΟΚ <b>&</b>', en: 'Traffic fine' },
  language: 'el' as const,
});

const localPath = (url: string): string => {
  const parsed = new URL(url);
  assert.is(parsed.origin, PUBLIC);
  return `${parsed.pathname}${parsed.search}`;
};

const delivered = async (received: string[], count: number): Promise<void> => {
  for (let i = 0; i < 50 && received.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.is(received.length, count, 'the webhook event reached the app');
};

test('an order through the app itself; its page in Greek and English, amount the Greek way, markup escaped', async ({ app, provider }) => {
  assert.is(provider.name, 'stand-in');
  const created = await provider.createOrder(orderOf('1234.56'));
  assert.ok(created.redirectUrl.startsWith(`${PUBLIC}${PAYMENTS_STAND_IN_PREFIX}/web/checkout?ref=`));
  const page = await app.inject({ method: 'GET', url: localPath(created.redirectUrl) });
  assert.is(page.statusCode, 200);
  assert.match(String(page.headers['content-type']), /text\/html/);
  const html = page.body;
  for (const text of ['<html lang="el">', 'Πληρωμή', 'Pay', 'Ακύρωση', 'Cancel', 'not Viva', '1.234,56 €', created.orderCode, 'Πρόστιμο ΚΟΚ &lt;b&gt;&amp;&lt;/b&gt;']) {
    assert.ok(html.includes(text), text);
  }
  assert.not.match(html, /<script|<style|style=/);
});

test('Pay: 303 to the success URL with t and s, the event posted to the webhook route, paid server to server', async ({ app, provider, received }) => {
  const order = orderOf('0.30');
  const created = await provider.createOrder(order);
  const before = received.length;
  const answer = await app.inject({ method: 'POST', url: `${PAYMENTS_STAND_IN_PREFIX}/web/checkout`, payload: new URLSearchParams({ ref: created.orderCode, action: 'pay' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.is(answer.statusCode, 303);
  const back = new URL(String(answer.headers.location));
  assert.is(`${back.origin}${back.pathname}`, `${PUBLIC}${DEFAULT_PAYMENT_PATHS.success}`);
  const hints = provider.readReturn(Object.fromEntries(back.searchParams));
  assert.is(hints.orderCode, created.orderCode);
  await delivered(received, before + 1);
  const notification = await provider.parseNotification({ method: 'POST', headers: {}, body: received.at(-1) });
  assert.equal(notification, { kind: 'payment', event: 'created', orderCode: created.orderCode, transactionId: hints.transactionId });
  const outcome = await provider.checkOrder({ orderCode: created.orderCode, merchantReference: order.merchantReference, amount: order.amount, transactionId: hints.transactionId });
  assert.is(outcome.state, 'paid');
  // A second press on the same order: it is paid, the page says so and nothing is taken twice.
  const again = await app.inject({ method: 'POST', url: `${PAYMENTS_STAND_IN_PREFIX}/web/checkout`, payload: `ref=${created.orderCode}&action=pay`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.is(again.statusCode, 409);
});

test('Cancel: back to the failure URL with s, no event, the order still pending', async ({ app, provider, received }) => {
  const order = orderOf('12.00');
  const created = await provider.createOrder(order);
  const before = received.length;
  const answer = await app.inject({ method: 'POST', url: `${PAYMENTS_STAND_IN_PREFIX}/web/checkout`, payload: `ref=${created.orderCode}&action=cancel`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.is(answer.statusCode, 303);
  const back = new URL(String(answer.headers.location));
  assert.is(back.pathname, DEFAULT_PAYMENT_PATHS.failure);
  assert.is(back.searchParams.get('s'), created.orderCode);
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.is(received.length, before);
  assert.is((await provider.checkOrder({ orderCode: created.orderCode, merchantReference: order.merchantReference, amount: order.amount })).state, 'pending');
});

test('the webhook verification GET is answered with the stand-in’s key', async ({ provider }) => {
  const challenge = await provider.parseNotification({ method: 'GET', headers: {}, body: undefined });
  assert.is(challenge.kind, 'challenge');
  if (challenge.kind === 'challenge') assert.match(challenge.body.Key, /^[0-9A-F]{40}$/);
});

test('never under NODE_ENV=production', async () => {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const app = Fastify();
    const account = { clientId: 'a', clientSecret: 'b', merchantId: 'c', apiKey: 'd', sourceCode: '0000', successUrl: `${PUBLIC}/ok`, failureUrl: `${PUBLIC}/no` };
    let refused = false;
    try {
      await app.register(paymentsStandIn, { prefix: PAYMENTS_STAND_IN_PREFIX, account });
      await app.ready();
    } catch (error) {
      refused = error instanceof Error && /NODE_ENV=production/.test(error.message);
    }
    assert.ok(refused);
    await app.close().catch(() => undefined);
  } finally {
    process.env.NODE_ENV = saved;
  }
});

test('the composition: off has no provider; viva has the real one, and its checkout origin for the CSP', () => {
  assert.is(payments({ mode: 'off' }, PUBLIC).provider, null);
  const viva = payments(
    {
      mode: 'viva',
      apiUrl: 'https://api.vivapayments.com',
      accountsUrl: 'https://accounts.vivapayments.com',
      checkoutUrl: 'https://www.vivapayments.com',
      clientId: 'id',
      clientSecret: 'secret',
      sourceCode: '1234',
      merchantId: 'merchant',
      apiKey: 'key',
    },
    'https://opendimos.lixouri.gov.gr',
  );
  assert.is(viva.provider?.name, 'viva');
  assert.equal(viva.formActions, ['https://www.vivapayments.com']);
  assert.is(viva.standIn, false);
  const standIn = payments({ mode: 'stand-in' }, PUBLIC);
  assert.equal(standIn.csrfExempt, ['/dev/payments/']);
});

test.run();
