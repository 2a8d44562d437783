// Every read-model table as sorted text rows: two equal snapshots mean equal read models.
import type { SqlExecutor } from '../../src/eventstore/sql/client.ts';
import { allProjections } from '../../src/contexts.ts';
import { tablesOf } from '../../src/projections/shared/registry.ts';

export const snapshotReadModels = async (db: SqlExecutor, schema: string, except: readonly string[] = []): Promise<Record<string, string[]>> => {
  const result: Record<string, string[]> = {};
  for (const projection of allProjections) {
    for (const [base, name] of Object.entries(tablesOf(schema, projection))) {
      if (except.includes(base)) continue;
      const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      result[base] = rows.map((r) => r.row).sort();
    }
  }
  return result;
};
