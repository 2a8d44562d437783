// When to try again. Waits double from 1 minute up to 24 hours (1, 2, 4 … 512, 1,024 minutes, then a day);
// the 18th attempt comes about 7.4 days after the first, and a message still undelivered then is failed.

export const FIRST_RETRY_MS = 60_000;
export const LONGEST_RETRY_MS = 24 * 60 * 60_000;
export const MAX_ATTEMPTS = 18;

/** The wait after the given attempt (1 = the first) failed. */
export const retryDelayMs = (attempt: number): number => Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
