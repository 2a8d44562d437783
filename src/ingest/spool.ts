// Decided events wait on disk, not in memory, until the whole file is known to be good: a file of a
// million rows is decided in one pass and appended in a second, with memory bounded by a chunk.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

const eventOf = (line: string): SpooledEvent => {
  const [stream, id, type, data] = JSON.parse(line) as [string, string, string, unknown];
  return { stream, id, type, data };
};

export const openSpool = async (): Promise<Spool> => {
  const dir = await mkdtemp(join(tmpdir(), 'opendimos-import-'));
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
    },
  };
};
