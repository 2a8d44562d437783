// Rebuilds: identical read models from the log, while the site keeps reading and the ledger keeps
// growing; a changed projection version rebuilds itself on start; two runners apply each event once.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerEvent } from '../../src/domain/index.ts';
import { eventReaderFor } from '../../src/projections/shared/eventReader.ts';
import { allProjections } from '../../src/contexts.ts';
import { budgetLine } from '../../src/projections/ledger/index.ts';
import { rebuildProjections } from '../../src/projections/shared/rebuild.ts';
import { readProjectionRecords } from '../../src/projections/shared/registry.ts';
import { snapshotReadModels } from '../support/snapshot.ts';
import { prepareProjections, startProjections } from '../../src/projections/shared/runner.ts';
import type { TestLedger } from '../support/ledger.ts';
import { SUPPLIER, appendAll, openTestLedger, smallAssets, smallYear } from '../support/ledger.ts';

const test = suite<{ ledger: TestLedger }>('rebuild');

test.before.each(async (context) => {
  context.ledger = await openTestLedger();
  await appendAll(context.ledger.store, [...smallYear(), ...smallAssets()]);
});
test.after.each(async ({ ledger }) => ledger.dispose());

const snapshot = (ledger: TestLedger) => snapshotReadModels(ledger.client, ledger.schema);

let document = 500;
const payment = (): LedgerEvent => ({
  type: 'PaymentMade',
  data: { year: 2025, kae: '30-7323.005', document: `Π-${++document}`, date: '2025-06-01', amount: '1.01', ada: null, description: null, order: 'Ε-1', counterparty: SUPPLIER },
});

test('a rebuild from the log gives identical read models', async ({ ledger }) => {
  const runner = await startProjections({ client: ledger.client, store: ledger.store, schema: ledger.schema, projections: allProjections });
  await runner.caughtUp;
  await runner.stop();
  const before = await snapshot(ledger);
  assert.ok(before.od_transactions!.length > 10);
  await rebuildProjections(ledger.client, eventReaderFor(ledger.store), ledger.schema, allProjections);
  assert.equal(await snapshot(ledger), before);
});

test('rebuilding while the runner serves and the ledger grows loses and doubles nothing', async ({ ledger }) => {
  const runner = await startProjections({ client: ledger.client, store: ledger.store, schema: ledger.schema, projections: allProjections });
  await runner.caughtUp;
  const budget = allProjections.find((p) => p.name === 'budget')!;
  const writing = (async () => {
    for (let i = 0; i < 20; i++) await appendAll(ledger.store, [payment()]);
  })();
  const rebuilt = rebuildProjections(ledger.client, eventReaderFor(ledger.store), ledger.schema, [budget]);
  await Promise.all([writing, rebuilt]);
  const head = await ledger.store.headPosition();
  while (runner.position() < head) await new Promise((r) => setTimeout(r, 20));
  await runner.stop();
  const line = await budgetLine(ledger.client, ledger.schema, 2025, '30-7323.005');
  assert.is(line?.paid, '17519.70', '17499.50 + 20 × 1.01');
  const records = await readProjectionRecords(ledger.client, ledger.schema);
  assert.is(records.get('budget')?.position, head);
});

test('a projection whose version changed is rebuilt on start; one unchanged is left alone', async ({ ledger }) => {
  await prepareProjections({ client: ledger.client, store: ledger.store, schema: ledger.schema, projections: allProjections });
  const runner = await startProjections({ client: ledger.client, store: ledger.store, schema: ledger.schema, projections: allProjections });
  await runner.caughtUp;
  await runner.stop();
  // Tamper with both read models so that a rebuild is visible.
  await ledger.client.query(`UPDATE "${ledger.schema}".od_budget_lines SET paid = 0`);
  await ledger.client.query(`UPDATE "${ledger.schema}".od_imports SET rows = -1`);
  const budget = allProjections.find((p) => p.name === 'budget')!;
  const changed = allProjections.map((p) => (p === budget ? { ...p, version: p.version + 1 } : p));
  await prepareProjections({ client: ledger.client, store: ledger.store, schema: ledger.schema, projections: changed });
  assert.is((await budgetLine(ledger.client, ledger.schema, 2025, '30-7323.005'))?.paid, '17499.50');
  const records = await readProjectionRecords(ledger.client, ledger.schema);
  assert.is(records.get('budget')?.version, budget.version + 1);
  assert.is(records.get('transactions')?.version, allProjections.find((p) => p.name === 'transactions')!.version);
});

test('two runners on one ledger apply every event exactly once', async ({ ledger }) => {
  const options = { client: ledger.client, store: ledger.store, schema: ledger.schema, projections: allProjections };
  const [one, two] = await Promise.all([startProjections(options), startProjections(options)]);
  await Promise.all([one.caughtUp, two.caughtUp]);
  for (let i = 0; i < 10; i++) await appendAll(ledger.store, [payment()]);
  const head = await ledger.store.headPosition();
  while (one.position() < head || two.position() < head) await new Promise((r) => setTimeout(r, 20));
  await Promise.all([one.stop(), two.stop()]);
  assert.is((await budgetLine(ledger.client, ledger.schema, 2025, '30-7323.005'))?.paid, '17509.60');
  const [count] = await ledger.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${ledger.schema}".od_transactions`);
  assert.is(count?.n, 23);
});

test.run();
