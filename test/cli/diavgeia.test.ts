// Diavgeia from the command line and the server (issue 20, item 5): its settings checked at start-up by name,
// `opendimos diavgeia sync [--from]` against the local protocol double (what it synced printed; a bad date
// refused el/en with nothing written; Diavgeia down: exit 1, el/en, and the next run resumes), and the
// server's schedule (never two syncs at once; a failure logged and tried again at the next tick).
import { Writable } from 'node:stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { SyncReport } from '../../src/api/diavgeia/index.ts';
import { ConfigError, loadConfig } from '../../src/cli/config.ts';
import { parseDiavgeiaArgs, runDiavgeiaCommand } from '../../src/cli/diavgeiaCommand.ts';
import type { DiavgeiaConfig } from '../../src/cli/diavgeiaConfig.ts';
import { startServerDiavgeiaSync } from '../../src/cli/diavgeiaServe.ts';
import { startDiavgeiaSchedule } from '../../src/cli/diavgeiaSchedule.ts';
import { ledgerEventSchemas } from '../../src/domain/index.ts';
import type { SqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { DIAVGEIA_PUBLIC_API, diavgeiaErrors } from '../../src/integrations/diavgeia/index.ts';
import type { TestSchema } from '../support/database.ts';
import { createTestSchema } from '../support/database.ts';
import type { DiavgeiaDouble } from '../support/doubles/diavgeia/index.ts';
import { startDiavgeiaDouble, wireDecision } from '../support/doubles/diavgeia/index.ts';

const ORG = '6302';
const TODAY = '2025-12-31';
const PRODUCTION = { NODE_ENV: 'production', OPENDIMOS_PUBLIC_URL: 'https://opendimos.lixouri.gov.gr', OPENDIMOS_PAYMENT_IBAN: 'GR1601101250000000012300695' };

const refusal = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    assert.instance(error, ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
};

const config = suite('diavgeia: settings');

config('nothing set: the stand-in in development; the public API without an organisation in production', () => {
  assert.equal(loadConfig({}).diavgeia, { mode: 'stand-in', intervalMs: 15 * 60_000 });
  assert.equal(loadConfig(PRODUCTION).diavgeia, { mode: 'diavgeia', url: DIAVGEIA_PUBLIC_API, organizationId: null, intervalMs: 15 * 60_000 });
  assert.equal(loadConfig({ OPENDIMOS_DIAVGEIA_ORG: ' 6302 ', OPENDIMOS_DIAVGEIA_INTERVAL: '5' }).diavgeia, { mode: 'diavgeia', url: DIAVGEIA_PUBLIC_API, organizationId: '6302', intervalMs: 5 * 60_000 });
  assert.equal(loadConfig({ OPENDIMOS_DIAVGEIA_URL: 'http://127.0.0.1:9/luminapi/opendata/', OPENDIMOS_DIAVGEIA_INTERVAL: '0' }).diavgeia, { mode: 'diavgeia', url: 'http://127.0.0.1:9/luminapi/opendata', organizationId: null, intervalMs: 0 });
});

config('a wrong setting is refused by its name', () => {
  assert.match(refusal({ OPENDIMOS_DIAVGEIA_ORG: 'lixouri' }), /OPENDIMOS_DIAVGEIA_ORG must be Diavgeia's organisation uid/);
  assert.match(refusal({ OPENDIMOS_DIAVGEIA_URL: 'diavgeia.gov.gr' }), /OPENDIMOS_DIAVGEIA_URL must be an absolute/);
  assert.match(refusal({ OPENDIMOS_DIAVGEIA_URL: 'ftp://diavgeia.gov.gr/opendata' }), /OPENDIMOS_DIAVGEIA_URL must be an http\(s\)/);
  assert.match(refusal({ ...PRODUCTION, OPENDIMOS_DIAVGEIA_URL: 'http://diavgeia.gov.gr/opendata' }), /NODE_ENV=production, OPENDIMOS_DIAVGEIA_URL must be https/);
  for (const interval of ['-1', '1.5', 'often', '99999']) assert.match(refusal({ OPENDIMOS_DIAVGEIA_INTERVAL: interval }), /OPENDIMOS_DIAVGEIA_INTERVAL must be a whole number/, interval);
});

config('dates of --from: a real day, from Diavgeia\'s start, not in the future; el and en', () => {
  assert.equal(parseDiavgeiaArgs(['sync'], TODAY), { from: null });
  assert.equal(parseDiavgeiaArgs(['sync', '--from', '2025-02-28'], TODAY), { from: '2025-02-28' });
  for (const [args, words] of [
    [['sync', '--from', '2025-02-30'], /δεν είναι έγκυρη.*not a valid date/s],
    [['sync', '--from', '31/01/2025'], /δεν είναι έγκυρη.*not a valid date/s],
    [['sync', '--from', '2009-01-01'], /ξεκίνησε.*began/s],
    [['sync', '--from', '2026-01-01'], /μελλοντική.*future/s],
    [['sync', '--from'], /Άγνωστη επιλογή \/ Unknown option/],
    [['sync', '--since', '2025-01-01'], /Unknown option/],
    [['pull'], /Unknown command: diavgeia pull/],
    [[], /Usage: opendimos diavgeia sync/],
  ] as const) {
    const parsed = parseDiavgeiaArgs(args, TODAY);
    assert.ok('error' in parsed, args.join(' '));
    assert.match((parsed).error, words, args.join(' '));
  }
});

config.run();

interface Context {
  db: TestSchema;
  store: SqlEventStore;
  double: DiavgeiaDouble;
}

const cli = suite<Context>('opendimos diavgeia sync');

cli.before.each(async (context) => {
  context.db = await createTestSchema();
  context.store = await openSqlEventStore({ client: context.db.client, schema: context.db.schema, schemas: ledgerEventSchemas });
  context.double = await startDiavgeiaDouble();
});
cli.after.each(async ({ store, db, double }) => {
  await double.close();
  await store.close();
  await db.drop();
});

const sink = () => {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (c: Buffer | string, _e, done) => (chunks.push(c.toString()), done()) }), text: () => chunks.join('') };
};

const ada = (i: number) => `ΨΛΞ${String(i).padStart(5, '0')}-ΗΚ${i % 10}`;
const publish = (double: DiavgeiaDouble, count: number, issueDate = '2025-03-02') => {
  for (let i = 0; i < count; i++) double.publish(wireDecision({ ada: ada(i), organizationId: ORG, decisionTypeId: 'Β.1.3', issueDate, kae: [{ kae: '30-7323.005', amount: 100 + i }] }));
};

const run = async ({ store, double }: Context, args: string[], diavgeia: DiavgeiaConfig = { mode: 'diavgeia', url: double.url, organizationId: ORG, intervalMs: 0 }) => {
  const out = sink();
  const err = sink();
  const code = await runDiavgeiaCommand(args, { store, config: diavgeia, stdout: out.stream, stderr: err.stream, today: () => TODAY });
  return { code, stdout: out.text(), stderr: err.text() };
};
const decisionEvents = async ({ store }: Context) => (await store.readAll({ maxCount: 100_000 })).filter((e) => e.stream.startsWith('diavgeia-'));

cli('sync prints what it synced; a second run finds nothing new', async (context) => {
  publish(context.double, 3);
  const first = await run(context, ['sync', '--from', '2025-01-01']);
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, /Διαύγεια: 3 αποφάσεις από 2025-01-01 έως 2025-12-31 \(\d+ σελίδες\): 3 νέες, 0 διορθώσεις, 0 ανακλήσεις/);
  assert.match(first.stdout, /Diavgeia: 3 decisions from 2025-01-01 to 2025-12-31 \(\d+ pages\): 3 new, 0 corrected, 0 revoked/);
  assert.is((await decisionEvents(context)).length, 3);
  const again = await run(context, ['sync']);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, /0 new, 0 corrected, 0 revoked/);
  assert.is((await decisionEvents(context)).length, 3);
});

cli('a bad date is refused el/en with exit 2 and nothing asked or written', async (context) => {
  publish(context.double, 2);
  const refused = await run(context, ['sync', '--from', '2025-13-01']);
  assert.is(refused.code, 2);
  assert.match(refused.stderr, /Η ημερομηνία «2025-13-01» δεν είναι έγκυρη/);
  assert.match(refused.stderr, /"2025-13-01" is not a valid date/);
  assert.is(context.double.received.length, 0);
  assert.is((await context.store.readAll()).length, 0);
});

cli('no organisation: refused el/en, exit 1', async (context) => {
  const refused = await run(context, ['sync'], { mode: 'diavgeia', url: context.double.url, organizationId: null, intervalMs: 0 });
  assert.is(refused.code, 1);
  assert.match(refused.stderr, /Ορίστε OPENDIMOS_DIAVGEIA_ORG.*Set OPENDIMOS_DIAVGEIA_ORG/s);
  assert.is(context.double.received.length, 0);
});

cli('Diavgeia down: exit 1 with its reason el/en, nothing written; the next run resumes', async (context) => {
  publish(context.double, 2);
  context.double.answerNext(100, 503);
  const down = await run(context, ['sync', '--from', '2025-01-01']);
  assert.is(down.code, 1);
  assert.match(down.stderr, /Η Διαύγεια απάντησε 503/);
  assert.match(down.stderr, /Diavgeia answered 503/);
  assert.match(down.stderr, /The next run resumes/);
  assert.is((await decisionEvents(context)).length, 0);
  context.double.answerNext(0, 503);
  const back = await run(context, ['sync', '--from', '2025-01-01']);
  assert.is(back.code, 0, back.stderr);
  assert.is((await decisionEvents(context)).length, 2);
});

cli('the server in development syncs the fixture decisions from the stand-in, at start', async (context) => {
  const err = sink();
  const serving = startServerDiavgeiaSync({ mode: 'stand-in', intervalMs: 3_600_000 }, context.store, { stderr: err.stream }, { withFixtures: true });
  assert.match(serving.banner, /δοκιμαστική Διαύγεια.*the Diavgeia stand-in/s);
  const report = await serving.schedule!.tick();
  await serving.stop();
  assert.ok(report && report.published > 3_000, `${JSON.stringify(report)} ${err.text()}`);
  assert.ok((await decisionEvents(context)).length > 3_000);
  assert.match(err.text(), /Diavgeia: \d+ decisions/);
});

cli('the server: off without an organisation in production, the stand-in without the fixtures, or with an interval of 0', async (context) => {
  const off = startServerDiavgeiaSync({ mode: 'diavgeia', url: DIAVGEIA_PUBLIC_API, organizationId: null, intervalMs: 60_000 }, context.store, { stderr: sink().stream }, { withFixtures: true });
  assert.is(off.schedule, null);
  assert.match(off.banner, /Διαύγεια: ανενεργή \/ Diavgeia: off/);
  const bare = startServerDiavgeiaSync({ mode: 'stand-in', intervalMs: 60_000 }, context.store, { stderr: sink().stream }, { withFixtures: false });
  assert.is(bare.schedule, null);
  assert.match(bare.banner, /--with-fixtures for the stand-in/);
  const manual = startServerDiavgeiaSync({ mode: 'diavgeia', url: context.double.url, organizationId: ORG, intervalMs: 0 }, context.store, { stderr: sink().stream }, { withFixtures: false });
  assert.is(manual.schedule, null);
  assert.is(context.double.received.length, 0);
  assert.is((await context.store.readAll()).length, 0);
});

cli.run();

const schedule = suite('diavgeia: the schedule');

const report = (published: number): SyncReport => ({ from: '2025-01-01', to: TODAY, pages: 1, decisions: published, published, corrected: 0, revoked: 0 });

schedule('never two at once: a tick during a sync waits for it; the next runs anew', async () => {
  let calls = 0;
  let release: (() => void) | null = null;
  const lines: string[] = [];
  const s = startDiavgeiaSchedule({
    sync: () => {
      calls++;
      return new Promise<SyncReport>((resolve) => {
        release = () => resolve(report(1));
      });
    },
    intervalMs: 3_600_000,
    log: (line) => lines.push(line),
    describe: (r) => `synced ${r.published}`,
  });
  const during = [s.tick(), s.tick(), s.tick()];
  assert.is(calls, 1, 'the start and three ticks: one sync');
  release!();
  const outcomes = await Promise.all(during);
  assert.ok(outcomes.every((o) => o?.published === 1));
  const next = s.tick();
  assert.is(calls, 2);
  release!();
  await next;
  await s.stop();
  assert.equal(lines, ['synced 1', 'synced 1']);
});

schedule('a failure is logged el/en and the next tick tries again; a quiet tick logs nothing', async () => {
  const answers: (() => Promise<SyncReport>)[] = [
    () => Promise.reject(diavgeiaErrors.status('https://diavgeia.gov.gr/opendata/search', 503)),
    () => Promise.resolve(report(0)),
    () => Promise.resolve(report(2)),
  ];
  const lines: string[] = [];
  const s = startDiavgeiaSchedule({ sync: () => answers.shift()!(), intervalMs: 3_600_000, log: (line) => lines.push(line), describe: (r) => `synced ${r.published}` });
  assert.is(await s.tick(), null, 'the first (at start) failed');
  assert.is(lines.length, 1);
  assert.match(lines[0]!, /Σφάλμα συγχρονισμού Διαύγειας.*Diavgeia sync failed, retried at the next tick.*απάντησε 503.*answered 503/s);
  assert.is((await s.tick())?.published, 0);
  assert.is(lines.length, 1, 'nothing new: nothing logged');
  assert.is((await s.tick())?.published, 2);
  assert.equal(lines.slice(1), ['synced 2']);
  await s.stop();
});

schedule('ticks on its interval', async () => {
  let calls = 0;
  const s = startDiavgeiaSchedule({ sync: async () => (calls++, report(0)), intervalMs: 20, log: () => undefined, describe: () => '' });
  await new Promise((resolve) => setTimeout(resolve, 110));
  await s.stop();
  const seen = calls;
  assert.ok(seen >= 3, `${seen} syncs in 110 ms at 20 ms`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.is(calls, seen, 'none after stop');
});

schedule.run();
