// Tampering is caught (issue 16 item 8): a checkpoint is kept; then, as a database superuser with the
// append-only trigger disabled, one old payment's amount is changed and the whole hash chain recomputed
// after it, so the chain alone holds. `opendimos verify` fails and names the leaf and the position; the log
// refuses to sign a tree that no longer extends what it published.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyLog } from '../../../src/api/log/index.ts';
import { verifyCommand } from '../../../src/cli/verifyCommand.ts';
import type { Installation } from '../../../src/cli/installation.ts';
import type { LedgerCommandContext } from '../../../src/cli/io.ts';
import { chainHash, GENESIS_HASH } from '../../../src/eventstore/hashChain.ts';
import { ledgerNames } from '../../../src/eventstore/sql/ledgerSchema.ts';
import { appendAll, smallYear } from '../../support/ledger.ts';
import type { LogApp } from './logFixture.ts';
import { openLogApp } from './logFixture.ts';

const test = suite<{ t: LogApp }>('log: tampering is caught');

test.before.each(async (context) => {
  context.t = await openLogApp();
});
test.after.each(async ({ t }) => t.close());

/** What an insider with the database's superuser could do: change an event, then re-chain everything after it. */
const rewrite = async (t: LogApp, position: number, amount: string) => {
  const events = ledgerNames(t.ledger.schema).events;
  await t.ledger.client.exec(`ALTER TABLE ${events} DISABLE TRIGGER od_events_append_only`);
  await t.ledger.client.query(`UPDATE ${events} SET data = jsonb_set(data::jsonb, '{amount}', to_jsonb($2::text))::json WHERE position = $1`, [position, amount]);
  const rows = await t.ledger.client.query<{ position: unknown; id: string; stream: string; revision: unknown; type: string; schema_version: number; data: string; metadata: string }>(
    `SELECT position, id, stream, revision, type, schema_version, data::text AS data, metadata::text AS metadata FROM ${events} ORDER BY position`,
  );
  let previous = GENESIS_HASH;
  for (const row of rows) {
    previous = chainHash(previous, { position: Number(row.position), id: row.id, stream: row.stream, revision: Number(row.revision), type: row.type, schemaVersion: row.schema_version, dataText: row.data, metadataText: row.metadata });
    await t.ledger.client.query(`UPDATE ${events} SET hash = decode($2, 'hex') WHERE position = $1`, [row.position, previous]);
  }
  await t.ledger.client.exec(`ALTER TABLE ${events} ENABLE TRIGGER od_events_append_only`);
};

const runVerify = async (t: LogApp) => {
  let out = '';
  const installation = { config: { eventStoreUrl: null, schema: t.ledger.schema }, client: t.ledger.client, store: t.ledger.store } as unknown as Installation;
  const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) } } as unknown as LedgerCommandContext['io'];
  const status = await verifyCommand([], { installation, io, cwd: '.' });
  return { status, out };
};

test('an old amount changed and the chain recomputed: verify names the leaf; the log signs nothing more', async ({ t }) => {
  await appendAll(t.ledger.store, smallYear());
  await t.append(40);
  await t.publisher.publishNow();
  const before = await runVerify(t);
  assert.is(before.status, 0, before.out);
  assert.match(before.out, /The log agrees: 54 leaves, 1 signed checkpoints/);

  const payment = (await t.ledger.store.readAll({})).find((e) => e.type === 'PaymentMade')!;
  await rewrite(t, payment.position, '2000.00');
  assert.ok((await t.ledger.store.verify()).ok, 'the re-chained ledger passes the chain check alone');

  const after = await runVerify(t);
  assert.is(after.status, 1, after.out);
  assert.match(after.out, new RegExp(`at leaf ${payment.position - 1} \\(position ${payment.position}\\): the event at position ${payment.position} is not what was logged as leaf ${payment.position - 1}`));
  assert.match(after.out, new RegExp(`ΔΕΝ συμφωνεί στο φύλλο ${payment.position - 1}`));
  const report = await verifyLog(t.ledger.client, t.ledger.schema, t.services.tables);
  assert.equal(report.ok ? null : [report.leaf, report.position], [payment.position - 1, payment.position]);
});

test('the tree rebuilt from the rewritten events no longer gives the published root: caught, and never signed', async ({ t }) => {
  await appendAll(t.ledger.store, smallYear());
  await t.append(0);
  await t.publisher.publishNow();
  const payment = (await t.ledger.store.readAll({})).find((e) => e.type === 'PaymentMade')!;
  await rewrite(t, payment.position, '2000.00');
  // The insider also rebuilds the tree from the rewritten events, so that every leaf matches again.
  const rebuilt = await (await import('../../../src/projections/shared/rebuild.ts')).rebuildProjections(
    t.ledger.client,
    (await import('../../../src/projections/shared/eventReader.ts')).eventReaderFor(t.ledger.store),
    t.ledger.schema,
    [(await import('../../../src/projections/log/index.ts')).logProjection(t.services.tables.events)],
  );
  assert.ok(rebuilt > 0);
  const report = await runVerify(t);
  assert.is(report.status, 1, report.out);
  assert.match(report.out, /the tree at size 14 no longer has the root its signed checkpoint published/);
  await t.append(3);
  try {
    await t.publisher.publishNow();
    assert.unreachable('signed a tree that does not extend the published one');
  } catch (error) {
    assert.match(String(error), /no longer has the published root/);
  }
});

test.run();
