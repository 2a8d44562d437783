import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Decimal } from 'decimal.js';
import { centsOf, formatCents, formatMoney, fromCents, parseMoney, toCents } from '../../../src/domain/shared/money.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

test('money: normalised strings and Decimals with up to two decimals are accepted', () => {
  assert.is(parseMoney('1234.56').toString(), '1234.56');
  assert.is(parseMoney('-5.00').toFixed(2), '-5.00');
  assert.is(parseMoney(new Decimal('0.1')).toFixed(2), '0.10');
  assert.is(parseMoney('1.500').toFixed(2), '1.50');
});

test('money: more than two decimals is refused, in the column given', () => {
  expectDomainError(() => parseMoney('1.234'), 'OD_AMOUNT_PRECISION', 'amount');
  expectDomainError(() => parseMoney(new Decimal('1.005'), 'value'), 'OD_AMOUNT_PRECISION', 'value');
});

test('money: what is not a normalised finite number is refused', () => {
  for (const text of ['1,5', '1.234,56', '1e3', 'NaN', 'Infinity', '', ' 12', '+5', '.5', '12.']) {
    expectDomainError(() => parseMoney(text), 'OD_AMOUNT_INVALID', 'amount');
  }
  expectDomainError(() => parseMoney(new Decimal(Infinity)), 'OD_AMOUNT_INVALID');
});

test('money: formatted with two decimals, no grouping, no negative zero', () => {
  assert.is(formatMoney(new Decimal('1234.5')), '1234.50');
  assert.is(formatMoney(new Decimal('1234567.8')), '1234567.80');
  assert.is(formatMoney(new Decimal('-0')), '0.00');
  assert.is(formatMoney(new Decimal('-12')), '-12.00');
  expectDomainError(() => formatMoney(new Decimal('0.001')), 'OD_AMOUNT_PRECISION');
});

test('money: cents are exact, also beyond what a float holds', () => {
  assert.is(toCents(new Decimal('0.1')) + toCents(new Decimal('0.2')), 30n);
  assert.is(toCents(new Decimal('12345678901234567.89')), 1234567890123456789n);
  assert.is(fromCents(1234567890123456789n).toFixed(2), '12345678901234567.89');
  assert.is(fromCents(-5n).toFixed(2), '-0.05');
});

test('money: cents print and parse as event amounts', () => {
  assert.is(formatCents(5n), '0.05');
  assert.is(formatCents(-123456n), '-1234.56');
  assert.is(formatCents(0n), '0.00');
  assert.is(centsOf('1234.50'), 123450n);
  assert.is(centsOf('-0.07'), -7n);
  assert.is(centsOf('12.3'), 1230n);
});

test.run();
