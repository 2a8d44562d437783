// A real `opendimos serve` process on PostgreSQL, as production runs it (tests and benchmarks).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/opendimos.js', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Resident set size of the server now, its processes together, in MiB (from /proc). */
  readonly rssMiB: () => Promise<number>;
  readonly stop: () => Promise<void>;
}

const treeRssKiB = async (pid: number): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')).split(' ').filter(Boolean).map(Number);
  const theirs = await Promise.all(children.map(treeRssKiB));
  return theirs.reduce((sum, kib) => sum + kib, own);
};

/** Every node of one installation shares its master key (README: several nodes on one PostgreSQL). */
const TEST_MASTER_KEY = '6f70656e64696d6f732d746573742d6d61737465722d6b65792d303030303031';

// Load generators come from one address: no rate limit, and no cap on /live connections per address.
export const startServer = async (databaseUrl: string, schema: string, port: number, env: NodeJS.ProcessEnv = {}, args: readonly string[] = []): Promise<ServerProcess> => {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', ...args], {
    env: { ...process.env, OPENDIMOS_MASTER_KEY: TEST_MASTER_KEY, DATABASE_URL: databaseUrl, OPENDIMOS_SCHEMA: schema, PORT: String(port), HOST: '127.0.0.1', OPENDIMOS_RATE_LIMIT: '0', OPENDIMOS_LIVE_PER_ADDRESS: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    // bin/opendimos.js runs the server as its child (with a bounded heap): the server's memory is the tree's.
    rssMiB: async () => (await treeRssKiB(child.pid!)) / 1024,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
};
