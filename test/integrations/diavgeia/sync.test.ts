// The sync against the local double of Diavgeia's OpenData API (issue 20, item 5): paging, windows of 180 days,
// resuming after a failure mid-way, corrections and revocations as events, and answers that cannot be used
// (malformed, paged wrongly, slow, down) refused with el/en reasons and nothing half-written.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { ledgerEventSchemas, streams } from '../../../src/domain/index.ts';
import { openSqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import type { SqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import { syncDecisions } from '../../../src/api/diavgeia/sync.ts';
import { diavgeiaClient, isDiavgeiaError, readDecision } from '../../../src/integrations/diavgeia/index.ts';
import type { DiavgeiaError } from '../../../src/integrations/diavgeia/index.ts';
import { decisionsProjection } from '../../../src/projections/diavgeia/index.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import { createTestSchema } from '../../support/database.ts';
import type { TestSchema } from '../../support/database.ts';
import type { DiavgeiaDouble } from '../../support/doubles/diavgeia/index.ts';
import { startDiavgeiaDouble, wireDecision } from '../../support/doubles/diavgeia/index.ts';

const test = suite('diavgeia: sync against the double');
const ORG = '6302';
const TODAY = '2025-12-31';

const ada = (i: number) => `ΨΛΞ${String(i).padStart(5, '0')}-ΗΚ${i % 10}`;
const commitment = (i: number, issueDate = '2025-03-02') =>
  wireDecision({ ada: ada(i), organizationId: ORG, decisionTypeId: 'Β.1.3', issueDate, kae: [{ kae: '30-7323.005', amount: 100 + i }] });

let db: TestSchema;
let store: SqlEventStore;
let double: DiavgeiaDouble;

test.before.each(async () => {
  db = await createTestSchema();
  store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  double = await startDiavgeiaDouble();
});
test.after.each(async () => {
  await double.close();
  await store.close();
  await db.drop();
});

const client = (options: { attempts?: number; timeoutMs?: number } = {}) => diavgeiaClient({ baseUrl: double.url, backoffMs: 5, attempts: options.attempts ?? 2, timeoutMs: options.timeoutMs ?? 2_000 });
const sync = (options: { from?: string; pageSize?: number; attempts?: number; timeoutMs?: number } = {}) =>
  syncDecisions({ store, diavgeia: client(options), organizationId: ORG, today: () => TODAY, pageSize: options.pageSize ?? 10, ...(options.from ? { from: options.from } : {}) });
const decisionEvents = async () => (await store.readAll()).filter((e) => e.stream.startsWith('diavgeia-'));
const rejection = async (work: Promise<unknown>): Promise<DiavgeiaError> => {
  try {
    await work;
  } catch (error) {
    if (isDiavgeiaError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

test('reads the recorded answers of the real API: metadata, amounts per ΚΑΕ, sponsors, natural persons unnamed', () => {
  // The workplace's recorded answers sit beside the repository (../shared/data), or at /work/shared/data for a clone elsewhere.
  const beside = new URL('../../../../shared/data/diavgeia/', import.meta.url);
  const folder = existsSync(beside) ? beside : new URL('file:///work/shared/data/diavgeia/');
  const recorded = (name: string) => JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as unknown;
  const undertaking = readDecision(recorded('Undertaking.metadata.json'));
  assert.equal(undertaking.fields.kaeAmounts, [{ kae: '25-6263.013', amount: '1387.30' }]);
  assert.is(undertaking.fields.amount, '1387.30');
  assert.is(undertaking.fields.issueDate, '2016-03-07');
  assert.is(undertaking.fields.financialYear, 2016);
  const payment = readDecision(recorded('PaymentFinalisation.metadata-97.json'));
  assert.is(payment.fields.decisionTypeId, 'Β.2.2');
  assert.equal(payment.fields.sponsors, [{ naturalPerson: false, afm: '997752429', name: 'ΚΟΙΝΟΠΡΑΞΙΑ ΘΑΛΗΣ ΠΕΡΙΒΑΛΛΟΝΤΙΚΕΣ ΥΠΗΡΕΣΙΕΣ ΑΕ ΕΓΝΩΝ ΑΤΕ', amount: '128247.69' }]);
  const search = recorded('complex_search_result.json') as { decisions: unknown[] };
  const all = search.decisions.map((d) => readDecision(d));
  const people = all.flatMap((d) => d.fields.sponsors).filter((s) => s.naturalPerson);
  assert.ok(people.length > 0, 'the recorded search pays natural persons');
  const text = JSON.stringify(all);
  for (const secret of ['ΣΤΕΙΡΟΣ', '058813634', 'ΘΑΝΟΥ', '075551130']) assert.not.ok(text.includes(secret), `${secret} is not kept`);
  assert.ok(text.includes('094014213'), 'a legal entity keeps its ΑΦΜ (ΤΡΑΠΕΖΑ ΤΗΣ ΕΛΛΑΔΟΣ ΑΕ)');
  const corrected = all.find((d) => d.fields.ada === '6ΥΩΚΟΕΥΖ-86Ο')!;
  assert.is(corrected.correctedVersionId, 'd0c42a6b-d40d-4e3c-a0e0-fb7abe842698');
});

test('pages through the search, publishes each decision once; a second run writes nothing new', async () => {
  double.publish(...Array.from({ length: 25 }, (_, i) => commitment(i)));
  const report = await sync({ from: '2025-01-01' });
  assert.is(report.published, 25);
  assert.is(double.received.filter((r) => r.query['from_date'] === '2025-01-01').length, 3, 'three pages of 10 in the first window');
  const pages = double.received.filter((r) => r.path.endsWith('/search'));
  assert.ok(pages.every((r) => r.query['org'] === ORG && r.query['size'] === '10'));
  assert.equal([...new Set(pages.map((r) => r.query['page']))].sort(), ['0', '1', '2']);
  const events = await decisionEvents();
  assert.is(events.filter((e) => e.type === 'DecisionPublished').length, 25);
  const again = await sync();
  assert.is(again.published + again.corrected + again.revoked, 0);
  assert.is((await decisionEvents()).length, events.length, 'idempotent');
});

test('windows of at most 180 days: a decision a year back is found', async () => {
  double.publish(commitment(1, '2025-01-10'), commitment(2, '2025-11-20'));
  const report = await sync({ from: '2025-01-01' });
  assert.is(report.published, 2);
  const windows = double.received.filter((r) => r.path.endsWith('/search')).map((r) => [r.query['from_date']!, r.query['to_date']!] as const);
  for (const [from, to] of windows) assert.ok((Date.parse(to) - Date.parse(from)) / 86_400_000 < 180, `${from}…${to}`);
  assert.is(windows.at(-1)![1], TODAY);
});

test('a sync that fails mid-way keeps the pages written and resumes after them', async () => {
  double.publish(...Array.from({ length: 35 }, (_, i) => commitment(i)));
  double.failSearchesAfter(2, 503);
  const failure = await rejection(sync({ from: '2025-01-01' }));
  assert.is(failure.failure, 'status');
  assert.match(failure.messageEl, /Διαύγεια απάντησε 503/);
  assert.match(failure.messageEn, /Diavgeia answered 503/);
  assert.is((await decisionEvents()).filter((e) => e.type === 'DecisionPublished').length, 20, 'two pages written, whole');
  double.failSearchesAfter(Infinity, 503);
  const before = double.received.length;
  const resumed = await sync();
  assert.is(resumed.published, 15);
  assert.is(double.received.slice(before).find((r) => r.path.endsWith('/search'))?.query['page'], '2', 'resumed at the page after the last written');
  assert.is((await decisionEvents()).filter((e) => e.type === 'DecisionPublished').length, 35);
});

test('a correction is DecisionCorrected with the version it corrects; a revocation DecisionRevoked', async () => {
  double.publish(commitment(1), commitment(2));
  await sync({ from: '2025-01-01' });
  const first = (await store.readStream(streams.decision(ada(1))))[0]!.data as { versionId: string };
  const next = double.correct(ada(1), { subject: 'Ορθή επανάληψη' }, Date.parse('2025-12-31T08:00:00Z'));
  double.revoke(ada(2), Date.parse('2025-12-31T09:00:00Z'));
  const report = await sync();
  assert.equal([report.corrected, report.revoked], [1, 1]);
  const corrected = await store.readStream(streams.decision(ada(1)));
  assert.equal(corrected.map((e) => e.type), ['DecisionPublished', 'DecisionCorrected']);
  assert.equal(corrected[1]!.data, { ...(corrected[1]!.data as object), subject: 'Ορθή επανάληψη', versionId: next.versionId, correctedVersionId: first.versionId });
  assert.ok(double.received.some((r) => r.path.endsWith(`/decisions/${ada(1)}/versionlog`)), 'the version log was asked');
  assert.equal((await store.readStream(streams.decision(ada(2)))).map((e) => e.type), ['DecisionPublished', 'DecisionRevoked']);
  const runner = await startProjections({ client: db.client, store, schema: db.schema, projections: [decisionsProjection], onError: (e) => console.error(e) });
  await runner.caughtUp;
  await runner.stop();
  const rows = await db.client.query<{ ada: string; subject: string; versions: number; revoked: boolean }>(`SELECT ada, subject, versions, revoked FROM ${db.schema}.od_diavgeia_decisions ORDER BY ada`);
  assert.equal(rows, [
    { ada: ada(1), subject: 'Ορθή επανάληψη', versions: 2, revoked: false },
    { ada: ada(2), subject: `Απόφαση ${ada(2)}`, versions: 1, revoked: true },
  ]);
});

test('a malformed answer, a wrong page, a decision without its version: refused, nothing written', async () => {
  double.publish(...Array.from({ length: 15 }, (_, i) => commitment(i)));
  double.malformNext(1);
  const malformed = await rejection(sync({ from: '2025-01-01' }));
  assert.is(malformed.failure, 'malformed');
  assert.match(malformed.messageEl, /δεν είναι έγκυρη.*δεν γράφτηκε τίποτα/);
  assert.match(malformed.messageEn, /not JSON; nothing was written/);
  double.misPageNext(1);
  const misPaged = await rejection(sync({ from: '2025-01-01' }));
  assert.is(misPaged.failure, 'paging');
  assert.match(misPaged.messageEn, /page 1 instead of 0/);
  const broken = commitment(99) as Record<string, unknown>;
  delete broken['versionId'];
  double.publish(broken as ReturnType<typeof commitment>);
  const missing = await rejection(sync({ from: '2025-01-01' }));
  assert.match(missing.messageEn, /versionId is not text/);
  const written = await decisionEvents();
  assert.is(written.length, 10, 'the first page, whole; nothing of the page with the broken decision');
  assert.not.ok(written.some((e) => e.stream === streams.decision(ada(14))), 'its good decisions neither');
});

test('down (5xx) and slow: retried with back-off, then refused; a slow answer past the deadline is a timeout', async () => {
  double.publish(commitment(1));
  double.answerNext(1, 502);
  const report = await sync({ from: '2025-01-01', attempts: 2 });
  assert.is(report.published, 1, 'one 502, then the retry answered');
  double.answerNext(10, 503);
  assert.is((await rejection(sync({ from: '2025-01-01', attempts: 2 }))).failure, 'status');
  double.answerNext(0, 503);
  double.slow(300);
  const slow = await rejection(sync({ from: '2025-01-01', attempts: 2, timeoutMs: 100 }));
  assert.is(slow.failure, 'timeout');
  assert.match(slow.messageEl, /δεν απάντησε σε 100 ms/);
  double.slow(0);
  double.holdNext(1);
  assert.is((await sync({ from: '2025-01-01', attempts: 2, timeoutMs: 200 })).published, 0, 'a held request timed out, the retry answered');
});

test.run();
