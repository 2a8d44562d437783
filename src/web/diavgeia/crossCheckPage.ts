// «Διασταύρωση με τη Διαύγεια» (/diavgeia/): a year's cross-check — the count of each verdict, then the
// movements and decisions with their verdict (by default only what does not agree), filtered by verdict and
// by ΑΔΑ or document, each with its links to Diavgeia and to the movement in the books; 100 a page, and the
// same rows as CSV at /diavgeia.csv.
import type { CsvColumn } from '../../api/shared/rest/csv.ts';
import type { CrossCheck, CrossCheckItem, Verdict } from '../../projections/diavgeia/index.ts';
import { VERDICTS } from '../../projections/diavgeia/index.ts';
import { selectField, textField } from '../shared/components/fields.ts';
import { scrollTable } from '../shared/components/table.ts';
import { formatCount, formatEuro } from '../shared/format.ts';
import { html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import { queryString } from '../shared/lang.ts';
import type { Page, Visit } from '../shared/page.ts';
import { diavgeiaText, el, en } from './messages.ts';

export const CROSSCHECK_PAGE = '/diavgeia/';
export const CROSSCHECK_CSV = '/diavgeia.csv';
export const PAGE_SIZE = 100;

/** Diavgeia's own page of a decision. */
export const diavgeiaDecisionUrl = (ada: string): string => `https://diavgeia.gov.gr/decision/view/${encodeURIComponent(ada)}`;

export interface CrossCheckQuery {
  readonly year?: string;
  readonly verdict?: string;
  readonly search?: string;
  readonly page?: string;
}

export const crossCheckQuerySchema = {
  type: 'object',
  properties: {
    year: { type: 'string', pattern: '^(\\d{4})?$' },
    verdict: { type: 'string', enum: ['', 'mismatches', 'all', ...VERDICTS] },
    search: { type: 'string', maxLength: 60 },
    page: { type: 'string', pattern: '^\\d{1,6}$' },
  },
} as const;

export interface CrossCheckFilter {
  readonly year: number;
  /** One verdict, every one but `matched`, or all. */
  readonly verdict: Verdict | 'mismatches' | 'all';
  readonly search: string;
}

export const filterOf = (query: CrossCheckQuery, defaultYear: number): CrossCheckFilter => ({
  year: query.year ? Number(query.year) : defaultYear,
  verdict: (query.verdict || 'mismatches') as CrossCheckFilter['verdict'],
  search: (query.search ?? '').trim(),
});

const plain = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

export const filterItems = (items: readonly CrossCheckItem[], filter: CrossCheckFilter): CrossCheckItem[] => {
  const needle = plain(filter.search);
  return items.filter(
    (i) =>
      (filter.verdict === 'all' || (filter.verdict === 'mismatches' ? i.verdict !== 'matched' : i.verdict === filter.verdict)) &&
      (needle === '' || plain(i.ada ?? '').includes(needle) || plain(i.document ?? '').includes(needle)),
  );
};

const paramsOf = (f: CrossCheckFilter): Record<string, string> => ({ year: String(f.year), verdict: f.verdict, ...(f.search ? { search: f.search } : {}) });

const filterForm = (visit: Visit, filter: CrossCheckFilter, years: readonly number[]): Html => {
  const t = diavgeiaText(visit).crossCheck;
  const c = diavgeiaText(visit).common;
  return html`<form class="filters" method="get" action="${visit.href(CROSSCHECK_PAGE)}" aria-labelledby="filters-title">
  <h2 id="filters-title">${t.filters}</h2>
  <div class="filter-grid">
    ${selectField({ id: 'filter-year', name: 'year', label: c.year, value: String(filter.year), options: years.map((y) => [String(y), String(y)] as const) })}
    ${selectField({ id: 'filter-verdict', name: 'verdict', label: t.verdict, value: filter.verdict, options: [['mismatches', t.mismatches], ['all', t.all], ...VERDICTS.map((v) => [v, t.verdicts[v]] as const)] })}
    ${textField({ id: 'filter-search', name: 'search', label: t.search, hint: t.searchHint, value: filter.search, type: 'search', size: 18 })}
  </div>
  <div class="form-actions"><button type="submit" class="button">${c.apply}</button> <a href="${visit.href(`${CROSSCHECK_PAGE}${queryString({ year: String(filter.year) })}`)}">${c.clear}</a></div>
</form>`;
};

const summaryTable = (visit: Visit, check: CrossCheck, filter: CrossCheckFilter): Html => {
  const t = diavgeiaText(visit).crossCheck;
  const rows = VERDICTS.map(
    (v) => html`<tr><th scope="row"><a href="${visit.href(`${CROSSCHECK_PAGE}${queryString({ year: String(filter.year), verdict: v })}`)}">${t.verdicts[v]}</a></th><td class="num">${formatCount(check.summary[v])}</td><td>${t.meanings[v]}</td></tr>`,
  );
  return scrollTable('summary-caption', t.summaryCaption(filter.year), html`<thead><tr><th scope="col">${t.verdict}</th><th scope="col" class="num">${t.count}</th><th scope="col">${t.meaning}</th></tr></thead>
<tbody>${rows}</tbody>`);
};

const money = (amount: string | null): Html | string => (amount === null ? '—' : formatEuro(amount));

const itemRow = (visit: Visit, item: CrossCheckItem, year: number): Html => {
  const t = diavgeiaText(visit).crossCheck;
  const ada = item.ada === null ? '—' : html`<a href="${diavgeiaDecisionUrl(item.ada)}" rel="external" aria-label="${t.onDiavgeia(item.ada)}">${item.ada}</a>`;
  const movement = item.document === null ? '—' : html`<a href="${visit.href(`/movements${queryString({ year: String(year), search: item.document })}`)}" aria-label="${t.ofMovement(item.document)}">${item.document}</a>`;
  return html`<tr><td>${ada}</td><td>${movement}</td><td>${item.kae ?? '—'}</td><td class="num">${money(item.ledgerAmount)}</td><td class="num">${money(item.diavgeiaAmount)}</td><td>${t.verdicts[item.verdict]}</td></tr>`;
};

const pager = (visit: Visit, filter: CrossCheckFilter, page: number, total: number): Html | null => {
  const t = diavgeiaText(visit).crossCheck;
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (last === 1) return null;
  const href = (n: number) => visit.href(`${CROSSCHECK_PAGE}${queryString({ ...paramsOf(filter), page: String(n) })}`);
  return html`<nav class="pager" aria-label="${visit.t.common.pages}"><ul>
  ${page > 1 ? html`<li><a href="${href(page - 1)}" rel="prev">${t.previous}</a></li>` : null}
  ${page < last ? html`<li><a href="${href(page + 1)}" rel="next">${t.next}</a></li>` : null}
</ul></nav>`;
};

export const crossCheckPage = (visit: Visit, check: CrossCheck, filter: CrossCheckFilter, years: readonly number[], pageNumber: number): Page => {
  const t = diavgeiaText(visit).crossCheck;
  const items = filterItems(check.items, filter);
  const last = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, pageNumber), last);
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const empty = VERDICTS.every((v) => check.summary[v] === 0);
  const allYears = years.includes(filter.year) ? years : [filter.year, ...years].sort((a, b) => b - a);
  const main = html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
${filterForm(visit, filter, allYears)}
<section class="band" aria-labelledby="summary-title">
  <h2 id="summary-title">${t.summaryTitle(filter.year)}</h2>
  ${empty ? html`<p>${t.noData}</p>` : null}
  ${summaryTable(visit, check, filter)}
</section>
<section class="band" aria-labelledby="results-title">
  <h2 id="results-title">${t.listTitle}: ${formatCount(items.length)}</h2>
  <div class="downloads"><p><strong>${t.download}:</strong> <a href="${CROSSCHECK_CSV}${queryString(paramsOf(filter))}" download>${t.downloadCsv}</a> · <a href="/api/crosscheck/diavgeia${queryString({ year: String(filter.year) })}">${t.downloadJson}</a></p>
  <p class="hint">${t.downloadHint}</p></div>
  ${
    shown.length === 0
      ? html`<p>${t.none}</p>`
      : html`<p>${t.showing((page - 1) * PAGE_SIZE + 1, (page - 1) * PAGE_SIZE + shown.length, items.length)}</p>
  ${scrollTable('results-caption', t.listCaption(filter.year), html`<thead><tr><th scope="col">${t.ada}</th><th scope="col">${t.movement}</th><th scope="col">${t.kae}</th><th scope="col" class="num">${t.ledgerAmount}</th><th scope="col" class="num">${t.diavgeiaAmount}</th><th scope="col">${t.whatIsWrong}</th></tr></thead>
<tbody>${shown.map((i) => itemRow(visit, i, filter.year))}</tbody>`)}`
  }
  ${pager(visit, filter, page, items.length)}
</section>`;
  return { title: t.title, section: 'diavgeia', crumbs: [], description: t.preview, main };
};

/** The CSV's columns: Greek and English headers in one row, one address for both languages. */
export const crossCheckCsvColumns = (publicUrl: string): CsvColumn<CrossCheckItem>[] => [
  { name: 'ada', el: el.crossCheck.ada, en: en.crossCheck.ada, cell: (i) => ({ text: i.ada }) },
  { name: 'document', el: el.crossCheck.movement, en: en.crossCheck.movement, cell: (i) => ({ text: i.document }) },
  { name: 'kae', el: el.crossCheck.kae, en: en.crossCheck.kae, cell: (i) => ({ text: i.kae }) },
  { name: 'ledger_amount', el: el.crossCheck.ledgerAmount, en: en.crossCheck.ledgerAmount, cell: (i) => (i.ledgerAmount === null ? { text: null } : { amount: i.ledgerAmount }) },
  { name: 'diavgeia_amount', el: el.crossCheck.diavgeiaAmount, en: en.crossCheck.diavgeiaAmount, cell: (i) => (i.diavgeiaAmount === null ? { text: null } : { amount: i.diavgeiaAmount }) },
  { name: 'verdict', el: 'Αποτέλεσμα (κωδικός)', en: 'Result (code)', cell: (i) => ({ text: i.verdict }) },
  { name: 'verdict_words', el: 'Αποτέλεσμα', en: 'Result', cell: (i) => ({ text: `${el.crossCheck.verdicts[i.verdict]} / ${en.crossCheck.verdicts[i.verdict]}` }) },
  { name: 'diavgeia_url', el: 'Στη Διαύγεια', en: 'On Diavgeia', cell: (i) => ({ text: i.ada === null ? null : diavgeiaDecisionUrl(i.ada) }) },
  { name: 'movement_url', el: 'Στα βιβλία', en: 'In the books', cell: (i) => ({ text: i.document === null ? null : `${publicUrl}/movements?search=${encodeURIComponent(i.document)}` }) },
];
