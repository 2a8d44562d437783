// A year of real budget execution: the Municipality of Athens, 2015, from fixtures/real (justdataplease/
// dataforgreece). Its lines whose published figures obey the rules (committed ≤ final, ordered ≤ committed,
// paid ≤ ordered, collected ≤ assessed, two decimals) become one export of ours (budget, amendment,
// commitment → order → payment; assessment → receipt). After the import, the fiscal year rebuilt from
// the store's events must show every line's figures to the cent.
import { parse } from 'csv-parse/sync';
import { Decimal } from 'decimal.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { FiscalYearEvent } from '../../../src/domain/index.ts';
import { budgetLineTotals, evolveFiscalYear, initialFiscalYear, streams } from '../../../src/domain/index.ts';
import { readFirstZipEntry } from '../../../fixtures/readZip.ts';
import { errorsOf, importBytes, streamEvents, withLedger } from '../harness.ts';

const YEAR = '2015';
const SOURCE = new URL('../../../fixtures/real/athens-municipality-budget-greece_2024.csv.zip', import.meta.url);

interface SourceRow {
  readonly year: string;
  readonly code: string;
  readonly title: string;
  readonly amount: string;
  readonly adjustment: string;
  readonly final_budget: string;
  readonly committed_funds: string;
  readonly authorized_payments: string;
  readonly payments_made: string;
  readonly certified_revenues: string;
  readonly collected_revenues: string;
  readonly args_pro_cdief: string;
  readonly args_pro_esex: string;
}

interface Line {
  readonly kae: string;
  readonly side: 'expense' | 'revenue';
  readonly title: string;
  readonly figures: Readonly<Record<'initial' | 'amendments' | 'final' | 'committed' | 'ordered' | 'paid' | 'assessed' | 'collected', Decimal>>;
}

const money = (text: string): Decimal => new Decimal(text === '' ? '0' : text);

/** Expense codes carry the department as a two-digit service (Athens numbers its own, «5» → «05»). */
const lineOf = (row: SourceRow): Line => {
  const side = row.args_pro_esex === '1' ? 'expense' : 'revenue';
  const expense = side === 'expense';
  return {
    kae: expense ? `${row.args_pro_cdief.padStart(2, '0')}-${row.code}` : row.code,
    side,
    title: row.title.trim().replace(/\s+/g, ' '),
    figures: {
      initial: money(row.amount),
      amendments: money(row.adjustment),
      final: money(row.final_budget),
      committed: expense ? money(row.committed_funds) : new Decimal(0),
      ordered: expense ? money(row.authorized_payments) : new Decimal(0),
      paid: expense ? money(row.payments_made) : new Decimal(0),
      assessed: expense ? new Decimal(0) : money(row.certified_revenues),
      collected: expense ? new Decimal(0) : money(row.collected_revenues),
    },
  };
};

const obeysTheRules = ({ title, figures: f }: Line): boolean =>
  title !== '' &&
  Object.values(f).every((value) => value.decimalPlaces() <= 2) &&
  f.initial.plus(f.amendments).eq(f.final) &&
  f.initial.gte(0) &&
  f.final.gte(f.committed) &&
  f.committed.gte(f.ordered) &&
  f.ordered.gte(f.paid) &&
  f.paid.gte(0) &&
  f.assessed.gte(f.collected) &&
  f.collected.gte(0);

const linesOfTheYear = (): Line[] => {
  const text = readFirstZipEntry(SOURCE);
  const lines = parse<SourceRow>(text, { columns: true })
    .filter((row) => row.year === YEAR)
    .map(lineOf);
  // A code listed twice in a year (two departments under one service number) is not one line: left out.
  const seen = new Map<string, number>();
  for (const line of lines) seen.set(line.kae, (seen.get(line.kae) ?? 0) + 1);
  return lines.filter((line) => seen.get(line.kae) === 1 && obeysTheRules(line));
};

const quoted = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Our export, in its international style: English headers, ',' and ISO dates. */
const exportOf = (lines: readonly Line[]): string => {
  const rows = ['date,type,kae,amount,document,ref,title'];
  const row = (date: string, type: string, line: Line, amount: Decimal, document: string, ref = '', title = '') =>
    rows.push([`${YEAR}-${date}`, type, line.kae, amount.toFixed(2), document, ref, quoted(title)].join(','));
  lines.forEach((line, i) => {
    const f = line.figures;
    row('01-02', 'budget', line, f.initial, `B-${i}`, '', line.title);
    if (!f.amendments.isZero()) row('06-30', 'amendment', line, f.amendments, `A-${i}`);
    if (f.committed.gt(0)) row('07-01', 'commitment', line, f.committed, `C-${i}`);
    if (f.ordered.gt(0)) row('09-01', 'order', line, f.ordered, `O-${i}`, `C-${i}`);
    if (f.paid.gt(0)) row('10-01', 'payment', line, f.paid, `P-${i}`, `O-${i}`);
    if (f.assessed.gt(0)) row('03-02', 'assessment', line, f.assessed, `AS-${i}`);
    if (f.collected.gt(0)) row('11-02', 'receipt', line, f.collected, `R-${i}`, `AS-${i}`);
  });
  return `${rows.join('\n')}\n`;
};

test(
  `athens: a real year (${YEAR}) of budget execution goes in, and every line's totals match the source to the cent`,
  withLedger(async (store) => {
    const lines = linesOfTheYear();
    assert.ok(lines.length > 1_000, `${lines.length} lines`);
    assert.ok(lines.some((line) => line.side === 'revenue') && lines.some((line) => !line.figures.amendments.isZero()));
    const csv = exportOf(lines);
    const report = await importBytes(store, csv, { fileName: `athens-${YEAR}.csv` });
    assert.equal(errorsOf(report), []);
    assert.is(report.imported, csv.trimEnd().split('\n').length - 1);

    const state = (await streamEvents<FiscalYearEvent>(store, streams.fiscalYear(Number(YEAR)))).reduce(evolveFiscalYear, initialFiscalYear(Number(YEAR)));
    for (const line of lines) {
      const totals = budgetLineTotals(state, line.kae);
      assert.ok(totals, line.kae);
      assert.is(totals.side, line.side, line.kae);
      assert.is(totals.title, line.title, line.kae);
      for (const [measure, expected] of Object.entries(line.figures)) {
        const actual = totals[measure as keyof typeof line.figures];
        assert.ok(actual.eq(expected), `${line.kae} ${measure}: ${actual.toFixed(2)} ≠ ${expected.toFixed(2)}`);
      }
    }
  }),
);

test.run();
