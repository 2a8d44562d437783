// Budget execution as a table: one row per class, group, service or line, one column per stage of its
// side (initial, final, committed, ordered, paid; or initial, final, assessed, collected) and the share
// executed. The table beside every budget chart.
import type { SideName, Totals } from '../../../projections/ledger/index.ts';
import { formatEuro, formatShare } from '../format.ts';
import { html } from '../html.ts';
import type { Html, HtmlPart } from '../html.ts';
import type { Visit } from '../page.ts';
import { EXECUTED, STAGES_OF } from '../stages.ts';
import { executionChart } from './charts.ts';
import type { ExecutionChart } from './charts.ts';
import { scrollTable } from './table.ts';

export interface StageRow {
  readonly header: HtmlPart;
  readonly totals: Totals;
}

export const stagesTable = (
  visit: Visit,
  side: SideName,
  options: { readonly id: string; readonly caption: string; readonly firstColumn: string; readonly rows: readonly StageRow[]; readonly total?: Totals },
): Html => {
  const { t } = visit;
  const stages = STAGES_OF[side];
  const executed = EXECUTED[side];
  const cells = (totals: Totals) =>
    html`${stages.map((s) => html`<td class="num">${formatEuro(totals[s])}</td>`)}<td class="num">${formatShare(totals[executed], totals.final)}</td>`;
  return scrollTable(
    options.id,
    options.caption,
    html`<thead><tr><th scope="col">${options.firstColumn}</th>${stages.map((s) => html`<th scope="col" class="num">${t.stages[s]}</th>`)}<th scope="col" class="num">${t.common.share}<span class="visually-hidden"> (${t.stages[executed]} / ${t.stages.final})</span></th></tr></thead>
<tbody>${options.rows.map((r) => html`<tr><th scope="row">${r.header}</th>${cells(r.totals)}</tr>`)}</tbody>
${options.total ? html`<tfoot><tr><th scope="row">${t.common.total}</th>${cells(options.total)}</tr></tfoot>` : null}`,
    { className: 'data stages' },
  );
};

/** The chart of the same rows: final budget with the middle stage and what was executed over it. */
export const stagesChart = (visit: Visit, side: SideName, id: string, title: string, rows: readonly { label: string; totals: Totals }[]): Html => {
  const { t } = visit;
  const middle = side === 'EXPENSE' ? 'committed' : 'assessed';
  const executed = EXECUTED[side];
  const chart: ExecutionChart = {
    id,
    title,
    legend: { final: t.stagesLong.final, middle: t.stagesLong[middle], executed: t.stagesLong[executed] },
    rows: rows.map((r) => ({ label: r.label, final: r.totals.final, middle: r.totals[middle], executed: r.totals[executed] })),
  };
  return executionChart(chart);
};
