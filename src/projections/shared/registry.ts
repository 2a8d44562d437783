// Where each projection stands: its version and checkpoint, in od_projections, and the names of its tables.
import type { SqlClient, SqlExecutor } from '../../eventstore/sql/client.ts';
import { assertSchemaName, quoteIdent, toNumber } from '../../eventstore/sql/client.ts';
import type { Migration } from '../../eventstore/sql/migrate.ts';
import type { Projection, Tables } from './projection.ts';

export const REBUILD_SUFFIX = '__rebuild';

export const projectionState = (schema: string) => `${quoteIdent(assertSchemaName(schema))}.od_projections`;

/** Canonical table names (what the site reads) or the names a rebuild fills before the swap. */
export const tablesOf = (schema: string, projection: Projection, rebuilding = false): Tables =>
  Object.fromEntries(projection.tables.map((base) => [base, `${quoteIdent(schema)}.${quoteIdent(rebuilding ? base + REBUILD_SUFFIX : base)}`]));

/** The advisory lock held by whoever writes read models: the runner per batch, a rebuild for its swap. */
export const lockReadModels = (tx: SqlExecutor, schema: string) =>
  tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`opendimos:projections:${schema}`]);

/** NOTIFY channel that carries `{"position": n}` after every committed batch of read-model changes. */
export const changesChannel = (schema: string) => `od_changes_${schema}`;

export interface ProjectionRecord {
  readonly name: string;
  readonly version: number;
  readonly position: number;
}

export const readModelMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'projection checkpoints',
    sql: (q) => `CREATE TABLE ${q}.od_projections (
        name text PRIMARY KEY,
        version int NOT NULL,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now())`,
  },
];

export const readProjectionRecords = async (db: SqlExecutor, schema: string): Promise<Map<string, ProjectionRecord>> => {
  const rows = await db.query<{ name: string; version: number; position: unknown }>(`SELECT name, version, position FROM ${projectionState(schema)}`);
  return new Map(rows.map((r) => [r.name, { name: r.name, version: r.version, position: toNumber(r.position) }]));
};

export const saveCheckpoint = (db: SqlExecutor, schema: string, projection: Pick<Projection, 'name' | 'version'>, position: number) =>
  db.query(
    `INSERT INTO ${projectionState(schema)} (name, version, position) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET position = $3, version = $2, updated_at = now()`,
    [projection.name, projection.version, position],
  );

/**
 * Refreshes the planner's statistics of read-model tables after a bulk change. PostgreSQL's autovacuum would
 * get there eventually; PGlite has no autovacuum at all, and without statistics a page query sorts a table.
 */
export const analyzeReadModels = (client: SqlClient, schema: string, projections: readonly Projection[]) =>
  client.exec(projections.flatMap((p) => Object.values(tablesOf(schema, p))).map((t) => `ANALYZE ${t};`).join('\n'));
