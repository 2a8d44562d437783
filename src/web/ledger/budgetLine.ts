// One budget line (ΚΑΕ) of a year: where it sits in the classification, each stage against its final
// budget, its budget history (entry and amendments), its movements by month and the latest movements.
import type { BudgetLineView, TransactionView } from '../../projections/ledger/index.ts';
import { budgetLine, listTransactions } from '../../projections/ledger/index.ts';
import { lineMonthly, lineTitles } from '../../projections/ledger/index.ts';
import { chartWithTable, executionChart } from '../shared/components/charts.ts';
import { dataText } from '../shared/components/dataText.ts';
import { movementTable } from '../shared/components/movements.ts';
import { facts, scrollTable } from '../shared/components/table.ts';
import { formatDate, formatEuro, formatShare } from '../shared/format.ts';
import { html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import { classLabel, groupLabel, serviceLabel } from './kaeLabels.ts';
import { queryString } from '../shared/lang.ts';
import type { DecisionLink, Page, Site, Visit } from '../shared/page.ts';
import { NotFound } from '../shared/page.ts';
import { EXECUTED, STAGES_OF } from '../shared/stages.ts';
import { linesPath } from './budget.ts';
import { ledgerText } from './messages.ts';

const stagesSection = (visit: Visit, line: BudgetLineView): Html => {
  const t = ledgerText(visit);
  const stages = STAGES_OF[line.side].filter((s) => s !== 'final');
  const chart = executionChart({
    id: 'line-chart',
    title: t.line.stagesChart(line.kae),
    legend: { final: t.stagesLong.final, middle: null, executed: t.common.amount },
    rows: stages.map((s) => ({ label: t.stagesLong[s], final: line.final, middle: null, executed: line[s] })),
  });
  const table = scrollTable(
    'line-stages',
    t.line.stagesTable(line.kae),
    html`<thead><tr><th scope="col">${t.line.stage}</th><th scope="col" class="num">${t.common.amount}</th><th scope="col" class="num">${t.common.share}</th></tr></thead>
<tbody>${(['initial', 'amendments', 'final', ...stages.filter((s) => s !== 'initial')] as const).map(
      (s) => html`<tr><th scope="row">${t.stagesLong[s]}</th><td class="num">${formatEuro(line[s])}</td><td class="num">${s === 'amendments' ? '' : formatShare(line[s], line.final)}</td></tr>`,
    )}</tbody>`,
  );
  return chartWithTable(chart, table);
};

/** The decision that approved an amendment, when a context holds it by the amendment's ΑΔΑ (the council's). */
const decisionLink = (visit: Visit, decision: DecisionLink | undefined): Html | null =>
  decision ? html`<br><a class="decision" href="${visit.href(decision.path)}">${decision.label[visit.lang]}</a>` : null;

const historyTable = (visit: Visit, rows: readonly TransactionView[], decisions: ReadonlyMap<string, DecisionLink>): Html => {
  const t = ledgerText(visit);
  if (rows.length === 0) return html`<p>${t.line.noHistory}</p>`;
  const c = t.movement.columns;
  return scrollTable(
    'line-history',
    t.line.historyCaption,
    html`<thead><tr><th scope="col">${c.date}</th><th scope="col">${c.type}</th><th scope="col">${c.document}</th><th scope="col">${t.movement.ada}</th><th scope="col">${c.description}</th><th scope="col" class="num">${c.amount}</th></tr></thead>
<tbody>${rows.map(
      (m) => html`<tr><td class="nowrap"><time datetime="${m.date}">${formatDate(m.date)}</time></td><td>${t.types[m.type]}</td><th scope="row">${m.document}</th>
<td class="nowrap">${m.ada ? html`<a href="https://diavgeia.gov.gr/decision/view/${encodeURIComponent(m.ada)}">${m.ada}</a>${decisionLink(visit, decisions.get(m.ada))}` : t.common.none}</td><td>${dataText(visit, m.description)}</td><td class="num">${formatEuro(m.amount)}</td></tr>`,
    )}</tbody>`,
  );
};

const monthlyTable = async (site: Site, visit: Visit, line: BudgetLineView): Promise<Html | null> => {
  const t = ledgerText(visit);
  const months = await lineMonthly(site.db, site.schema, line.year, line.kae);
  if (months.length === 0) return null;
  const measures = line.side === 'EXPENSE' ? (['committed', 'ordered', 'paid'] as const) : (['assessed', 'collected'] as const);
  return html`<section class="band" aria-labelledby="line-monthly-title"><h2 id="line-monthly-title">${t.line.monthlyTitle}</h2>${scrollTable(
    'line-monthly',
    t.line.monthlyCaption(line.kae),
    html`<thead><tr><th scope="col">${t.common.month}</th>${measures.map((m) => html`<th scope="col" class="num">${t.stagesLong[m]}</th>`)}</tr></thead>
<tbody>${months.map(
      (m) => html`<tr><th scope="row">${t.months[Number(m.period.slice(5, 7)) - 1]}</th>${measures.map((k) => html`<td class="num">${formatEuro(m[k])}</td>`)}</tr>`,
    )}</tbody>`,
  )}</section>`;
};

export const budgetLinePage = async (site: Site, visit: Visit, year: number, kae: string): Promise<Page> => {
  const t = ledgerText(visit);
  const { db, schema } = site;
  const line = await budgetLine(db, schema, year, kae);
  if (!line) throw new NotFound();
  // The line's own movements: a parent line's page does not show its sub-codes' (they have pages of their own).
  const filter = { year, kae, exactKae: true };
  const [budget, amendments, latest, monthly] = await Promise.all([
    listTransactions(db, schema, { filter: { ...filter, type: 'BUDGET' }, first: 20, orderBy: 'DATE_ASC' }),
    listTransactions(db, schema, { filter: { ...filter, type: 'AMENDMENT' }, first: 100, orderBy: 'DATE_ASC' }),
    listTransactions(db, schema, { filter, first: 20 }),
    monthlyTable(site, visit, line),
  ]);
  const history = [...budget.nodes, ...amendments.nodes];
  const adas = [...new Set(history.flatMap((m) => (m.ada ? [m.ada] : [])))];
  const [titles, decisions] = await Promise.all([lineTitles(db, schema, latest.nodes), site.decisionLinks?.(adas) ?? new Map<string, DecisionLink>()]);
  const lineFacts = facts([
    [t.line.side, t.sides[line.side]],
    [t.line.klass, html`<a href="${visit.href(linesPath(year, line.side, 'class', line.klass))}">${classLabel(visit, line.klass)}</a>`],
    [t.line.group, html`<a href="${visit.href(linesPath(year, line.side, 'group', line.group))}">${groupLabel(visit, line.group)}</a>`],
    [t.line.service, line.service === null ? null : html`<a href="${visit.href(linesPath(year, line.side, 'service', line.service))}">${serviceLabel(visit, line.service)}</a>`],
  ]);
  const executed = EXECUTED[line.side];
  const main = html`<h1>${t.line.title(line.kae)}${line.title ? html`<span class="subtitle">${dataText(visit, line.title)}</span>` : null}</h1>
<p class="lead">${t.stagesLong[executed]}: ${formatEuro(line[executed])} / ${formatEuro(line.final)} (${formatShare(line[executed], line.final)})</p>
<section aria-labelledby="line-facts-title"><h2 id="line-facts-title" class="visually-hidden">${t.line.facts}</h2>${lineFacts}</section>
<section class="band" aria-labelledby="line-stages-title"><h2 id="line-stages-title">${t.line.stagesTitle}</h2>${stagesSection(visit, line)}</section>
<section class="band" aria-labelledby="line-history-title"><h2 id="line-history-title">${t.line.historyTitle}</h2>${historyTable(visit, history, decisions)}</section>
${monthly}
<section class="band" aria-labelledby="line-movements-title"><h2 id="line-movements-title">${t.line.movementsTitle}</h2>
${latest.nodes.length === 0 ? html`<p>${t.movements.none}</p>` : movementTable(visit, latest.nodes, { id: 'line-movements', caption: t.line.movementsTitle, titles, links: site.movementLinks })}
<p><a href="${visit.href(`/movements${queryString({ year, kae: line.kae })}`)}">${t.line.allMovements}</a></p></section>`;
  return {
    title: line.title ? `${t.line.title(line.kae)} · ${line.title}` : t.line.title(line.kae),
    section: 'budget',
    crumbs: [
      { label: t.budget.title(year), path: `/budget/${year}` },
      { label: classLabel(visit, line.klass), path: linesPath(year, line.side, 'class', line.klass) },
    ],
    description: line.title ? `${line.title}. ${t.previews.line(line.kae, year)}` : t.previews.line(line.kae, year),
    main,
  };
};
