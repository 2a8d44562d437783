// Decided events wait on disk, not in memory, until the whole file is known to be good: a file of a
// million rows is decided in one pass and appended in a second, with memory bounded by a chunk.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface SpooledEvent {
  readonly stream: string;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
}

export interface Spool {
  write(event: SpooledEvent): Promise<void>;
  /** Ends writing; the events come back in the order they were written, a chunk of the file at a time. */
  read(): AsyncGenerator<readonly SpooledEvent[]>;
  dispose(): Promise<void>;
}

const FLUSH_CHARS = 256 * 1024;

// A spool is named after its process, so that what a crashed import left behind (up to the size of its
// file) can be told from the spools of imports still running, in this process or another.
const SPOOL_PREFIX = 'opendimos-spool-';
/** Spools of the version before, named without their process: removed once surely abandoned. */
const UNNAMED_PREFIX = 'opendimos-import-';
const UNNAMED_AFTER_MS = 24 * 3_600_000;
/** This process's open spools: a restart may come back with the pid of the process that crashed. */
const ours = new Set<string>();

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const isAbandoned = async (dir: string, name: string): Promise<boolean> => {
  if (name.startsWith(UNNAMED_PREFIX)) return Date.now() - (await stat(join(dir, name))).mtimeMs > UNNAMED_AFTER_MS;
  const pid = Number(/^opendimos-spool-(\d+)-/.exec(name)?.[1] ?? Number.NaN);
  if (!Number.isSafeInteger(pid)) return false;
  return pid === process.pid ? !ours.has(name) : !isRunning(pid);
};

/** Removes the spools of processes that are gone (at start-up); returns their names. */
export const removeDeadSpools = async (dir = tmpdir()): Promise<string[]> => {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.startsWith(SPOOL_PREFIX) || name.startsWith(UNNAMED_PREFIX));
  const dead: string[] = [];
  for (const name of names) {
    if (!(await isAbandoned(dir, name).catch(() => false))) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    dead.push(name);
  }
  return dead;
};

const eventOf = (line: string): SpooledEvent => {
  const [stream, id, type, data] = JSON.parse(line) as [string, string, string, unknown];
  return { stream, id, type, data };
};

let cleaned: Promise<unknown> | null = null;

export const openSpool = async (parent = tmpdir()): Promise<Spool> => {
  // A command that imports without a server (opendimos import) cleans up too, once.
  await (cleaned ??= removeDeadSpools(parent));
  const dir = await mkdtemp(join(parent, `${SPOOL_PREFIX}${process.pid}-`));
  ours.add(basename(dir));
  const path = join(dir, 'events.ndjson');
  const out = createWriteStream(path, { encoding: 'utf8' });
  // A full disk fails a write later than it was asked for: kept, and thrown at the next step.
  let failure: Error | null = null;
  out.on('error', (error) => (failure ??= error));
  let pending = '';

  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    const text = pending;
    pending = '';
    if (!out.write(text)) await once(out, 'drain');
  };

  return {
    async write(event) {
      pending += `${JSON.stringify([event.stream, event.id, event.type, event.data])}\n`;
      if (pending.length >= FLUSH_CHARS) await flush();
    },
    async *read() {
      await flush();
      out.end();
      await once(out, 'finish');
      // One event a line; JSON writes a newline inside a value as \n, so a line ends only at an event's end.
      let carry = '';
      for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
        const lines = (carry + chunk).split('\n');
        carry = lines.pop() ?? '';
        yield lines.map(eventOf);
      }
      if (carry !== '') yield [eventOf(carry)];
    },
    async dispose() {
      out.destroy();
      await rm(dir, { recursive: true, force: true });
      ours.delete(basename(dir));
    },
  };
};
