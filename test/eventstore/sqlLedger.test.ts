// What the SQL adapters promise beyond the contract: the events table refuses change in the database
// itself, and migrations are safe to run twice and from two processes at once.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { quoteIdent } from '../../src/eventstore/sql/client.ts';
import { createPgClient } from '../../src/eventstore/sql/pgClient.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import type { TestSchema } from '../support/database.ts';
import { contractBackends, createTestSchema, newSchemaName } from '../support/database.ts';
import { migrateDatabase } from '../../src/cli/migrations.ts';

for (const backend of contractBackends()) {
  const test = suite<{ db: TestSchema }>(`SQL ledger on ${backend}`);
  test.before.each(async (context) => {
    context.db = await createTestSchema(backend);
  });
  test.after.each(async ({ db }) => db.drop());

  const refused = async (db: TestSchema, sql: string): Promise<string> => {
    try {
      await db.client.query(sql);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`not refused: ${sql}`);
  };

  test('UPDATE, DELETE and TRUNCATE of events are refused by the database', async ({ db }) => {
    const store = await openSqlEventStore({ client: db.client, schema: db.schema });
    await store.append('s', [{ type: 'A', data: { n: 1 } }]);
    const events = `${quoteIdent(db.schema)}.od_events`;
    assert.match(await refused(db, `UPDATE ${events} SET data = '{"n":2}'`), /append-only: UPDATE refused/);
    assert.match(await refused(db, `DELETE FROM ${events}`), /append-only: DELETE refused/);
    assert.match(await refused(db, `TRUNCATE ${events}`), /append-only: TRUNCATE refused/);
    const [event] = await store.readAll();
    assert.equal(event?.data, { n: 1 });
    assert.ok((await store.verify()).ok);
    await store.close();
  });

  test('migrations run once when two processes start together, and again is a no-op', async ({ db }) => {
    const other = await db.connectAgain();
    const schema = newSchemaName();
    await Promise.all([migrateDatabase(db.client, schema), migrateDatabase(other, schema)]);
    await migrateDatabase(db.client, schema);
    const applied = await db.client.query<{ component: string; version: number }>(`SELECT component, version FROM ${quoteIdent(schema)}.od_migrations ORDER BY component, version`);
    assert.equal(applied, [
      { component: 'applications', version: 1 },
      { component: 'auth', version: 1 },
      { component: 'council-documents', version: 1 },
      { component: 'debts', version: 1 },
      { component: 'einvoices', version: 1 },
      { component: 'eventstore', version: 1 },
      { component: 'eventstore', version: 2 },
      { component: 'eventstore', version: 3 },
      { component: 'identity', version: 1 },
      { component: 'keyring', version: 1 },
      { component: 'log', version: 1 },
      { component: 'notify', version: 1 },
      { component: 'readmodels', version: 1 },
      { component: 'request-reports', version: 1 },
      { component: 'requests', version: 1 },
      { component: 'sessions', version: 1 },
      { component: 'sessions', version: 2 },
      { component: 'staff', version: 1 },
      { component: 'supplier-threads', version: 1 },
    ]);
    const [one, two] = [await openSqlEventStore({ client: db.client, schema }), await openSqlEventStore({ client: other, schema })];
    await one.append('s', [{ type: 'A', data: {} }]);
    assert.is((await two.readAll()).length, 1);
    for (const store of [one, two]) await store.close();
    await db.client.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
  });

  test('od_append_one, which processes of the previous version call, appends into the same chain', async ({ db }) => {
    const store = await openSqlEventStore({ client: db.client, schema: db.schema });
    await store.append('mixed', [{ type: 'A', data: { n: 1 } }]);
    const call = `SELECT status, revision, first_position FROM ${quoteIdent(db.schema)}.od_append_one($1, $2, $3::uuid, 'A', 1, $4::json, '{}'::json)`;
    const id = '0190a5b2-0000-7000-8000-0000000000aa';
    const [first] = await db.client.query<{ status: string; revision: string | number; first_position: string | number }>(call, ['mixed', '0', id, '{"n":2}']);
    assert.equal([first?.status, Number(first?.revision), Number(first?.first_position)], ['ok', 1, 2]);
    const [again] = await db.client.query<{ status: string }>(call, ['mixed', 'any', id, '{"n":2}']);
    assert.is(again?.status, 'duplicate');
    const [stale] = await db.client.query<{ status: string }>(call, ['mixed', '0', '0190a5b2-0000-7000-8000-0000000000ab', '{"n":9}']);
    assert.is(stale?.status, 'conflict');
    await store.append('mixed', [{ type: 'A', data: { n: 3 } }], { expectedRevision: 1 });
    assert.equal((await store.readStream('mixed')).map((e) => e.data), [{ n: 1 }, { n: 2 }, { n: 3 }]);
    assert.ok((await store.verify()).ok, 'one hash chain through both functions');
    await store.close();
  });

  test('a value query that fails leaves its connection usable, and the statement is prepared again', async ({ db }) => {
    const name = `t_value_${randomBytes(4).toString('hex')}`;
    const text = 'SELECT ($1::uuid)::text || $2';
    for (const executor of [db.client.serial, db.client]) {
      // The first call fails after its statement was prepared (the uuid is refused when bound): the next
      // call must prepare afresh without tripping over the statement left behind.
      const failure = await executor.value(text, ['not-a-uuid', '!'], { name }).then(() => null, (error: Error) => error.message);
      assert.match(failure ?? 'no error', /uuid/);
      assert.is(await executor.value(text, ['00000000-0000-7000-8000-000000000001', '!'], { name }), '00000000-0000-7000-8000-000000000001!');
      assert.is(await executor.value(text, ['00000000-0000-7000-8000-000000000002', '?'], { name }), '00000000-0000-7000-8000-000000000002?');
      assert.is(await executor.value('SELECT NULL::text WHERE $1 = $2', ['a', 'a'], { name: `${name}_null` }), null);
    }
  });

  if (backend === 'postgresql') {
    test('appends go on after the append connection is cut (a server restart, a killed backend)', async ({ db }) => {
      const applicationName = `opendimos-cut-${randomBytes(4).toString('hex')}`;
      const client = createPgClient({ connectionString: process.env.DATABASE_URL!, maxConnections: 2, applicationName });
      const store = await openSqlEventStore({ client, schema: db.schema });
      await store.append('cut', [{ type: 'A', data: { n: 1 } }]);
      const killed = await db.client.query<{ pid: number }>(
        `WITH cut AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE application_name = $1)
         SELECT pid FROM cut WHERE pg_terminate_backend(pid)`,
        [`${applicationName}-append`],
      );
      assert.is(killed.length, 1, 'the append connection is its own, named apart from the pool');
      // The driver learns of the cut when the server's goodbye arrives.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await store.append('cut', [{ type: 'A', data: { n: 2 } }]);
      assert.equal((await store.readStream('cut')).map((e) => e.data), [{ n: 1 }, { n: 2 }]);
      assert.ok((await store.verify()).ok);
      await store.close();
      await client.close();
    });
  }

  test.run();
}
