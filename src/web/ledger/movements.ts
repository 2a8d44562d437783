// Movements: search and filters (year, dates, type, ΚΑΕ, supplier ΑΦΜ, text), sortable columns, pages of
// 50 by keyset cursor, and downloads of exactly the filtered list in the same order from the export API.
import type { TransactionOrder } from '../../projections/ledger/index.ts';
import { fiscalYears, listTransactions } from '../../projections/ledger/index.ts';
import { lineTitles } from '../../projections/ledger/index.ts';
import { errorSummary, selectField, textField } from '../shared/components/fields.ts';
import { movementTable } from '../shared/components/movements.ts';
import { loadPageOrFirst, pager, pagerStateOf, resultCount } from '../shared/components/pager.ts';
import { formatCount } from '../shared/format.ts';
import { html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import { queryString } from '../shared/lang.ts';
import type { Page, Site, Visit } from '../shared/page.ts';
import type { MovementsQuery, ParsedMovements } from './movementFilter.ts';
import { ORDERS, TRANSACTION_TYPES, filterParams, parseMovementsQuery } from './movementFilter.ts';
import { ledgerText } from './messages.ts';

export const MOVEMENTS_PAGE_SIZE = 50;

const filterForm = (visit: Visit, parsed: ParsedMovements, years: readonly number[]): Html => {
  const t = ledgerText(visit);
  const v = parsed.values;
  const error = (field: string) => parsed.errors.find(([id]) => id === `filter-${field}`)?.[1] ?? null;
  return html`<form class="filters" method="get" action="${visit.href('/movements')}" aria-labelledby="filters-title">
  <h2 id="filters-title">${t.common.filters}</h2>
  <div class="filter-grid">
    ${textField({ id: 'filter-search', name: 'search', label: t.movements.search, hint: t.movements.searchHint, value: v.search, type: 'search' })}
    ${selectField({ id: 'filter-year', name: 'year', label: t.common.year, value: v.year, options: [['', t.common.allYears], ...years.map((y) => [String(y), String(y)] as const)] })}
    ${selectField({ id: 'filter-type', name: 'type', label: t.movements.type, value: v.type, options: [['', t.movements.allTypes], ...TRANSACTION_TYPES.map((k) => [k, t.types[k]] as const)] })}
    ${textField({ id: 'filter-from', name: 'from', label: t.movements.from, hint: t.movements.dateHint, value: v.from, error: error('from'), size: 10 })}
    ${textField({ id: 'filter-to', name: 'to', label: t.movements.to, hint: t.movements.dateHint, value: v.to, error: error('to'), size: 10 })}
    ${textField({ id: 'filter-kae', name: 'kae', label: t.movements.kae, hint: t.movements.kaeHint, value: v.kae, error: error('kae'), size: 14 })}
    ${textField({ id: 'filter-afm', name: 'afm', label: t.movements.afm, hint: t.movements.afmHint, value: v.afm, error: error('afm'), inputmode: 'numeric', size: 11 })}
    ${selectField({ id: 'filter-order', name: 'orderBy', label: t.movements.orderBy, value: v.orderBy, options: ORDERS.map((o) => [o, t.movements.orders[o]] as const) })}
  </div>
  <div class="form-actions"><button type="submit" class="button">${t.common.apply}</button> <a href="${visit.href('/movements')}">${t.common.clear}</a></div>
</form>`;
};

/** A column header that sorts by date or amount: first descending, then flipping direction. */
const sortHeader = (visit: Visit, parsed: ParsedMovements, column: 'DATE' | 'AMOUNT') => (label: string): Html => {
  const current = parsed.orderBy;
  const desc = `${column}_DESC` as TransactionOrder;
  const asc = `${column}_ASC` as TransactionOrder;
  const sorted = current === desc ? 'descending' : current === asc ? 'ascending' : null;
  const next = current === desc ? asc : desc;
  const href = visit.href(`/movements${queryString(filterParams(parsed.filter, next))}`);
  const indicator = sorted === 'descending' ? '▼' : sorted === 'ascending' ? '▲' : '↕';
  const t = ledgerText(visit).movements;
  return html`<th scope="col" role="columnheader"${column === 'AMOUNT' ? html` class="num"` : null}${sorted ? html` aria-sort="${sorted}"` : null}><a href="${href}" class="sort">${label}<span aria-hidden="true" class="sort-indicator">${indicator}</span><span class="visually-hidden"> (${t.sortBy(label.toLowerCase())}: ${t.orders[next]})</span></a></th>`;
};

const downloads = (visit: Visit, parsed: ParsedMovements): Html => {
  const params = queryString({ ...filterParams(parsed.filter, parsed.orderBy), orderBy: parsed.orderBy });
  const t = ledgerText(visit).movements;
  return html`<div class="downloads">
  <p><strong>${t.download}:</strong> <a href="/api/exports/transactions.csv${params}" download data-export="csv">${t.downloadCsv}</a> · <a href="/api/exports/transactions.json${params}" data-export="json">${t.downloadJson}</a></p>
  <p class="hint">${t.downloadHint}</p>
</div>`;
};

export const movementsPage = async (site: Site, visit: Visit, query: MovementsQuery): Promise<Page> => {
  const t = ledgerText(visit);
  const { db, schema } = site;
  const parsed = parseMovementsQuery(query, t);
  const errors = [...parsed.errors];
  const load = (after: string | null) => listTransactions(db, schema, { filter: parsed.filter, first: MOVEMENTS_PAGE_SIZE, after, orderBy: parsed.orderBy });
  const years = await fiscalYears(db, schema);
  const { result, after } = await loadPageOrFirst(load, query.after || null, () => errors.push(['results-title', t.movements.invalid.cursor]));
  const page = after === null ? 1 : Number(query.page ?? '1') || 1;
  const [total, titles] = await Promise.all([result.totalCount(), lineTitles(db, schema, result.nodes)]);
  const params = filterParams(parsed.filter, parsed.orderBy);
  const state = pagerStateOf(visit, '/movements', params, { number: page, size: MOVEMENTS_PAGE_SIZE, after }, result, total);
  const main = html`<h1>${t.movements.title}</h1>
<p class="lead">${t.movements.intro}</p>
${errorSummary(t.movements.errorSummary, errors)}
${filterForm(visit, parsed, years)}
<section class="band" aria-labelledby="results-title">
  <h2 id="results-title" tabindex="-1">${t.movements.results}: ${t.common.movementsCount(formatCount(total))}</h2>
  ${downloads(visit, parsed)}
  ${resultCount(visit, state)}
  ${
    result.nodes.length === 0
      ? html`<p>${t.movements.none}</p>`
      : movementTable(visit, result.nodes, {
          id: 'movements-table',
          caption: t.movements.tableCaption,
          titles,
          sortable: { date: sortHeader(visit, parsed, 'DATE'), amount: sortHeader(visit, parsed, 'AMOUNT') },
          links: site.movementLinks,
        })
  }
  ${pager(visit, state)}
</section>`;
  return { title: t.movements.title, section: 'movements', crumbs: [], description: t.previews.movements, main };
};
