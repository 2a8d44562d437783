// The server's PGlite, as `opendimos serve` opens it: on a worker thread, under a data directory that is
// this user's alone. Statements, transactions, errors and LISTEN/NOTIFY cross the thread boundary as they
// behaved in-process, and the server's thread keeps running while the database works.
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openEventStore, openSqlClient } from '../../src/eventstore/openEventStore.ts';
import type { SqlClient } from '../../src/eventstore/sql/client.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { migrateDatabase } from '../../src/cli/migrations.ts';

const test = suite<{ dir: string; client: SqlClient; notices: string[] }>('PGlite on a worker thread, in its data directory');

const open = async (context: { dir: string; notices: string[] }): Promise<SqlClient> =>
  openSqlClient({ databaseUrl: null, eventStoreUrl: null, dataDir: context.dir, schema: 'opendimos' }, (line) => context.notices.push(line));

/** Every mode under the directory, counted: "700 d" for directories, "600 f" for files. */
const modes = async (dir: string): Promise<Map<string, number>> => {
  const counts = new Map<string, number>();
  const walk = async (path: string): Promise<void> => {
    const stats = await stat(path);
    const key = `${(stats.mode & 0o777).toString(8)} ${stats.isDirectory() ? 'd' : 'f'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (stats.isDirectory()) for (const name of await readdir(path)) await walk(join(path, name));
  };
  await walk(dir);
  return counts;
};

test.before(async (context) => {
  context.dir = join(await mkdtemp(join(tmpdir(), 'opendimos-pglite-')), 'data');
  context.notices = [];
  context.client = await open(context);
  await context.client.exec('CREATE TABLE t (n int PRIMARY KEY, at timestamptz, doc json)');
});
test.after(async ({ client, dir }) => {
  await client.close();
  await rm(join(dir, '..'), { recursive: true, force: true });
});

test('a fresh data directory: directories 0700, files 0600, and nothing to report', async ({ dir, notices }) => {
  const counts = await modes(dir);
  assert.equal([...counts.keys()].sort(), ['600 f', '700 d']);
  assert.ok((counts.get('600 f') ?? 0) > 900, 'PGlite made its files');
  assert.equal(notices, []);
});

test('rows cross the thread with their types; value answers one text', async ({ client }) => {
  await client.query(`INSERT INTO t VALUES (1, '2025-03-04T10:00:00Z', '{"a":[1,2]}')`);
  const [row] = await client.query<{ n: number; at: Date; doc: unknown }>('SELECT n, at, doc FROM t WHERE n = $1', [1]);
  assert.is(row?.n, 1);
  assert.ok(row?.at instanceof Date);
  assert.is(row.at.toISOString(), '2025-03-04T10:00:00.000Z');
  assert.equal(row.doc, { a: [1, 2] });
  assert.is(await client.value('SELECT n::text FROM t WHERE n = $1', ['1'], { name: 'one' }), '1');
  assert.is(await client.value('SELECT n FROM t WHERE n = $1', ['99'], { name: 'none' }), null);
});

test('a failed statement is an error with the database\'s code, and the client goes on', async ({ client }) => {
  try {
    await client.query('INSERT INTO t VALUES (1)');
    assert.unreachable('duplicate key');
  } catch (error) {
    assert.instance(error, Error);
    assert.match((error as Error).message, /duplicate key/);
    assert.is((error as { code?: string }).code, '23505');
  }
  assert.equal(await client.query('SELECT count(*)::int AS c FROM t'), [{ c: 1 }]);
});

test('a transaction\'s statements run in order while another caller waits for its end', async ({ client }) => {
  const seen: string[] = [];
  const outside: Promise<unknown>[] = [];
  await client.transaction(async (tx) => {
    await tx.query('INSERT INTO t (n) VALUES (2)');
    outside.push(client.query<{ c: number }>('SELECT count(*)::int AS c FROM t').then((rows) => seen.push(`outside ${rows[0]?.c}`)));
    await tx.query('INSERT INTO t (n) VALUES (3)');
    seen.push(`inside ${(await tx.query<{ c: number }>('SELECT count(*)::int AS c FROM t'))[0]?.c}`);
  });
  await Promise.all(outside);
  assert.equal(seen, ['inside 3', 'outside 3']);
});

test('a transaction whose work throws is rolled back and its error reaches the caller', async ({ client }) => {
  try {
    await client.transaction(async (tx) => {
      await tx.query('INSERT INTO t (n) VALUES (4)');
      throw new Error('refused');
    });
    assert.unreachable('the work threw');
  } catch (error) {
    assert.is((error as Error).message, 'refused');
  }
  assert.equal(await client.query('SELECT n FROM t WHERE n = 4'), []);
  assert.equal(await client.query('SELECT count(*)::int AS c FROM t'), [{ c: 3 }], 'the client is usable after');
});

test('NOTIFY reaches listeners after commit, and no longer once they stop', async ({ client }) => {
  const heard: string[] = [];
  const stop = await client.listen('od_test', (payload) => heard.push(payload));
  await client.transaction(async (tx) => {
    await tx.query(`SELECT pg_notify('od_test', 'one')`);
    assert.equal(heard, [], 'nothing before commit');
  });
  await client.query(`SELECT pg_notify('od_test', 'two')`);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(heard, ['one', 'two']);
  await stop();
  await client.query(`SELECT pg_notify('od_test', 'three')`);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(heard, ['one', 'two']);
});

test('the caller\'s thread keeps running while a long query runs', async ({ client }) => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  // Tens of milliseconds of work inside PGlite: in-process, not one timer would fire meanwhile.
  await client.query('SELECT count(*) FROM generate_series(1, 200000) AS g(i) WHERE md5(i::text) LIKE $1', ['0%']);
  clearInterval(timer);
  assert.ok(ticks > 0, `timers fired during the query (${ticks})`);
});

test('the head is answered at once while a long query runs, and asked of the database when idle', async ({ client, dir }) => {
  await migrateDatabase(client, 'od_head');
  const store = await openEventStore({ databaseUrl: null, eventStoreUrl: null, dataDir: dir, schema: 'od_head' }, client);
  assert.is(await store.headPosition(), 0);
  const { lastPosition } = await store.append('s', [{ type: 'A', data: {} }, { type: 'B', data: {} }]);
  const order: string[] = [];
  const long = client.query('SELECT count(*) FROM generate_series(1, 200000) AS g(i) WHERE md5(i::text) LIKE $1', ['0%']).then(() => order.push('long query'));
  const head = await store.headPosition();
  order.push('head');
  await long;
  assert.equal(order, ['head', 'long query'], 'the head did not wait behind the query');
  assert.is(head, lastPosition);
  const beside = await openSqlEventStore({ client, schema: 'od_head' });
  const later = await beside.append('t', [{ type: 'C', data: {} }]);
  assert.is(await store.headPosition(), later.lastPosition, 'idle: read from the database');
  await beside.close();
  await store.close();
});

test('an old data directory (0755, files 0666) is fixed on start and said so once', async (context) => {
  await context.client.close();
  await chmod(context.dir, 0o755);
  await chmod(join(context.dir, 'PG_VERSION'), 0o666);
  await chmod(join(context.dir, 'postgresql.conf'), 0o644);
  await writeFile(join(context.dir, 'left-behind'), 'x', { mode: 0o666 });
  await chmod(join(context.dir, 'left-behind'), 0o666);
  context.notices.length = 0;
  context.client = await open(context);
  assert.equal(context.notices.length, 1);
  assert.match(context.notices[0]!, /^Διορθώθηκαν τα δικαιώματα 4 αρχείων στο .+ \/ Fixed permissions of 4 files in /);
  assert.equal([...(await modes(context.dir)).keys()].sort(), ['600 f', '700 d']);
  assert.equal(await context.client.query('SELECT count(*)::int AS c FROM t'), [{ c: 3 }], 'the data is still there');
});

test.run();
