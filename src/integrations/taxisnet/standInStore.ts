// The stand-in's memory of codes and tokens: each entry lives `ttlMs`, at most `limit` live at once (the
// oldest goes first), expired ones dropped as new ones come, so a loop of logins cannot grow it.
export class ExpiringStore<V> {
  readonly #entries = new Map<string, { readonly value: V; readonly expiresAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  put(key: string, value: V): void {
    const now = this.now();
    // Insertion order is expiry order (one ttl for all), so the expired are at the front.
    for (const [k, entry] of this.#entries) {
      if (entry.expiresAt > now) break;
      this.#entries.delete(k);
    }
    while (this.#entries.size >= this.limit) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value, expiresAt: now + this.ttlMs });
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Once only: a code is gone after its first use, good or bad (RFC 6749 §4.1.2). */
  take(key: string): V | undefined {
    const value = this.get(key);
    this.#entries.delete(key);
    return value;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}
