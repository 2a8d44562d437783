// How the state behaves: decide only reads it; evolve updates it in place; per document it keeps little.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { budgetLineTotals, budgetLines, decideFiscalYear as decide, documentBalance, evolveFiscalYear as evolve, initialFiscalYear } from '../../../src/domain/ledger/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';
import { EXPENSE_KAE, REVENUE_KAE, YEAR, budget, commitment, given, onlyEvent, order } from '../support/fiscalYear.ts';

const test = suite('fiscal year: state');

test('a new year is empty', () => {
  const state = initialFiscalYear(YEAR);
  assert.is(state.year, YEAR);
  assert.is(state.lines.size, 0);
  assert.is(budgetLineTotals(state, EXPENSE_KAE), null);
  assert.is(documentBalance(state, 'commitment', 'Δ-1'), null);
});

test('decide does not change the state, whether it accepts or refuses', () => {
  const state = given(budget(EXPENSE_KAE, '100.00'));
  decide(commitment('Δ-1', '60.00'), state);
  expectDomainError(() => decide(commitment('Δ-2', '160.00'), state), 'OD_COMMITMENT_EXCEEDS_APPROPRIATION');
  assert.is(budgetLineTotals(state, EXPENSE_KAE)?.committed.toFixed(2), '0.00');
  assert.is(state.tracked.commitment.size, 0);
});

test('evolve applies the event to the state it is given and returns it', () => {
  const state = given(budget(EXPENSE_KAE, '100.00'));
  const next = evolve(state, onlyEvent(decide(commitment('Δ-1', '60.00'), state)));
  assert.is(next, state);
  assert.is(budgetLineTotals(state, EXPENSE_KAE)?.available.toFixed(2), '40.00');
});

test('a document is kept as its fingerprint, line, amounts in cents and the row it follows', () => {
  const state = given(
    budget(EXPENSE_KAE, '100.00'),
    commitment('Δ-1', '60.25', { description: 'Μια μακριά αιτιολογία που δεν χρειάζεται στην κατάσταση' }),
    order('Ε-1', 'Δ-1', '60.00'),
  );
  const kept = state.tracked.commitment.get('Δ-1');
  assert.equal(Object.keys(kept ?? {}).sort(), ['amount', 'fingerprint', 'followed', 'follows', 'line', 'reversed', 'row']);
  assert.equal([kept?.amount, kept?.followed, kept?.reversed, kept?.follows], [6025n, 6000n, 0n, null]);
  assert.is(kept?.line, state.lines.get(EXPENSE_KAE));
  assert.is(state.tracked.order.get('Ε-1')?.follows, kept?.row);
});

test('document tables grow past their initial size without losing a cent', () => {
  const rows = Array.from({ length: 300 }, (_, i) => commitment(`Δ-${i}`, `${i}.01`));
  const state = given(budget(EXPENSE_KAE, '100000.00'), ...rows);
  assert.is(state.tracked.commitment.size, 300);
  assert.is(state.tracked.commitment.get('Δ-299')?.amount, 29901n);
  // Σ i for i < 300 is 44,850, plus 300 × 0.01.
  assert.is(budgetLineTotals(state, EXPENSE_KAE)?.committed.toFixed(2), '44853.00');
});

test('an amount beyond what the state can hold exactly is refused', () => {
  expectDomainError(() => decide(commitment('Δ-1', '1000000000000000.01'), given(budget(EXPENSE_KAE, '100.00'))), 'OD_AMOUNT_TOO_LARGE', 'amount');
});

test('budgetLines lists every line in ΚΑΕ order', () => {
  const state = given(budget(EXPENSE_KAE, '100.00'), budget(REVENUE_KAE, '50.00'), budget('00-6031', '10.00'));
  assert.equal(budgetLines(state).map((line) => line.kae), ['00-6031', '0311', '20-6011']);
});

test.run();
