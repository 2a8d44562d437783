// Versioned migrations, safe to run twice and from two processes at once: every run takes one advisory
// lock per schema inside a transaction, so a second process waits, then finds the work done.
//
// A released migration is frozen: its SQL's SHA-256 is stored when it is applied and compared on every
// start, so "version 1" means the same on every database. A change to the schema is a new migration.
import { createHash } from 'node:crypto';
import type { SqlClient, SqlExecutor } from './client.ts';
import { assertSchemaName, quoteIdent } from './client.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQL for this step, given the quoted schema name. Runs inside the migration transaction. */
  readonly sql: (schema: string) => string;
}

/** The migrations of one component (the event store, the read models, a context), applied in version order. */
export interface MigrationSet {
  readonly component: string;
  readonly migrations: readonly Migration[];
}

/** A migration already applied here whose SQL has since changed: refused, the database is left as it is. */
export class MigrationChanged extends Error {
  readonly code = 'OD_MIGRATION_CHANGED';
  constructor(
    readonly component: string,
    readonly version: number,
  ) {
    super(
      `Η μετάβαση ${component} ${version} άλλαξε μετά την εφαρμογή της· γράψτε νέα μετάβαση / ` +
        `Migration ${component} ${version} was changed after it was applied; write a new migration instead`,
    );
    this.name = 'MigrationChanged';
  }
}
export const isMigrationChanged = (e: unknown): e is MigrationChanged => e instanceof MigrationChanged;

/** The SHA-256 of a migration's SQL, written for a fixed schema name so that it is the same everywhere. */
export const migrationChecksum = (migration: Migration): string => createHash('sha256').update(migration.sql('"od_schema"')).digest('hex');

export const runMigrations = async (client: SqlClient, schema: string, component: string, migrations: readonly Migration[]): Promise<number[]> => {
  const q = quoteIdent(assertSchemaName(schema));
  return client.transaction(async (tx: SqlExecutor) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`opendimos:migrate:${schema}`]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${q}`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ${q}.od_migrations (
      component text NOT NULL, version int NOT NULL, name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (component, version))`);
    // Databases made before checksums were kept get the column; their rows are filled in below.
    await tx.query(`ALTER TABLE ${q}.od_migrations ADD COLUMN IF NOT EXISTS checksum text`);
    const rows = await tx.query<{ version: number; checksum: string | null }>(`SELECT version, checksum FROM ${q}.od_migrations WHERE component = $1`, [component]);
    const done = new Map(rows.map((r) => [r.version, r.checksum]));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      const checksum = migrationChecksum(migration);
      if (done.has(migration.version)) {
        const stored = done.get(migration.version);
        if (stored === null) {
          await tx.query(`UPDATE ${q}.od_migrations SET checksum = $3 WHERE component = $1 AND version = $2`, [component, migration.version, checksum]);
        } else if (stored !== checksum) {
          throw new MigrationChanged(component, migration.version);
        }
        continue;
      }
      await tx.exec(migration.sql(q));
      await tx.query(`INSERT INTO ${q}.od_migrations (component, version, name, checksum) VALUES ($1, $2, $3, $4)`, [component, migration.version, migration.name, checksum]);
      applied.push(migration.version);
    }
    return applied;
  });
};

/** Runs every set, in the order given (the event store's first: the read models refer to nothing of it). */
export const runMigrationSets = async (client: SqlClient, schema: string, sets: readonly MigrationSet[]): Promise<void> => {
  for (const set of sets) await runMigrations(client, schema, set.component, set.migrations);
};
