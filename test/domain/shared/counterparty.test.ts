import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { toCounterparty } from '../../../src/domain/shared/counterparty.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

test('counterparty: a natural person is kept without ΑΦΜ or name', () => {
  assert.equal(toCounterparty({ afm: '090000045', name: 'Μαρία Κοσμετάτου', naturalPerson: true }), { naturalPerson: true, afm: null, name: null });
});

test('counterparty: a legal entity keeps a valid ΑΦΜ and its name, tidied', () => {
  assert.equal(toCounterparty({ afm: ' 090000045 ', name: ' ΔΕΗ  Α.Ε.', naturalPerson: false }), { naturalPerson: false, afm: '090000045', name: 'ΔΕΗ Α.Ε.' });
});

test('counterparty: a legal entity without a valid ΑΦΜ or a name is refused', () => {
  expectDomainError(() => toCounterparty({ afm: null, name: 'ΔΕΗ Α.Ε.', naturalPerson: false }), 'OD_AFM_INVALID', 'afm');
  expectDomainError(() => toCounterparty({ afm: '090000044', name: 'ΔΕΗ Α.Ε.', naturalPerson: false }), 'OD_AFM_INVALID', 'afm');
  expectDomainError(() => toCounterparty({ afm: '090000045', name: null, naturalPerson: false }), 'OD_NAME_MISSING', 'name');
});

test.run();
