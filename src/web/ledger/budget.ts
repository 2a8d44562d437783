// The budget of a year: revenue and expenses by class, group or service, each stage against the final
// budget, as a chart with its table; execution by month; drill-down to the lines of a row.
import type { RollupLevel, RollupRow, SideName, Totals } from '../../projections/ledger/index.ts';
import { budgetRollup, budgetTotals, fiscalYears, monthlyTotals } from '../../projections/ledger/index.ts';
import { chartWithTable, columnChart } from '../shared/components/charts.ts';
import { stagesChart, stagesTable } from '../shared/components/stagesTable.ts';
import { scrollTable } from '../shared/components/table.ts';
import { formatAmount } from '../shared/format.ts';
import { attr, html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import { classLabel, groupLabel, serviceLabel } from './kaeLabels.ts';
import { queryString } from '../shared/lang.ts';
import type { Page, Site, Visit } from '../shared/page.ts';
import { NotFound } from '../shared/page.ts';
import { ledgerText } from './messages.ts';

export const LEVELS: readonly RollupLevel[] = ['class', 'group', 'service'];

export const rollupLabel = (visit: Visit, level: RollupLevel, key: string | null): string =>
  level === 'class' ? classLabel(visit, key ?? '') : level === 'group' ? groupLabel(visit, key ?? '') : serviceLabel(visit, key);

/** The lines page of one roll-up row; lines without a service are asked for as service=none. */
export const linesPath = (year: number, side: SideName, level: RollupLevel, key: string | null): string =>
  `/budget/${year}/lines${queryString({ side: side.toLowerCase(), [level]: key ?? 'none' })}`;

const sideSection = (visit: Visit, year: number, side: SideName, level: RollupLevel, rows: readonly RollupRow[], total: Totals): Html => {
  const t = ledgerText(visit);
  const mine = rows.filter((r) => r.side === side);
  const id = `budget-${side.toLowerCase()}`;
  const sideName = t.sides[side];
  const levelName = t.budget.levels[level];
  if (mine.length === 0) return html``;
  return html`<section class="band" aria-labelledby="${id}-title">
  <h2 id="${id}-title">${sideName}</h2>
  ${chartWithTable(
    stagesChart(visit, side, `${id}-chart`, t.budget.chart(sideName, levelName, year), mine.map((r) => ({ label: rollupLabel(visit, level, r.key), totals: r }))),
    stagesTable(visit, side, {
      id: `${id}-table`,
      caption: t.budget.table(sideName, levelName, year),
      firstColumn: t.kae.lines,
      rows: mine.map((r) => ({ header: html`<a href="${visit.href(linesPath(year, side, level, r.key))}">${rollupLabel(visit, level, r.key)}</a>`, totals: r })),
      total,
    }),
    'stacked',
  )}
</section>`;
};

const monthlySection = async (site: Site, visit: Visit, year: number): Promise<Html> => {
  const t = ledgerText(visit);
  const months = await monthlyTotals(site.db, site.schema, year);
  if (months.length === 0) return html``;
  const monthName = (period: string, names: readonly string[]) => names[Number(period.slice(5, 7)) - 1] ?? period;
  const chart = columnChart({
    id: 'monthly-chart',
    title: t.budget.monthlyChart(year),
    lang: visit.lang,
    categories: months.map((m) => monthName(m.period, t.monthsShort)),
    series: [
      { label: t.stagesLong.paid, className: 'bar-expense', values: months.map((m) => m.paid) },
      { label: t.stagesLong.collected, className: 'bar-revenue', values: months.map((m) => m.collected) },
    ],
  });
  const table = scrollTable(
    'monthly-table',
    t.budget.monthlyChart(year),
    // Amounts without the sign, which the headers carry, so that the table fits a phone.
    html`<thead><tr><th scope="col">${t.common.month}</th><th scope="col" class="num">${t.stagesLong.paid} (€)</th><th scope="col" class="num">${t.stagesLong.collected} (€)</th></tr></thead>
<tbody>${months.map((m) => html`<tr><th scope="row">${monthName(m.period, t.months)}</th><td class="num">${formatAmount(m.paid)}</td><td class="num">${formatAmount(m.collected)}</td></tr>`)}</tbody>`,
  );
  return html`<section class="band" aria-labelledby="monthly-title"><h2 id="monthly-title">${t.budget.monthlyTitle}</h2>${chartWithTable(chart, table)}</section>`;
};

export const yearLinks = (visit: Visit, years: readonly number[], current: number, path: (year: number) => string): Html | null =>
  years.length <= 1
    ? null
    : html`<nav class="year-links" aria-label="${ledgerText(visit).budget.years}"><ul>${years.map(
        (y) => html`<li><a href="${visit.href(path(y))}"${attr('aria-current', y === current && 'page')}>${y}</a></li>`,
      )}</ul></nav>`;

/** /budget: the latest year's page, or a page saying there is no budget yet. */
export const budgetIndex = async (site: Site, visit: Visit): Promise<{ redirect: string } | Page> => {
  const [year] = await fiscalYears(site.db, site.schema);
  if (year !== undefined) return { redirect: `/budget/${year}` };
  const t = ledgerText(visit);
  return { title: t.sections.budget, section: 'budget', crumbs: [], description: t.previews.budgetNone, main: html`<h1>${t.sections.budget}</h1><p>${t.home.noData}</p>` };
};

export const budgetPage = async (site: Site, visit: Visit, year: number, level: RollupLevel): Promise<Page> => {
  const t = ledgerText(visit);
  const years = await fiscalYears(site.db, site.schema);
  if (!years.includes(year)) throw new NotFound();
  const [totals, rollup, monthly] = await Promise.all([
    budgetTotals(site.db, site.schema, year),
    budgetRollup(site.db, site.schema, year, level),
    monthlySection(site, visit, year),
  ]);
  const levelTabs = html`<nav class="tabs" aria-label="${t.budget.viewBy}"><span class="tabs-label" aria-hidden="true">${t.budget.viewBy}:</span><ul>${LEVELS.map(
    (l) => html`<li><a href="${visit.href(`/budget/${year}${l === 'class' ? '' : queryString({ by: l })}`)}"${attr('aria-current', l === level && 'true')}>${t.budget.levels[l]}</a></li>`,
  )}</ul></nav>`;
  const main = html`<h1>${t.budget.title(year)}</h1>
<p class="lead">${t.budget.intro}</p>
${yearLinks(visit, years, year, (y) => `/budget/${y}`)}
${levelTabs}
${sideSection(visit, year, 'REVENUE', level, rollup, totals.REVENUE)}
${sideSection(visit, year, 'EXPENSE', level, rollup, totals.EXPENSE)}
${monthly}
<p><a href="${visit.href(`/budget/${year}/lines`)}">${t.budget.allLines}</a></p>`;
  return { title: t.budget.title(year), section: 'budget', crumbs: [], description: t.previews.budget(year), main };
};
