// The real Viva adapter against the local Viva double, over HTTP: orders in exact cents, the browser's
// round trip through the checkout page, confirmation server to server (the browser's t and s only hints),
// a wrong amount or a foreign order refused, expiry, every way the gateway fails, and the webhook (the GET
// verification and the POST events, repeated, late or forged).
import { Decimal } from 'decimal.js';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CreatedPaymentOrder, PaymentOrderRequest, PaymentProvider, PaymentsError } from '../../../src/integrations/payments/index.ts';
import { createVivaProvider, isPaymentsError } from '../../../src/integrations/payments/index.ts';
import type { Behaviour, Endpoint, PaymentsDouble } from '../../support/doubles/payments/index.ts';
import { startPaymentsDouble } from '../../support/doubles/payments/index.ts';

const SUCCESS = 'http://localhost:8080/my/debts/payment/success';
const FAILURE = 'http://localhost:8080/my/debts/payment/failure';

interface Context {
  double: PaymentsDouble;
  viva: PaymentProvider;
}
const test = suite<Context>('payments: viva client');

const providerFor = (double: PaymentsDouble, overrides: { apiKey?: string; clientSecret?: string } = {}): PaymentProvider =>
  createVivaProvider({
    apiUrl: double.baseUrl,
    accountsUrl: `${double.baseUrl}/`,
    checkoutUrl: double.baseUrl,
    clientId: double.account.clientId,
    clientSecret: overrides.clientSecret ?? double.account.clientSecret,
    sourceCode: double.account.sourceCode,
    merchantId: double.account.merchantId,
    apiKey: overrides.apiKey ?? double.account.apiKey,
    // A short deadline: the slow knob never answers, so only the deadline ends the wait.
    timeoutMs: 300,
    now: () => double.clock.now,
  });

test.before(async (context) => {
  context.double = await startPaymentsDouble({ successUrl: SUCCESS, failureUrl: FAILURE });
  context.viva = providerFor(context.double);
});
test.before.each(({ double }) => {
  double.behave({ token: 'ok', orders: 'ok', transaction: 'ok', order: 'ok', transactions: 'ok', key: 'ok', checkout: 'ok' });
  double.reportWrongAmount(0);
  double.requests.length = 0;
});
test.after(async ({ double }) => double.close());

let serial = 0;
const orderOf = (amount: Decimal, language: 'el' | 'en' = 'el'): PaymentOrderRequest => ({
  merchantReference: `pay-${++serial}`,
  amount,
  currency: 'EUR',
  description: { el: 'Τέλη ύδρευσης Β΄ εξαμήνου 2025', en: 'Water charges, 2nd half of 2025' },
  customerEmail: 'citizen@example.gr',
  language,
});

const failure = async (work: () => Promise<unknown>): Promise<PaymentsError> => {
  try {
    await work();
  } catch (error) {
    if (isPaymentsError(error)) return error;
    throw error;
  }
  throw new Error('expected a PaymentsError');
};

/** A programming error, thrown or rejected: the class named, and no PaymentsError. */
const rejects = async (work: () => Promise<unknown>, kind: ErrorConstructor): Promise<void> => {
  try {
    await work();
  } catch (error) {
    assert.instance(error, kind);
    return;
  }
  assert.unreachable(`expected a ${kind.name}`);
};

/** The citizen's part: open the checkout page, press a button, follow nothing: read where Viva sends them. */
const press = async (created: CreatedPaymentOrder, action: 'pay' | 'decline' | 'cancel'): Promise<URL> => {
  const page = await fetch(created.redirectUrl);
  assert.is(page.status, 200);
  const form = new URLSearchParams({ ref: created.orderCode, action });
  const response = await fetch(new URL('/web/checkout', created.redirectUrl), { method: 'POST', body: form, redirect: 'manual' });
  assert.is(response.status, 303);
  return new URL(response.headers.get('location') ?? '');
};

const sentOrders = (double: PaymentsDouble) => double.requests.filter((r) => r.path === '/checkout/v2/orders');

test('createOrder: a bearer token, then the order in integer cents: 0.10 + 0.20 is 30, 1234.56 is 123456', async ({ double }) => {
  const viva = providerFor(double);
  let tokenRequests = 0;
  for (const [amount, cents] of [[new Decimal('0.10').plus('0.20'), '30'], [new Decimal('1234.56'), '123456']] as const) {
    double.requests.length = 0;
    const order = orderOf(amount);
    const created = await viva.createOrder(order);
    tokenRequests += double.requests.filter((r) => r.path === '/connect/token').length;
    const [sent] = sentOrders(double);
    assert.ok(sent, 'an order was sent');
    // The raw JSON, not a parse of it: a float (0.30000000000000004 * 100) would show here.
    assert.match(sent.body, new RegExp(`"amount":${cents}[,}]`));
    const body = JSON.parse(sent.body) as Record<string, unknown>;
    assert.equal(
      { customerTrns: body.customerTrns, customer: body.customer, sourceCode: body.sourceCode, merchantTrns: body.merchantTrns, paymentTimeout: body.paymentTimeout, disableCash: body.disableCash },
      { customerTrns: order.description.el, customer: { email: 'citizen@example.gr', requestLang: 'el-GR' }, sourceCode: '4821', merchantTrns: order.merchantReference, paymentTimeout: 1800, disableCash: true },
    );
    assert.match(sent.headers.authorization ?? '', /^Bearer \S+$/);
    assert.is(created.redirectUrl, `${double.baseUrl}/web/checkout?ref=${created.orderCode}`);
    assert.is(created.expiresAt.getTime(), double.clock.now + 1800 * 1000);
  }
  assert.is(tokenRequests, 1, 'one token serves both orders');
});

test('the token request: POST /connect/token, the client id and secret in HTTP Basic, grant_type=client_credentials', async ({ double }) => {
  await providerFor(double).createOrder(orderOf(new Decimal('5.00')));
  const [token] = double.requests.filter((r) => r.path === '/connect/token');
  assert.ok(token);
  assert.is(token.method, 'POST');
  assert.is(token.body, 'grant_type=client_credentials');
  assert.is(token.headers.authorization, `Basic ${Buffer.from(`${double.account.clientId}:${double.account.clientSecret}`).toString('base64')}`);
});

test('an order code beyond 2^53 is kept exactly, as text', async ({ double, viva }) => {
  const created = await viva.createOrder(orderOf(new Decimal('12.00')));
  assert.match(created.orderCode, /^9[1-9]\d{14}$/);
  assert.ok(BigInt(created.orderCode) > BigInt(Number.MAX_SAFE_INTEGER));
  assert.is(double.simulator.stateOf(created.orderCode), 0, 'Viva knows the order by exactly this code');
});

test('the English page: customerTrns in English and requestLang en-GB', async ({ double, viva }) => {
  await viva.createOrder(orderOf(new Decimal('7.50'), 'en'));
  const body = JSON.parse(sentOrders(double)[0]?.body ?? '{}') as { customerTrns: string; customer: { requestLang: string } };
  assert.is(body.customerTrns, 'Water charges, 2nd half of 2025');
  assert.is(body.customer.requestLang, 'en-GB');
});

test('below 0.30 €, Viva’s minimum: refused in Greek and English before anything is sent', async ({ double, viva }) => {
  const error = await failure(() => viva.createOrder(orderOf(new Decimal('0.29'))));
  assert.is(error.code, 'OD_PAYMENTS_BELOW_MINIMUM');
  assert.is(error.status, 400);
  assert.match(error.el, /0,30 €/);
  assert.match(error.en, /€0\.30/);
  await failure(() => viva.createOrder(orderOf(new Decimal('-5.00'))));
  assert.is(sentOrders(double).length, 0);
});

test('an amount with three decimals, another currency or a bad reference is a programming error, nothing sent', async ({ double, viva }) => {
  await rejects(() => viva.createOrder(orderOf(new Decimal('10.005'))), RangeError);
  await rejects(() => viva.createOrder({ ...orderOf(new Decimal('10')), currency: 'USD' as 'EUR' }), TypeError);
  await rejects(() => viva.createOrder({ ...orderOf(new Decimal('10')), merchantReference: 'has spaces' }), TypeError);
  await rejects(() => viva.createOrder({ ...orderOf(new Decimal('10')), amount: 10 as unknown as Decimal }), TypeError);
  assert.is(sentOrders(double).length, 0);
});

test('a whole payment: the page, the 303 back with t and s, and the confirmation server to server', async ({ double, viva }) => {
  const order = orderOf(new Decimal('1234.56'));
  const created = await viva.createOrder(order);
  const back = await press(created, 'pay');
  assert.is(`${back.origin}${back.pathname}`, SUCCESS);
  const hints = viva.readReturn(Object.fromEntries(back.searchParams));
  assert.is(hints.orderCode, created.orderCode);
  assert.ok(hints.transactionId);
  double.requests.length = 0;
  const outcome = await viva.checkOrder({ orderCode: created.orderCode, merchantReference: order.merchantReference, amount: order.amount, transactionId: hints.transactionId });
  assert.is(outcome.state, 'paid');
  if (outcome.state !== 'paid') return;
  assert.is(outcome.transactionId, hints.transactionId);
  assert.ok(outcome.amount.equals('1234.56'));
  assert.is(outcome.paidAt.getTime(), double.clock.now);
  assert.ok(double.requests.some((r) => r.path === `/checkout/v2/transactions/${hints.transactionId}`), 'asked Viva, server to server');
});

test('paid without any hint (the browser never came back, the webhook was lost): found through the order', async ({ viva }) => {
  const order = orderOf(new Decimal('45.10'));
  const created = await viva.createOrder(order);
  const back = await press(created, 'pay');
  const outcome = await viva.checkOrder({ orderCode: created.orderCode, merchantReference: order.merchantReference, amount: order.amount });
  assert.is(outcome.state, 'paid');
  if (outcome.state === 'paid') assert.is(outcome.transactionId, back.searchParams.get('t'));
});

test('the browser’s return is not trusted: another order’s t, an invented t, or a return before paying say pending', async ({ viva }) => {
  const paidOrder = orderOf(new Decimal('20.00'));
  const paidCreated = await viva.createOrder(paidOrder);
  const otherT = (await press(paidCreated, 'pay')).searchParams.get('t');
  const order = orderOf(new Decimal('20.00'));
  const created = await viva.createOrder(order);
  const expected = { orderCode: created.orderCode, merchantReference: order.merchantReference, amount: order.amount };
  // A return typed by hand to this page, with the t of someone else's paid order of the same amount.
  const forged = viva.readReturn({ t: otherT, s: created.orderCode });
  assert.is((await viva.checkOrder({ ...expected, transactionId: forged.transactionId })).state, 'pending');
  assert.is((await viva.checkOrder({ ...expected, transactionId: '0b9d1f3e-4c3a-4b9e-8e8f-2d6c1a7b9e00' })).state, 'pending');
  assert.is((await viva.checkOrder({ ...expected, transactionId: 'not-a-uuid' })).state, 'pending');
  assert.equal(viva.readReturn({ t: '<script>', s: '12;drop' }), { transactionId: null, orderCode: null });
  assert.equal(viva.readReturn('t=1'), { transactionId: null, orderCode: null });
});

test('a declined card leaves the order payable (pending); paying afterwards is paid; cancel comes back without t', async ({ viva }) => {
  const order = orderOf(new Decimal('9.99'));
  const created = await viva.createOrder(order);
  const declined = await press(created, 'decline');
  assert.is(`${declined.origin}${declined.pathname}`, FAILURE);
  const expected = { orderCode: created.orderCode, merchantReference: order.merchantReference, amount: order.amount };
  assert.is((await viva.checkOrder({ ...expected, transactionId: declined.searchParams.get('t') })).state, 'pending');
  const cancelled = await press(created, 'cancel');
  assert.is(cancelled.searchParams.get('t'), null);
  assert.is(cancelled.searchParams.get('s'), created.orderCode);
  await press(created, 'pay');
  assert.is((await viva.checkOrder(expected)).state, 'paid');
});

test('a reported amount that is not the order’s is refused, with or without a hint', async ({ double, viva }) => {
  const order = orderOf(new Decimal('100.00'));
  const created = await viva.createOrder(order);
  const t = (await press(created, 'pay')).searchParams.get('t');
  double.reportWrongAmount(1);
  const expected = { orderCode: created.orderCode, merchantReference: order.merchantReference, amount: order.amount };
  for (const transactionId of [t, null]) {
    const error = await failure(() => viva.checkOrder({ ...expected, transactionId }));
    assert.is(error.code, 'OD_PAYMENTS_AMOUNT_MISMATCH');
    assert.is(error.status, 409);
  }
  // And what we expected must be what the order was made with: 100.01 is not 100.00.
  double.reportWrongAmount(0);
  assert.is((await failure(() => viva.checkOrder({ ...expected, amount: new Decimal('100.01'), transactionId: t }))).code, 'OD_PAYMENTS_AMOUNT_MISMATCH');
});

test('an order that is not the one we created is refused: another reference, or a code Viva does not know', async ({ viva }) => {
  const order = orderOf(new Decimal('15.00'));
  const created = await viva.createOrder(order);
  const t = (await press(created, 'pay')).searchParams.get('t');
  const mismatch = await failure(() => viva.checkOrder({ orderCode: created.orderCode, merchantReference: 'pay-someone-else', amount: order.amount, transactionId: t }));
  assert.is(mismatch.code, 'OD_PAYMENTS_ORDER_MISMATCH');
  assert.is((await failure(() => viva.checkOrder({ orderCode: created.orderCode, merchantReference: 'pay-someone-else', amount: order.amount }))).code, 'OD_PAYMENTS_ORDER_MISMATCH');
  assert.is((await failure(() => viva.checkOrder({ orderCode: '9100000000000001', merchantReference: order.merchantReference, amount: order.amount }))).code, 'OD_PAYMENTS_ORDER_MISMATCH');
  await rejects(() => viva.checkOrder({ orderCode: '12', merchantReference: order.merchantReference, amount: order.amount }), TypeError);
});

test('an abandoned order expires after paymentTimeout: expired, and its page can no longer be paid', async ({ double, viva }) => {
  const order = orderOf(new Decimal('33.00'));
  const created = await viva.createOrder(order);
  const expected = { orderCode: created.orderCode, merchantReference: order.merchantReference, amount: order.amount };
  double.clock.now += 1799 * 1000;
  assert.is((await viva.checkOrder(expected)).state, 'pending');
  double.clock.now += 1000;
  assert.is((await viva.checkOrder(expected)).state, 'expired');
  assert.is((await fetch(created.redirectUrl)).status, 410);
  const late = await fetch(new URL('/web/checkout', created.redirectUrl), { method: 'POST', body: new URLSearchParams({ ref: created.orderCode, action: 'pay' }), redirect: 'manual' });
  assert.is(late.status, 410);
  assert.is((await viva.checkOrder(expected)).state, 'expired');
});

const FAILURES: readonly (readonly [Behaviour, string])[] = [
  ['down', 'OD_PAYMENTS_DOWN'],
  ['slow', 'OD_PAYMENTS_TIMEOUT'],
  ['error500', 'OD_PAYMENTS_DOWN'],
  ['notJson', 'OD_PAYMENTS_BAD_ANSWER'],
  ['unauthorized', 'OD_PAYMENTS_REFUSED'],
];

for (const endpoint of ['token', 'orders'] as const satisfies readonly Endpoint[]) {
  for (const [knob, code] of FAILURES) {
    test(`createOrder with ${endpoint} ${knob}: ${code}`, async ({ double }) => {
      double.behave({ [endpoint]: knob });
      // A fresh provider: no token held from earlier tests.
      const error = await failure(() => providerFor(double).createOrder(orderOf(new Decimal('10.00'))));
      assert.is(error.code, code);
      assert.ok(error.el.length > 0 && error.en.length > 0);
      assert.is(error.status, code === 'OD_PAYMENTS_TIMEOUT' ? 504 : 502);
    });
  }
}

for (const endpoint of ['transaction', 'order'] as const satisfies readonly Endpoint[]) {
  for (const [knob, code] of FAILURES) {
    test(`checkOrder with ${endpoint} ${knob}: ${code}, never paid`, async ({ double, viva }) => {
      const order = orderOf(new Decimal('10.00'));
      const created = await viva.createOrder(order);
      const t = (await press(created, endpoint === 'order' ? 'decline' : 'pay')).searchParams.get('t');
      double.behave({ [endpoint]: knob });
      const error = await failure(() => viva.checkOrder({ orderCode: created.orderCode, merchantReference: order.merchantReference, amount: order.amount, transactionId: t }));
      assert.is(error.code, code);
    });
  }
}

test('wrong credentials: the token refused (OD_PAYMENTS_REFUSED), and the Basic-auth calls refused too', async ({ double, viva }) => {
  assert.is((await failure(() => providerFor(double, { clientSecret: 'wrong' }).createOrder(orderOf(new Decimal('10.00'))))).code, 'OD_PAYMENTS_REFUSED');
  const order = orderOf(new Decimal('10.00'));
  const created = await viva.createOrder(order);
  const wrongKey = providerFor(double, { apiKey: 'wrong' });
  assert.is((await failure(() => wrongKey.checkOrder({ orderCode: created.orderCode, merchantReference: order.merchantReference, amount: order.amount }))).code, 'OD_PAYMENTS_REFUSED');
  assert.is((await failure(() => wrongKey.parseNotification({ method: 'GET', headers: {}, body: undefined }))).code, 'OD_PAYMENTS_REFUSED');
});

test('webhook verification: the GET is answered with Viva’s key, got with the merchant id and API key', async ({ double, viva }) => {
  const challenge = await viva.parseNotification({ method: 'GET', headers: {}, body: undefined });
  assert.equal(challenge, { kind: 'challenge', status: 200, body: { Key: double.simulator.webhookKey } });
  const [asked] = double.requests.filter((r) => r.path === '/api/messages/config/token');
  assert.is(asked?.headers.authorization, `Basic ${Buffer.from(`${double.account.merchantId}:${double.account.apiKey}`).toString('base64')}`);
});

test('webhook events: 1796 payment created from the raw body with the exact order code, repeated and late alike', async ({ double, viva }) => {
  const order = orderOf(new Decimal('0.30'));
  const created = await viva.createOrder(order);
  const t = (await press(created, 'pay')).searchParams.get('t') ?? '';
  const body = double.events.at(-1) ?? '';
  assert.match(body, new RegExp(`"OrderCode":${created.orderCode}[,}]`), 'a bare JSON number beyond 2^53');
  const expected = { kind: 'payment', event: 'created', orderCode: created.orderCode, transactionId: t };
  assert.equal(await viva.parseNotification({ method: 'POST', headers: { 'content-type': 'application/json' }, body }), expected);
  assert.equal(await viva.parseNotification({ method: 'POST', headers: {}, body: Buffer.from(body) }), expected);
  // Viva sends it again (no 2xx seen) and again a day later, after the order's timeout: the same answer.
  double.clock.now += 24 * 3600 * 1000;
  const again = double.simulator.eventOf(t) ?? '';
  const notification = await viva.parseNotification({ method: 'POST', headers: {}, body: again });
  assert.equal(notification, expected);
  const outcomes = await Promise.all([1, 2].map(() => viva.checkOrder({ orderCode: created.orderCode, merchantReference: order.merchantReference, amount: order.amount, transactionId: t })));
  assert.equal(outcomes.map((o) => (o.state === 'paid' ? [o.state, o.transactionId, o.amount.toFixed(2)] : [o.state])), [['paid', t, '0.30'], ['paid', t, '0.30']]);
});

test('webhook events: 1798 failed, other events ignored, a body already parsed is read when its numbers are exact', async ({ double, viva }) => {
  const order = orderOf(new Decimal('11.00'));
  const created = await viva.createOrder(order);
  const t = (await press(created, 'decline')).searchParams.get('t') ?? '';
  const failed = await viva.parseNotification({ method: 'POST', headers: {}, body: double.events.at(-1) });
  assert.equal(failed, { kind: 'payment', event: 'failed', orderCode: created.orderCode, transactionId: t });
  assert.equal(await viva.parseNotification({ method: 'POST', headers: {}, body: { EventTypeId: 1797, EventData: {} } }), { kind: 'ignored', eventType: 1797 });
  const parsed = { EventTypeId: 1796, EventData: { OrderCode: 1272214778972604, TransactionId: t, MerchantId: double.account.merchantId, Amount: 11 } };
  assert.equal(await viva.parseNotification({ method: 'POST', headers: {}, body: parsed }), { kind: 'payment', event: 'created', orderCode: '1272214778972604', transactionId: t });
});

test('bad webhook calls are refused (400, Greek and English): not JSON, an inexact code, another merchant, no ids, PUT', async ({ double, viva }) => {
  const t = '0b9d1f3e-4c3a-4b9e-8e8f-2d6c1a7b9e00';
  const bodies: unknown[] = [
    'not json',
    '[1796]',
    JSON.parse(`{"EventTypeId":1796,"EventData":{"OrderCode":9123456789012345,"TransactionId":"${t}"}}`),
    { EventTypeId: 1796, EventData: { OrderCode: '9123456789012345', TransactionId: t, MerchantId: '00000000-0000-0000-0000-000000000000' } },
    { EventTypeId: 1796, EventData: { TransactionId: t } },
    { EventTypeId: 1796, EventData: { OrderCode: '9123456789012345', TransactionId: 'x' } },
    { EventTypeId: 1796 },
    { EventData: {} },
    undefined,
  ];
  for (const body of bodies) {
    const error = await failure(() => viva.parseNotification({ method: 'POST', headers: {}, body }));
    assert.is(error.code, 'OD_PAYMENTS_BAD_NOTIFICATION', JSON.stringify(body));
    assert.is(error.status, 400);
  }
  assert.is((await failure(() => viva.parseNotification({ method: 'PUT', headers: {}, body: '{}' }))).code, 'OD_PAYMENTS_BAD_NOTIFICATION');
  assert.ok(double.requests.every((r) => r.path !== '/checkout/v2/transactions'), 'nothing asked on a refused notification');
});

test('a forged notification (our order code, an invented transaction, any amount) confirms nothing', async ({ double, viva }) => {
  const order = orderOf(new Decimal('50.00'));
  const created = await viva.createOrder(order);
  const forged = `{"EventTypeId":1796,"EventData":{"OrderCode":${created.orderCode},"TransactionId":"0b9d1f3e-4c3a-4b9e-8e8f-2d6c1a7b9e00","Amount":50.00,"StatusId":"F","MerchantId":"${double.account.merchantId}"}}`;
  const notification = await viva.parseNotification({ method: 'POST', headers: {}, body: forged });
  assert.is(notification.kind, 'payment');
  if (notification.kind !== 'payment') return;
  const outcome = await viva.checkOrder({ orderCode: notification.orderCode, merchantReference: order.merchantReference, amount: order.amount, transactionId: notification.transactionId });
  assert.is(outcome.state, 'pending');
});

test('settings are checked when the provider is made, naming the setting', ({ double }) => {
  const good = { apiUrl: double.baseUrl, accountsUrl: double.baseUrl, checkoutUrl: double.baseUrl, ...double.account };
  assert.throws(() => createVivaProvider({ ...good, apiUrl: 'http://viva.example' }), /OPENDIMOS_VIVA_URL/);
  assert.throws(() => createVivaProvider({ ...good, checkoutUrl: 'https://www.vivapayments.com?x=1' }), /OPENDIMOS_VIVA_CHECKOUT_URL/);
  assert.throws(() => createVivaProvider({ ...good, clientSecret: ' ' }), /OPENDIMOS_VIVA_CLIENT_SECRET/);
  assert.throws(() => createVivaProvider({ ...good, sourceCode: '' }), /OPENDIMOS_VIVA_SOURCE_CODE/);
  assert.throws(() => createVivaProvider({ ...good, paymentTimeoutSeconds: 5 }), /paymentTimeoutSeconds/);
  assert.is(createVivaProvider(good).name, 'viva');
});

test.run();
