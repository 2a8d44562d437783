// `opendimos serve` as its two processes (the wrapper of bin/opendimos.js and the server it starts with a
// bounded heap), and under `npm start`: stopping the top process stops them all, and nothing keeps listening.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

// On PostgreSQL (DATABASE_URL set) each run gets a schema of its own: each test's fresh data directory makes a
// new key file, so every server here is given one master key, as the nodes of one installation are.
const SCHEMA = `t_signals_${process.pid}_${Date.now().toString(36)}`;
const MASTER_KEY = '6f70656e64696d6f732d746573742d6d61737465722d6b65792d303030303031';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/opendimos.js');
const STARTUP_MS = 120_000;
const SHUTDOWN_MS = 30_000;

interface Context {
  dir: string;
  started: number[];
}

const test = suite<Context>('signals: the wrapper, the server and npm start');
test.before.each(async (context) => {
  context.dir = await mkdtemp(join(tmpdir(), 'opendimos-signals-'));
  context.started = [];
});
test.after.each(async ({ dir, started }) => {
  // A failed test must not leave a server behind: every pid it saw, by its id.
  for (const pid of started) if (await isAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

// A zombie has no listening socket left; for these tests it is gone.
const isAlive = async (pid: number): Promise<boolean> => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat !== null && !/^\d+ \(.*\) [ZX]/s.test(stat);
};

const childrenOf = async (pid: number): Promise<number[]> =>
  (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')).split(' ').filter(Boolean).map(Number);

const processTree = async (pid: number): Promise<number[]> => {
  const below = await Promise.all((await childrenOf(pid)).map(processTree));
  return [pid, ...below.flat()];
};

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const until = async (what: string, check: () => Promise<boolean>, ms: number): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const start = (context: Context, command: string, args: string[], port: number, env: NodeJS.ProcessEnv = {}): ChildProcess => {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, OPENDIMOS_SCHEMA: SCHEMA, OPENDIMOS_MASTER_KEY: MASTER_KEY, OPENDIMOS_DATA: context.dir, PORT: String(port), HOST: '127.0.0.1', OPENDIMOS_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  context.started.push(child.pid!);
  return child;
};

// The wrapper alone, as a service manager runs it: not under npm.
const withoutNpm = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));

const startServe = async (context: Context, port: number) => {
  const wrapper = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: { ...withoutNpm(), OPENDIMOS_SCHEMA: SCHEMA, OPENDIMOS_MASTER_KEY: MASTER_KEY, OPENDIMOS_DATA: context.dir, PORT: String(port), HOST: '127.0.0.1', OPENDIMOS_RATE_LIMIT: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  context.started.push(wrapper.pid!);
  await until('the server listens', () => accepts(port), STARTUP_MS);
  const tree = await processTree(wrapper.pid!);
  context.started.push(...tree);
  assert.is(tree.length, 2, 'the wrapper and the server it runs with a bounded heap');
  return { wrapper, server: tree[1]! };
};

const allGone = async (pids: readonly number[]) => (await Promise.all(pids.map(isAlive))).every((alive) => !alive);

test('SIGTERM to the wrapper stops the server cleanly, and the wrapper exits with it', async (context) => {
  const port = await freePort();
  const { wrapper, server } = await startServe(context, port);
  const exited = new Promise<number | null>((resolve) => wrapper.once('exit', (code) => resolve(code)));
  wrapper.kill('SIGTERM');
  assert.is(await exited, 0, 'serve ends with status 0 after a SIGTERM, and the wrapper with it');
  await until('the server process ends', async () => !(await isAlive(server)), SHUTDOWN_MS);
  assert.not.ok(await accepts(port), 'nothing listens on the port');
});

test('SIGHUP to the wrapper reaches the server, which closes as cleanly as for SIGTERM', async (context) => {
  const port = await freePort();
  const { wrapper, server } = await startServe(context, port);
  const exited = new Promise<[number | null, string | null]>((resolve) => wrapper.once('exit', (code, signal) => resolve([code, signal])));
  wrapper.kill('SIGHUP');
  assert.equal(await exited, [0, null], 'not killed by the signal: the server closed and exited 0');
  await until('the server process ends', async () => !(await isAlive(server)), SHUTDOWN_MS);
  assert.not.ok(await accepts(port), 'nothing listens on the port');
});

test('the server ends by itself when its wrapper is killed with SIGKILL', async (context) => {
  const port = await freePort();
  const { wrapper, server } = await startServe(context, port);
  wrapper.kill('SIGKILL');
  await until('the orphaned server ends', async () => !(await isAlive(server)), SHUTDOWN_MS);
  assert.not.ok(await accepts(port), 'nothing listens on the port');
});

for (const [name, env, depth] of [
  ['the wrapper and the server', {}, 4],
  ['the server without a wrapper (OPENDIMOS_HEAP_MB=0)', { OPENDIMOS_HEAP_MB: '0' }, 3],
] as const) {
  test(`SIGTERM to npm start stops its shell and ${name}`, async (context) => {
    const port = await freePort();
    const npm = start(context, 'npm', ['start'], port, env);
    // npm → sh -c → [wrapper →] server. The fixture year takes a while to load; the chain is what matters here.
    let tree: number[] = [];
    await until('npm start has started the server', async () => (tree = await processTree(npm.pid!)).length >= depth, STARTUP_MS);
    context.started.push(...tree);
    npm.kill('SIGTERM');
    await until('every process of npm start ends', () => allGone(tree), SHUTDOWN_MS);
    assert.not.ok(await accepts(port), 'nothing listens on the port');
  });
}

test.run();
