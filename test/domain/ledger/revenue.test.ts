// Revenue: assessment (βεβαίωση) → receipt (είσπραξη).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { budgetLineTotals, decideFiscalYear as decide } from '../../../src/domain/ledger/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';
import { EXPENSE_KAE, REVENUE_KAE, assessment, budget, commitment, given, onlyEvent, receipt } from '../support/fiscalYear.ts';

const test = suite('fiscal year: revenue');

test('an assessment needs an existing revenue line', () => {
  expectDomainError(() => decide(assessment('Β-1', '10.00'), given()), 'OD_BUDGET_LINE_UNKNOWN', 'kae');
  const expense = given(budget(EXPENSE_KAE, '100.00'));
  expectDomainError(() => decide(assessment('Β-1', '10.00', { kae: EXPENSE_KAE }), expense), 'OD_KAE_NOT_REVENUE', 'kae');
});

test('assessments may exceed the estimate: revenue is not an appropriation', () => {
  const state = given(budget(REVENUE_KAE, '100.00'));
  assert.is(onlyEvent(decide(assessment('Β-1', '250.00'), state)).type, 'RevenueAssessed');
});

test('a receipt without an assessment goes to a revenue line', () => {
  const state = given(budget(REVENUE_KAE, '100.00'));
  const event = onlyEvent(decide(receipt('Ε-1', '40.00', null), state));
  assert.is(event.type === 'RevenueCollected' && event.data.assessment, null);
  expectDomainError(() => decide(receipt('Ε-1', '40.00', null, { kae: '0312' }), state), 'OD_BUDGET_LINE_UNKNOWN', 'kae');
  const expense = given(budget(EXPENSE_KAE, '100.00'));
  expectDomainError(() => decide(receipt('Ε-1', '40.00', null, { kae: EXPENSE_KAE }), expense), 'OD_KAE_NOT_REVENUE', 'kae');
});

test('a receipt against an assessment may not exceed what is left of it', () => {
  const state = given(budget(REVENUE_KAE, '1000.00'), assessment('Β-1', '300.00'), receipt('Ε-1', '100.00', 'Β-1'));
  expectDomainError(() => decide(receipt('Ε-2', '200.01', 'Β-1'), state), 'OD_RECEIPT_EXCEEDS_ASSESSMENT', 'amount');
  const event = onlyEvent(decide(receipt('Ε-2', '200.00', 'Β-1'), state));
  assert.is(event.type === 'RevenueCollected' && event.data.assessment, 'Β-1');
});

test('a receipt references an assessment of the same line, or nothing', () => {
  const state = given(budget(REVENUE_KAE, '1000.00'), budget('0312', '10.00'), assessment('Β-1', '300.00'), budget(EXPENSE_KAE, '10.00'), commitment('Δ-1', '5.00'));
  expectDomainError(() => decide(receipt('Ε-1', '10.00', 'Β-404'), state), 'OD_REF_UNKNOWN', 'ref');
  expectDomainError(() => decide(receipt('Ε-1', '10.00', 'Β-1', { kae: '0312' }), state), 'OD_REF_KAE_MISMATCH', 'kae');
  const toCommitment = receipt('Ε-1', '10.00', null, { ref: { type: 'commitment', document: 'Δ-1' } });
  expectDomainError(() => decide(toCommitment, state), 'OD_REF_WRONG_TYPE', 'ref');
});

test('assessed and collected add up on the line', () => {
  const state = given(
    budget(REVENUE_KAE, '1000.00'),
    assessment('Β-1', '300.00'),
    assessment('Β-2', '0.35'),
    receipt('Ε-1', '100.00', 'Β-1'),
    receipt('Ε-2', '0.35', null),
  );
  const line = budgetLineTotals(state, REVENUE_KAE);
  assert.is(line?.assessed.toFixed(2), '300.35');
  assert.is(line?.collected.toFixed(2), '100.35');
});

test.run();
