// Amounts as exports write them: "1.234,56", "1234,56", "1234.56", "1,234.56", "-1.234,56", "1 234,56".
// The rule for a lone separator: followed by exactly three digits after a 1-3 digit integer part ("1.234",
// "12,500") it groups thousands, because read as a decimal mark it would give three decimals, which no
// amount may have; otherwise ("1234,5", "0,125") it is the decimal mark. With both marks, the last one is
// the decimal mark. The domain's parseMoney then checks the result (at most two decimals).
import type { Decimal } from 'decimal.js';
import { parseMoney } from '../domain/index.ts';
import { ingestErrors } from './ingestErrors.ts';

const SHAPE = /^-?\d[\d.,]*$/;
const SPACES = /[\s\u00a0\u202f]/g;

const GROUPED: Readonly<Record<string, RegExp>> = { '.': /^\d{1,3}(?:\.\d{3})+$/, ',': /^\d{1,3}(?:,\d{3})+$/ };

const grouped = (digits: string, separator: string): boolean => GROUPED[separator]!.test(digits) && !digits.startsWith('0');

/** "1.234,56" → "1234.56"; null when the text is not an amount in any of the accepted styles. */
const normalise = (text: string): string | null => {
  const sign = text.startsWith('-') ? '-' : '';
  const body = text.slice(sign.length);
  const decimalAt = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  if (decimalAt === -1) return text;
  const mark = body[decimalAt]!;
  const other = mark === '.' ? ',' : '.';
  const integer = body.slice(0, decimalAt);
  const fraction = body.slice(decimalAt + 1);
  if (integer.includes(other)) {
    return grouped(integer, other) && /^\d+$/.test(fraction) ? `${sign}${integer.replaceAll(other, '')}.${fraction}` : null;
  }
  if (grouped(body, mark)) return `${sign}${body.replaceAll(mark, '')}`;
  return /^\d+$/.test(integer) && /^\d+$/.test(fraction) ? `${sign}${integer}.${fraction}` : null;
};

export const parseAmount = (raw: string, column: string): Decimal => {
  const text = raw.replace(SPACES, '');
  const normalised = SHAPE.test(text) ? normalise(text) : null;
  if (normalised === null) throw ingestErrors.OD_AMOUNT_INVALID({ column, raw });
  return parseMoney(normalised, column);
};
