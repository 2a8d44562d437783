// The house imports in one direction: no file of src reaches itself again through its imports (types
// included). Leaf files break what would be circles: cli/io.ts, ingest/issues.ts, the API's models.ts.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

const filesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => join(entry.parentPath, entry.name));
};

/** File → the files of src it imports (types too: a cycle of types is a knot all the same). */
const importGraph = async (): Promise<Map<string, string[]>> => {
  const files = await filesUnder(SRC);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const targets = [...source.matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)].map((match) => resolve(dirname(file), match[1]!));
    graph.set(file, targets.filter((target) => files.includes(target)));
  }
  return graph;
};

/** The first cycle found, as a path of files, or null. */
const cycleIn = (graph: ReadonlyMap<string, readonly string[]>): string[] | null => {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    const at = path.indexOf(file);
    if (at !== -1) return [...path.slice(at), file];
    if (done.has(file)) return null;
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
};

test('src has no import cycle', async () => {
  const graph = await importGraph();
  assert.ok(graph.size > 200, 'the files are found');
  assert.is(cycleIn(graph)?.map((file) => relative(SRC, file)).join(' → ') ?? null, null);
});

test('the cycle check finds a cycle when there is one', () => {
  const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', []]]);
  assert.equal(cycleIn(graph), ['a', 'b', 'c', 'a']);
  assert.is(cycleIn(new Map([['a', ['b']], ['b', []]])), null);
});

test.run();
