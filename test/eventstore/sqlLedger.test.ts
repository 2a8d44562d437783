// What the SQL adapters promise beyond the contract: the events table refuses change in the database
// itself, and migrations are safe to run twice and from two processes at once.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { quoteIdent } from '../../src/eventstore/sql/client.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import type { TestSchema } from '../support/database.ts';
import { contractBackends, createTestSchema } from '../support/database.ts';

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
    const [one, two] = await Promise.all([openSqlEventStore({ client: db.client, schema: db.schema }), openSqlEventStore({ client: other, schema: db.schema })]);
    const again = await openSqlEventStore({ client: db.client, schema: db.schema });
    const applied = await db.client.query<{ component: string; version: number }>(`SELECT component, version FROM ${quoteIdent(db.schema)}.od_migrations ORDER BY version`);
    assert.equal(applied, [
      { component: 'eventstore', version: 1 },
      { component: 'eventstore', version: 2 },
    ]);
    await one.append('s', [{ type: 'A', data: {} }]);
    assert.is((await two.readAll()).length, 1);
    for (const store of [one, two, again]) await store.close();
  });

  test.run();
}
