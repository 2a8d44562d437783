// RF payment codes (ISO 11649): the examples of the standard and of public references, read with a reason
// for what is wrong; and the municipality's scheme, one readable code per debt, a digest per selection.
import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isDomainError } from '../../../src/domain/index.ts';
import type { Digest } from '../../../src/domain/debts/rf.ts';
import { parseRf, readDebtsRf, rfErrors, rfForDebts } from '../../../src/domain/debts/rf.ts';
import { isValidRf } from '../../../src/domain/shared/codes/rf.ts';

const sha256: Digest = (text) => createHash('sha256').update(text, 'utf8').digest();

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return 'accepted';
};

// Check digits of these vectors were computed apart from the code under test (98 − n mod 97 over body + "RF00").
test('parseRf: the standard example and public ones, printed or electronic, in any case', () => {
  assert.equal(parseRf('RF18 5390 0754 7034'), { rf: 'RF18539007547034', checkDigits: '18', reference: '539007547034', printed: 'RF18 5390 0754 7034' });
  assert.is(parseRf('rf18539007547034').rf, 'RF18539007547034');
  assert.is(parseRf('RF18 5390 0754 70Y').rf, 'RF185390075470Y');
  assert.is(parseRf('RF45 G72U UR').rf, 'RF45G72UUR');
  assert.is(parseRf('RF6518K5').printed, 'RF65 18K5');
  assert.is(parseRf('RF71 2348 231').reference, '2348231');
});

test('parseRf: wrong check digits are told apart from what is no RF at all', () => {
  assert.is(codeOf(() => parseRf('RF17 5390 0754 7034')), 'OD_RF_CHECK_DIGITS');
  assert.is(codeOf(() => parseRf('RF81539007547034')), 'OD_RF_CHECK_DIGITS');
  for (const raw of ['', 'RF18', 'RX18539007547034', 'RFAB539007547034', `RF18${'1'.repeat(22)}`, 'RF18-5390-0754-7034', 'RF18 ΔΗΜΟΣ', '539007547034']) {
    assert.is(codeOf(() => parseRf(raw)), 'OD_RF_INVALID', raw);
  }
});

test('parseRf: the refusal names the code as given, in Greek and in English, on the rf column', () => {
  try {
    parseRf('RF17 5390 0754 7034');
    assert.unreachable('refused');
  } catch (error) {
    if (!isDomainError(error)) throw error;
    assert.ok(error.messageEl.includes('«RF17 5390 0754 7034»'));
    assert.ok(error.messageEn.includes('"RF17 5390 0754 7034"'));
    assert.is(error.column, 'rf');
    assert.is(error.status, 422);
  }
});

test('rfForDebts: one debt is readable, municipality + year + number, with the standard check digits', () => {
  assert.is(rfForDebts('LIX', ['2025-000123'], sha256), 'RF56LIX2025000123');
  assert.is(rfForDebts('LIX', ['2025-000124'], sha256), 'RF29LIX2025000124');
  assert.is(rfForDebts('LIX', ['2024-000042'], sha256), 'RF62LIX2024000042');
  assert.is(rfForDebts('ABCDEFGH', ['2025-000123'], sha256), 'RF34ABCDEFGH2025000123');
  // 21 characters after the check digits: the longest that still reads.
  assert.match(rfForDebts('LIX', ['2025-12345678901234'], sha256), /^RF\d{2}LIX202512345678901234$/);
  // The same debt listed twice, or with spaces around it, is still that one debt.
  assert.is(rfForDebts('LIX', [' 2025-000123', '2025-000123 '], sha256), 'RF56LIX2025000123');
});

test('rfForDebts: a selection gets one RF whatever its order, and a changed selection another', () => {
  const abc = rfForDebts('LIX', ['2025-000123', '2025-000124', '2024-000042'], sha256);
  assert.is(rfForDebts('LIX', ['2024-000042', '2025-000123', '2025-000124'], sha256), abc);
  assert.is(rfForDebts('LIX', ['2025-000124', '2024-000042', '2025-000123', '2025-000124'], sha256), abc);
  const others = [
    rfForDebts('LIX', ['2025-000123', '2025-000124'], sha256),
    rfForDebts('LIX', ['2025-000123', '2025-000124', '2024-000043'], sha256),
    rfForDebts('LIX', ['2025-000123', '2025-000124', '2024-000042', '2025-000777'], sha256),
    rfForDebts('ARG', ['2025-000123', '2025-000124', '2024-000042'], sha256),
  ];
  assert.is(new Set([abc, ...others]).size, 5);
  for (const rf of [abc, ...others]) {
    assert.ok(isValidRf(rf), rf);
    assert.ok(rf.length <= 25, rf);
  }
  assert.match(abc, /^RF\d{2}LIXS[0-9A-Z]{12}$/);
});

test('rfForDebts: a debt whose id is not year-number, or too long to read, gets a digest, still valid', () => {
  for (const id of ['2025-Α12', 'ΤΑΠ/2025/17', '2025-123456789012345']) {
    const rf = rfForDebts('LIX', [id], sha256);
    assert.ok(isValidRf(rf), id);
    assert.match(rf, /^RF\d{2}LIXS/);
    assert.is(rfForDebts('LIX', [id], sha256), rf);
  }
  assert.match(rfForDebts('ABCDEFGH', ['2025-0000000001'], sha256), /^RF\d{2}ABCDEFGHS[0-9A-Z]{12}$/);
});

test('rfForDebts: nothing selected, an empty id or a bad municipality code is refused', () => {
  assert.is(codeOf(() => rfForDebts('LIX', [], sha256)), 'OD_RF_SELECTION_EMPTY');
  assert.is(codeOf(() => rfForDebts('LIX', ['  '], sha256)), 'OD_RF_ASSESSMENT_INVALID');
  assert.is(codeOf(() => rfForDebts('LIX', ['2025-1\n2025-2'], sha256)), 'OD_RF_ASSESSMENT_INVALID');
  for (const code of ['', 'L', 'lix', 'LIX1', 'ΛΗΞ', 'ABCDEFGHI']) {
    assert.is(codeOf(() => rfForDebts(code, ['2025-000123'], sha256)), 'OD_RF_MUNICIPALITY_INVALID', code);
  }
  assert.is(rfErrors.OD_RF_MUNICIPALITY_INVALID.status, 500);
});

test('readDebtsRf: our debt read back from its code, our selection recognised, another creditor not ours', () => {
  assert.equal(readDebtsRf('LIX', 'rf56 lix2 0250 0012 3'), { kind: 'debt', rf: 'RF56LIX2025000123', assessment: '2025-000123' });
  const selection = rfForDebts('LIX', ['2025-000123', '2025-000124'], sha256);
  assert.equal(readDebtsRf('LIX', selection), { kind: 'selection', rf: selection });
  assert.equal(readDebtsRf('LIX', 'RF18539007547034'), { kind: 'other', rf: 'RF18539007547034' });
  assert.is(readDebtsRf('ARG', 'RF56LIX2025000123').kind, 'other');
  assert.is(codeOf(() => readDebtsRf('LIX', 'RF57LIX2025000123')), 'OD_RF_CHECK_DIGITS');
});

test.run();
