// The figures of accountability (/requests/accountability, «Λογοδοσία»): per type of request and per
// department, how many were opened and fixed in each of the last 12 months (Athens months, the current one
// included), the median days from report to fix, and what is open now and how much of it is past the date the
// service gave. Duplicates are left out: each counts as a support of the request it was merged into, which is
// the one that gets fixed. Medians by percentile_cont, the same on PGlite and PostgreSQL.
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../shared/tables.ts';
import { REQUESTS } from './requestsProjection.ts';

export const FIGURE_MONTHS = 12;

/** Which requests a monthly series counts: all, one type's, or one department's. */
export type FiguresScope = { readonly serviceCode: string } | { readonly department: string } | null;

export interface MonthFigures {
  /** "2026-11", the month in Athens. */
  readonly month: string;
  readonly opened: number;
  readonly fixed: number;
}

export interface GroupFigures {
  /** The type's service_code or the department's code. */
  readonly key: string;
  /** Opened and fixed within the last 12 months. */
  readonly opened: number;
  readonly fixed: number;
  /** Of those fixed within the last 12 months: the median days from report to fix; null when none. */
  readonly medianDaysToFix: number | null;
  readonly openNow: number;
  /** Open now and past their expected date. */
  readonly overdueNow: number;
}

export interface FiguresOptions {
  readonly now: Date;
  /** Each type's department: a request waits in its type's department until the office assigns it. */
  readonly departmentOfType: Readonly<Record<string, string>>;
}

/** Overdue as a share of what is open now (0 to 1); null when nothing is open. */
export const overdueShare = (g: Pick<GroupFigures, 'openNow' | 'overdueNow'>): number | null => (g.openNow === 0 ? null : g.overdueNow / g.openNow);

// The first instant of the month eleven months before now's, in Athens: the window of the figures.
const BOUNDS = `bounds AS (
  SELECT ((date_trunc('month', $1::timestamptz AT TIME ZONE 'Europe/Athens') - interval '${FIGURE_MONTHS - 1} months') AT TIME ZONE 'Europe/Athens') AS start, $1::timestamptz AS now
)`;

/** The public rows with the department each waits in; duplicates left out. Takes $2 and $3 (types, departments). */
const counted = (schema: string): string => `counted AS (
  SELECT r.service_code, COALESCE(r.department, d.department) AS department, r.status, r.requested_at, r.fixed_at, r.expected_at
  FROM ${table(schema, REQUESTS)} r LEFT JOIN unnest($2::text[], $3::text[]) AS d(code, department) ON d.code = r.service_code
  WHERE r.stage <> 'duplicate'
)`;

const typeParams = (options: FiguresOptions): [string[], string[]] => {
  const entries = Object.entries(options.departmentOfType);
  return [entries.map(([code]) => code), entries.map(([, department]) => department)];
};

/** The summary per type (`by: 'category'`) or per department, in the order of their keys. */
export const groupFigures = async (db: SqlExecutor, schema: string, by: 'category' | 'department', options: FiguresOptions): Promise<GroupFigures[]> => {
  const key = by === 'category' ? 'c.service_code' : `COALESCE(c.department, '')`;
  const rows = await db.query<{ key: string; opened: unknown; fixed: unknown; median_days: unknown; open_now: unknown; overdue_now: unknown }>(
    `WITH ${BOUNDS}, ${counted(schema)}
     SELECT ${key} AS key,
       count(*) FILTER (WHERE c.requested_at >= b.start AND c.requested_at <= b.now) AS opened,
       count(*) FILTER (WHERE c.fixed_at >= b.start AND c.fixed_at <= b.now) AS fixed,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM c.fixed_at - c.requested_at) / 86400)::double precision)
         FILTER (WHERE c.fixed_at >= b.start AND c.fixed_at <= b.now) AS median_days,
       count(*) FILTER (WHERE c.status = 'open' AND c.requested_at <= b.now) AS open_now,
       count(*) FILTER (WHERE c.status = 'open' AND c.requested_at <= b.now AND c.expected_at < b.now) AS overdue_now
     FROM counted c CROSS JOIN bounds b
     GROUP BY 1 ORDER BY 1`,
    [options.now.toISOString(), ...typeParams(options)],
  );
  return rows.map((r) => ({
    key: r.key,
    opened: Number(r.opened),
    fixed: Number(r.fixed),
    medianDaysToFix: r.median_days === null ? null : Number(r.median_days),
    openNow: Number(r.open_now),
    overdueNow: Number(r.overdue_now),
  }));
};

/** Opened and fixed in each of the last 12 months, oldest first, months with none included. */
export const monthlyFigures = async (db: SqlExecutor, schema: string, scope: FiguresScope, options: FiguresOptions): Promise<MonthFigures[]> => {
  const params: unknown[] = [options.now.toISOString(), ...typeParams(options)];
  let where = '';
  if (scope !== null) {
    params.push('serviceCode' in scope ? scope.serviceCode : scope.department);
    where = `AND ${'serviceCode' in scope ? 'c.service_code' : 'c.department'} = $4`;
  }
  const athensMonth = (column: string): string => `to_char(${column} AT TIME ZONE 'Europe/Athens', 'YYYY-MM')`;
  const rows = await db.query<{ kind: 'opened' | 'fixed' | 'month'; month: string; n: unknown }>(
    `WITH ${BOUNDS}, ${counted(schema)}
     SELECT 'month' AS kind, to_char(m, 'YYYY-MM') AS month, 0 AS n
       FROM bounds b, generate_series(date_trunc('month', b.now AT TIME ZONE 'Europe/Athens') - interval '${FIGURE_MONTHS - 1} months', date_trunc('month', b.now AT TIME ZONE 'Europe/Athens'), interval '1 month') AS m
     UNION ALL
     SELECT 'opened', ${athensMonth('c.requested_at')}, count(*) FROM counted c CROSS JOIN bounds b WHERE c.requested_at >= b.start AND c.requested_at <= b.now ${where} GROUP BY 2
     UNION ALL
     SELECT 'fixed', ${athensMonth('c.fixed_at')}, count(*) FROM counted c CROSS JOIN bounds b WHERE c.fixed_at >= b.start AND c.fixed_at <= b.now ${where} GROUP BY 2`,
    params,
  );
  const months = rows.filter((r) => r.kind === 'month').map((r) => r.month).sort();
  const countOf = (kind: 'opened' | 'fixed', month: string): number => Number(rows.find((r) => r.kind === kind && r.month === month)?.n ?? 0);
  return months.map((month) => ({ month, opened: countOf('opened', month), fixed: countOf('fixed', month) }));
};
