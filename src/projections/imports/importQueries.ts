// Query over the public import log, newest first.
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { toNumber } from '../../eventstore/sql/client.ts';
import { IMPORTS } from './importsProjection.ts';
import { decodeCursor, encodeCursor, pageSize } from '../shared/paging.ts';
import { table } from '../shared/tables.ts';
import type { ImportView } from './views.ts';

export const listImports = async (db: SqlExecutor, schema: string, options: { first?: number | null; after?: string | null }) => {
  const limit = pageSize(options.first, 20);
  const cursor = decodeCursor(options.after, ['number']);
  const rows = await db.query<{
    import_id: string;
    position: unknown;
    kind: string;
    file_name: string;
    sha256: string;
    started_at: Date | string;
    finished_at: Date | string;
    rows: number;
    imported: number;
    duplicates: number;
    rejected: number;
    outcome: string;
  }>(
    `SELECT * FROM ${table(schema, IMPORTS)} ${cursor ? 'WHERE position < $1' : ''} ORDER BY position DESC LIMIT ${limit + 1}`,
    cursor ? [cursor[0]] : [],
  );
  const nodes: (ImportView & { position: number })[] = rows.slice(0, limit).map((r) => ({
    id: r.import_id,
    position: toNumber(r.position),
    kind: r.kind.toUpperCase() as ImportView['kind'],
    fileName: r.file_name,
    sha256: r.sha256,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: new Date(r.finished_at).toISOString(),
    rows: r.rows,
    imported: r.imported,
    duplicates: r.duplicates,
    rejected: r.rejected,
    outcome: r.outcome.toUpperCase() as ImportView['outcome'],
  }));
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor([n.position])),
    hasNextPage: rows.length > limit,
    totalCount: async () => toNumber((await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table(schema, IMPORTS)}`))[0]?.n ?? 0),
  };
};

/**
 * When the ledger's data last changed: the end of the newest import that added anything (every public
 * ledger event comes in through an import), ISO; null before the first. The event store's own head also
 * moves on personal events (a citizen's login), which must not show on a public page.
 */
export const lastImportedAt = async (db: SqlExecutor, schema: string): Promise<string | null> => {
  const rows = await db.query<{ at: Date | string | null }>(`SELECT max(finished_at) AS at FROM ${table(schema, IMPORTS)} WHERE imported > 0`);
  const at = rows[0]?.at ?? null;
  return at === null ? null : new Date(at).toISOString();
};
