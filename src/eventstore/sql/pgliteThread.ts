// SqlClient over PGlite on a worker thread (pgliteWorker.ts): the server's own thread never runs the
// database, so a 100 MB export or a heavy query no longer stalls every other request. Rows cross by
// structured clone (dates, bigints and bytes arrive as they left); a transaction's statements go to the
// worker one by one and run there inside the transaction while other callers wait.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SqlClient, SqlExecutor } from './client.ts';
import type { BusyAware } from './pgliteHead.ts';
import type { FromPglite, PgliteWorkerData, ToPglite } from './pgliteProtocol.ts';
import { PGLITE_TEMPLATE, fromWireError } from './pgliteProtocol.ts';

export interface PgliteThreadOptions {
  /** A data directory, or undefined for an in-memory database. */
  readonly dataDir?: string;
  /** PostgreSQL settings of the embedded server; PGLITE_SETTINGS unless given. */
  readonly settings?: Readonly<Record<string, string>>;
  /** The empty cluster a new data directory is made from; the one shipped beside this file unless given. */
  readonly template?: URL;
}

/**
 * PGlite's WebAssembly memory holds shared_buffers: at PostgreSQL's 128MB a bare PGlite on the fixture year
 * is 351 MiB RSS, at 32MB 230 MiB; the files are read through the operating system's cache either way.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = { shared_buffers: '32MB' };

export class PgliteWorkerStopped extends Error {
  readonly code = 'OD_PGLITE_WORKER';
  constructor(detail: string) {
    super(`Η βάση δεδομένων σταμάτησε / The embedded database stopped: ${detail}`);
  }
}

// Like the import's records worker: tsx registers itself in the thread, whatever this process was run with.
const workerSource = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./pgliteWorker.ts', import.meta.url).href)}); });`;

type Pending = { readonly resolve: (value: unknown) => void; readonly reject: (error: Error) => void };
type Request = ToPglite extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

const spawn = (data: PgliteWorkerData): Worker => new Worker(workerSource, { eval: true, execArgv: [], workerData: data });

/**
 * A new data directory is made on a thread of its own, whose memory goes with it, from the empty cluster
 * shipped beside this file (makePgliteTemplate.ts) rather than by initdb: a bare PGlite making a new
 * directory peaked at 813 MiB by initdb and 360 MiB from the template (and took 10 s against 2 s).
 */
const createDataDir = async (dataDir: string, settings: Readonly<Record<string, string>>, template: URL): Promise<void> => {
  const worker = spawn({ dataDir, settings, createOnly: true, template: fileURLToPath(template) });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromPglite) => {
        if ('ready' in message) resolve();
        else if ('failed' in message) reject(fromWireError(message.failed));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new PgliteWorkerStopped(`exit code ${code}`)));
    });
  } finally {
    await worker.terminate();
  }
};

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

export type PgliteThreadClient = SqlClient & BusyAware;

export const createPgliteThreadClient = async (options: PgliteThreadOptions = {}): Promise<PgliteThreadClient> => {
  const settings = options.settings ?? PGLITE_SETTINGS;
  if (options.dataDir && !(await exists(join(options.dataDir, 'PG_VERSION')))) await createDataDir(options.dataDir, settings, options.template ?? PGLITE_TEMPLATE);
  const worker = spawn({ dataDir: options.dataDir, settings, createOnly: false });
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let nextId = 1;
  let stopped: Error | null = null;

  const stop = (error: Error): void => {
    stopped ??= error;
    for (const { reject } of pending.values()) reject(stopped);
    pending.clear();
  };

  let started: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => (started = { resolve, reject }));

  worker.on('message', (message: FromPglite) => {
    if ('channel' in message) {
      for (const listener of listeners.get(message.channel) ?? []) listener(message.payload);
      return;
    }
    if ('ready' in message) return started?.resolve();
    if ('failed' in message) return started?.reject(fromWireError(message.failed));
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    // An idle worker must not keep the process alive (a command that forgot close would hang).
    if (pending.size === 0) worker.unref();
    if ('error' in message) waiting.reject(fromWireError(message.error));
    else waiting.resolve(message.result);
  });
  const onError = (error: Error): void => {
    stop(error);
    started?.reject(error);
  };
  worker.on('error', (error) => onError(new PgliteWorkerStopped(error.message)));
  worker.on('exit', (code) => onError(new PgliteWorkerStopped(`exit code ${code}`)));
  await ready.catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  worker.unref();

  const send = <T>(request: Request): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };

  const executor = (tx?: number): SqlExecutor => ({
    query: <Row extends object>(text: string, params?: readonly unknown[]) => send<Row[]>({ op: 'query', text, params, tx }),
    value: (text, params) => send<string | null>({ op: 'value', text, params, tx }),
    exec: (script) => send<void>({ op: 'exec', script, tx }),
  });
  const own = executor();

  return {
    dialect: 'pglite',
    ...own,
    serial: own,
    busy: () => pending.size > 0 && stopped === null,
    async transaction(work) {
      const tx = await send<number>({ op: 'begin' });
      let result;
      try {
        result = await work(executor(tx));
      } catch (error) {
        await send({ op: 'rollback', tx }).catch(() => undefined);
        throw error;
      }
      await send({ op: 'commit', tx });
      return result;
    },
    async listen(channel, onNotify) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await send({ op: 'listen', channel });
      }
      set.add(onNotify);
      return async () => {
        set.delete(onNotify);
        if (set.size === 0 && listeners.get(channel) === set) {
          listeners.delete(channel);
          await send({ op: 'unlisten', channel }).catch(() => undefined);
        }
      };
    },
    async close() {
      listeners.clear();
      if (stopped) return;
      await send({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
};
