// Requests per client address in a fixed window, on each node, in bounded memory: for routes that must stay
// slow to walk whatever the site-wide rate limit is (the office login, document verification). Beyond the
// limit the caller answers at once, without doing the work (checking a password, looking a code up).
const MAX_ADDRESSES = 10_000;

export interface AddressLimit {
  readonly max: number;
  readonly windowMs: number;
}

/** Answers whether one more request from `address` is within the limit; counts it. */
export const addressLimiter = (limit: AddressLimit, now: () => number) => {
  const seen = new Map<string, { count: number; since: number }>();
  return (address: string): boolean => {
    const at = now();
    const entry = seen.get(address);
    if (!entry || at - entry.since > limit.windowMs) {
      // Bounded memory: the oldest address goes first when the table is full.
      if (!entry && seen.size >= MAX_ADDRESSES) seen.delete(seen.keys().next().value!);
      seen.set(address, { count: 1, since: at });
      return true;
    }
    entry.count += 1;
    return entry.count <= limit.max;
  };
};
