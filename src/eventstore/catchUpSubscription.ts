// A catch-up subscription over any store that can read all events after a position: history in batches,
// then live. Correctness rests on the store's guarantee that positions become visible in order, so
// "everything after my checkpoint" never misses an event that commits late.
import type { ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription } from './port.ts';

export interface ChangeSignal {
  /** Number of change notifications seen so far; a waiter compares it to skip a wait it no longer needs. */
  readonly count: () => number;
  /** Resolves on the next notification after `seen`, after `timeoutMs` (a poll, for lost notifications), or on stop. */
  readonly wait: (seen: number, timeoutMs: number, stop: AbortSignal) => Promise<void>;
}

export interface CatchUpDependencies {
  readonly readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>;
  readonly signal: ChangeSignal;
  readonly pollIntervalMs: number;
  /** Resolves once live notifications are being received (LISTEN registered); reading starts after it. */
  readonly ready?: Promise<unknown>;
}

const RETRY_MAX_MS = 30_000;

export const catchUpSubscription = (deps: CatchUpDependencies, options: SubscribeOptions): Subscription => {
  const batchSize = options.batchSize ?? 500;
  let position = options.fromPosition ?? 0;
  let running = true;
  const stopping = new AbortController();
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  const sleep = (ms: number) => deps.signal.wait(Number.POSITIVE_INFINITY, ms, stopping.signal);

  const loop = async (): Promise<void> => {
    let failures = 0;
    await deps.ready;
    while (running) {
      const seen = deps.signal.count();
      let batch: RecordedEvent[];
      try {
        batch = await deps.readAll({ fromPosition: position, maxCount: batchSize });
        failures = 0;
      } catch {
        // The database may be restarting: retry with a capped backoff rather than losing the subscriber.
        failures++;
        await sleep(Math.min(RETRY_MAX_MS, 250 * 2 ** failures));
        continue;
      }
      if (!running) break;
      if (batch.length > 0) {
        await options.onEvents(batch);
        position = batch[batch.length - 1]!.position;
        continue;
      }
      markCaughtUp();
      await deps.signal.wait(seen, deps.pollIntervalMs, stopping.signal);
    }
  };

  const done = loop().catch((error: unknown) => {
    running = false;
    options.onError?.(error);
  });

  return {
    get position() {
      return position;
    },
    caughtUp,
    async stop() {
      running = false;
      stopping.abort();
      await done;
    },
  };
};

/** A ChangeSignal fed by `notify()` calls (from LISTEN/NOTIFY or an in-process emitter). */
export const createChangeSignal = (): ChangeSignal & { notify: () => void } => {
  let count = 0;
  const waiters = new Set<() => void>();
  return {
    count: () => count,
    notify() {
      count++;
      for (const wake of [...waiters]) wake();
    },
    wait(seen, timeoutMs, stop) {
      if (count > seen || stop.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          stop.removeEventListener('abort', wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, timeoutMs);
        waiters.add(wake);
        stop.addEventListener('abort', wake);
      });
    },
  };
};
