// Decimal degrees, with a point or (in Greek spreadsheets) a comma: "38.2019", "20,4378".
import { numberInvalid } from './errors.ts';

const DEGREES = /^-?\d{1,3}(?:[.,]\d+)?$/;

export const parseCoordinate = (raw: string, column: string): number => {
  if (!DEGREES.test(raw)) throw numberInvalid(column, raw);
  return Number(raw.replace(',', '.'));
};
