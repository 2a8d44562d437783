// The one guard behind commit, order, pay, collect and reverse: up to what is left, not a cent more.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { documentRow } from '../../../src/domain/ledger/documentRow.ts';
import { ledgerErrors } from '../../../src/domain/ledger/index.ts';
import { withinRemainder } from '../../../src/domain/ledger/withinRemainder.ts';
import { expectDomainError } from '../support/expectDomainError.ts';
import { YEAR, payment } from '../support/fiscalYear.ts';

const test = suite('within the remainder');

const paying = documentRow(payment('Π-1', 'Ε-1', '250.00').data, YEAR);

test('a row equal to what is left is accepted', () => {
  assert.not.throws(() => withinRemainder(paying, 25000n, ledgerErrors.OD_PAYMENT_EXCEEDS_ORDER));
  assert.not.throws(() => withinRemainder(paying, 25001n, ledgerErrors.OD_PAYMENT_EXCEEDS_ORDER));
});

test('a cent above what is left is refused, with the refusal given and the remainder in its text', () => {
  expectDomainError(() => withinRemainder(paying, 24999n, ledgerErrors.OD_PAYMENT_EXCEEDS_ORDER), 'OD_PAYMENT_EXCEEDS_ORDER', 'amount');
  try {
    withinRemainder(paying, 24999n, (excess) => ledgerErrors.OD_COMMITMENT_EXCEEDS_APPROPRIATION({ ...excess, line: '20-6011' }));
    assert.unreachable('refused');
  } catch (error) {
    assert.is(
      (error as Error).message,
      'OD_COMMITMENT_EXCEEDS_APPROPRIATION: The commitment of 250.00 exceeds the remaining appropriation of 249.99 on line 20-6011',
    );
  }
});

test('nothing left refuses any positive row', () => {
  expectDomainError(() => withinRemainder(paying, 0n, ledgerErrors.OD_RECEIPT_EXCEEDS_ASSESSMENT), 'OD_RECEIPT_EXCEEDS_ASSESSMENT');
  expectDomainError(() => withinRemainder(paying, -100n, ledgerErrors.OD_REVERSAL_EXCEEDS_UNREVERSED), 'OD_REVERSAL_EXCEEDS_UNREVERSED');
});

test.run();
