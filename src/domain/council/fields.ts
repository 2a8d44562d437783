// Checks on the council's fields, shared by the office's forms and the Popolo import.
import { councilErrors } from './errors.ts';

export const requireText = (text: string | null | undefined, field: string): string => {
  const tidy = text?.trim() ?? '';
  if (tidy === '') throw councilErrors.OD_COUNCIL_TEXT_MISSING({ field });
  return tidy;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// A session's time as the notice gives it: a date, a time, and the offset (Athens is +02:00 or +03:00).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const realDay = (value: string): boolean => {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

export const checkDay = (value: string): string => {
  if (!DAY.test(value) || !realDay(value)) throw councilErrors.OD_COUNCIL_DATE_INVALID({ value });
  return value;
};

export const checkDateTime = (value: string): string => {
  if (!DATE_TIME.test(value) || !realDay(value) || Number.isNaN(Date.parse(value))) throw councilErrors.OD_COUNCIL_DATE_INVALID({ value });
  return value;
};

/** The calendar day of a date-time in its own offset (a session at 23:30+02:00 is that day's). */
export const dayOf = (dateTime: string): string => dateTime.slice(0, 10);

export const checkStreamUrl = (url: string | null): string | null => {
  if (url === null || url.trim() === '') return null;
  try {
    if (new URL(url.trim()).protocol === 'https:') return url.trim();
  } catch {
    // refused below
  }
  throw councilErrors.OD_COUNCIL_URL_INVALID();
};
