// Event ids: fresh UUID v7, and deterministic ones that a retried import reproduces exactly.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deterministicUuidv7, isUuid, uuidv7 } from '../../src/eventstore/uuid.ts';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('uuid: deterministic ids are the same for the same inputs, and the ids imports have always had', () => {
  // Pinned: ledgers hold these ids; a retried import must produce them again.
  assert.is(deterministicUuidv7(Date.parse('2025-01-10'), 'fiscalYear-2025/ExpenseCommitted/ΑΑΥ-1'), '01944d82-b800-7bbd-9444-81b9171510de');
  assert.is(deterministicUuidv7(Date.parse('2025-01-20'), 'supplier-094014201@0/SupplierRegistered'), '01948102-5000-7f1c-81b5-d18acfa9a963');
  assert.is(deterministicUuidv7(0, ''), '00000000-0000-7c14-9afb-f4c8996fb924');
});

test('uuid: a deterministic id is a UUID v7 whose time part is the date, whatever the key', () => {
  const millis = Date.parse('2025-03-04');
  for (const key of ['a', 'Δ-1', 'x'.repeat(500), '']) {
    const id = deterministicUuidv7(millis, key);
    assert.match(id, V7);
    assert.is(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16), millis);
  }
  assert.is.not(deterministicUuidv7(millis, 'Δ-1'), deterministicUuidv7(millis, 'Δ-2'));
  assert.is(deterministicUuidv7(-5, 'k').slice(0, 13), '00000000-0000', 'a time before 1970 is 0');
  assert.throws(() => deterministicUuidv7(Number.NaN, 'k'), RangeError);
});

test('uuid: fresh ids are UUID v7 in creation order', () => {
  const ids = Array.from({ length: 1_000 }, () => uuidv7());
  assert.ok(ids.every((id) => V7.test(id) && isUuid(id)));
  assert.equal([...ids].sort(), ids);
});

test.run();
