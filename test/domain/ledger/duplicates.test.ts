// Document numbers are unique per (fiscal year, type). The same document again adds nothing; another
// document under a used number is a conflict. "The same" is every field of the event it produces.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RecordDocument } from '../../../src/domain/ledger/commands.ts';
import type { FiscalYearEvent } from '../../../src/domain/ledger/events.ts';
import { decideFiscalYear as decide, evolveFiscalYear as evolve, initialFiscalYear } from '../../../src/domain/ledger/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';
import {
  EXPENSE_KAE,
  REVENUE_KAE,
  YEAR,
  amendment,
  assessment,
  budget,
  commitment,
  given,
  onlyEvent,
  order,
  payment,
  receipt,
  record,
  reversal,
} from '../support/fiscalYear.ts';

const test = suite('fiscal year: duplicates and conflicts');

const history = [
  budget(EXPENSE_KAE, '1000.00'),
  budget(REVENUE_KAE, '1000.00', { title: 'Τέλη καθαριότητας' }),
  amendment('Α-1', EXPENSE_KAE, '100.00'),
  commitment('17', '500.00', { description: 'Προμήθεια ηλεκτρικού ρεύματος', ada: 'ΩΧΜ9469ΗΖΞ-7Γ4' }),
  order('17', '17', '300.00'),
  payment('17', '17', '200.00'),
  assessment('17', '300.00'),
  receipt('17', '100.00', '17'),
  reversal('17', 'payment', '17', '50.00'),
];
const recorded = () => given(...history);

test('one number may be used once by each document type', () => {
  assert.is(recorded().tracked.commitment.size + recorded().tracked.order.size + recorded().tracked.payment.size, 3);
});

test('every document recorded again with the same content adds nothing', () => {
  const state = recorded();
  for (const command of history) assert.equal(decide(command, state), [], command.data.documentType);
});

test('rows that differ only in spelling, not in content, are duplicates', () => {
  const state = recorded();
  const respelled = commitment(' 17 ', '500', { kae: '20.6011', description: ' Προμήθεια ηλεκτρικού ρεύματος ', ada: 'ωχμ9469ηζξ-7γ4' });
  assert.equal(decide(respelled, state), []);
});

test('a duplicate is recognised before the rules: re-importing a year never fails on its own rows', () => {
  // The line is now fully committed, so the commitment would not fit again; it is a duplicate all the same.
  const state = record(recorded(), commitment('18', '600.00'));
  assert.equal(decide(commitment('18', '600.00'), state), []);
});

const changes: ReadonlyArray<[string, RecordDocument]> = [
  ['amount', commitment('17', '500.01', { description: 'Προμήθεια ηλεκτρικού ρεύματος', ada: 'ΩΧΜ9469ΗΖΞ-7Γ4' })],
  ['date', commitment('17', '500.00', { description: 'Προμήθεια ηλεκτρικού ρεύματος', ada: 'ΩΧΜ9469ΗΖΞ-7Γ4', date: `${YEAR}-03-16` })],
  ['description', commitment('17', '500.00', { description: 'Προμήθεια νερού', ada: 'ΩΧΜ9469ΗΖΞ-7Γ4' })],
  ['ada', commitment('17', '500.00', { description: 'Προμήθεια ηλεκτρικού ρεύματος', ada: null })],
  ['counterparty', commitment('17', '500.00', { description: 'Προμήθεια ηλεκτρικού ρεύματος', ada: 'ΩΧΜ9469ΗΖΞ-7Γ4', counterparty: { naturalPerson: true, afm: null, name: null } })],
  ['kae', commitment('17', '500.00', { description: 'Προμήθεια ηλεκτρικού ρεύματος', ada: 'ΩΧΜ9469ΗΖΞ-7Γ4', kae: '20-6012' })],
  ['ref', order('17', '18', '300.00')],
  ['title', budget(REVENUE_KAE, '1000.00', { title: 'Τέλη ηλεκτροφωτισμού' })],
  ['reversed document', reversal('17', 'order', '17', '50.00')],
];

for (const [field, command] of changes) {
  test(`the same number with another ${field} is a conflict`, () => {
    expectDomainError(() => decide(command, recorded()), 'OD_DOCUMENT_CONFLICT', 'document');
  });
}

test('duplicates are recognised against events read back from a store, whatever their key order', () => {
  const event = onlyEvent(decide(commitment('Δ-9', '10.00', { description: 'Αναλώσιμα' }), given(budget(EXPENSE_KAE, '100.00'))));
  const reordered = { data: Object.fromEntries(Object.entries(event.data).reverse()), type: event.type } as FiscalYearEvent;
  const fromStore = [onlyEvent(decide(budget(EXPENSE_KAE, '100.00'), initialFiscalYear(YEAR))), reordered].reduce(evolve, initialFiscalYear(YEAR));
  assert.equal(decide(commitment('Δ-9', '10.00', { description: 'Αναλώσιμα' }), fromStore), []);
  expectDomainError(() => decide(commitment('Δ-9', '10.00', { description: 'Άλλο' }), fromStore), 'OD_DOCUMENT_CONFLICT');
});

test.run();
