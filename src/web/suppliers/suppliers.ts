// Suppliers (legal entities only: natural persons are never in this read model) with their totals, by
// amount paid; and a supplier's page with its totals per year and its payments.
import { fiscalYears, listTransactions } from '../../projections/ledger/index.ts';
import { listSuppliers, supplierByAfm, supplierYears } from '../../projections/suppliers/index.ts';
import { lineTitles } from '../../projections/ledger/index.ts';
import { dataText } from '../shared/components/dataText.ts';
import { selectField, textField } from '../shared/components/fields.ts';
import { movementTable } from '../shared/components/movements.ts';
import { loadPageOrFirst, pager, pagerStateOf, resultCount } from '../shared/components/pager.ts';
import { facts, scrollTable } from '../shared/components/table.ts';
import { formatCount, formatDate, formatEuro } from '../shared/format.ts';
import { html } from '../shared/html.ts';
import { queryString } from '../shared/lang.ts';
import type { Page, Site, Visit } from '../shared/page.ts';
import { NotFound } from '../shared/page.ts';
import { suppliersText } from './messages.ts';

export const SUPPLIERS_PAGE_SIZE = 50;

export interface SuppliersQuery {
  readonly year?: string;
  readonly search?: string;
  readonly after?: string;
  readonly page?: string;
}

export const suppliersQuerySchema = {
  type: 'object',
  properties: {
    year: { type: 'string', pattern: '^(\\d{4})?$' },
    search: { type: 'string', maxLength: 100 },
    after: { type: 'string', maxLength: 200 },
    page: { type: 'string', pattern: '^\\d{1,6}$' },
  },
} as const;

export const suppliersPage = async (site: Site, visit: Visit, query: SuppliersQuery): Promise<Page> => {
  const t = suppliersText(visit);
  const { db, schema } = site;
  const year = query.year ? Number(query.year) : null;
  const search = (query.search ?? '').trim();
  const load = (after: string | null) => listSuppliers(db, schema, { year, search: search || null, first: SUPPLIERS_PAGE_SIZE, after });
  const [years, { result, after }] = await Promise.all([fiscalYears(db, schema), loadPageOrFirst(load, query.after || null)]);
  const page = after === null ? 1 : Number(query.page ?? '1') || 1;
  const total = await result.totalCount();
  const params = { year, search: search || null };
  const state = pagerStateOf(visit, '/suppliers', params, { number: page, size: SUPPLIERS_PAGE_SIZE, after }, result, total);
  const c = t.suppliers.columns;
  const table = scrollTable(
    'suppliers-table',
    t.suppliers.caption(year === null ? t.common.allYears.toLowerCase() : String(year)),
    html`<thead><tr><th scope="col">${c.name}</th><th scope="col">${c.afm}</th><th scope="col" class="num">${c.committed}</th><th scope="col" class="num">${c.ordered}</th><th scope="col" class="num">${c.paid}</th><th scope="col" class="num">${c.movements}</th></tr></thead>
<tbody>${result.nodes.map(
      (s) => html`<tr><th scope="row"><a href="${visit.href(`/suppliers/${s.afm}`)}">${dataText(visit, s.name)}</a></th><td>${s.afm}</td><td class="num">${formatEuro(s.committed)}</td><td class="num">${formatEuro(s.ordered)}</td><td class="num">${formatEuro(s.paid)}</td><td class="num">${formatCount(s.movements)}</td></tr>`,
    )}</tbody>`,
  );
  const main = html`<h1>${t.suppliers.title}</h1>
<p class="lead">${t.suppliers.intro}</p>
<form class="filters filters-inline" method="get" action="${visit.href('/suppliers')}" aria-label="${t.common.filters}">
  ${textField({ id: 'supplier-search', name: 'search', label: t.suppliers.search, value: search, type: 'search' })}
  ${selectField({ id: 'supplier-year', name: 'year', label: t.common.year, value: query.year ?? '', options: [['', t.common.allYears], ...years.map((y) => [String(y), String(y)] as const)] })}
  <div class="form-actions"><button type="submit" class="button">${t.common.apply}</button></div>
</form>
${resultCount(visit, state)}
${result.nodes.length === 0 ? html`<p>${t.suppliers.none}</p>` : table}
${pager(visit, state)}`;
  return { title: t.suppliers.title, section: 'suppliers', crumbs: [], description: t.previews.suppliers, main };
};

export const supplierPage = async (site: Site, visit: Visit, afm: string): Promise<Page> => {
  const t = suppliersText(visit);
  const { db, schema } = site;
  const supplier = await supplierByAfm(db, schema, afm);
  if (!supplier) throw new NotFound();
  const [years, payments] = await Promise.all([
    supplierYears(db, schema, afm),
    listTransactions(db, schema, { filter: { afm, type: 'PAYMENT' }, first: 25, orderBy: 'DATE_DESC' }),
  ]);
  const titles = await lineTitles(db, schema, payments.nodes);
  const c = t.suppliers.columns;
  const main = html`<h1>${dataText(visit, supplier.name)}</h1>
${facts([
  [t.suppliers.afm, supplier.afm],
  [t.suppliers.firstDate, supplier.firstDate ? formatDate(supplier.firstDate) : null],
  [c.committed, formatEuro(supplier.committed)],
  [c.ordered, formatEuro(supplier.ordered)],
  [c.paid, formatEuro(supplier.paid)],
  [c.movements, formatCount(supplier.movements)],
])}
<section class="band" aria-labelledby="supplier-years-title"><h2 id="supplier-years-title">${t.suppliers.byYear}</h2>
${scrollTable(
  'supplier-years',
  t.suppliers.byYearCaption(supplier.name),
  html`<thead><tr><th scope="col">${t.common.year}</th><th scope="col" class="num">${c.committed}</th><th scope="col" class="num">${c.ordered}</th><th scope="col" class="num">${c.paid}</th><th scope="col" class="num">${c.movements}</th></tr></thead>
<tbody>${years.map((y) => html`<tr><th scope="row">${y.year}</th><td class="num">${formatEuro(y.committed)}</td><td class="num">${formatEuro(y.ordered)}</td><td class="num">${formatEuro(y.paid)}</td><td class="num">${formatCount(y.movements)}</td></tr>`)}</tbody>`,
)}</section>
<section class="band" aria-labelledby="supplier-payments-title"><h2 id="supplier-payments-title">${t.suppliers.payments}</h2>
${payments.nodes.length === 0 ? html`<p>${t.movement.paymentsNone}</p>` : movementTable(visit, payments.nodes, { id: 'supplier-payments', caption: t.suppliers.payments, titles, links: site.movementLinks })}
<p><a href="${visit.href(`/movements${queryString({ afm })}`)}">${t.suppliers.allMovements}</a></p></section>`;
  return { title: supplier.name, section: 'suppliers', crumbs: [{ label: t.suppliers.title, path: '/suppliers' }], description: t.previews.supplier(supplier.name, supplier.afm), main };
};
