// An online payment of debts (issue 15 item 4), given its events, when a command, then its events or the
// refusal: started once with the total of its items; confirmed only with that amount, once, and still
// counted when the confirmation comes after the order was given up; a late failure never undoes it.
import { Decimal } from 'decimal.js';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConfirmPayment, Payment, PaymentEvent, StartPayment } from '../../../src/domain/debts/index.ts';
import { abandonPayment, confirmPayment, evolvePayment, initialPayment, startPayment } from '../../../src/domain/debts/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const test = suite('debts: an online payment');

const starting = (over: Partial<StartPayment> = {}): StartPayment => ({
  paymentId: 'pay-1',
  subjectId: 'subject-1',
  items: [
    { year: 2026, assessment: '000123', kae: '0351.001', amount: '84.20' },
    { year: 2026, assessment: '000124', kae: '1512.001', amount: '0.10' },
    { year: 2025, assessment: '000077', kae: '0441.002', amount: '0.20' },
  ],
  rf: 'RF18539007547034',
  provider: 'viva',
  orderCode: '1272214778972604',
  startedAt: '2026-04-20T09:00:00.000Z',
  expiresAt: '2026-04-20T09:30:00.000Z',
  ...over,
});

const confirming = (amount: string, over: Partial<ConfirmPayment> = {}): ConfirmPayment => ({
  transactionId: 'b1a1c0de-0000-4000-8000-000000000001',
  amount: new Decimal(amount),
  confirmedAt: '2026-04-20T09:05:00.000Z',
  ...over,
});

const fold = (events: readonly PaymentEvent[], state: Payment = initialPayment()): Payment => events.reduce(evolvePayment, state);
const started = (): Payment => fold(startPayment(initialPayment(), starting()));

test('start: the order is recorded with the total of its items, to the cent', () => {
  const events = startPayment(initialPayment(), starting());
  assert.equal(events, [{ type: 'PaymentStarted', data: { ...starting(), total: '84.50' } }]);
  assert.is(fold(events).status, 'started');
});

test('start: no debt selected is refused; starting the same payment again adds nothing', () => {
  expectDomainError(() => startPayment(initialPayment(), starting({ items: [] })), 'OD_PAYMENT_EMPTY');
  assert.equal(startPayment(started(), starting()), []);
});

test('confirm: with the amount of the order; another amount is refused and changes nothing', () => {
  const state = started();
  expectDomainError(() => confirmPayment(state, confirming('84.49')), 'OD_PAYMENT_AMOUNT_MISMATCH');
  expectDomainError(() => confirmPayment(state, confirming('84.51')), 'OD_PAYMENT_AMOUNT_MISMATCH');
  expectDomainError(() => confirmPayment(state, confirming('8450')), 'OD_PAYMENT_AMOUNT_MISMATCH', null);
  assert.is(state.status, 'started');
  const events = confirmPayment(state, confirming('84.5'));
  assert.equal(events, [
    { type: 'PaymentConfirmed', data: { paymentId: 'pay-1', transactionId: 'b1a1c0de-0000-4000-8000-000000000001', amount: '84.50', confirmedAt: '2026-04-20T09:05:00.000Z' } },
  ]);
  assert.equal(fold(events, state), { ...state, status: 'confirmed', transactionId: 'b1a1c0de-0000-4000-8000-000000000001' });
});

test('confirm: twice (a repeated or late callback) adds nothing, whatever the second one says', () => {
  const state = fold(confirmPayment(started(), confirming('84.50')), started());
  assert.equal(confirmPayment(state, confirming('84.50')), []);
  assert.equal(confirmPayment(state, confirming('84.50', { confirmedAt: '2026-04-20T11:00:00.000Z' })), []);
  assert.equal(confirmPayment(state, confirming('1.00', { transactionId: 'another' })), []);
});

test('confirm: a payment never started is unknown', () => {
  expectDomainError(() => confirmPayment(initialPayment(), confirming('84.50')), 'OD_PAYMENT_UNKNOWN');
  expectDomainError(() => abandonPayment(initialPayment(), 'expired', '2026-04-20T10:00:00.000Z'), 'OD_PAYMENT_UNKNOWN');
});

test('abandon: an order that failed or expired is given up once; confirmed after that, the money still counts', () => {
  const state = started();
  const expired = abandonPayment(state, 'expired', '2026-04-20T09:31:00.000Z');
  assert.equal(expired, [{ type: 'PaymentAbandoned', data: { paymentId: 'pay-1', reason: 'expired', at: '2026-04-20T09:31:00.000Z' } }]);
  const abandoned = fold(expired, state);
  assert.is(abandoned.status, 'abandoned');
  assert.equal(abandonPayment(abandoned, 'failed', '2026-04-20T09:40:00.000Z'), [], 'given up once');
  const late = confirmPayment(abandoned, confirming('84.50', { confirmedAt: '2026-04-20T09:45:00.000Z' }));
  assert.is(late.length, 1, 'the provider took the money: it counts');
  const confirmed = fold(late, abandoned);
  assert.is(confirmed.status, 'confirmed');
  expectDomainError(() => confirmPayment(abandoned, confirming('80.00')), 'OD_PAYMENT_AMOUNT_MISMATCH');
  assert.equal(confirmPayment(confirmed, confirming('84.50')), [], 'and once only');
});

test('abandon: a confirmed payment is never given up, even by a late failure notice or an old PaymentAbandoned', () => {
  const confirmed = fold(confirmPayment(started(), confirming('84.50')), started());
  assert.equal(abandonPayment(confirmed, 'failed', '2026-04-20T09:50:00.000Z'), []);
  assert.equal(abandonPayment(confirmed, 'expired', '2026-04-20T09:50:00.000Z'), []);
  const replayed = evolvePayment(confirmed, { type: 'PaymentAbandoned', data: { paymentId: 'pay-1', reason: 'expired', at: '2026-04-20T09:50:00.000Z' } });
  assert.is(replayed.status, 'confirmed');
});

test.run();
