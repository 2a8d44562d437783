// Decimal degrees, with a point or (in Greek spreadsheets) a comma: "38.2019", "20,4378".
import { ingestErrors } from '../ingestErrors.ts';

const DEGREES = /^-?\d{1,3}(?:[.,]\d+)?$/;

export const parseCoordinate = (raw: string, column: string): number => {
  if (!DEGREES.test(raw)) throw ingestErrors.OD_NUMBER_INVALID({ column, raw });
  return Number(raw.replace(',', '.'));
};
