// The budget lines (ΚΑΕ) of a year, all of them or those of one side, class, group or service: the
// step of the drill-down between a roll-up row and a line's own page.
import type { BudgetLineView, RollupLevel, SideName } from '../../projections/ledger/index.ts';
import { budgetLines, fiscalYears } from '../../projections/ledger/index.ts';
import { dataText } from '../shared/components/dataText.ts';
import { linePath } from '../shared/components/movements.ts';
import { stagesTable } from '../shared/components/stagesTable.ts';
import { html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import type { Page, Site, Visit } from '../shared/page.ts';
import { NotFound } from '../shared/page.ts';
import { rollupLabel } from './budget.ts';
import { ledgerText } from './messages.ts';

export interface LinesScope {
  readonly side: SideName | null;
  readonly class: string | null;
  readonly group: string | null;
  /** "none": the lines without a service. */
  readonly service: string | null;
}

const matches = (line: BudgetLineView, scope: LinesScope): boolean =>
  (scope.side === null || line.side === scope.side) &&
  (scope.class === null || line.klass === scope.class) &&
  (scope.group === null || line.group === scope.group) &&
  (scope.service === null || (line.service ?? 'none') === scope.service);

const scopeText = (visit: Visit, scope: LinesScope): string => {
  const parts = [
    scope.side ? ledgerText(visit).sides[scope.side] : null,
    ...(['class', 'group', 'service'] as const satisfies readonly RollupLevel[]).map((level) =>
      scope[level] === null ? null : rollupLabel(visit, level, scope[level] === 'none' ? null : scope[level]),
    ),
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? ledgerText(visit).budget.allLinesScope : parts.join(' · ');
};

export const lineHeader = (visit: Visit, line: BudgetLineView): Html =>
  html`<a href="${visit.href(linePath(line.year, line.kae))}" class="kae">${line.kae}</a>${dataText(visit, line.title, 'kae-title')}`;

export const budgetLinesPage = async (site: Site, visit: Visit, year: number, scope: LinesScope): Promise<Page> => {
  const t = ledgerText(visit);
  const years = await fiscalYears(site.db, site.schema);
  if (!years.includes(year)) throw new NotFound();
  const lines = (await budgetLines(site.db, site.schema, year)).filter((l) => matches(l, scope));
  const what = scopeText(visit, scope);
  const tables = (['REVENUE', 'EXPENSE'] as const).map((side) => {
    const mine = lines.filter((l) => l.side === side);
    if (mine.length === 0) return null;
    return html`<section class="band" aria-labelledby="lines-${side.toLowerCase()}-title">
  <h2 id="lines-${side.toLowerCase()}-title">${t.sides[side]}</h2>
  ${stagesTable(visit, side, {
    id: `lines-${side.toLowerCase()}`,
    caption: t.budget.linesCaption(`${t.sides[side]} ${year}`),
    firstColumn: `${t.kae.code} · ${t.kae.title}`,
    rows: mine.map((line) => ({ header: lineHeader(visit, line), totals: line })),
  })}
</section>`;
  });
  const main = html`<h1>${t.budget.linesTitle(year)}</h1>
<p class="lead">${what}</p>
${lines.length === 0 ? html`<p>${t.budget.noLines}</p>` : tables}`;
  return { title: `${t.budget.linesTitle(year)}: ${what}`, section: 'budget', crumbs: [{ label: t.budget.title(year), path: `/budget/${year}` }], description: t.previews.lines(year, what), main };
};
