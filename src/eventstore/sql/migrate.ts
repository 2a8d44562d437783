// Versioned migrations, safe to run twice and from two processes at once: every run takes one advisory
// lock per schema inside a transaction, so a second process waits, then finds the work done.
import type { SqlClient, SqlExecutor } from './client.ts';
import { assertSchemaName, quoteIdent } from './client.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQL for this step, given the quoted schema name. Runs inside the migration transaction. */
  readonly sql: (schema: string) => string;
}

export const runMigrations = async (
  client: SqlClient,
  schema: string,
  component: string,
  migrations: readonly Migration[],
): Promise<number[]> => {
  const q = quoteIdent(assertSchemaName(schema));
  return client.transaction(async (tx: SqlExecutor) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`opendimos:migrate:${schema}`]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${q}`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ${q}.od_migrations (
      component text NOT NULL, version int NOT NULL, name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (component, version))`);
    const done = new Set(
      (await tx.query<{ version: number }>(`SELECT version FROM ${q}.od_migrations WHERE component = $1`, [component])).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql(q));
      await tx.query(`INSERT INTO ${q}.od_migrations (component, version, name) VALUES ($1, $2, $3)`, [component, migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
};
