import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createRf, formatRf, isValidRf, normalizeRf } from '../../../src/domain/shared/codes/rf.ts';

test('RF: the ISO 11649 examples are valid, printed or not', () => {
  assert.ok(isValidRf('RF18539007547034'));
  assert.ok(isValidRf('RF18 5390 0754 7034'));
  assert.ok(isValidRf('rf712348231'));
});

test('RF: a wrong check digit, a wrong prefix or a wrong length is refused', () => {
  for (const rf of ['RF19539007547034', 'RF81539007547034', 'RX18539007547034', 'RF18', 'RF1', 'RF18Ω39007547034', `RF18${'1'.repeat(22)}`]) {
    assert.not.ok(isValidRf(rf), rf);
  }
});

test('RF: created references carry the right check digits', () => {
  assert.is(createRf('539007547034'), 'RF18539007547034');
  assert.is(createRf('2348231'), 'RF712348231');
  for (const debt of ['LIX2026000123', '1', 'A', 'Z'.repeat(21), '000000000000000000001']) {
    assert.ok(isValidRf(createRf(debt)), debt);
  }
  assert.is(createRf('lix 2026 000123'), createRf('LIX2026000123'));
});

test('RF: a reference holds 1 to 21 letters or digits', () => {
  assert.throws(() => createRf(''));
  assert.throws(() => createRf('1'.repeat(22)));
  assert.throws(() => createRf('ΔΗΜΟΣ1'));
});

test('RF: printed in groups of four, read back without spaces', () => {
  assert.is(formatRf('RF18539007547034'), 'RF18 5390 0754 7034');
  assert.is(normalizeRf('rf18 5390 0754 7034'), 'RF18539007547034');
});

test.run();
