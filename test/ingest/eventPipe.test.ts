// The pipe between the pass that decides a file and the append that stores it while it is decided.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventPipe } from '../../src/ingest/eventPipe.ts';
import type { SpooledEvent } from '../../src/ingest/spool.ts';

const event = (n: number): SpooledEvent => ({ stream: 'fiscalYear-2025', id: `id-${n}`, type: 'ExpenseCommitted', data: { n } });
const idsOf = (events: readonly SpooledEvent[]): string[] => events.map((e) => e.id);
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

test('pipe: events come out in the order written, and the reading ends when the writing does', async () => {
  const pipe = eventPipe(10);
  const read: SpooledEvent[] = [];
  const reading = (async () => {
    for await (const some of pipe.read()) read.push(...some);
  })();
  for (let n = 0; n < 25; n++) await pipe.write(event(n));
  pipe.end();
  await reading;
  assert.equal(idsOf(read), Array.from({ length: 25 }, (_, n) => `id-${n}`));
});

test('pipe: the writer waits once the reader is `capacity` events behind; filled says so', async () => {
  const pipe = eventPipe(3);
  let filled = false;
  void pipe.filled.then(() => (filled = true));
  let written = 0;
  const writing = (async () => {
    for (let n = 0; n < 5; n++) {
      await pipe.write(event(n));
      written++;
    }
  })();
  await tick();
  assert.is(written, 2, 'the third write waits');
  assert.ok(filled);
  const reader = pipe.read();
  const first = await reader.next();
  assert.equal(first.done ? null : idsOf(first.value), ['id-0', 'id-1', 'id-2'], 'all that wait, at once');
  await tick();
  assert.is(written, 5);
  pipe.end();
  await writing;
  const rest: string[] = [];
  for await (const some of reader) rest.push(...idsOf(some));
  assert.equal(rest, ['id-3', 'id-4']);
});

test('pipe: failing it makes the reading throw; later writes are dropped', async () => {
  const pipe = eventPipe(10);
  const reason = new Error('the file is rejected');
  await pipe.write(event(0));
  pipe.fail(reason);
  await pipe.write(event(1));
  assert.ok(pipe.failed);
  const read: string[] = [];
  let thrown: unknown = null;
  try {
    for await (const some of pipe.read()) read.push(...idsOf(some));
  } catch (error) {
    thrown = error;
  }
  assert.is(thrown, reason);
  assert.equal(read, []);
});

test('pipe: a reader that stops (the append failed) releases a waiting writer, and writes are dropped', async () => {
  const pipe = eventPipe(2);
  const writing = (async () => {
    for (let n = 0; n < 10; n++) await pipe.write(event(n));
  })();
  for await (const some of pipe.read()) if (some.some((e) => e.id === 'id-0')) break;
  await writing;
  pipe.end();
  assert.not.ok(pipe.failed);
});

test('pipe: filled also resolves when the writing ends before the pipe is full', async () => {
  const pipe = eventPipe(100);
  await pipe.write(event(0));
  pipe.end();
  await pipe.filled;
  const read: string[] = [];
  for await (const some of pipe.read()) read.push(...idsOf(some));
  assert.equal(read, ['id-0']);
});

test.run();
