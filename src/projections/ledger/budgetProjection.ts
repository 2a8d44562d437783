// Read models: budget execution per fiscal year × ΚΑΕ line (εκτέλεση προϋπολογισμού) and totals per day.
// A batch is folded in memory first, then written with one upsert per table, so a rebuild costs a few
// statements per thousand events rather than one per event. The fold adds integer cents (exact, as the
// domain's own state does): events always carry two decimals, and it keeps decimal.js off the hot path.
import type { BudgetMeasure, FiscalYearEvent } from '../../domain/index.ts';
import { BUDGET_MEASURES, centsOf, formatCents, measureMovedBy, parseKae } from '../../domain/index.ts';
import type { Projection, Tables } from '../shared/projection.ts';
import { searchDocument } from '../shared/searchText.ts';
import { isFiscalYearEvent } from './transactionRows.ts';

export const BUDGET_LINES = 'od_budget_lines';
export const DAILY_TOTALS = 'od_daily_totals';

/** The measures of a line, in column order: the domain's own, one word for each (amendments: αναμορφώσεις). */
export const MEASURES = BUDGET_MEASURES;
export type Measure = BudgetMeasure;

type Totals = Record<Measure, bigint>;
const zero = (): Totals => Object.fromEntries(MEASURES.map((m) => [m, 0n])) as Totals;

interface LineDelta {
  readonly year: number;
  readonly kae: string;
  title: string | null;
  readonly totals: Totals;
  changedAt: number;
}

interface DayDelta {
  readonly year: number;
  readonly date: string;
  readonly totals: Totals;
  movements: number;
}

const measureColumns = MEASURES.join(', ');

export const budgetProjection: Projection = {
  name: 'budget',
  // 2: the column of amendments is named as the domain names them (was `adjustments`).
  version: 2,
  tables: [BUDGET_LINES, DAILY_TOTALS],
  create: (t: Tables) => `
CREATE TABLE ${t[BUDGET_LINES]} (
  year int NOT NULL,
  kae text NOT NULL,
  title text,
  side text NOT NULL,
  klass text NOT NULL,
  grp text NOT NULL,
  code text NOT NULL,
  service text,
  ${MEASURES.map((m) => `${m} numeric(16,2) NOT NULL DEFAULT 0`).join(',\n  ')},
  changed_at bigint NOT NULL,
  search tsvector,
  PRIMARY KEY (year, kae)
);
CREATE TABLE ${t[DAILY_TOTALS]} (
  date date PRIMARY KEY,
  year int NOT NULL,
  ${MEASURES.map((m) => `${m} numeric(16,2) NOT NULL DEFAULT 0`).join(',\n  ')},
  movements int NOT NULL DEFAULT 0
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[BUDGET_LINES]} (changed_at);
CREATE INDEX ON ${t[BUDGET_LINES]} USING gin (search);
CREATE INDEX ON ${t[DAILY_TOTALS]} (year, date);`,
  async apply(tx, t, events) {
    const lines = new Map<string, LineDelta>();
    const days = new Map<string, DayDelta>();
    for (const recorded of events) {
      if (!isFiscalYearEvent(recorded)) continue;
      const event = { type: recorded.type, data: recorded.data } as FiscalYearEvent;
      const { measure, sign } = measureMovedBy(event);
      const amount = sign * centsOf(event.data.amount);
      const { year, kae, date } = event.data;
      const lineKey = `${year}|${kae}`;
      const line = lines.get(lineKey) ?? { year, kae, title: null, totals: zero(), changedAt: 0 };
      line.totals[measure] += amount;
      line.changedAt = recorded.position;
      if (event.type === 'BudgetLineEstablished') line.title = event.data.title;
      lines.set(lineKey, line);
      const day = days.get(date) ?? { year, date, totals: zero(), movements: 0 };
      day.totals[measure] += amount;
      day.movements++;
      days.set(date, day);
    }
    if (lines.size > 0) await upsertLines(tx, t, [...lines.values()]);
    if (days.size > 0) await upsertDays(tx, t, [...days.values()]);
  },
};

const measureArrays = (rows: readonly { totals: Totals }[]): string[][] => MEASURES.map((m) => rows.map((r) => formatCents(r.totals[m])));
const measureParams = (first: number): string => MEASURES.map((_, i) => `$${first + i}::numeric[]`).join(', ');
const addMeasures = MEASURES.map((m) => `${m} = target.${m} + excluded.${m}`).join(', ');

const upsertLines = async (tx: Parameters<Projection['apply']>[0], t: Tables, rows: readonly LineDelta[]): Promise<void> => {
  const codes = rows.map((r) => parseKae(r.kae));
  await tx.query(
    `INSERT INTO ${t[BUDGET_LINES]} AS target (year, kae, title, side, klass, grp, code, service, ${measureColumns}, changed_at, search)
     SELECT r.year, r.kae, r.title, r.side, r.klass, r.grp, r.code, r.service, ${MEASURES.map((m) => `r.${m}`).join(', ')}, r.changed_at,
            CASE WHEN r.title IS NULL THEN NULL ELSE to_tsvector('simple', r.search) END
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[],
                 ${measureParams(11)})
          AS r(year, kae, title, side, klass, grp, code, service, search, changed_at, ${measureColumns})
     ON CONFLICT (year, kae) DO UPDATE SET ${addMeasures},
        title = coalesce(excluded.title, target.title), search = coalesce(excluded.search, target.search),
        changed_at = excluded.changed_at`,
    [
      rows.map((r) => r.year),
      rows.map((r) => r.kae),
      rows.map((r) => r.title),
      codes.map((c) => c.side),
      codes.map((c) => c.klass),
      codes.map((c) => c.group),
      codes.map((c) => c.code),
      codes.map((c) => c.service),
      rows.map((r) => searchDocument(r.title, r.kae)),
      rows.map((r) => r.changedAt),
      ...measureArrays(rows),
    ],
  );
};

const upsertDays = async (tx: Parameters<Projection['apply']>[0], t: Tables, rows: readonly DayDelta[]): Promise<void> => {
  await tx.query(
    `INSERT INTO ${t[DAILY_TOTALS]} AS target (date, year, ${measureColumns}, movements)
     SELECT r.date, r.year, ${MEASURES.map((m) => `r.${m}`).join(', ')}, r.movements
     FROM unnest($1::date[], $2::int[], $3::int[], ${measureParams(4)}) AS r(date, year, movements, ${measureColumns})
     ON CONFLICT (date) DO UPDATE SET ${addMeasures}, movements = target.movements + excluded.movements`,
    [rows.map((r) => r.date), rows.map((r) => r.year), rows.map((r) => r.movements), ...measureArrays(rows)],
  );
};
