// Reversals (αντιλογισμοί): an earlier document is taken back, all or in part; nothing is edited.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DocumentRef } from '../../../src/domain/ledger/commands.ts';
import { budgetLineTotals, decideFiscalYear as decide, documentBalance, reversibleRef } from '../../../src/domain/ledger/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';
import {
  EXPENSE_KAE,
  REVENUE_KAE,
  assessment,
  budget,
  commitment,
  given,
  onlyEvent,
  order,
  payment,
  receipt,
  reversal,
  row,
} from '../support/fiscalYear.ts';

const test = suite('fiscal year: reversals');

const expenses = () =>
  given(budget(EXPENSE_KAE, '1000.00'), commitment('Δ-1', '500.00'), order('Ε-1', 'Δ-1', '300.00'), payment('Π-1', 'Ε-1', '200.00'));
const revenue = () => given(budget(REVENUE_KAE, '1000.00'), assessment('Β-1', '300.00'), receipt('Ε-1', '100.00', 'Β-1'));

test('a reversal names the document it takes back', () => {
  const event = onlyEvent(decide(reversal('Α-1', 'payment', 'Π-1', '50.00'), expenses()));
  assert.equal(event.type === 'DocumentReversed' && event.data.reverses, { type: 'payment', document: 'Π-1' });
  expectDomainError(() => decide(row('reversal', 'Α-1', { ref: null }), expenses()), 'OD_REF_MISSING', 'ref');
});

test('budget rows and amendments cannot be reversed: an amendment corrects them', () => {
  expectDomainError(() => reversibleRef('budget', 'Π-1'), 'OD_REVERSAL_OF_BUDGET', 'ref');
  expectDomainError(() => reversibleRef('amendment', 'Α-1'), 'OD_REVERSAL_OF_BUDGET', 'ref');
  // Even when a caller forces the type past the compiler, the decider refuses it.
  const forced = { type: 'budget', document: `Π-${EXPENSE_KAE}` } as unknown as DocumentRef;
  expectDomainError(() => decide(row('reversal', 'Α-1', { ref: forced }), expenses()), 'OD_REVERSAL_OF_BUDGET', 'ref');
});

test('a reversal cannot be reversed, and a reference must name a known type', () => {
  expectDomainError(() => reversibleRef('reversal', 'Α-1'), 'OD_REVERSAL_OF_REVERSAL', 'ref');
  expectDomainError(() => reversibleRef('invoice', 'Τ-1'), 'OD_REF_INVALID', 'ref');
  expectDomainError(() => reversibleRef('payment', ' '), 'OD_REF_INVALID', 'ref');
  assert.equal(reversibleRef('order', ' Ε-1 '), { type: 'order', document: 'Ε-1' });
});

test('a reversal of an unknown document, or on another ΚΑΕ, is refused', () => {
  expectDomainError(() => decide(reversal('Α-1', 'payment', 'Π-404', '10.00'), expenses()), 'OD_REF_UNKNOWN', 'ref');
  const state = given(budget('20-6012', '10.00'), commitment('Δ-1', '5.00', { kae: '20-6012' }), budget(EXPENSE_KAE, '10.00'));
  expectDomainError(() => decide(reversal('Α-1', 'commitment', 'Δ-1', '1.00'), state), 'OD_REF_KAE_MISMATCH', 'kae');
});

test('a reversal takes back at most the unreversed amount', () => {
  const onRevenue = { kae: REVENUE_KAE };
  const state = given(budget(REVENUE_KAE, '1000.00'), receipt('Ε-1', '100.00', null), reversal('Α-1', 'receipt', 'Ε-1', '60.00', onRevenue));
  expectDomainError(() => decide(reversal('Α-2', 'receipt', 'Ε-1', '40.01', onRevenue), state), 'OD_REVERSAL_EXCEEDS_UNREVERSED', 'amount');
  assert.is(decide(reversal('Α-2', 'receipt', 'Ε-1', '40.00', onRevenue), state).length, 1);
});

test('a commitment may not be reversed below what was ordered from it', () => {
  // 500 committed, 300 ordered: 200 may go back.
  expectDomainError(() => decide(reversal('Α-1', 'commitment', 'Δ-1', '200.01'), expenses()), 'OD_REVERSAL_BELOW_ORDERED', 'amount');
  assert.is(decide(reversal('Α-1', 'commitment', 'Δ-1', '200.00'), expenses()).length, 1);
});

test('an order may not be reversed below what was paid from it', () => {
  expectDomainError(() => decide(reversal('Α-1', 'order', 'Ε-1', '100.01'), expenses()), 'OD_REVERSAL_BELOW_PAID', 'amount');
  assert.is(decide(reversal('Α-1', 'order', 'Ε-1', '100.00'), expenses()).length, 1);
});

test('an assessment may not be reversed below what was collected from it', () => {
  const onRevenue = { kae: REVENUE_KAE };
  expectDomainError(() => decide(reversal('Α-1', 'assessment', 'Β-1', '200.01', onRevenue), revenue()), 'OD_REVERSAL_BELOW_COLLECTED', 'amount');
  assert.is(decide(reversal('Α-1', 'assessment', 'Β-1', '200.00', onRevenue), revenue()).length, 1);
});

test('once what followed is reversed, the document it followed may be reversed in full', () => {
  const state = given(
    budget(EXPENSE_KAE, '1000.00'),
    commitment('Δ-1', '500.00'),
    order('Ε-1', 'Δ-1', '300.00'),
    reversal('Α-1', 'order', 'Ε-1', '300.00'),
  );
  assert.is(decide(reversal('Α-2', 'commitment', 'Δ-1', '500.00'), state).length, 1);
});

test('reversals net out of the line totals and free the document followed', () => {
  const state = given(
    budget(EXPENSE_KAE, '1000.00'),
    commitment('Δ-1', '500.00'),
    order('Ε-1', 'Δ-1', '300.00'),
    payment('Π-1', 'Ε-1', '200.00'),
    reversal('Α-1', 'payment', 'Π-1', '50.00'),
    reversal('Α-2', 'order', 'Ε-1', '20.00'),
    reversal('Α-3', 'commitment', 'Δ-1', '10.00'),
  );
  const line = budgetLineTotals(state, EXPENSE_KAE);
  assert.equal([line?.committed, line?.ordered, line?.paid].map((amount) => amount?.toFixed(2)), ['490.00', '280.00', '150.00']);
  const orderBalance = documentBalance(state, 'order', 'Ε-1');
  assert.equal(
    [orderBalance?.reversed, orderBalance?.followed, orderBalance?.remainder].map((amount) => amount?.toFixed(2)),
    ['20.00', '150.00', '130.00'],
  );
});

test('a reversed receipt is owed again on its assessment', () => {
  const state = given(
    budget(REVENUE_KAE, '1000.00'),
    assessment('Β-1', '300.00'),
    receipt('Ε-1', '100.00', 'Β-1'),
    reversal('Α-1', 'receipt', 'Ε-1', '100.00', { kae: REVENUE_KAE }),
  );
  assert.is(budgetLineTotals(state, REVENUE_KAE)?.collected.toFixed(2), '0.00');
  assert.is(documentBalance(state, 'assessment', 'Β-1')?.remainder.toFixed(2), '300.00');
});

test.run();
