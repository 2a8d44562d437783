// Expenses: commitment (δέσμευση) → payment order (ένταλμα) → payment (πληρωμή).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { budgetLineTotals, decideFiscalYear as decide, documentBalance } from '../../../src/domain/ledger/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';
import { EXPENSE_KAE, REVENUE_KAE, amendment, budget, commitment, given, onlyEvent, order, payment, reversal, row } from '../support/fiscalYear.ts';

const test = suite('fiscal year: expenses');

test('a commitment needs an existing expense line of the year', () => {
  expectDomainError(() => decide(commitment('Δ-1', '10.00'), given()), 'OD_BUDGET_LINE_UNKNOWN', 'kae');
  const revenue = given(budget(REVENUE_KAE, '1000.00'));
  expectDomainError(() => decide(commitment('Δ-1', '10.00', { kae: REVENUE_KAE }), revenue), 'OD_KAE_NOT_EXPENSE', 'kae');
});

test('a line is its full ΚΑΕ: a sub-code is a line of its own', () => {
  const state = given(budget('20-6011', '1000.00'));
  expectDomainError(() => decide(commitment('Δ-1', '10.00', { kae: '20-6011.001' }), state), 'OD_BUDGET_LINE_UNKNOWN', 'kae');
});

test('a commitment may take up exactly the remaining appropriation, not a cent more', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'), amendment('Α-1', EXPENSE_KAE, '200.00'), commitment('Δ-1', '700.00'));
  expectDomainError(() => decide(commitment('Δ-2', '500.01'), state), 'OD_COMMITMENT_EXCEEDS_APPROPRIATION', 'amount');
  assert.is(onlyEvent(decide(commitment('Δ-2', '500.00'), state)).type, 'ExpenseCommitted');
});

test('a reversed commitment gives its appropriation back', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'), commitment('Δ-1', '1000.00'), reversal('Α-1', 'commitment', 'Δ-1', '300.00'));
  assert.is(budgetLineTotals(state, EXPENSE_KAE)?.available.toFixed(2), '300.00');
  assert.is(decide(commitment('Δ-2', '300.00'), state).length, 1);
  expectDomainError(() => decide(commitment('Δ-2', '300.01'), state), 'OD_COMMITMENT_EXCEEDS_APPROPRIATION');
});

test('an order names its commitment', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'), commitment('Δ-1', '500.00'));
  const event = onlyEvent(decide(order('Ε-1', 'Δ-1', '200.00'), state));
  assert.is(event.type, 'PaymentOrdered');
  assert.is(event.type === 'PaymentOrdered' && event.data.commitment, 'Δ-1');
});

test('an order without a reference, or referencing something else than a commitment, is refused', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'), commitment('Δ-1', '500.00'));
  expectDomainError(() => decide(row('order', 'Ε-1', { ref: null }), state), 'OD_REF_MISSING', 'ref');
  expectDomainError(() => decide(row('order', 'Ε-1', { ref: { type: 'order', document: 'Δ-1' } }), state), 'OD_REF_WRONG_TYPE', 'ref');
});

test('an order for an unknown commitment is refused', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'));
  expectDomainError(() => decide(order('Ε-1', 'Δ-404', '10.00'), state), 'OD_REF_UNKNOWN', 'ref');
});

test('an order on another ΚΑΕ than its commitment is refused', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'), budget('20-6012', '1000.00'), commitment('Δ-1', '500.00'));
  expectDomainError(() => decide(order('Ε-1', 'Δ-1', '10.00', { kae: '20-6012' }), state), 'OD_REF_KAE_MISMATCH', 'kae');
});

test('orders may not exceed what is left of their commitment', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'), commitment('Δ-1', '500.00'), order('Ε-1', 'Δ-1', '300.00'));
  expectDomainError(() => decide(order('Ε-2', 'Δ-1', '200.01'), state), 'OD_ORDER_EXCEEDS_COMMITMENT', 'amount');
  assert.is(decide(order('Ε-2', 'Δ-1', '200.00'), state).length, 1);
});

test('the commitment remainder accounts for reversals of the commitment and of its orders', () => {
  const state = given(
    budget(EXPENSE_KAE, '1000.00'),
    commitment('Δ-1', '500.00'),
    order('Ε-1', 'Δ-1', '300.00'),
    reversal('Α-1', 'commitment', 'Δ-1', '100.00'),
    reversal('Α-2', 'order', 'Ε-1', '50.00'),
  );
  // 500 − 100 reversed − (300 − 50) ordered
  assert.is(documentBalance(state, 'commitment', 'Δ-1')?.remainder.toFixed(2), '150.00');
  expectDomainError(() => decide(order('Ε-2', 'Δ-1', '150.01'), state), 'OD_ORDER_EXCEEDS_COMMITMENT');
  assert.is(decide(order('Ε-2', 'Δ-1', '150.00'), state).length, 1);
});

test('a payment names its order and may not exceed what is left of it', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'), commitment('Δ-1', '500.00'), order('Ε-1', 'Δ-1', '300.00'), payment('Π-1', 'Ε-1', '100.00'));
  expectDomainError(() => decide(payment('Π-2', 'Ε-1', '200.01'), state), 'OD_PAYMENT_EXCEEDS_ORDER', 'amount');
  const event = onlyEvent(decide(payment('Π-2', 'Ε-1', '200.00'), state));
  assert.is(event.type === 'PaymentMade' && event.data.order, 'Ε-1');
});

test('a payment needs an order of the same ΚΑΕ', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'), budget('20-6012', '10.00'), commitment('Δ-1', '500.00'), order('Ε-1', 'Δ-1', '300.00'));
  expectDomainError(() => decide(row('payment', 'Π-1', { ref: null }), state), 'OD_REF_MISSING', 'ref');
  expectDomainError(() => decide(row('payment', 'Π-1', { ref: { type: 'commitment', document: 'Δ-1' } }), state), 'OD_REF_WRONG_TYPE', 'ref');
  expectDomainError(() => decide(payment('Π-1', 'Ε-404', '10.00'), state), 'OD_REF_UNKNOWN', 'ref');
  expectDomainError(() => decide(payment('Π-1', 'Ε-1', '10.00', { kae: '20-6012' }), state), 'OD_REF_KAE_MISMATCH', 'kae');
});

test('a reversed payment may be paid again', () => {
  const state = given(
    budget(EXPENSE_KAE, '1000.00'),
    commitment('Δ-1', '500.00'),
    order('Ε-1', 'Δ-1', '300.00'),
    payment('Π-1', 'Ε-1', '300.00'),
    reversal('Α-1', 'payment', 'Π-1', '300.00'),
  );
  assert.is(budgetLineTotals(state, EXPENSE_KAE)?.paid.toFixed(2), '0.00');
  assert.is(decide(payment('Π-2', 'Ε-1', '300.00'), state).length, 1);
});

test('line totals follow the whole chain to the cent', () => {
  const state = given(
    budget(EXPENSE_KAE, '1000.10'),
    amendment('Α-1', EXPENSE_KAE, '0.20'),
    commitment('Δ-1', '0.10'),
    commitment('Δ-2', '0.20'),
    order('Ε-1', 'Δ-1', '0.10'),
    order('Ε-2', 'Δ-2', '0.20'),
    payment('Π-1', 'Ε-1', '0.10'),
    payment('Π-2', 'Ε-2', '0.20'),
  );
  const line = budgetLineTotals(state, EXPENSE_KAE);
  assert.equal(
    [line?.final, line?.committed, line?.ordered, line?.paid, line?.available].map((amount) => amount?.toFixed(2)),
    ['1000.30', '0.30', '0.30', '0.30', '1000.00'],
  );
});

test.run();
