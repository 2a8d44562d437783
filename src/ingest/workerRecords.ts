// The records of a large file, read on a worker thread: decoding and CSV parsing (a fifth of an import's
// time) run beside the deciding instead of in turn with it. Flow is bounded both ways: the worker asks for
// bytes INPUT_AHEAD chunks ahead, and sends records at most AHEAD_BATCHES batches ahead of the rows decided.
// The bytes still pass through this thread first, where the import hashes them.
import { Worker } from 'node:worker_threads';
import { IngestError } from './errors.ts';
import { unpackRecords } from './packedRecords.ts';
import type { CsvRecord } from './readRecords.ts';

export const BATCH_RECORDS = 500;
export const AHEAD_BATCHES = 4;
export const INPUT_AHEAD = 4;

export type ToRecordsWorker = { readonly chunk: Uint8Array } | { readonly end: true } | { readonly credit: true };

/** An IngestError as it crosses threads (a class does not): made by the catalogue there, rebuilt as it was here. */
export interface RefusalData {
  readonly code: string;
  readonly messageEl: string;
  readonly messageEn: string;
  readonly column: string | null;
  readonly line: number | null;
  readonly status: number;
}

export type FromRecordsWorker = { readonly more: true } | { readonly records: string } | { readonly done: true } | { readonly refused: RefusalData };

// The worker is TypeScript like the rest: it registers tsx itself, as the command line does on its main
// thread only (and test runs with --import tsx would not pass it on with execArgv empty).
const workerSource = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./recordsWorker.ts', import.meta.url).href)}); });`;

export async function* workerRecords(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<readonly CsvRecord[]> {
  const worker = new Worker(workerSource, { eval: true, execArgv: [] });
  const input = chunks[Symbol.asyncIterator]();
  const inbox: FromRecordsWorker[] = [];
  let failure = null as { readonly error: unknown } | null;
  let stopped = false;
  let inputDone = false;
  let wake: (() => void) | null = null;
  const wakeUp = (): void => {
    wake?.();
    wake = null;
  };
  const fail = (error: unknown): void => {
    failure ??= { error };
    wakeUp();
  };

  // Bytes go as the worker asks, one read at a time and in order; each is copied out of its buffer (a chunk
  // may be a view into a larger one) and that copy handed over, not cloned again.
  let feeding = Promise.resolve();
  const feed = (): void => {
    feeding = feeding
      .then(async () => {
        if (stopped) return;
        const next = inputDone ? null : await input.next();
        if (stopped) return;
        if (next === null || next.done) {
          inputDone = true;
          worker.postMessage({ end: true } satisfies ToRecordsWorker);
          return;
        }
        const chunk = new Uint8Array(next.value);
        worker.postMessage({ chunk } satisfies ToRecordsWorker, [chunk.buffer]);
      })
      .catch(fail);
  };

  worker.on('message', (message: FromRecordsWorker) => {
    if ('more' in message) {
      feed();
    } else {
      inbox.push(message);
      wakeUp();
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!stopped) fail(new Error(`The thread reading the file stopped (exit code ${code})`));
  });

  try {
    for (;;) {
      const message = inbox.shift();
      if (message === undefined) {
        if (failure !== null) throw failure.error;
        await new Promise<void>((resolve) => (wake = resolve));
      } else if ('records' in message) {
        worker.postMessage({ credit: true } satisfies ToRecordsWorker);
        yield unpackRecords(message.records);
      } else if ('done' in message) {
        return;
      } else if ('refused' in message) {
        const { code, messageEl, messageEn, column, line, status } = message.refused;
        throw new IngestError(code, messageEl, messageEn, column, line, status);
      }
    }
  } finally {
    stopped = true;
    await worker.terminate();
  }
}
