// Decided events handed from the pass that decides a file to the append that stores them, while both run:
// the decider waits when the append is `capacity` events behind, so memory stays bounded by it. The
// decider ends the pipe when the file is good, or fails it (a refused file, an error) so that the append's
// iteration throws and its transaction rolls back. Once the append stops reading, events are dropped.
import type { SpooledEvent } from './spool.ts';

export interface EventPipe {
  write(event: SpooledEvent): Promise<void>;
  /** No more events: the reader's iteration ends. */
  end(): void;
  /** The reader's iteration throws `error` (after the events already written, or at once: it is the same rollback). */
  fail(error: unknown): void;
  /** Resolves once the pipe is full or closed: the moment to start reading. */
  readonly filled: Promise<void>;
  /** True once failed. */
  readonly failed: boolean;
  /** The one reader: the events in order, all those waiting at once. */
  read(): AsyncGenerator<readonly SpooledEvent[]>;
}

type Closed = { readonly ended: true } | { readonly ended: false; readonly error: unknown };

export const eventPipe = (capacity: number): EventPipe => {
  let queue: SpooledEvent[] = [];
  let closed: Closed | null = null;
  let readerGone = false;
  let wakeReader: (() => void) | null = null;
  let wakeWriter: (() => void) | null = null;
  let fill: () => void = () => {};
  const filled = new Promise<void>((resolve) => (fill = resolve));

  const wake = (): void => {
    wakeReader?.();
    wakeReader = null;
  };
  const release = (): void => {
    wakeWriter?.();
    wakeWriter = null;
  };
  const close = (how: Closed): void => {
    closed ??= how;
    fill();
    wake();
    release();
  };

  return {
    async write(event) {
      if (readerGone || closed) return;
      queue.push(event);
      wake();
      if (queue.length < capacity) return;
      fill();
      await new Promise<void>((resolve) => (wakeWriter = resolve));
    },
    end: () => close({ ended: true }),
    fail: (error) => close({ ended: false, error }),
    filled,
    get failed() {
      return closed !== null && !closed.ended;
    },
    async *read() {
      try {
        for (;;) {
          if (closed && !closed.ended) throw closed.error;
          if (queue.length > 0) {
            const taken = queue;
            queue = [];
            release();
            yield taken;
          } else if (closed) {
            return;
          } else {
            await new Promise<void>((resolve) => (wakeReader = resolve));
          }
        }
      } finally {
        readerGone = true;
        queue = [];
        release();
      }
    },
  };
};
