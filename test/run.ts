// The test runner: every test/**/*.test.ts except the browser tests, in one process, through uvu.
// One process means one shared PGlite (see support/database.ts). Arguments filter files by substring.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeSharedPglite } from './support/database.ts';

const root = import.meta.dirname;

const findTests = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'e2e' || entry.name === 'support' ? [] : findTests(path);
      return entry.name.endsWith('.test.ts') ? [path] : [];
    }),
  );
  return nested.flat().sort();
};

const filters = process.argv.slice(2);
const files = (await findTests(root)).filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)));

const queue = globalThis as unknown as { UVU_DEFER: number; UVU_QUEUE: unknown[][]; UVU_INDEX: number };
queue.UVU_DEFER = 1;
const uvu = await import('uvu');
queue.UVU_QUEUE ??= [];
for (const [index, file] of files.entries()) {
  queue.UVU_INDEX = index;
  queue.UVU_QUEUE.push([relative(root, file)]);
  await import(pathToFileURL(file).href);
}
await uvu.exec();
if (!process.env.EVENTSTORE_URL) {
  console.log('  Not run:   EventStoreDB contract suite (EVENTSTORE_URL is not set; EventStoreDB cannot run on this machine)\n');
}
await closeSharedPglite();
// Pools and timers of a failed test must not keep the process (and CI) waiting; flush the report first.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(process.exitCode ?? 0);
