// The log's tree as a read model (issue 16 items 1-2): public events become leaves in global order,
// personal ones never; the tiles kept batch by batch give the same root and proofs as a tree computed at
// once from the entries; a restart does not recompute it; the entries are the stored events in RFC 8785 form.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Hash } from '../../../src/domain/log/index.ts';
import { canonicalJson, inclusionRanges, rangeHash, verifyConsistency, verifyInclusion } from '../../../src/domain/log/index.ts';
import { ledgerNames } from '../../../src/eventstore/sql/ledgerSchema.ts';
import type { LogTables } from '../../../src/projections/log/index.ts';
import { consistencyProof, entriesOfLeaves, inclusionProof, leafOfPosition, logProjection, logTables, rootAt, sha256Hasher, tileBytes, treeSize } from '../../../src/projections/log/index.ts';
import type { ProjectionRunner } from '../../../src/projections/shared/runner.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import { settled } from '../../support/identity.ts';
import type { TestLedger } from '../../support/ledger.ts';
import { openTestLedger } from '../../support/ledger.ts';

interface Context {
  ledger: TestLedger;
  runner: ProjectionRunner;
  tables: LogTables;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

const test = suite<Context>('log: the tree read model');

const start = async (ledger: TestLedger) => {
  const events = ledgerNames(ledger.schema).events;
  const runner = await startProjections({ client: ledger.client, store: ledger.store, schema: ledger.schema, projections: [logProjection(events)], batchSize: 97 });
  await runner.caughtUp;
  return runner;
};

test.before.each(async (context) => {
  context.ledger = await openTestLedger();
  context.runner = await start(context.ledger);
  context.tables = logTables(context.ledger.schema, ledgerNames(context.ledger.schema).events);
});
test.after.each(async ({ ledger, runner }) => {
  await runner.stop();
  await ledger.dispose();
});

const encoder = new TextEncoder();

/** Appends n public events, every fifth one with a personal one after it, in appends of up to 37. */
const appendEvents = async ({ ledger }: Context, n: number, from = 0) => {
  for (let i = from; i < from + n; i += 37) {
    const events = Array.from({ length: Math.min(37, from + n - i) }, (_, k) => ({ type: 'SupplierRenamed', data: { afm: '094014201', name: `ΠΡΟΜΗΘΕΥΤΗΣ ${i + k} «Ά»` } }));
    await ledger.store.appendMany([{ stream: 'supplier-094014201', events }]);
    await ledger.store.appendMany([{ stream: `citizen-${i}`, events: [{ type: 'CitizenRegistered', data: { subjectId: `s${i}`, kind: 'person', sealed: 'x' } }] }]);
  }
};

const leavesOf = async ({ ledger, tables }: Context, size: number): Promise<Hash[]> =>
  (await entriesOfLeaves(ledger.client, tables, 0, size)).map((e) => sha256Hasher.leaf(encoder.encode(e.text)));

const rootOf = (leaves: readonly Hash[], size: number) => {
  const subtree = ({ height, index }: { height: number; index: number }): Hash =>
    height === 0 ? leaves[index]! : sha256Hasher.node(subtree({ height: height - 1, index: 2 * index }), subtree({ height: height - 1, index: 2 * index + 1 }));
  return rangeHash(sha256Hasher, 0, size, subtree);
};

test('public events only, in global order, each entry the stored event in canonical JSON', async (context) => {
  const { ledger, runner, tables } = context;
  await appendEvents(context, 40);
  await settled(ledger.store, runner);
  assert.is(await treeSize(ledger.client, tables), 40);
  const entries = await entriesOfLeaves(ledger.client, tables, 0, 40);
  assert.ok(entries.every((e) => e.type === 'SupplierRenamed'));
  const [first] = await ledger.store.readAll({ maxCount: 1 });
  const parsed = JSON.parse(entries[0]!.text) as Record<string, unknown>;
  assert.equal(Object.keys(parsed), ['data', 'hash', 'id', 'position', 'recordedAt', 'revision', 'schemaVersion', 'stream', 'type']);
  assert.is(entries[0]!.text, canonicalJson({ position: first!.position, id: first!.id, stream: first!.stream, revision: first!.revision, type: first!.type, schemaVersion: first!.storedSchemaVersion, data: first!.data, recordedAt: first!.metadata.recordedAt, hash: first!.hash }));
  assert.is(await leafOfPosition(ledger.client, tables, first!.position), 0);
  const personal = (await ledger.store.readAll({})).find((e) => e.type === 'CitizenRegistered')!;
  assert.is(await leafOfPosition(ledger.client, tables, personal.position), null);
});

test('tiles kept batch by batch across tile boundaries give the root and proofs of the whole tree', async (context) => {
  const { ledger, runner, tables } = context;
  const sizes: number[] = [];
  for (const n of [1, 254, 2, 300, 700]) {
    await appendEvents(context, n, sizes.at(-1) ?? 0);
    await settled(ledger.store, runner);
    sizes.push(await treeSize(ledger.client, tables));
  }
  assert.equal(sizes, [1, 255, 257, 557, 1257]);
  const leaves = await leavesOf(context, 1257);
  const roots = new Map<number, Hash>();
  for (const size of [1, 255, 256, 257, 512, 557, 1024, 1257]) {
    const root = new Uint8Array(await rootAt(ledger.client, tables, size));
    assert.is(hex(root), hex(rootOf(leaves, size)), `root at ${size}`);
    roots.set(size, root);
  }
  for (const [index, size] of [[0, 1], [254, 255], [255, 257], [300, 557], [1256, 1257], [700, 1257]] as const) {
    const proof = await inclusionProof(ledger.client, tables, index, size);
    assert.is(proof.length, inclusionRanges(index, size).length);
    assert.ok(verifyInclusion(sha256Hasher, index, size, leaves[index]!, proof, roots.get(size)!), `${index} in ${size}`);
  }
  for (const [from, to] of [[1, 257], [255, 1257], [256, 512], [557, 1257], [1024, 1257]] as const) {
    const proof = await consistencyProof(ledger.client, tables, from, to);
    assert.ok(verifyConsistency(sha256Hasher, from, to, proof, roots.get(from)!, roots.get(to)!), `${from} → ${to}`);
  }
  const full = await tileBytes(ledger.client, tables, { level: 0, index: 0, width: 256 }, 1257);
  assert.is(full!.length, 8192);
  assert.is(hex(full!.subarray(32, 64)), hex(leaves[1]!));
  const partialOfOlderSize = await tileBytes(ledger.client, tables, { level: 0, index: 1, width: 1 }, 257);
  assert.is(hex(partialOfOlderSize!), hex(leaves[256]!));
  assert.is(await tileBytes(ledger.client, tables, { level: 0, index: 4, width: 234 }, 1257), null, 'wider than the tree');
  assert.is((await tileBytes(ledger.client, tables, { level: 1, index: 0, width: 4 }, 1257))!.length, 128);
});

test('a restart carries on from the tiles, without recomputing the tree', async (context) => {
  const { ledger, tables } = context;
  await appendEvents(context, 300);
  await settled(ledger.store, context.runner);
  await context.runner.stop();
  const before = await ledger.client.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${tables.tiles}`);
  context.runner = await start(ledger);
  await appendEvents(context, 10, 300);
  await settled(ledger.store, context.runner);
  assert.is(await treeSize(ledger.client, tables), 310);
  assert.is(hex(await rootAt(ledger.client, tables, 310)), hex(rootOf(await leavesOf(context, 310), 310)));
  assert.is(Number(before[0]!.n), 3);
});

test('a ledger far ahead of the tree is caught up by the bulk build, range by range, to the same tree', async (context) => {
  const { ledger, tables } = context;
  await context.runner.stop();
  for (let i = 0; i < 12_500; i += 500) {
    const events = Array.from({ length: 500 }, (_, k) => ({ type: 'SupplierRenamed', data: { afm: '094014201', name: `Π ${i + k}` } }));
    await ledger.store.appendMany([{ stream: 'supplier-094014201', events }]);
  }
  await ledger.store.appendMany([{ stream: 'citizen-x', events: [{ type: 'CitizenRegistered', data: { subjectId: 'sx', kind: 'person', sealed: 'x' } }] }]);
  context.runner = await start(ledger);
  assert.is(await treeSize(ledger.client, tables), 12_500);
  const [checkpoint] = await ledger.client.query<{ position: unknown }>(`SELECT position FROM ${ledger.schema}.od_projections WHERE name = 'log'`);
  assert.is(Number(checkpoint!.position), await ledger.store.headPosition());
  assert.is(hex(await rootAt(ledger.client, tables, 12_500)), hex(rootOf(await leavesOf(context, 12_500), 12_500)));
  await appendEvents(context, 3, 12_500);
  await settled(ledger.store, context.runner);
  assert.is(await treeSize(ledger.client, tables), 12_503, 'then batch by batch');
});

test.run();
