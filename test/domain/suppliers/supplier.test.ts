import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RecordSupplier, SupplierEvent } from '../../../src/domain/index.ts';
import { decideSupplier, evolveSupplier, initialSupplier } from '../../../src/domain/suppliers/supplier.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const recordSupplier = (name: string, afm = '094019245', date = '2026-03-02'): RecordSupplier => ({ type: 'RecordSupplier', data: { afm, name, date } });
const given = (...events: SupplierEvent[]) => events.reduce(evolveSupplier, initialSupplier());
const registered: SupplierEvent = { type: 'SupplierRegistered', data: { afm: '094019245', name: 'ΟΤΕ Α.Ε.', date: '2026-01-10' } };

test('supplier: an unknown ΑΦΜ is registered', () => {
  assert.equal(decideSupplier(recordSupplier(' ΟΤΕ  Α.Ε. '), given()), [
    { type: 'SupplierRegistered', data: { afm: '094019245', name: 'ΟΤΕ Α.Ε.', date: '2026-03-02' } },
  ]);
});

test('supplier: the same name again adds nothing, spacing aside', () => {
  assert.equal(decideSupplier(recordSupplier('ΟΤΕ Α.Ε.'), given(registered)), []);
  assert.equal(decideSupplier(recordSupplier('  ΟΤΕ   Α.Ε.'), given(registered)), []);
});

test('supplier: another name is a rename', () => {
  const events = decideSupplier(recordSupplier('ΟΡΓΑΝΙΣΜΟΣ ΤΗΛΕΠΙΚΟΙΝΩΝΙΩΝ ΤΗΣ ΕΛΛΑΔΟΣ Α.Ε.'), given(registered));
  assert.equal(events, [{ type: 'SupplierRenamed', data: { afm: '094019245', name: 'ΟΡΓΑΝΙΣΜΟΣ ΤΗΛΕΠΙΚΟΙΝΩΝΙΩΝ ΤΗΣ ΕΛΛΑΔΟΣ Α.Ε.', date: '2026-03-02' } }]);
  const renamed = given(registered, ...events);
  assert.equal(renamed, { status: 'registered', afm: '094019245', name: 'ΟΡΓΑΝΙΣΜΟΣ ΤΗΛΕΠΙΚΟΙΝΩΝΙΩΝ ΤΗΣ ΕΛΛΑΔΟΣ Α.Ε.' });
  assert.equal(decideSupplier(recordSupplier('ΟΡΓΑΝΙΣΜΟΣ ΤΗΛΕΠΙΚΟΙΝΩΝΙΩΝ ΤΗΣ ΕΛΛΑΔΟΣ Α.Ε.'), renamed), []);
});

test('supplier: an invalid ΑΦΜ, a blank name or a bad date is refused', () => {
  expectDomainError(() => decideSupplier(recordSupplier('ΟΤΕ Α.Ε.', '094019246'), given()), 'OD_AFM_INVALID', 'afm');
  expectDomainError(() => decideSupplier(recordSupplier('ΟΤΕ Α.Ε.', '000000000'), given()), 'OD_AFM_INVALID', 'afm');
  expectDomainError(() => decideSupplier(recordSupplier('  '), given()), 'OD_NAME_MISSING', 'name');
  expectDomainError(() => decideSupplier(recordSupplier('ΟΤΕ Α.Ε.', '094019245', '2026-13-01'), given()), 'OD_DATE_INVALID', 'date');
});

test.run();
