// Working days (εργάσιμες ημέρες) of the public services, for an application's legal deadline: Monday to
// Friday except the Greek public holidays that close them and the municipality's own (its patron saint).
// Dates are calendar days as yyyy-mm-dd; the arithmetic runs on UTC day numbers, so no time zone shifts them.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real calendar date, or a RangeError naming what was given. */
const dayNumber = (date: string): number => {
  const match = ISO_DAY.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const parsed = new Date(ms);
    // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
    if (parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day) return ms / DAY_MS;
  }
  throw new RangeError(`Μη έγκυρη ημερομηνία «${date}» (αναμένεται εεεε-μμ-ηη) / Invalid date "${date}" (expected yyyy-mm-dd)`);
};

const isoOf = (days: number): string => new Date(days * DAY_MS).toISOString().slice(0, 10);

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Orthodox Easter (Πάσχα) of a year, in the Gregorian calendar: Meeus' Julian computus, then the Julian
 * calendar's lag behind the Gregorian (13 days from 1900 to 2099), computed for the year's century.
 */
export const orthodoxEaster = (year: number): string => {
  if (!Number.isInteger(year) || year < 1583 || year > 4099) throw new RangeError(`Έτος εκτός ορίων 1583–4099: ${year} / Year outside 1583–4099: ${year}`);
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  // Easter is always after March, so the lag of the year's own century applies (no leap-day edge).
  const lag = Math.floor(year / 100) - Math.floor(year / 400) - 2;
  return isoOf(dayNumber(`${year}-${pad(month)}-${pad(day)}`) + lag);
};

/**
 * Labour Day (Πρωτομαγιά) for the public services is 1 May by law (ν. 1157/1981, άρθρο 1 παρ. 11(α)). When it
 * falls in Holy Week the Minister of the Interior may move it, by a decision of that year, and has not always:
 * 2013 kept it on Holy Wednesday (Υπ. Διοικητικής Μεταρρύθμισης ΔΙΔΑΔΠ/Φ.Β.9/11448/19-4-2013); 2021 moved it
 * from Holy Saturday to Easter Tuesday 4 May (ΔΙΔΑΔ/Φ.70/67/οικ.7382/26-4-2021, Β΄ 1732); 2024 from Holy
 * Wednesday to Easter Tuesday 7 May (ΔΙΔΑΔ/Φ.70Α/60/οικ.5420/8-3-2024, Β΄ 1836). So no rule is guessed: the
 * decisions are data, a year without one keeps 1 May, and a new decision is one more line here.
 */
export const LABOUR_DAY_MOVED: Readonly<Record<number, string>> = {
  2021: '2021-05-04',
  2024: '2024-05-07',
};

/**
 * The year's public holidays closing the public services, sorted: the fixed days, Labour Day (above), and
 * those that follow Orthodox Easter: Clean Monday (Καθαρά Δευτέρα, −48), Good Friday (Μεγάλη Παρασκευή, −2),
 * Easter Monday (+1) and Whit Monday (Αγίου Πνεύματος, +50).
 */
export const publicHolidays = (year: number): readonly string[] => {
  const easter = dayNumber(orthodoxEaster(year));
  const fixed = ['01-01', '01-06', '03-25', '08-15', '10-28', '12-25', '12-26'].map((md) => dayNumber(`${year}-${md}`));
  const labourDay = dayNumber(LABOUR_DAY_MOVED[year] ?? `${year}-05-01`);
  const movable = [easter - 48, easter - 2, easter + 1, easter + 50, labourDay];
  return [...new Set([...fixed, ...movable])].sort((x, y) => x - y).map(isoOf);
};

const holidayCache = new Map<number, ReadonlySet<string>>();

const holidaysOf = (year: number): ReadonlySet<string> => {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(publicHolidays(year));
    holidayCache.set(year, set);
  }
  return set;
};

/** Not a Saturday or Sunday, a national public holiday, or one of `extra` (local holidays, yyyy-mm-dd). */
export const isWorkingDay = (date: string, extra: readonly string[] = []): boolean => {
  const days = dayNumber(date);
  // 1970-01-01 was a Thursday: day 0 → weekday 4 (Sunday = 0).
  const weekday = (((days + 4) % 7) + 7) % 7;
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(Number(date.slice(0, 4))).has(date) && !extra.includes(date);
};

/**
 * The due date of a deadline of `n` working days counted from `date`: the n-th working day after it (the
 * day of filing does not count). `n` = 0 gives `date` itself.
 */
export const addWorkingDays = (date: string, n: number, extra: readonly string[] = []): string => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Ο αριθμός ημερών πρέπει να είναι μη αρνητικός ακέραιος: ${n} / The number of days must be a non-negative integer: ${n}`);
  let day = dayNumber(date);
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWorkingDay(isoOf(day), extra)) left -= 1;
  }
  return isoOf(day);
};

/**
 * Working days after `from` up to and including `to`, so that workingDaysBetween(d, addWorkingDays(d, n)) = n;
 * negative when `to` is before `from` (how many working days a deadline is overdue, seen from the other side).
 */
export const workingDaysBetween = (from: string, to: string, extra: readonly string[] = []): number => {
  const [start, end] = [dayNumber(from), dayNumber(to)];
  if (end < start) return -workingDaysBetween(to, from, extra);
  let count = 0;
  for (let day = start + 1; day <= end; day++) if (isWorkingDay(isoOf(day), extra)) count += 1;
  return count;
};
