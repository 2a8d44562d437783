// Queries the public site needs beyond the API's: the titles of the lines a page of movements mentions
// (so a citizen reads «Συντήρηση ηλεκτροφωτισμού», not only 20-6262.001), and one line's execution by month.
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { toNumber } from '../../eventstore/sql/client.ts';
import { BUDGET_LINES } from './budgetProjection.ts';
import { TRANSACTIONS } from './transactionsProjection.ts';
import { table } from '../shared/tables.ts';
import type { PeriodTotals } from './views.ts';

export const lineKey = (year: number, kae: string): string => `${year}|${kae}`;

/** Titles by lineKey(year, kae), for the lines that have one. */
export const lineTitles = async (db: SqlExecutor, schema: string, lines: readonly { year: number; kae: string }[]): Promise<Map<string, string>> => {
  const unique = [...new Map(lines.map((l) => [lineKey(l.year, l.kae), l])).values()];
  if (unique.length === 0) return new Map();
  const rows = await db.query<{ year: number; kae: string; title: string }>(
    `SELECT l.year, l.kae, l.title FROM ${table(schema, BUDGET_LINES)} l
     JOIN unnest($1::int[], $2::text[]) AS k(year, kae) ON l.year = k.year AND l.kae = k.kae
     WHERE l.title IS NOT NULL`,
    [unique.map((l) => l.year), unique.map((l) => l.kae)],
  );
  return new Map(rows.map((r) => [lineKey(r.year, r.kae), r.title]));
};

// A reversal takes back the measure of the document it names (ref "payment:ΧΕ-12" → paid).
const measure = (type: string, reversed: string) =>
  `sum(CASE WHEN type = '${type}' THEN amount WHEN type = 'reversal' AND ref LIKE '${type}:%' THEN -amount ELSE 0 END)::numeric(16,2)::text AS ${reversed}`;

/** One line's movements summed by month ("2025-03"), oldest first; budget and amendment rows excluded. */
export const lineMonthly = async (db: SqlExecutor, schema: string, year: number, kae: string): Promise<PeriodTotals[]> =>
  (
    await db.query<Omit<PeriodTotals, 'movements'> & { movements: unknown }>(
      `SELECT to_char(date, 'YYYY-MM') AS period, ${measure('commitment', 'committed')}, ${measure('order', 'ordered')}, ${measure('payment', 'paid')},
              ${measure('assessment', 'assessed')}, ${measure('receipt', 'collected')}, count(*) AS movements
       FROM ${table(schema, TRANSACTIONS)} WHERE year = $1 AND kae = $2 AND type NOT IN ('budget', 'amendment')
       GROUP BY 1 ORDER BY 1`,
      [year, kae],
    )
  ).map((r) => ({ ...r, movements: toNumber(r.movements) }));
