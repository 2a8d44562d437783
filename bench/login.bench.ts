// Issue 14: the citizen's TaxisNet login over real HTTP on 127.0.0.1, against a real `opendimos serve` whose
// TaxisNet is the double of test/support/doubles/taxisnet, on PostgreSQL and on PGlite (the embedded default).
// A login is what a browser does: GET /auth/taxisnet → TaxisNet's authorize (302 back with code and state)
// → GET /auth/taxisnet/callback (the server exchanges the code, reads userinfo, records the login, starts
// the session) → GET /api/my answering 200 with the person's ΑΦΜ. Figures: its p95 one after another and
// 16 at a time, against as many GET /health round trips in the same run (interleaved, so the machine's other
// work weighs on both); then 1,000 distinct citizens logged in and kept: the server's memory before and after
// (RSS of its processes; V8 heap from /metrics), and every one of the 1,000 asking GET /api/my again.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afmWithCheckDigit } from '../src/domain/index.ts';
import type { UserinfoAttributes } from '../test/support/doubles/taxisnet/index.ts';
import type { ServerProcess } from '../test/support/serverProcess.ts';
import { startServer } from '../test/support/serverProcess.ts';
import type { TaxisNetCrowd } from '../test/support/taxisnetCrowd.ts';
import { startTaxisNetCrowd } from '../test/support/taxisnetCrowd.ts';
import type { Bench, BenchContext, Figure } from './support.ts';
import { inParallel, now, seconds } from './support.ts';

const PORT = 18_290;
const SCHEMA = 'bench';
const CONCURRENCY = 16;
const SESSIONS = 1_000;
/** Interleaved blocks of logins and /health. */
const BLOCKS = 3;
/** The whole bench, both backends, must end within this (the proof is bounded in time). */
const TIME_BOUND_MS = 180_000;

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
};
const ms = (start: bigint): number => seconds(start) * 1000;
const spread = (values: readonly number[]): string => `p50 ${percentile(values, 0.5).toFixed(2)}, p95 ${percentile(values, 0.95).toFixed(2)}, p99 ${percentile(values, 0.99).toFixed(2)} ms`;

const PEOPLE = [
  ['ΓΕΩΡΓΙΟΣ', 'ΠΑΠΑΔΑΤΟΣ', 'ΔΙΟΝΥΣΙΟΣ', 'ΜΑΡΙΑ'],
  ['ΜΑΡΙΑ', 'ΚΟΥΡΚΟΥΜΕΛΗ', 'ΣΠΥΡΙΔΩΝ', 'ΕΛΕΝΗ'],
  ['ΓΕΡΑΣΙΜΟΣ', 'ΜΑΡΚΕΤΟΣ', 'ΑΝΔΡΕΑΣ', 'ΑΙΚΑΤΕΡΙΝΗ'],
  ['ΑΝΝΑ', 'ΤΖΩΡΤΖΑΤΟΥ', 'ΠΑΝΑΓΗΣ', 'ΣΟΦΙΑ'],
  ['ΣΠΥΡΙΔΩΝ', 'ΜΙΧΑΛΑΤΟΣ', 'ΕΥΑΓΓΕΛΟΣ', 'ΑΓΓΕΛΙΚΗ'],
  ['ΕΛΕΝΗ', 'ΣΤΑΜΑΤΕΛΑΤΟΥ', 'ΝΙΚΟΛΑΟΣ', 'ΒΑΣΙΛΙΚΗ'],
] as const;

/** Citizen `i` as GSIS writes one: padded fields, Greek capitals, an invented ΑΦΜ with a valid check digit. */
const citizen = (i: number): UserinfoAttributes => {
  const [first, last, father, mother] = PEOPLE[i % PEOPLE.length]!;
  return {
    userid: `lix${String(i).padStart(6, '0')}`.padEnd(15),
    taxid: `${afmWithCheckDigit(String(30_000_000 + i))} `,
    lastname: last.padEnd(30),
    firstname: first.padEnd(30),
    fathername: father.padEnd(30),
    mothername: mother.padEnd(30),
    birthyear: `${1940 + (i % 65)} `,
  };
};

interface Answer {
  readonly status: number;
  readonly location: string | undefined;
  readonly body: string;
}

/** A visitor's browser: keeps the site's cookies (and sends them to the site only), follows nothing itself. */
class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(
    private readonly origin: string,
    private readonly agents: { readonly site: http.Agent; readonly provider: http.Agent },
  ) {}

  get(url: string): Promise<Answer> {
    const own = url.startsWith(`${this.origin}/`);
    const headers = own && this.cookies.size > 0 ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
    return new Promise((resolve, reject) => {
      const request = http.get(url, { agent: own ? this.agents.site : this.agents.provider, headers }, (response) => {
        if (own) this.keep(response.headers['set-cookie'] ?? []);
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      });
      // Which request failed, and whether on a kept-alive connection (a close racing its reuse) or a new one.
      request.on('error', (error) => reject(new Error(`GET ${url} (${request.reusedSocket ? 'reused' : 'new'} connection): ${error.message}`, { cause: error })));
    });
  }

  private keep(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

interface LoginTimes {
  readonly start: number;
  readonly authorize: number;
  readonly callback: number;
  readonly my: number;
  readonly total: number;
}

interface Site {
  readonly label: string;
  readonly server: ServerProcess;
  readonly crowd: TaxisNetCrowd;
  readonly agents: { readonly site: http.Agent; readonly provider: http.Agent };
  readonly deadline: number;
}

const refuse = (what: string, answer: Answer): never => {
  throw new Error(`${what} answered ${answer.status} ${answer.location ?? ''}: ${answer.body.slice(0, 300)}`);
};

const withinBound = (site: Site): void => {
  if (Date.now() > site.deadline) throw new Error(`the login bench ran past its bound of ${TIME_BOUND_MS / 1000} s`);
};

/** One complete login of `person` in `browser`, each step checked; how long each step took, in ms. */
const logIn = async (site: Site, browser: Browser, person: UserinfoAttributes): Promise<LoginTimes> => {
  withinBound(site);
  const { url } = site.server;
  const t0 = now();
  const start = await browser.get(`${url}/auth/taxisnet?next=%2Fmy%2F`);
  if (start.status !== 302 || !start.location?.startsWith(`${site.crowd.baseUrl}/oauth2server/oauth/authorize?`)) refuse('GET /auth/taxisnet', start);
  const t1 = now();
  const authorize = await browser.get(start.location!);
  const back = authorize.location === undefined ? null : new URL(authorize.location);
  const code = back?.searchParams.get('code');
  if (authorize.status !== 302 || !back || back.origin !== url || back.pathname !== '/auth/taxisnet/callback' || !code) refuse('TaxisNet authorize', authorize);
  site.crowd.assign(code!, person);
  const t2 = now();
  const callback = await browser.get(back!.href);
  if (callback.status !== 303 || callback.location !== '/my/') refuse('GET /auth/taxisnet/callback', callback);
  const t3 = now();
  await checkMy(site, browser, person);
  const t4 = now();
  const between = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  return { start: between(t0, t1), authorize: between(t1, t2), callback: between(t2, t3), my: between(t3, t4), total: between(t0, t4) };
};

/** GET /api/my in the browser answers 200 for exactly this person. */
const checkMy = async (site: Site, browser: Browser, person: UserinfoAttributes): Promise<void> => {
  const my = await browser.get(`${site.server.url}/api/my`);
  const taxid = my.status === 200 ? (JSON.parse(my.body) as { taxid?: unknown }).taxid : undefined;
  if (taxid !== person.taxid?.trim()) refuse(`GET /api/my (expected ΑΦΜ ${person.taxid?.trim()})`, my);
};

const health = async (site: Site): Promise<number> => {
  const start = now();
  const answer = await new Browser(site.server.url, site.agents).get(`${site.server.url}/health`);
  if (answer.status !== 200) refuse('GET /health', answer);
  return ms(start);
};

/** Every login is of a citizen not seen before: a short stream, as most logins of a town are. */
let nextCitizen = 0;
const newBrowser = (site: Site) => new Browser(site.server.url, site.agents);

interface RoundTrips {
  readonly logins: LoginTimes[];
  readonly health: number[];
  readonly loginsPerS: number;
  readonly healthPerS: number;
  /** The p50 of the server's token exchange plus that of its userinfo call, as the double answered them. */
  readonly providerMs: number;
}

/** `count` logins of new citizens and as many /health, `concurrency` at a time, in interleaved blocks. */
const roundTrips = async (site: Site, count: number, concurrency: number): Promise<RoundTrips> => {
  const logins: LoginTimes[] = [];
  const probes: number[] = [];
  let loginTime = 0;
  let healthTime = 0;
  site.crowd.clearTimings();
  for (let block = 0; block < BLOCKS; block++) {
    const size = Math.floor(count / BLOCKS) + (block < count % BLOCKS ? 1 : 0);
    let start = now();
    await inParallel(size, concurrency, async () => void probes.push(await health(site)));
    healthTime += seconds(start);
    start = now();
    await inParallel(size, concurrency, async () => void logins.push(await logIn(site, newBrowser(site), citizen(nextCitizen++))));
    loginTime += seconds(start);
  }
  const providerMs = percentile(site.crowd.timings.token, 0.5) + percentile(site.crowd.timings.userinfo, 0.5);
  return { logins, health: probes, loginsPerS: count / loginTime, healthPerS: count / healthTime, providerMs };
};

interface Memory {
  readonly rssMiB: number;
  readonly heapMiB: number;
}

const median = (values: readonly number[]): number => percentile(values, 0.5);

/** The server's memory as the median of 5 readings over a second: one reading catches a GC's ebb or flow. */
const memoryOf = async (site: Site): Promise<Memory> => {
  const readings: Memory[] = [];
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const metrics = await fetch(`${site.server.url}/metrics`).then((r) => r.text());
    const heap = Number(/^nodejs_heap_used_bytes (\d+)$/m.exec(metrics)?.[1] ?? NaN);
    readings.push({ rssMiB: await site.server.rssMiB(), heapMiB: heap / 2 ** 20 });
  }
  return { rssMiB: median(readings.map((r) => r.rssMiB)), heapMiB: median(readings.map((r) => r.heapMiB)) };
};

/** The size of the sessions table and the citizens' rows, on PostgreSQL, in bytes. */
const databaseBytes = async (databaseUrl: string): Promise<{ sessions: number; rows: number; identity: number }> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ sessions: string; rows: string; identity: string }>(
      `SELECT pg_total_relation_size('${SCHEMA}.od_sessions') AS sessions, (SELECT count(*) FROM ${SCHEMA}.od_sessions) AS rows,
         pg_total_relation_size('${SCHEMA}.od_subjects') + pg_total_relation_size('${SCHEMA}.od_subject_keys') + pg_total_relation_size('${SCHEMA}.od_login_attempts') AS identity`,
    );
    return { sessions: Number(rows[0]!.sessions), rows: Number(rows[0]!.rows), identity: Number(rows[0]!.identity) };
  } finally {
    await client.end();
  }
};

const stepsNote = ({ logins, providerMs }: RoundTrips): string => {
  const p50 = (pick: (t: LoginTimes) => number) => percentile(logins.map(pick), 0.5).toFixed(2);
  return `steps p50: start ${p50((t) => t.start)}, TaxisNet authorize ${p50((t) => t.authorize)}, callback ${p50((t) => t.callback)} (of which token + userinfo at the double ${providerMs.toFixed(2)}), /api/my ${p50((t) => t.my)} ms`;
};

const measureSite = async (context: BenchContext, site: Site, suffix: string, databaseUrl: string | null): Promise<Figure[]> => {
  const { log } = context;
  const count = context.quick ? 90 : 300;
  // Warm-up at the concurrency to come: the JIT, the database pool at its size, the first rows.
  await roundTrips(site, 3 * CONCURRENCY, CONCURRENCY);

  // 1,000 distinct citizens logged in, their sessions kept.
  const before = await memoryOf(site);
  const dbBefore = databaseUrl ? await databaseBytes(databaseUrl) : null;
  const people = Array.from({ length: SESSIONS }, () => citizen(nextCitizen++));
  const browsers = people.map(() => newBrowser(site));
  // In two halves, with the memory read after each: growth that goes on is per session, a step once is not.
  const half = SESSIONS / 2;
  const loginStart = now();
  await inParallel(half, CONCURRENCY, async (i) => void (await logIn(site, browsers[i]!, people[i]!)));
  let loginSeconds = seconds(loginStart);
  const halfway = await memoryOf(site);
  const secondHalf = now();
  await inParallel(half, CONCURRENCY, async (i) => void (await logIn(site, browsers[half + i]!, people[half + i]!)));
  loginSeconds += seconds(secondHalf);
  const after = await memoryOf(site);
  const dbAfter = databaseUrl ? await databaseBytes(databaseUrl) : null;
  // Each of them again, one after another, each followed by a /health as the baseline.
  const mine: number[] = [];
  const probes: number[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    withinBound(site);
    const start = now();
    await checkMy(site, browsers[i]!, people[i]!);
    mine.push(ms(start));
    probes.push(await health(site));
  }
  const checked = await memoryOf(site);
  const rss = after.rssMiB - before.rssMiB;
  const perSession = (rss * 1024) / SESSIONS;
  log(`${site.label}: ${SESSIONS} citizens logged in, ${CONCURRENCY} at a time, in ${loginSeconds.toFixed(1)} s (${(SESSIONS / loginSeconds).toFixed(0)}/s)`);
  log(
    `${site.label}: RSS ${before.rssMiB.toFixed(1)} → ${halfway.rssMiB.toFixed(1)} (${half} sessions) → ${after.rssMiB.toFixed(1)} MiB (${SESSIONS}), ${checked.rssMiB.toFixed(1)} after the checks; ` +
      `V8 heap ${before.heapMiB.toFixed(1)} → ${halfway.heapMiB.toFixed(1)} → ${after.heapMiB.toFixed(1)} MiB, ${checked.heapMiB.toFixed(1)} after the checks`,
  );
  if (dbBefore && dbAfter) {
    log(`${site.label}: od_sessions ${dbBefore.rows} → ${dbAfter.rows} rows, ${(dbBefore.sessions / 1024).toFixed(0)} → ${(dbAfter.sessions / 1024).toFixed(0)} KiB; subjects, keys and login attempts ${(dbBefore.identity / 1024).toFixed(0)} → ${(dbAfter.identity / 1024).toFixed(0)} KiB`);
  }
  log(`${site.label}: all ${SESSIONS} sessions answer GET /api/my 200 with their own ΑΦΜ: ${spread(mine)}; /health between them ${spread(probes)}`);

  const sequential = await roundTrips(site, count, 1);
  const concurrent = await roundTrips(site, count, CONCURRENCY);
  for (const [name, run] of [['one at a time', sequential], [`${CONCURRENCY} at a time`, concurrent]] as const) {
    log(`${site.label}, ${name}: ${run.logins.length} logins ${spread(run.logins.map((t) => t.total))} (${run.loginsPerS.toFixed(0)}/s); /health ${spread(run.health)} (${run.healthPerS.toFixed(0)}/s)`);
  }
  log(`${site.label}, one at a time: ${stepsNote(sequential)}`);
  log(`${site.label}, ${CONCURRENCY} at a time: ${stepsNote(concurrent)}`);

  const loginFigure = (name: string, run: RoundTrips, note: string): Figure => {
    const totals = run.logins.map((t) => t.total);
    return {
      name: `${name}${suffix}`,
      unit: 'ms',
      ours: percentile(totals, 0.95),
      peer: percentile(run.health, 0.95),
      peerName: 'GET /health p95, same run',
      note: `${note}: p50 ${percentile(totals, 0.5).toFixed(2)}, p99 ${percentile(totals, 0.99).toFixed(2)} ms, ${run.loginsPerS.toFixed(0)} logins/s; /health p50 ${percentile(run.health, 0.5).toFixed(2)}, p99 ${percentile(run.health, 0.99).toFixed(2)} ms; ${stepsNote(run)}`,
    };
  };
  const dbNote = dbBefore && dbAfter ? `; in PostgreSQL od_sessions grew ${((dbAfter.sessions - dbBefore.sessions) / 1024).toFixed(0)} KiB (${((dbAfter.sessions - dbBefore.sessions) / (dbAfter.rows - dbBefore.rows)).toFixed(0)} B a session)` : '; PGlite runs inside the server, so its memory is in the figure';
  return [
    loginFigure('login-p95-sequential', sequential, `${site.label}, ${count} complete logins of new citizens one after another (4 requests from the browser, 2 from the server to TaxisNet)`),
    loginFigure(`login-p95-concurrent${CONCURRENCY}`, concurrent, `${site.label}, ${count} logins ${CONCURRENCY} at a time`),
    {
      name: `sessions-${SESSIONS}-rss${suffix}`,
      unit: 'MiB',
      ours: rss,
      note: `${site.label}: server RSS ${before.rssMiB.toFixed(0)} → ${halfway.rssMiB.toFixed(0)} (${half}) → ${after.rssMiB.toFixed(0)} MiB over ${SESSIONS} logins of distinct citizens, sessions kept; V8 heap ${before.heapMiB.toFixed(0)} → ${halfway.heapMiB.toFixed(0)} → ${after.heapMiB.toFixed(0)} MiB (medians of 5 readings, no forced GC)${dbNote}`,
    },
    {
      name: `sessions-${SESSIONS}-kib-per-session${suffix}`,
      unit: 'KiB',
      ours: perSession,
      note: `${site.label}: RSS growth ÷ ${SESSIONS}; the second ${half} alone: ${(((after.rssMiB - halfway.rssMiB) * 1024) / half).toFixed(1)} KiB each`,
    },
    {
      name: `sessions-${SESSIONS}-api-my-p95${suffix}`,
      unit: 'ms',
      ours: percentile(mine, 0.95),
      peer: percentile(probes, 0.95),
      peerName: 'GET /health p95, interleaved',
      note: `${site.label}: each of the ${SESSIONS} sessions asks GET /api/my once more, one after another: all 200 with their own ΑΦΜ; p50 ${percentile(mine, 0.5).toFixed(2)}, p99 ${percentile(mine, 0.99).toFixed(2)} ms`,
    },
  ];
};

/** The double as the server's TaxisNet, the server, and the HTTP agents; `work` runs against them. */
const withSite = async (
  context: BenchContext,
  label: string,
  port: number,
  deadline: number,
  start: (env: NodeJS.ProcessEnv) => Promise<ServerProcess>,
  work: (site: Site) => Promise<Figure[]>,
): Promise<Figure[]> => {
  const publicUrl = `http://127.0.0.1:${port}`;
  const clientId = 'opendimos-bench';
  const clientSecret = randomBytes(24).toString('base64url');
  const crowd = await startTaxisNetCrowd({ clientId, clientSecret, redirectUri: `${publicUrl}/auth/taxisnet/callback` });
  const agents = { site: new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY }), provider: new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY }) };
  try {
    const began = now();
    const server = await start({
      OPENDIMOS_PUBLIC_URL: publicUrl,
      OPENDIMOS_TAXISNET_URL: crowd.baseUrl,
      OPENDIMOS_TAXISNET_CLIENT_ID: clientId,
      OPENDIMOS_TAXISNET_CLIENT_SECRET: clientSecret,
      // The default sender is made from the public host, and an IP address is no mail domain.
      OPENDIMOS_MAIL_FROM: 'Δήμος Ληξουρίου <noreply@lixouri.gr>',
    });
    context.log(`${label}: server up in ${seconds(began).toFixed(1)} s`);
    try {
      return await work({ label, server, crowd, agents, deadline });
    } finally {
      await server.stop();
    }
  } finally {
    agents.site.destroy();
    agents.provider.destroy();
    await crowd.close();
  }
};

export const loginBench: Bench = {
  name: 'login',
  async run(context) {
    const deadline = Date.now() + TIME_BOUND_MS;
    const began = now();
    const postgres = await withSite(
      context,
      'PostgreSQL',
      PORT,
      deadline,
      (env) => startServer(context.databaseUrl, SCHEMA, PORT, env),
      (site) => measureSite(context, site, '', context.databaseUrl),
    );
    const home = await mkdtemp(join(tmpdir(), 'opendimos-login-'));
    try {
      const pglite = await withSite(
        context,
        'PGlite',
        PORT + 1,
        deadline,
        (env) => startServer('', 'opendimos', PORT + 1, { ...env, DATABASE_URL: '', OPENDIMOS_DATA: join(home, 'data') }),
        (site) => measureSite(context, site, '-pglite', null),
      );
      context.log(`both backends in ${seconds(began).toFixed(0)} s`);
      return [...postgres, ...pglite];
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  },
};
