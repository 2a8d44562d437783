// Dates reach the domain as ISO yyyy-mm-dd (the import converts dd/mm/yyyy); the fiscal year is their year.
import { sharedErrors } from './sharedErrors.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the year of a real calendar date in ISO form, or refuses it. */
export const yearOfIsoDate = (date: string): number => {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const parsed = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip.
    if (parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day) return year;
  }
  throw sharedErrors.OD_DATE_INVALID({ date });
};
