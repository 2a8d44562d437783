// Queries over budget execution: lines of a year, one line, totals by side, roll-ups, months and days.
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { toNumber } from '../../eventstore/sql/client.ts';
import { BUDGET_LINES, DAILY_TOTALS, MEASURES } from './budgetProjection.ts';
import { table } from '../shared/tables.ts';
import type { BudgetLineView, PeriodTotals, SideName, Totals } from './views.ts';

const MONEY = MEASURES;

const LINE_COLUMNS = `year, kae, title, side, klass, grp, code, service, ${MONEY.map((m) => `${m}::text AS ${m}`).join(', ')},
  (initial + amendments)::text AS final, changed_at`;

interface LineRow extends Record<(typeof MONEY)[number] | 'final', string> {
  year: number;
  kae: string;
  title: string | null;
  side: string;
  klass: string;
  grp: string;
  code: string;
  service: string | null;
  changed_at: unknown;
}

const toLine = (r: LineRow): BudgetLineView => ({
  year: r.year,
  kae: r.kae,
  title: r.title,
  side: r.side.toUpperCase() as SideName,
  klass: r.klass,
  group: r.grp,
  code: r.code,
  service: r.service,
  initial: r.initial,
  amendments: r.amendments,
  final: r.final,
  committed: r.committed,
  ordered: r.ordered,
  paid: r.paid,
  assessed: r.assessed,
  collected: r.collected,
});

export const budgetLines = async (db: SqlExecutor, schema: string, year: number): Promise<BudgetLineView[]> =>
  (await db.query<LineRow>(`SELECT ${LINE_COLUMNS} FROM ${table(schema, BUDGET_LINES)} WHERE year = $1 ORDER BY side, kae`, [year])).map(toLine);

export const budgetLine = async (db: SqlExecutor, schema: string, year: number, kae: string): Promise<BudgetLineView | null> => {
  const [row] = await db.query<LineRow>(`SELECT ${LINE_COLUMNS} FROM ${table(schema, BUDGET_LINES)} WHERE year = $1 AND kae = $2`, [year, kae]);
  return row ? toLine(row) : null;
};

/** Lines changed after a position (for the live feed), oldest change first. */
export const budgetLinesChangedAfter = async (db: SqlExecutor, schema: string, position: number, limit: number): Promise<BudgetLineView[]> =>
  (await db.query<LineRow>(`SELECT ${LINE_COLUMNS} FROM ${table(schema, BUDGET_LINES)} WHERE changed_at > $1 ORDER BY changed_at LIMIT $2`, [position, limit])).map(
    toLine,
  );

const SUMS = `${MONEY.map((m) => `sum(${m})::text AS ${m}`).join(', ')}, sum(initial + amendments)::text AS final`;

type TotalsRow = Record<keyof Totals, string | null>;
const toTotals = (r: TotalsRow | undefined): Totals => {
  const pick = (k: keyof Totals) => r?.[k] ?? '0.00';
  return { initial: pick('initial'), amendments: pick('amendments'), final: pick('final'), committed: pick('committed'), ordered: pick('ordered'), paid: pick('paid'), assessed: pick('assessed'), collected: pick('collected') };
};

export const budgetTotals = async (db: SqlExecutor, schema: string, year: number): Promise<Record<SideName, Totals>> => {
  const rows = await db.query<TotalsRow & { side: string }>(`SELECT side, ${SUMS} FROM ${table(schema, BUDGET_LINES)} WHERE year = $1 GROUP BY side`, [year]);
  return { REVENUE: toTotals(rows.find((r) => r.side === 'revenue')), EXPENSE: toTotals(rows.find((r) => r.side === 'expense')) };
};

export type RollupLevel = 'class' | 'group' | 'service';
export interface RollupRow extends Totals {
  readonly side: SideName;
  /** The class digit, the 2-digit group, or the service code (null: lines without a service). */
  readonly key: string | null;
  readonly lines: number;
}

const ROLLUP_COLUMN: Readonly<Record<RollupLevel, string>> = { class: 'klass', group: 'grp', service: 'service' };

export const budgetRollup = async (db: SqlExecutor, schema: string, year: number, level: RollupLevel): Promise<RollupRow[]> => {
  const column = ROLLUP_COLUMN[level];
  const rows = await db.query<TotalsRow & { side: string; key: string | null; lines: unknown }>(
    `SELECT side, ${column} AS key, count(*) AS lines, ${SUMS} FROM ${table(schema, BUDGET_LINES)} WHERE year = $1
     GROUP BY side, ${column} ORDER BY side, ${column} NULLS LAST`,
    [year],
  );
  return rows.map((r) => ({ side: r.side.toUpperCase() as SideName, key: r.key, lines: toNumber(r.lines), ...toTotals(r) }));
};

export const fiscalYears = async (db: SqlExecutor, schema: string): Promise<number[]> =>
  (await db.query<{ year: number }>(`SELECT DISTINCT year FROM ${table(schema, BUDGET_LINES)} ORDER BY year DESC`)).map((r) => r.year);

const PERIOD_SUMS = `sum(committed)::text AS committed, sum(ordered)::text AS ordered, sum(paid)::text AS paid,
  sum(assessed)::text AS assessed, sum(collected)::text AS collected, sum(movements) AS movements`;

type PeriodRow = Omit<PeriodTotals, 'movements'> & { movements: unknown };
const toPeriod = (r: PeriodRow): PeriodTotals => ({ ...r, movements: toNumber(r.movements) });

export const monthlyTotals = async (db: SqlExecutor, schema: string, year: number): Promise<PeriodTotals[]> =>
  (
    await db.query<PeriodRow>(
      `SELECT to_char(date, 'YYYY-MM') AS period, ${PERIOD_SUMS} FROM ${table(schema, DAILY_TOTALS)} WHERE year = $1 GROUP BY 1 ORDER BY 1`,
      [year],
    )
  ).map(toPeriod);

export const dailyTotals = async (db: SqlExecutor, schema: string, from: string, to: string): Promise<PeriodTotals[]> =>
  (
    await db.query<PeriodRow>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS period, ${PERIOD_SUMS} FROM ${table(schema, DAILY_TOTALS)}
       WHERE date BETWEEN $1::date AND $2::date GROUP BY 1 ORDER BY 1`,
      [from, to],
    )
  ).map(toPeriod);

/** Several lines at once, in the order asked (null where a line does not exist): one query for a page. */
export const budgetLinesByKey = async (db: SqlExecutor, schema: string, keys: readonly { year: number; kae: string }[]): Promise<(BudgetLineView | null)[]> => {
  const rows = await db.query<LineRow>(
    `SELECT ${LINE_COLUMNS} FROM ${table(schema, BUDGET_LINES)} l
     JOIN unnest($1::int[], $2::text[]) AS k(year, kae) USING (year, kae)`,
    [keys.map((k) => k.year), keys.map((k) => k.kae)],
  );
  const found = new Map(rows.map((r) => [`${r.year}|${r.kae}`, toLine(r)]));
  return keys.map((k) => found.get(`${k.year}|${k.kae}`) ?? null);
};
