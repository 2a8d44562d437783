// The command line and the running server: the control socket runs a command in the server and returns
// its output and exit status; the data-directory lock keeps a second process off PGlite.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { controlSocketPath, runInServer, startControlServer } from '../../src/cli/control.ts';
import { DataDirBusy, lockDataDir } from '../../src/cli/dataDirLock.ts';
import { runCli } from '../../src/cli/runCli.ts';

const test = suite<{ dir: string }>('command line and control socket');
test.before.each(async (context) => {
  context.dir = await mkdtemp(join(tmpdir(), 'opendimos-cli-'));
});
test.after.each(async ({ dir }) => rm(dir, { recursive: true, force: true }));

const capture = () => {
  let text = '';
  return { stream: new Writable({ write: (chunk: Buffer, _e, done) => ((text += chunk.toString()), done()) }), text: () => text };
};

test('a command sent over the socket runs in the server with the caller\'s arguments and directory', async ({ dir }) => {
  const seen: unknown[] = [];
  const control = await startControlServer(dir, async (request, io) => {
    seen.push(request);
    io.stdout.write('ξεκίνησε / started\n');
    io.stderr.write('προειδοποίηση / warning\n');
    return 7;
  });
  assert.is((await stat(controlSocketPath(dir))).mode & 0o777, 0o600, 'only the same user may connect');
  const result = await runInServer(dir, { command: 'import', args: ['a.csv', '--json'], cwd: '/home/clerk' });
  assert.equal(result, { exitCode: 7, stdout: 'ξεκίνησε / started\n', stderr: 'προειδοποίηση / warning\n' });
  assert.equal(seen, [{ command: 'import', args: ['a.csv', '--json'], cwd: '/home/clerk' }]);
  await control.close();
  assert.is(await runInServer(dir, { command: 'verify', args: [], cwd: '/' }), null, 'no server: the caller opens the database itself');
});

test('the data-directory lock refuses a second holder and takes over a dead one\'s lock', async ({ dir }) => {
  const release = await lockDataDir(dir);
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
  await writeFile(join(dir, 'opendimos.lock'), String(child.pid));
  try {
    await lockDataDir(dir);
    assert.unreachable('a live holder must keep the lock');
  } catch (error) {
    assert.ok(error instanceof DataDirBusy);
    assert.is(error.pid, child.pid);
  }
  child.kill();
  await new Promise((r) => child.once('exit', r));
  const again = await lockDataDir(dir);
  await again();
  await release();
});

test('usage errors exit with status 2 and say what is wrong in Greek and English', async ({ dir }) => {
  const stderr = capture();
  const stdout = capture();
  const io = { stdout: stdout.stream, stderr: stderr.stream, env: { OPENDIMOS_DATA: dir } };
  assert.is(await runCli(['frobnicate'], io), 2);
  assert.match(stderr.text(), /Άγνωστη εντολή \/ Unknown command: frobnicate/);
  assert.is(await runCli(['serve', '--bogus'], io), 2);
  assert.match(stderr.text(), /Unknown option: --bogus/);
  assert.is(await runCli(['verify'], { ...io, env: { PORT: 'eighty' } }), 2);
  assert.match(stderr.text(), /PORT must be a whole number/);
  assert.is(await runCli(['rebuild', 'nosuch'], io), 2);
  assert.match(stderr.text(), /Unknown projection: nosuch/);
});

test('verify on an untouched ledger reports an intact, empty chain', async ({ dir }) => {
  const stdout = capture();
  const status = await runCli(['verify'], { stdout: stdout.stream, stderr: capture().stream, env: { OPENDIMOS_DATA: dir } });
  assert.is(status, 0);
  assert.match(stdout.text(), /The chain holds: 0 events/);
});

test.run();
