// How many requests an Open311 client may POST: so many a minute per API key (one app's whole traffic) and
// fewer per client address whatever the key, so that a script behind one address cannot flood the office
// by spreading its reports over several apps' keys. Counted on each node, in bounded memory (the shared
// address limiter). The address is counted before the key is looked up, the key before the report is
// checked; a refusal records nothing. GET is not counted: reading is the site-wide limit's business.
import type { AddressLimit } from '../shared/addressLimiter.ts';
import { addressLimiter } from '../shared/addressLimiter.ts';

export interface SubmissionLimits {
  readonly perKey: AddressLimit;
  readonly perAddress: AddressLimit;
}

export const DEFAULT_SUBMISSION_LIMITS: SubmissionLimits = {
  perKey: { max: 60, windowMs: 60_000 },
  perAddress: { max: 10, windowMs: 60_000 },
};

/** Why a POST is refused, with the seconds to wait (the spec's 429, `Retry-After`). */
export interface TooManyRequests {
  readonly retryAfterSeconds: number;
  readonly description: string;
}

// The window is fixed and restarts at most one window after the refusal: that is the honest wait to announce.
const refusal = (limit: AddressLimit, el: string, en: string): TooManyRequests => {
  const retryAfterSeconds = Math.max(1, Math.ceil(limit.windowMs / 1000));
  return {
    retryAfterSeconds,
    description: `Πάρα πολλά αιτήματα ${el}· δοκιμάστε ξανά σε ${retryAfterSeconds} δευτερόλεπτα / Too many requests ${en}; retry in ${retryAfterSeconds} seconds`,
  };
};

/** The two counters of one app instance; `now` in milliseconds. */
export const submissionLimiter = (limits: SubmissionLimits, now: () => number) => {
  const perAddress = addressLimiter(limits.perAddress, now);
  const perKey = addressLimiter(limits.perKey, now);
  return {
    /** Counts one POST from `address`; a refusal when the address is over its limit. */
    fromAddress: (address: string): TooManyRequests | null => (perAddress(address) ? null : refusal(limits.perAddress, 'από αυτή τη διεύθυνση', 'from this address')),
    /** Counts one POST with a valid `key`; a refusal when the key is over its limit. */
    withKey: (key: string): TooManyRequests | null => (perKey(key) ? null : refusal(limits.perKey, 'με αυτό το κλειδί', 'with this key')),
  };
};

/** Checked up front, at start-up: a limit of no requests or no time would refuse every report. */
export const checkSubmissionLimits = (limits: SubmissionLimits): SubmissionLimits => {
  for (const [name, limit] of Object.entries(limits) as [string, AddressLimit][]) {
    if (!Number.isInteger(limit.max) || limit.max < 1 || !Number.isInteger(limit.windowMs) || limit.windowMs < 1) {
      throw new Error(`Open311 submission limit ${name}: max and windowMs must be positive integers (got ${JSON.stringify(limit)})`);
    }
  }
  return limits;
};
