import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { afmWithCheckDigit, isValidAfm } from '../../../src/domain/shared/codes/afm.ts';

test('ΑΦΜ: real tax numbers pass their check digit', () => {
  // ΔΕΗ Α.Ε. and ΟΤΕ Α.Ε., published on every bill.
  assert.ok(isValidAfm('090000045'));
  assert.ok(isValidAfm('094019245'));
});

test('ΑΦΜ: a wrong check digit, a wrong length, letters or all zeros are refused', () => {
  for (const afm of ['090000046', '94019245', '0940192450', '09400924A', '', '000000000', ' 090000045']) {
    assert.not.ok(isValidAfm(afm), afm);
  }
});

test('ΑΦΜ: the check digit is Σ d[i]·2^(8−i) mod 11 mod 10, including the case where mod 11 is 10', () => {
  // 1·256 + 2·4 = 264 ≡ 0 (mod 11); 1·2 = 2; 5·4 = 20 ≡ 9; 5·2 = 10, and 10 mod 10 = 0.
  assert.is(afmWithCheckDigit('10000020'), '100000200');
  assert.is(afmWithCheckDigit('00000001'), '000000012');
  assert.is(afmWithCheckDigit('00000050'), '000000509');
  assert.is(afmWithCheckDigit('00000005'), '000000050');
});

test('ΑΦΜ: afmWithCheckDigit completes 8 digits into a valid ΑΦΜ and refuses anything else', () => {
  assert.is(afmWithCheckDigit('09000004'), '090000045');
  for (let seed = 10000000; seed < 10000200; seed++) assert.ok(isValidAfm(afmWithCheckDigit(String(seed))));
  assert.throws(() => afmWithCheckDigit('0900004'));
  assert.throws(() => afmWithCheckDigit('0900000A'));
  assert.throws(() => afmWithCheckDigit('00000000'));
});

test.run();
