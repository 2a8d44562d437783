// Dates as exports write them: dd/mm/yyyy, d/m/yyyy (also with '.' or '-' between), or ISO yyyy-mm-dd.
// The result is ISO; only real calendar dates pass (31/02/2025 does not).
import { checkedOnce, yearOfIsoDate } from '../domain/index.ts';
import { ingestErrors } from './ingestErrors.ts';

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const isoOf = (text: string): string | null => {
  if (ISO.test(text)) return text;
  const match = DAY_FIRST.exec(text);
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : null;
};

const isRealDate = (iso: string): boolean => {
  try {
    yearOfIsoDate(iso);
    return true;
  } catch {
    return false;
  }
};

/** Null when `raw` is not a date; a file holds a few hundred dates, each read once. */
const isoDateOf = checkedOnce((raw: string): string | null => {
  const iso = isoOf(raw.trim());
  return iso !== null && isRealDate(iso) ? iso : null;
});

/** The clerk sees the date as they wrote it, not the ISO form the domain would quote. */
export const parseDate = (raw: string, column: string): string => {
  const iso = isoDateOf(raw);
  if (iso === null) throw ingestErrors.OD_DATE_INVALID({ column, raw });
  return iso;
};
