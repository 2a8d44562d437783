// Spools left in the temporary folder by imports that crashed are removed at start-up; those of imports
// still running, in this process or another, are not.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openSpool, removeDeadSpools } from '../../src/ingest/spool.ts';

const test = suite<{ root: string }>('spools of crashed imports');
test.before.each(async (context) => {
  context.root = await mkdtemp(join(tmpdir(), 'opendimos-spools-'));
});
test.after.each(async ({ root }) => rm(root, { recursive: true, force: true }));

/** The pid of a process that has ended. */
const deadPid = async (): Promise<number> => {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
};

const leftBehind = async (root: string, name: string): Promise<void> => {
  await mkdir(join(root, name));
  await writeFile(join(root, name, 'events.ndjson'), '["fiscalYear-2025","id","BudgetLineEstablished",{}]\n');
};

test('a dead process\'s spool is removed; a running one\'s, and this process\'s open spool, are kept', async ({ root }) => {
  const dead = `opendimos-spool-${await deadPid()}-aB3xYz`;
  const running = `opendimos-spool-${process.ppid}-Qw9eRt`;
  // A crash before a restart that came back with this process's pid (a container's pid 1, say).
  const samePidBefore = `opendimos-spool-${process.pid}-Zx8cVb`;
  for (const name of [dead, running, samePidBefore]) await leftBehind(root, name);
  await leftBehind(root, 'someone-elses-dir');
  // The first spool of a process cleans up too; in a suite that has imported before, it was not this one.
  const open = await openSpool(root);
  await open.write({ stream: 'fiscalYear-2025', id: 'id', type: 'BudgetLineEstablished', data: {} });

  await removeDeadSpools(root);
  const left = (await readdir(root)).sort();
  assert.is(left.length, 3);
  assert.ok(left.includes(running) && left.includes('someone-elses-dir'));
  const [ownName] = left.filter((name) => name.startsWith(`opendimos-spool-${process.pid}-`));
  assert.ok(ownName, 'the open spool is named after this process and kept');
  assert.equal([...(await readAll(open))].map((event) => event.stream), ['fiscalYear-2025'], 'and still readable');
  await open.dispose();
  assert.equal((await readdir(root)).sort(), [running, 'someone-elses-dir'].sort());
});

test('spools of the version before (no pid in the name) go once they are a day old', async ({ root }) => {
  await leftBehind(root, 'opendimos-import-old123');
  await leftBehind(root, 'opendimos-import-new456');
  const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
  await utimes(join(root, 'opendimos-import-old123'), twoDaysAgo, twoDaysAgo);
  assert.equal(await removeDeadSpools(root), ['opendimos-import-old123']);
  assert.equal(await readdir(root), ['opendimos-import-new456']);
});

async function readAll(spool: Awaited<ReturnType<typeof openSpool>>) {
  const events = [];
  for await (const batch of spool.read()) events.push(...batch);
  return events;
}

test.run();
