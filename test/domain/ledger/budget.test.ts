// Budget lines (προϋπολογισμός) and their amendments (αναμορφώσεις).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { budgetLineTotals, decideFiscalYear as decide, withLineTitle } from '../../../src/domain/ledger/index.ts';
import { kae2014Url, parseClassification, registerClassification } from '../../../src/domain/shared/classification.ts';
import { expectDomainError } from '../support/expectDomainError.ts';
import { EXPENSE_KAE, REVENUE_KAE, YEAR, amendment, assessment, budget, commitment, given, onlyEvent, receipt, record } from '../support/fiscalYear.ts';

const test = suite('fiscal year: budget lines and amendments');

test('a budget row establishes an expense line with its initial appropriation and title', () => {
  const event = onlyEvent(decide(budget('20-6011', '1500.00', { title: 'Τακτικές αποδοχές' }), given()));
  assert.equal(event, {
    type: 'BudgetLineEstablished',
    data: {
      year: YEAR,
      kae: '20-6011',
      document: 'Π-20-6011',
      date: `${YEAR}-03-15`,
      amount: '1500.00',
      ada: null,
      description: null,
      side: 'expense',
      title: 'Τακτικές αποδοχές',
    },
  });
});

test('a budget row on a revenue code establishes a revenue line with its estimate', () => {
  const state = given(budget(REVENUE_KAE, '8000.00', { title: 'Τέλη καθαριότητας και φωτισμού' }));
  const line = budgetLineTotals(state, REVENUE_KAE);
  assert.is(line?.side, 'revenue');
  assert.is(line?.initial.toFixed(2), '8000.00');
});

test('a budget row may be zero: the line is funded later by amendment', () => {
  const state = given(budget(EXPENSE_KAE, '0.00'), amendment('Α-1', EXPENSE_KAE, '250.00'));
  assert.is(budgetLineTotals(state, EXPENSE_KAE)?.final.toFixed(2), '250.00');
});

test('a budget row may not be negative', () => {
  expectDomainError(() => decide(budget(EXPENSE_KAE, '-1.00'), given()), 'OD_BUDGET_AMOUNT_NEGATIVE', 'amount');
});

test('a second budget row for the same line is refused', () => {
  const state = given(budget(EXPENSE_KAE, '1500.00'));
  expectDomainError(() => decide(budget(EXPENSE_KAE, '1500.00', { document: 'Π-2' }), state), 'OD_BUDGET_LINE_EXISTS', 'kae');
});

test('the same budget row again is a duplicate and adds nothing', () => {
  const state = given(budget(EXPENSE_KAE, '1500.00'));
  assert.equal(decide(budget(EXPENSE_KAE, '1500.00'), state), []);
});

test('a budget row needs a title; the import fills it from the classification of the year', () => {
  expectDomainError(() => decide(budget(EXPENSE_KAE, '10.00', { title: ' ' }), given()), 'OD_BUDGET_TITLE_MISSING', 'title');
  const registry = registerClassification([], parseClassification(readFileSync(kae2014Url, 'utf8')));
  const from2014List = withLineTitle(budget('20-6011.001', '10.00', { title: null, date: '2025-01-02' }), registry);
  assert.is(from2014List.data.title, 'Τακτικές αποδοχες (περιλαμβάνονται βασικός μισθός, δώρα εορτών, γενικά και ειδικά τακτικά επιδόματα)');
  // FY2026 has no list registered here: the class title of ΚΥΑ 7028/2004 stands in.
  const classTitle = withLineTitle(budget('20-6011.001', '10.00', { title: null }), registry);
  assert.is(classTitle.data.title, 'Έξοδα χρήσης');
  const own = withLineTitle(budget('20-6011', '10.00', { title: 'Μισθοδοσία' }), registry);
  assert.is(own.data.title, 'Μισθοδοσία');
});

test('an amendment needs an existing line', () => {
  expectDomainError(() => decide(amendment('Α-1', EXPENSE_KAE, '10.00'), given()), 'OD_BUDGET_LINE_UNKNOWN', 'kae');
});

test('amendments are signed, never zero', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'));
  expectDomainError(() => decide(amendment('Α-1', EXPENSE_KAE, '0.00'), state), 'OD_AMENDMENT_ZERO', 'amount');
  const after = [amendment('Α-1', EXPENSE_KAE, '300.00'), amendment('Α-2', EXPENSE_KAE, '-450.50')].reduce(record, state);
  const line = budgetLineTotals(after, EXPENSE_KAE);
  assert.is(line?.amendments.toFixed(2), '-150.50');
  assert.is(line?.final.toFixed(2), '849.50');
});

test('an amendment may not make the final appropriation negative', () => {
  const state = given(budget(EXPENSE_KAE, '100.00'));
  expectDomainError(() => decide(amendment('Α-1', EXPENSE_KAE, '-100.01'), state), 'OD_AMENDMENT_NEGATIVE_APPROPRIATION', 'amount');
  assert.is(decide(amendment('Α-1', EXPENSE_KAE, '-100.00'), state).length, 1);
});

test('an amendment may not cut an expense line below what is committed', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'), commitment('Δ-1', '600.00'));
  expectDomainError(() => decide(amendment('Α-1', EXPENSE_KAE, '-400.01'), state), 'OD_AMENDMENT_BELOW_COMMITTED', 'amount');
  assert.is(decide(amendment('Α-1', EXPENSE_KAE, '-400.00'), state).length, 1);
});

test('a revenue estimate may be cut below what was assessed and collected', () => {
  const state = given(budget(REVENUE_KAE, '1000.00'), assessment('Β-1', '900.00'), receipt('Ε-1', '900.00', 'Β-1'));
  assert.is(decide(amendment('Α-1', REVENUE_KAE, '-500.00'), state).length, 1);
});

test.run();
