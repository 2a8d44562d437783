// Amounts to and from Viva, exactly. Orders are made in integer cents; answers give euros as JSON numbers
// (30.00, 1234.56), which json.ts hands over as their text, so no float ever stands between the two.
import { Decimal } from 'decimal.js';

/** Viva refuses an order below 30 cents (Payment API, Create payment order: amount >= 30). */
export const MIN_CENTS = 30n;
/** Far above any debt roll, and well inside Viva's int64. */
const MAX_CENTS = 10n ** 13n;

/** Cents of an amount with at most two decimals; null when it has more, or is not finite. */
export const centsOf = (amount: Decimal): bigint | null => {
  if (!amount.isFinite() || amount.decimalPlaces() > 2) return null;
  const cents = BigInt(amount.times(100).toFixed(0));
  return cents > MAX_CENTS || cents < -MAX_CENTS ? null : cents;
};

const EURO_TEXT = /^\d{1,13}(\.\d{1,2})?$/;

/** An amount as Viva writes it (text of a JSON number, euros): null unless plain, non-negative, ≤ 2 decimals. */
export const euroOfText = (text: unknown): Decimal | null => {
  if (typeof text !== 'string') return null;
  // "30.00" and "30.0" are exactly 30; trailing zeros past two decimals still mean cents.
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return EURO_TEXT.test(trimmed) ? new Decimal(trimmed) : null;
};
