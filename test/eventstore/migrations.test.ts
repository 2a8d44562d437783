// Released migrations are frozen: their SQL is pinned here by checksum, and a database that applied one
// refuses to start with a changed copy of it.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { migrationSets } from '../../src/cli/migrations.ts';
import { quoteIdent } from '../../src/eventstore/sql/client.ts';
import type { Migration } from '../../src/eventstore/sql/migrate.ts';
import { isMigrationChanged, migrationChecksum, runMigrations } from '../../src/eventstore/sql/migrate.ts';
import type { TestSchema } from '../support/database.ts';
import { createTestSchema } from '../support/database.ts';

/** What each released migration's SQL hashes to. A failing line here means a released migration was edited. */
const RELEASED: Readonly<Record<string, readonly string[]>> = {
  eventstore: [
    'cd7429460972931d78c93f22aa958efd635df509f5905722c6397ac28d3afc04',
    '3c80e9b5a6388a45f2fe38b836a82e596f4ae88898ec0054a00551b073d67151',
    '4d6401e0d356c98f265ce2ae42eb7908056797fac90ba819f397a301b1b672d4',
  ],
  readmodels: ['c587c6d04a0e865692e76347fdd69796ce3ba1c10c416b50ad3a8d7ef966d150'],
  auth: ['75a88c70e0c472c66a790031c2c16f62e174868df29297de69635b492a14bf2f'],
  notify: ['72bd0f1995cf3ff2c7d08ab84062eb09ca85489595869cb23aa0211b2cbb6dc5'],
  keyring: ['28355d535a9433899996e379a75a2dfacb4aa1a7f8e3400b2ef997172e000df9'],
  identity: ['d51d4d9c4909ac7de473ffc7d411d5e29dd8c166f0d49a16169d91a7e74c7ca0'],
  sessions: ['64bc941826175234052f9ddbff151d9d2c9b5b86a2a9feb550e8dfdbdaebf4f5', '53d781fbadd0c7c39ed67c8020b6a150f9710d970200f8966a96124b7deaf98a'],
  staff: ['7614f4b04ff7ab32b6d603ec837d8b9960565181fce35acb1e9400a28a9fc401'],
  debts: ['22022853ff4224645714735a9232741068372ed476091d6604d3fbc6762d862d'],
  log: ['f5fe1bd3fa97b59c33e34f4202d9ba164bcbfd5186df003937e9aafed359dbab'],
};

const sets: Readonly<Record<string, readonly Migration[]>> = Object.fromEntries(migrationSets('opendimos', { eventsInSql: true }).map((set) => [set.component, set.migrations]));

const frozen = suite('released migrations');

frozen('every released migration still has the SQL it was released with', () => {
  for (const [component, checksums] of Object.entries(RELEASED)) {
    const migrations = sets[component] ?? [];
    checksums.forEach((checksum, index) => {
      const migration = migrations.find((m) => m.version === index + 1);
      assert.ok(migration, `${component} ${index + 1} is missing`);
      assert.is(migrationChecksum(migration), checksum, `${component} ${index + 1} (${migration.name}) was changed: write a new migration`);
    });
  }
});

frozen('versions of each component run 1, 2, 3… with no gap or repeat', () => {
  for (const [component, migrations] of Object.entries(sets)) {
    assert.equal(
      migrations.map((m) => m.version),
      migrations.map((_, i) => i + 1),
      component,
    );
  }
});

frozen.run();

const applied = suite<{ db: TestSchema }>('applied migrations');
applied.before.each(async (context) => {
  context.db = await createTestSchema();
});
applied.after.each(async ({ db }) => db.drop());

const first: Migration = { version: 1, name: 'a table', sql: (q) => `CREATE TABLE ${q}.od_scratch (n int)` };
const second: Migration = { version: 2, name: 'a column', sql: (q) => `ALTER TABLE ${q}.od_scratch ADD COLUMN m int` };

applied('a migration edited after it was applied is refused, and nothing later is applied', async ({ db }) => {
  await runMigrations(db.client, db.schema, 'scratch', [first]);
  const edited: Migration = { ...first, sql: (q) => `CREATE TABLE ${q}.od_scratch (n bigint)` };
  const error = await runMigrations(db.client, db.schema, 'scratch', [edited, second]).catch((e: unknown) => e);
  assert.ok(isMigrationChanged(error), String(error));
  assert.match((error as Error).message, /scratch 1/);
  const columns = await db.client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'od_scratch' ORDER BY column_name`,
    [db.schema],
  );
  assert.equal(columns.map((c) => c.column_name), ['n']);
});

applied('a database from before checksums gets them, and is then held to them', async ({ db }) => {
  await runMigrations(db.client, db.schema, 'scratch', [first]);
  const table = `${quoteIdent(db.schema)}.od_migrations`;
  await db.client.query(`UPDATE ${table} SET checksum = NULL`);
  assert.equal(await runMigrations(db.client, db.schema, 'scratch', [first, second]), [2]);
  const rows = await db.client.query<{ version: number; checksum: string }>(`SELECT version, checksum FROM ${table} WHERE component = 'scratch' ORDER BY version`);
  assert.equal(rows, [
    { version: 1, checksum: migrationChecksum(first) },
    { version: 2, checksum: migrationChecksum(second) },
  ]);
  const edited: Migration = { ...second, sql: (q) => `ALTER TABLE ${q}.od_scratch ADD COLUMN m bigint` };
  assert.ok(isMigrationChanged(await runMigrations(db.client, db.schema, 'scratch', [first, edited]).catch((e: unknown) => e)));
});

applied.run();
