// Money (ποσά): decimal.js at every seam, strings with two decimals in events, never a JS float.
// Inside aggregate state amounts are bigint cents (see ledger/state.ts): exact, and far smaller than a
// Decimal object per document when a year holds a million documents.
import { Decimal } from 'decimal.js';
import { sharedErrors } from './sharedErrors.ts';

const NORMALISED = /^-?\d+(\.\d+)?$/;

/**
 * Checks an amount already normalised by the import ("1234.56", "-5.00") or a Decimal: finite, at most
 * two decimals. The sign is the caller's rule (a budget row may be zero, an amendment negative).
 */
export const parseMoney = (value: Decimal | string, column = 'amount'): Decimal => {
  const amount = typeof value === 'string' ? decimalOf(value, column) : value;
  if (!amount.isFinite()) {
    throw sharedErrors.OD_AMOUNT_INVALID({ amount, column });
  }
  if (amount.decimalPlaces() > 2) {
    throw sharedErrors.OD_AMOUNT_PRECISION({ amount, column });
  }
  // -0.00 would otherwise print with its sign.
  return amount.isZero() ? new Decimal(0) : amount;
};

const decimalOf = (text: string, column: string): Decimal => {
  if (!NORMALISED.test(text)) {
    throw sharedErrors.OD_AMOUNT_INVALID({ amount: text, column });
  }
  return new Decimal(text);
};

/** "1234.50": always two decimals, no grouping, a minus sign only below zero. */
export const formatMoney = (amount: Decimal): string => parseMoney(amount).toFixed(2);

/** Exact: a checked amount has at most two decimals, so its cents are an integer. */
export const toCents = (amount: Decimal): bigint => BigInt(formatMoney(amount).replace('.', ''));

export const fromCents = (cents: bigint): Decimal => new Decimal(formatCents(cents));

export const formatCents = (cents: bigint): string => {
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  return `${cents < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

const TWO_DECIMALS = /^-?\d+\.\d{2}$/;

/** Cents of an event amount: events always carry two decimals, so the common case skips decimal.js. */
export const centsOf = (amount: string): bigint =>
  TWO_DECIMALS.test(amount) ? BigInt(amount.replace('.', '')) : toCents(parseMoney(amount));
