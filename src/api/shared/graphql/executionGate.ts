// How many uncached GraphQL executions run at once. Past the limit a request waits its turn in a short
// queue; a full queue, or a wait too long, is a refusal with OD_BUSY and Retry-After, so that the event loop
// and the connection pool keep serving everyone else (/health, the site, the live feed, imports).
import { ExecutionStopped } from './executionStopped.ts';

export interface ExecutionGateOptions {
  /** Executions running at once. */
  readonly concurrency: number;
  /** Executions waiting for their turn; one more is refused at once. */
  readonly queue: number;
  /** How long one waits before it is refused. */
  readonly maxWaitMs: number;
}

export interface ExecutionGate {
  /** Resolves to the release of a turn; rejects with OD_BUSY, or OD_CLIENT_GONE when `signal` aborts first. */
  readonly acquire: (signal?: AbortSignal) => Promise<() => void>;
  readonly running: () => number;
  readonly waiting: () => number;
}

interface Waiter {
  readonly grant: () => void;
}

export const createExecutionGate = ({ concurrency, queue, maxWaitMs }: ExecutionGateOptions): ExecutionGate => {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`ExecutionGate: concurrency must be a whole number ≥ 1 (got ${concurrency})`);
  if (!Number.isInteger(queue) || queue < 0) throw new Error(`ExecutionGate: queue must be a whole number ≥ 0 (got ${queue})`);
  let running = 0;
  const waiters: Waiter[] = [];
  const retryAfterSeconds = Math.max(1, Math.ceil(maxWaitMs / 1000));

  const release = (): void => {
    const next = waiters.shift();
    if (next) next.grant();
    else running -= 1;
  };
  const turn = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };

  return {
    running: () => running,
    waiting: () => waiters.length,
    acquire: (signal) => {
      if (signal?.aborted) return Promise.reject(new ExecutionStopped('OD_CLIENT_GONE'));
      if (running < concurrency) {
        running += 1;
        return Promise.resolve(turn());
      }
      if (waiters.length >= queue) return Promise.reject(new ExecutionStopped('OD_BUSY', { retryAfterSeconds }));
      return new Promise((resolve, reject) => {
        const leave = (error: ExecutionStopped) => {
          const at = waiters.indexOf(waiter);
          if (at >= 0) waiters.splice(at, 1);
          clearTimeout(timer);
          signal?.removeEventListener('abort', gone);
          reject(error);
        };
        const gone = () => leave(new ExecutionStopped('OD_CLIENT_GONE'));
        // The turn passes straight to the next in line: `running` stays as it is.
        const waiter: Waiter = {
          grant: () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', gone);
            resolve(turn());
          },
        };
        const timer = setTimeout(() => leave(new ExecutionStopped('OD_BUSY', { retryAfterSeconds })), maxWaitMs);
        signal?.addEventListener('abort', gone, { once: true });
        waiters.push(waiter);
      });
    },
  };
};
