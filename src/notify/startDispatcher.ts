// The dispatcher as a service of the running process: a pass at start, on every enqueue (NOTIFY from any
// process) and every `pollMs` (for retries falling due), never two passes at once in one process. All of
// its work is I/O awaited on the event loop, which it never blocks. stop() lets the sends under way finish
// and be recorded, hands back what it had claimed but not sent, and stops listening. The transports are
// the caller's to close.
import { randomUUID } from 'node:crypto';
import type { DispatchOptions } from './dispatch.ts';
import { dispatchPass } from './dispatch.ts';
import { outboxChannel } from './outboxTable.ts';

export interface Dispatcher {
  stop(): Promise<void>;
  /** Runs a pass now (or right after the one under way). */
  kick(): void;
}

export const startDispatcher = (options: DispatchOptions & { readonly pollMs?: number }): Dispatcher => {
  const o: DispatchOptions = { ...options, worker: options.worker ?? randomUUID() };
  const pollMs = options.pollMs ?? 15_000;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(run, pollMs);
    timer.unref();
  };
  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    running = dispatchPass(o, () => stopped)
      .then(() => undefined)
      .catch((error: unknown) => o.log?.(`notify: dispatch pass failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          run();
        } else schedule();
      });
  }

  const listening = options.client.listen(outboxChannel(options.schema), () => run()).catch((error: unknown) => {
    o.log?.(`notify: cannot listen for new messages, polling only: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  run();

  return {
    kick: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (running) await running;
      const unlisten = await listening;
      await unlisten?.();
    },
  };
};
