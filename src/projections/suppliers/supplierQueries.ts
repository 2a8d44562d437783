// Queries over suppliers (legal entities only): one supplier, and a list sorted by what was paid to them.
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { toNumber } from '../../eventstore/sql/client.ts';
import { SUPPLIERS, SUPPLIER_YEARS } from './suppliersProjection.ts';
import { searchQuery } from '../shared/searchText.ts';
import { decodeCursor, encodeCursor, pageSize } from '../shared/paging.ts';
import { table } from '../shared/tables.ts';
import type { SupplierView, SupplierYearView } from './views.ts';

interface SupplierRow {
  afm: string;
  name: string;
  first_date: string | null;
  committed: string;
  ordered: string;
  paid: string;
  movements: unknown;
}

const toSupplier = (r: SupplierRow): SupplierView => ({
  afm: r.afm,
  name: r.name,
  firstDate: r.first_date,
  committed: r.committed,
  ordered: r.ordered,
  paid: r.paid,
  movements: toNumber(r.movements),
});

/** Totals of every supplier for one year, or over all years when `year` is null. */
const totalsSql = (schema: string, yearParam: string) => `
  SELECT s.afm, s.name, to_char(s.first_date, 'YYYY-MM-DD') AS first_date,
         coalesce(sum(y.committed), 0)::numeric(16,2)::text AS committed, coalesce(sum(y.ordered), 0)::numeric(16,2)::text AS ordered,
         coalesce(sum(y.paid), 0)::numeric(16,2) AS paid_value, coalesce(sum(y.movements), 0) AS movements
  FROM ${table(schema, SUPPLIERS)} s
  LEFT JOIN ${table(schema, SUPPLIER_YEARS)} y ON y.afm = s.afm AND (${yearParam}::int IS NULL OR y.year = ${yearParam}::int)
  GROUP BY s.afm, s.name, s.first_date`;

export const supplierByAfm = async (db: SqlExecutor, schema: string, afm: string): Promise<SupplierView | null> => {
  const [row] = await db.query<SupplierRow>(
    `SELECT afm, name, first_date, committed, ordered, paid_value::text AS paid, movements FROM (${totalsSql(schema, '$2')}) t WHERE afm = $1`,
    [afm.trim(), null],
  );
  return row ? toSupplier(row) : null;
};

export const supplierYears = async (db: SqlExecutor, schema: string, afm: string): Promise<SupplierYearView[]> =>
  (
    await db.query<{ year: number; committed: string; ordered: string; paid: string; movements: unknown }>(
      `SELECT year, committed::text AS committed, ordered::text AS ordered, paid::text AS paid, movements
       FROM ${table(schema, SUPPLIER_YEARS)} WHERE afm = $1 ORDER BY year DESC`,
      [afm],
    )
  ).map((r) => ({ ...r, movements: toNumber(r.movements) }));

export interface SupplierPage {
  readonly nodes: SupplierView[];
  readonly cursors: string[];
  readonly hasNextPage: boolean;
  readonly totalCount: () => Promise<number>;
}

/** Suppliers with expense movements (in the year, if given) by amount paid, largest first; optionally matching a search. */
export const listSuppliers = async (
  db: SqlExecutor,
  schema: string,
  options: { year?: number | null; first?: number | null; after?: string | null; search?: string | null },
): Promise<SupplierPage> => {
  const limit = pageSize(options.first);
  const params: unknown[] = [options.year ?? null];
  const conditions: string[] = [];
  const query = options.search ? searchQuery(options.search) : null;
  if (options.search && query === null) conditions.push('false');
  if (query) {
    params.push(query);
    conditions.push(`afm IN (SELECT afm FROM ${table(schema, SUPPLIERS)} WHERE search @@ to_tsquery('simple', $${params.length}))`);
  }
  // A supplier is someone the municipality committed money to: a company seen only as a payer of revenue
  // (a lessee, say) is registered, but not listed.
  conditions.push('movements > 0');
  const filterCount = params.length;
  const cursor = decodeCursor(options.after, ['string', 'string']);
  if (cursor) {
    params.push(cursor[0], cursor[1]);
    conditions.push(`(paid_value, afm) < ($${params.length - 1}::numeric, $${params.length})`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = await db.query<SupplierRow>(
    `SELECT afm, name, first_date, committed, ordered, paid_value::text AS paid, movements FROM (${totalsSql(schema, '$1')}) t
     ${where} ORDER BY paid_value DESC, afm DESC LIMIT ${limit + 1}`,
    params,
  );
  const nodes = rows.slice(0, limit).map(toSupplier);
  const countConditions = conditions.slice(0, cursor ? -1 : undefined);
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor([n.paid, n.afm])),
    hasNextPage: rows.length > limit,
    totalCount: async () => {
      const [count] = await db.query<{ n: unknown }>(
        `SELECT count(*) AS n FROM (${totalsSql(schema, '$1')}) t ${countConditions.length > 0 ? `WHERE ${countConditions.join(' AND ')}` : ''}`,
        params.slice(0, filterCount),
      );
      return toNumber(count?.n ?? 0);
    },
  };
};

/** The yearly totals of several suppliers at once, in the order asked. */
export const supplierYearsFor = async (db: SqlExecutor, schema: string, afms: readonly string[]): Promise<SupplierYearView[][]> => {
  const rows = await db.query<{ afm: string; year: number; committed: string; ordered: string; paid: string; movements: unknown }>(
    `SELECT afm, year, committed::text AS committed, ordered::text AS ordered, paid::text AS paid, movements
     FROM ${table(schema, SUPPLIER_YEARS)} WHERE afm = ANY($1::text[]) ORDER BY year DESC`,
    [afms],
  );
  return afms.map((afm) => rows.filter((r) => r.afm === afm).map(({ afm: _afm, ...r }) => ({ ...r, movements: toNumber(r.movements) })));
};
