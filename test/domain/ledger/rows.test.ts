// Rules every row obeys whatever its type: its date is in the year, its fields are well formed.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Decimal } from 'decimal.js';
import type { Counterparty, ExpenseCommitted } from '../../../src/domain/ledger/events.ts';
import { decideFiscalYear as decide } from '../../../src/domain/ledger/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';
import { EXPENSE_KAE, YEAR, amendment, budget, commitment, given, onlyEvent, order } from '../support/fiscalYear.ts';

const test = suite('fiscal year: every row');
const funded = () => given(budget(EXPENSE_KAE, '1000.00'));

test('a date outside the aggregate year is refused', () => {
  expectDomainError(() => decide(commitment('Δ-1', '10.00', { date: `${YEAR - 1}-12-31` }), funded()), 'OD_DATE_OUTSIDE_FISCAL_YEAR', 'date');
});

test('a date that is not a calendar date is refused', () => {
  expectDomainError(() => decide(commitment('Δ-1', '10.00', { date: `${YEAR}-02-30` }), funded()), 'OD_DATE_INVALID', 'date');
  expectDomainError(() => decide(commitment('Δ-1', '10.00', { date: `15/03/${YEAR}` }), funded()), 'OD_DATE_INVALID', 'date');
});

test('a blank document number is refused', () => {
  expectDomainError(() => decide(commitment('  ', '10.00'), funded()), 'OD_DOCUMENT_MISSING', 'document');
});

test('an invalid ΚΑΕ is refused', () => {
  expectDomainError(() => decide(commitment('Δ-1', '10.00', { kae: '20/6011' }), funded()), 'OD_KAE_INVALID', 'kae');
});

test('the ΚΑΕ is normalised before it is matched and stored', () => {
  const event = onlyEvent(decide(commitment('Δ-1', '10.00', { kae: ' 20.6011 ' }), funded()));
  assert.is(event.data.kae, '20-6011');
});

test('an amount with more than two decimals is refused', () => {
  expectDomainError(() => decide(commitment('Δ-1', '10.005'), funded()), 'OD_AMOUNT_PRECISION', 'amount');
});

test('an amount that is not finite is refused', () => {
  expectDomainError(() => decide(commitment('Δ-1', new Decimal(NaN)), funded()), 'OD_AMOUNT_INVALID', 'amount');
  expectDomainError(() => decide(commitment('Δ-1', new Decimal(Infinity)), funded()), 'OD_AMOUNT_INVALID', 'amount');
});

test('movements must be positive', () => {
  expectDomainError(() => decide(commitment('Δ-1', '0.00'), funded()), 'OD_AMOUNT_NOT_POSITIVE', 'amount');
  expectDomainError(() => decide(commitment('Δ-1', '-10.00'), funded()), 'OD_AMOUNT_NOT_POSITIVE', 'amount');
});

test('the amount is stored with two decimals', () => {
  const event = onlyEvent(decide(commitment('Δ-1', '12.5'), funded()));
  assert.is(event.data.amount, '12.50');
});

test('the ΑΔΑ is stored in Greek capitals; an invalid one is refused', () => {
  const event = onlyEvent(decide(commitment('Δ-1', '10.00', { ada: '7394ωξx-πδz' }), funded()));
  assert.is(event.data.ada, '7394ΩΞΧ-ΠΔΖ');
  expectDomainError(() => decide(commitment('Δ-1', '10.00', { ada: '7394-' }), funded()), 'OD_ADA_INVALID', 'ada');
});

test('a legal entity needs a valid ΑΦΜ and a name', () => {
  const badAfm: Counterparty = { naturalPerson: false, afm: '090000046', name: 'ΔΕΗ Α.Ε.' };
  expectDomainError(() => decide(commitment('Δ-1', '10.00', { counterparty: badAfm }), funded()), 'OD_AFM_INVALID', 'afm');
  const noName: Counterparty = { naturalPerson: false, afm: '090000045', name: ' ' };
  expectDomainError(() => decide(commitment('Δ-1', '10.00', { counterparty: noName }), funded()), 'OD_NAME_MISSING', 'name');
});

test('a natural person keeps neither ΑΦΜ nor name in the event, whatever the row carried', () => {
  const leaked = { naturalPerson: true, afm: '090000045', name: 'Γεώργιος Παπαδάτος' } as unknown as Counterparty;
  const event = onlyEvent(decide(commitment('Δ-1', '10.00', { counterparty: leaked }), funded())) as ExpenseCommitted;
  assert.equal(event.data.counterparty, { naturalPerson: true, afm: null, name: null });
});

test('expense documents keep their counterparty', () => {
  const state = given(budget(EXPENSE_KAE, '1000.00'), commitment('Δ-1', '10.00'));
  const event = onlyEvent(decide(order('Ε-1', 'Δ-1', '10.00'), state));
  assert.equal(event.type === 'PaymentOrdered' && event.data.counterparty, { naturalPerson: false, afm: '090000045', name: 'ΔΕΗ Α.Ε.' });
});

test('budget rows and amendments take no reference and no counterparty', () => {
  const ref = { type: 'commitment', document: 'Δ-1' } as const;
  expectDomainError(() => decide(commitment('Δ-1', '10.00', { ref }), funded()), 'OD_REF_NOT_ALLOWED', 'ref');
  expectDomainError(() => decide(amendment('Α-1', EXPENSE_KAE, '10.00', { ref }), funded()), 'OD_REF_NOT_ALLOWED', 'ref');
  expectDomainError(
    () => decide(amendment('Α-1', EXPENSE_KAE, '10.00', { counterparty: { naturalPerson: true, afm: null, name: null } }), funded()),
    'OD_COUNTERPARTY_NOT_ALLOWED',
    'afm',
  );
});

test('descriptions are trimmed; a blank one is none', () => {
  const trimmed = onlyEvent(decide(commitment('Δ-1', '10.00', { description: '  Μισθοδοσία Μαρτίου ' }), funded()));
  assert.is(trimmed.data.description, 'Μισθοδοσία Μαρτίου');
  const blank = onlyEvent(decide(commitment('Δ-1', '10.00', { description: '   ' }), funded()));
  assert.is(blank.data.description, null);
});

test.run();
