// Issue 12 (3, 7): the embedded default. A PGlite server (`opendimos serve --with-fixtures` on a fresh data
// directory) answers /health while it streams full CSV exports and while it executes a heavy GraphQL query,
// against its own idle /health in the same run; and its peak memory while loading the fixture year against
// a bare PGlite holding the same data directory after a plain query.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGLITE_SETTINGS } from '../src/eventstore/sql/pgliteThread.ts';
import { startServer } from '../test/support/serverProcess.ts';
import type { Bench, BenchContext, Figure } from './support.ts';
import { now, seconds } from './support.ts';

const PORT = 18_282;
// The year's budget with every line, executed every time (no-cache): the heaviest query the site asks.
const HEAVY_QUERY = `{ budget(year: 2025) { expense { initial final committed ordered paid } lines { kae title initial final committed ordered paid } } }`;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
};

/** Sum of a /proc status field (VmHWM: peak, VmRSS: now) over a process and its children, in MiB. */
const treeKiB = async (pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const own = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')).split(' ').filter(Boolean).map(Number);
  return (await Promise.all(children.map((child) => treeKiB(child, field)))).reduce((sum, kib) => sum + kib, own);
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** One request, its whole body read (and dropped); resolves to the status and the first bytes. */
const request = (url: string, options: http.RequestOptions = {}, body?: string): Promise<{ status: number; head: string }> =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { agent, ...options }, (response) => {
      let head = '';
      response.on('data', (chunk: Buffer) => {
        if (head.length < 200) head += chunk.subarray(0, 200).toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, head }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });

/** /health asked one request after another (with a short pause) until `until` resolves; latencies in ms. */
const sampleHealth = async (url: string, until: Promise<unknown>): Promise<number[]> => {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const start = now();
    const { status } = await request(`${url}/health`);
    if (status !== 200) throw new Error(`/health answered ${status}`);
    latencies.push(seconds(start) * 1000);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return latencies;
};

/** Runs `work` from `clients` loops for `durationMs`; how many times it ran. */
const loop = async (clients: number, durationMs: number, work: () => Promise<void>): Promise<number> => {
  const until = Date.now() + durationMs;
  let count = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        await work();
        count++;
      }
    }),
  );
  return count;
};

const healthFigures = async (context: BenchContext, url: string): Promise<Figure[]> => {
  const duration = context.quick ? 5_000 : 20_000;
  const idle = await sampleHealth(url, new Promise((resolve) => setTimeout(resolve, duration)));
  const exportTimes: number[] = [];
  const exportRun = loop(2, duration, async () => {
    const start = now();
    const { status, head } = await request(`${url}/api/exports/transactions.csv`);
    if (status !== 200) throw new Error(`export answered ${status}: ${head}`);
    exportTimes.push(seconds(start) * 1000);
  });
  const duringExport = await sampleHealth(url, exportRun);
  const exports = await exportRun;
  context.log(`full CSV export: p50 ${percentile(exportTimes, 0.5).toFixed(0)} ms each`);
  const graphqlRun = loop(2, duration, async () => {
    const body = JSON.stringify({ query: HEAVY_QUERY });
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-cache' };
    const { status, head } = await request(`${url}/graphql`, { method: 'POST', headers }, body);
    if (status !== 200 || !head.startsWith('{"data":')) throw new Error(`graphql answered ${status}: ${head}`);
  });
  const duringGraphql = await sampleHealth(url, graphqlRun);
  const queries = await graphqlRun;

  const idleP99 = percentile(idle, 0.99);
  const line = (name: string, values: number[]) =>
    context.log(`/health ${name}: ${values.length} requests, p50 ${percentile(values, 0.5).toFixed(1)} ms, p99 ${percentile(values, 0.99).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`);
  line('idle', idle);
  line(`during ${exports} full CSV exports`, duringExport);
  line(`during ${queries} budget queries`, duringGraphql);
  const during = (name: string, values: number[], note: string): Figure => ({
    name: `health-p99-during-${name}`,
    unit: 'ms',
    ours: percentile(values, 0.99),
    peer: idleP99,
    peerName: 'idle /health, same server',
    target: 3 * idleP99,
    targetKind: 'value-at-most',
    note,
  });
  return [
    { name: 'health-p99-idle', unit: 'ms', ours: idleP99, note: `PGlite server, fixture year, ${idle.length} requests one after another` },
    during('export', duringExport, `${exports} full CSV exports of the fixture year, 2 at a time; target ≤ 3× idle`),
    during('graphql', duringGraphql, `${queries} budget queries with every line, executed each time (no-cache), 2 at a time; target ≤ 3× idle`),
  ];
};

/** A bare PGlite (the server's settings) on the data directory, after one plain query: its peak RSS in MiB. */
const barePglitePeak = async (dataDir: string): Promise<number> => {
  const pglite = import.meta.resolve('@electric-sql/pglite');
  const script = `
    const { PGlite } = await import(${JSON.stringify(pglite)});
    const settings = ${JSON.stringify(PGLITE_SETTINGS)};
    const startParams = [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([n, v]) => ['-c', n + '=' + v])];
    const db = await PGlite.create({ dataDir: ${JSON.stringify(dataDir)}, startParams });
    await db.query('SELECT count(*) FROM opendimos.od_events');
    const { readFileSync } = await import('node:fs');
    process.stdout.write(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
    await db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bare PGlite exited with ${code}`);
  return Number(out) / 1024;
};

/** Waits until nothing answers on the port: a server still closing there would answer for the next one. */
const untilFree = async (port: number): Promise<void> => {
  for (let waited = 0; await fetch(`http://127.0.0.1:${port}/health`).then(() => true, () => false); waited += 200) {
    if (waited > 60_000) throw new Error(`port ${port} is still in use`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** Starts the PGlite server with the fixture year and makes sure the process answering is the one started. */
const startPgliteServer = async (port: number, dataDir: string) => {
  await untilFree(port);
  const server = await startServer('', 'opendimos', port, { DATABASE_URL: '', OPENDIMOS_DATA: dataDir }, ['--with-fixtures']);
  if ((await treeKiB(server.pid, 'VmRSS')) === 0) throw new Error(`the server on port ${port} is not the one started`);
  return server;
};

export const embeddedBench: Bench = {
  name: 'embedded',
  async run(context) {
    const home = await mkdtemp(join(tmpdir(), 'opendimos-embedded-'));
    const dataDir = join(home, 'data');
    try {
      const start = now();
      const loading = await startPgliteServer(PORT, dataDir);
      const firstStart = { peak: (await treeKiB(loading.pid, 'VmHWM')) / 1024, after: (await treeKiB(loading.pid, 'VmRSS')) / 1024, s: seconds(start) };
      context.log(`fresh data directory + fixture year: ${firstStart.s.toFixed(1)} s, peak ${firstStart.peak.toFixed(0)} MiB, then ${firstStart.after.toFixed(0)} MiB`);
      await loading.stop();
      const server = await startPgliteServer(PORT + 1, dataDir);
      let figures: Figure[];
      let restart: { peak: number; now: number };
      try {
        restart = { peak: (await treeKiB(server.pid, 'VmHWM')) / 1024, now: (await treeKiB(server.pid, 'VmRSS')) / 1024 };
        context.log(`restart on the loaded directory: peak ${restart.peak.toFixed(0)} MiB, now ${restart.now.toFixed(0)} MiB`);
        figures = await healthFigures(context, server.url);
        restart = { ...restart, peak: Math.max(restart.peak, (await treeKiB(server.pid, 'VmHWM')) / 1024) };
      } finally {
        await server.stop();
      }
      const bare = await barePglitePeak(dataDir);
      context.log(`bare PGlite on the same directory after a plain query: peak ${bare.toFixed(0)} MiB`);
      return [
        ...figures,
        {
          name: 'rss-peak-fixture-load',
          unit: 'MiB',
          ours: firstStart.peak,
          peer: bare,
          peerName: 'bare PGlite, same data directory',
          note: `serve --with-fixtures on a fresh directory (initdb on its own thread, then the fixture year); ${firstStart.after.toFixed(0)} MiB once serving`,
        },
        {
          name: 'rss-peak-serving',
          unit: 'MiB',
          ours: restart.peak,
          peer: bare,
          peerName: 'bare PGlite, same data directory',
          note: 'the server started again on the loaded directory, through the exports and queries above',
        },
      ];
    } finally {
      agent.destroy();
      await rm(home, { recursive: true, force: true });
    }
  },
};
