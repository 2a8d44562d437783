// The worker thread that holds PGlite for the server (pgliteThread.ts): a long query runs here, and the
// server's thread goes on answering requests meanwhile.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { SqlExecutor } from './client.ts';
import { pgliteExecutor } from './pgliteClient.ts';
import type { FromPglite, PgliteStatement, PgliteWorkerData, ToPglite } from './pgliteProtocol.ts';
import { toWireError } from './pgliteProtocol.ts';

if (parentPort === null) throw new Error('pgliteWorker.ts runs on a worker thread');
const port = parentPort;
const post = (message: FromPglite): void => port.postMessage(message);
const { dataDir, settings, createOnly, template } = workerData as PgliteWorkerData;

const run = (db: SqlExecutor, statement: PgliteStatement): Promise<unknown> => {
  switch (statement.op) {
    case 'query':
      return db.query(statement.text, statement.params);
    case 'value':
      return db.value(statement.text, statement.params, { name: '' });
    case 'exec':
      return db.exec(statement.script);
  }
};

const answer = async (id: number, work: () => Promise<unknown>): Promise<void> => {
  try {
    post({ id, result: await work() });
  } catch (error) {
    post({ id, error: toWireError(error) });
  }
};

type TxEnd = { readonly id: number; readonly op: 'commit' | 'rollback'; readonly tx: number };
type TxMessage = PgliteStatement | TxEnd;
const isEnd = (message: TxMessage): message is TxEnd => message.op === 'commit' || message.op === 'rollback';

/** The messages of one open transaction, handed to it in order as it asks for them. */
const inbox = () => {
  const waiting: TxMessage[] = [];
  let wake: ((message: TxMessage) => void) | null = null;
  return {
    push(message: TxMessage) {
      if (wake) {
        wake(message);
        wake = null;
      } else waiting.push(message);
    },
    next: (): Promise<TxMessage> => (waiting.length > 0 ? Promise.resolve(waiting.shift()!) : new Promise((resolve) => (wake = resolve))),
  };
};

/**
 * A new directory from the empty cluster shipped beside this file. One the installed PGlite cannot start
 * (made by another version) is emptied again and made by initdb instead, with a word on stderr.
 */
const fromTemplate = async (file: string, startParams: string[]): Promise<PGlite> => {
  try {
    return await PGlite.create({ dataDir, startParams, loadDataDir: new Blob([await readFile(file)]) });
  } catch (error) {
    process.stderr.write(`Το πρότυπο της βάσης δεν φορτώθηκε, γίνεται initdb / The database template did not load, running initdb: ${String(error)}\n`);
    await emptyDirectory(dataDir!);
    return PGlite.create({ dataDir, startParams });
  }
};

const emptyDirectory = async (dir: string): Promise<void> => {
  for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
};

const start = async (): Promise<void> => {
  const startParams = [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
  const db = template ? await fromTemplate(template, startParams) : await PGlite.create({ ...(dataDir ? { dataDir } : {}), startParams });
  if (createOnly) {
    await db.close();
    post({ ready: true });
    return;
  }
  const own = pgliteExecutor(db);
  const transactions = new Map<number, ReturnType<typeof inbox>>();
  const unlisteners = new Map<string, () => Promise<void>>();

  const begin = (id: number): void => {
    const messages = inbox();
    transactions.set(id, messages);
    let ending = id;
    let begun = false;
    // PGlite's own transaction holds off every other statement until this one ends.
    db.transaction(async (tx) => {
      begun = true;
      post({ id, result: id });
      const statements = pgliteExecutor(tx);
      for (;;) {
        const message = await messages.next();
        if (isEnd(message)) {
          ending = message.id;
          if (message.op === 'rollback') await tx.rollback();
          return;
        }
        await answer(message.id, () => run(statements, message));
      }
    }).then(
      () => post({ id: ending, result: null }),
      (error: unknown) => post({ id: begun ? ending : id, error: toWireError(error) }),
    ).finally(() => transactions.delete(id));
  };

  port.on('message', (message: ToPglite) => {
    switch (message.op) {
      case 'query':
      case 'value':
      case 'exec':
        if (message.tx === undefined) void answer(message.id, () => run(own, message));
        else transactions.get(message.tx)?.push(message);
        return;
      case 'commit':
      case 'rollback':
        transactions.get(message.tx)?.push(message);
        return;
      case 'begin':
        begin(message.id);
        return;
      case 'listen':
        void answer(message.id, async () => {
          if (unlisteners.has(message.channel)) return null;
          unlisteners.set(message.channel, await db.listen(message.channel, (payload) => post({ channel: message.channel, payload })));
          return null;
        });
        return;
      case 'unlisten':
        void answer(message.id, async () => {
          const unlisten = unlisteners.get(message.channel);
          unlisteners.delete(message.channel);
          await unlisten?.();
          return null;
        });
        return;
      case 'close':
        void answer(message.id, async () => {
          await db.close();
          port.close();
          return null;
        });
        return;
    }
  });
  post({ ready: true });
};

start().catch((error: unknown) => post({ failed: toWireError(error) }));
