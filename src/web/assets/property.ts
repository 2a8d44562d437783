// Municipal property (δημοτική περιουσία): the register by category with value and status, a schematic
// map, and a page per asset with its details, location and history.
import type { AssetView } from '../../projections/assets/index.ts';
import { assetById, assetCategories, assetHistory, listAssets } from '../../projections/assets/index.ts';
import { chartWithTable, valueBars } from '../shared/components/charts.ts';
import { counterpartyText } from '../shared/components/movements.ts';
import { dataText } from '../shared/components/dataText.ts';
import { selectField, textField } from '../shared/components/fields.ts';
import { mapSvg } from '../shared/components/map.ts';
import type { MapPoint } from '../shared/components/map.ts';
import { loadPageOrFirst, pager, pagerStateOf, resultCount } from '../shared/components/pager.ts';
import { facts, scrollTable } from '../shared/components/table.ts';
import { formatCoordinate, formatCount, formatDate, formatEuro } from '../shared/format.ts';
import { html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import { queryString } from '../shared/lang.ts';
import type { Page, Site, Visit } from '../shared/page.ts';
import { NotFound } from '../shared/page.ts';
import { assetsText } from './messages.ts';

export const ASSETS_PAGE_SIZE = 50;
const STATUSES: readonly AssetView['status'][] = ['REGISTERED', 'LEASED', 'TRANSFERRED', 'DISPOSED'];

export interface PropertyQuery {
  readonly category?: string;
  readonly status?: string;
  readonly search?: string;
  readonly after?: string;
  readonly page?: string;
}

export const propertyQuerySchema = {
  type: 'object',
  properties: {
    category: { type: 'string', maxLength: 100 },
    status: { type: 'string', enum: ['', ...STATUSES] },
    search: { type: 'string', maxLength: 100 },
    after: { type: 'string', maxLength: 200 },
    page: { type: 'string', pattern: '^\\d{1,6}$' },
  },
} as const;

export const assetPath = (id: string): string => `/property/${encodeURIComponent(id)}`;

/** Every located asset, for the maps (a municipality's register is tens to hundreds of entries). */
const locatedAssets = async (site: Site): Promise<MapPoint[]> =>
  (await listAssets(site.db, site.schema, { first: 500 })).nodes.flatMap((a) => (a.lat !== null && a.lon !== null ? [{ id: a.id, lat: a.lat, lon: a.lon }] : []));

const NORTH = { el: 'Β', en: 'N' } as const;

export const propertyPage = async (site: Site, visit: Visit, query: PropertyQuery): Promise<Page> => {
  const t = assetsText(visit);
  const { db, schema } = site;
  const filter = { category: query.category || null, status: (query.status || null) as AssetView['status'] | null, search: (query.search ?? '').trim() || null };
  const load = (after: string | null) => listAssets(db, schema, { filter, first: ASSETS_PAGE_SIZE, after });
  const [categories, points, { result, after }] = await Promise.all([assetCategories(db, schema), locatedAssets(site), loadPageOrFirst(load, query.after || null)]);
  const page = after === null ? 1 : Number(query.page ?? '1') || 1;
  const total = await result.totalCount();
  const params = { category: filter.category, status: filter.status, search: filter.search };
  const state = pagerStateOf(visit, '/property', params, { number: page, size: ASSETS_PAGE_SIZE, after }, result, total);
  const c = t.property.columns;
  const categoriesSection =
    categories.length === 0
      ? null
      : html`<section class="band" aria-labelledby="categories-title"><h2 id="categories-title">${t.property.categoriesTitle}</h2>
${chartWithTable(
  valueBars({ id: 'categories-chart', title: t.property.categoriesChart, lang: visit.lang, rows: categories.map((k) => ({ label: k.category, value: k.value })) }),
  scrollTable(
    'categories-table',
    t.property.categoriesCaption,
    html`<thead><tr><th scope="col">${c.category}</th><th scope="col" class="num">${c.count}</th><th scope="col" class="num">${c.value}</th></tr></thead>
<tbody>${categories.map(
      (k) => html`<tr><th scope="row"><a href="${visit.href(`/property${queryString({ category: k.category })}`)}">${dataText(visit, k.category)}</a></th><td class="num">${formatCount(k.count)}</td><td class="num">${formatEuro(k.value)}</td></tr>`,
    )}</tbody>`,
  ),
)}</section>`;
  const map = mapSvg({ id: 'property-map', title: t.property.mapChart, points, northLabel: NORTH[visit.lang] });
  const register = scrollTable(
    'register-table',
    t.property.registerCaption,
    html`<thead><tr><th scope="col">${c.name}</th><th scope="col">${c.id}</th><th scope="col">${c.category}</th><th scope="col">${c.status}</th><th scope="col" class="num">${c.value}</th><th scope="col">${c.address}</th></tr></thead>
<tbody>${result.nodes.map(
      (a) => html`<tr><th scope="row"><a href="${visit.href(assetPath(a.id))}">${dataText(visit, a.name)}</a></th><td class="nowrap">${a.id}</td><td>${dataText(visit, a.category)}</td>
<td><span class="status status-${a.status.toLowerCase()}">${t.assetStatus[a.status]}</span></td><td class="num">${formatEuro(a.value)}</td><td>${dataText(visit, a.address)}</td></tr>`,
    )}</tbody>`,
  );
  const main = html`<h1>${t.property.title}</h1>
<p class="lead">${t.property.intro}</p>
${categoriesSection}
${map ? html`<section class="band" aria-labelledby="map-title"><h2 id="map-title">${t.property.mapTitle}</h2><figure class="map-figure">${map}<figcaption>${t.property.mapNote}</figcaption></figure></section>` : null}
<section class="band" aria-labelledby="register-title"><h2 id="register-title">${t.property.registerTitle}</h2>
<form class="filters filters-inline" method="get" action="${visit.href('/property')}" aria-label="${t.common.filters}">
  ${selectField({ id: 'asset-category', name: 'category', label: t.property.category, value: filter.category ?? '', options: [['', t.property.allCategories], ...categories.map((k) => [k.category, k.category] as const)] })}
  ${selectField({ id: 'asset-status', name: 'status', label: t.property.status, value: filter.status ?? '', options: [['', t.property.allStatuses], ...STATUSES.map((s) => [s, t.assetStatus[s]] as const)] })}
  ${textField({ id: 'asset-search', name: 'search', label: t.property.search, value: filter.search ?? '', type: 'search' })}
  <div class="form-actions"><button type="submit" class="button">${t.common.apply}</button></div>
</form>
${resultCount(visit, state)}
${result.nodes.length === 0 ? html`<p>${t.property.none}</p>` : register}
${pager(visit, state)}
</section>`;
  return { title: t.property.title, section: 'property', crumbs: [], description: t.previews.property, main };
};

const locationSection = (visit: Visit, asset: AssetView, points: readonly MapPoint[]): Html => {
  const t = assetsText(visit);
  if (asset.lat === null || asset.lon === null) return html`<p>${t.asset.noLocation}</p>`;
  const lat = formatCoordinate(asset.lat);
  const lon = formatCoordinate(asset.lon);
  const osm = `https://www.openstreetmap.org/?mlat=${asset.lat}&mlon=${asset.lon}#map=17/${asset.lat}/${asset.lon}`;
  return html`${facts([[t.asset.coordinates, t.asset.latLon(lat, lon)]])}
<p><a href="${osm}">${t.asset.osm}</a></p>
<figure class="map-figure">${mapSvg({ id: 'asset-map', title: t.asset.mapChart(asset.name), points, highlight: asset.id, northLabel: NORTH[visit.lang] })}<figcaption>${t.property.mapNote}</figcaption></figure>`;
};

export const assetPage = async (site: Site, visit: Visit, id: string): Promise<Page> => {
  const t = assetsText(visit);
  const asset = await assetById(site.db, site.schema, id);
  if (!asset) throw new NotFound();
  const [history, points] = await Promise.all([assetHistory(site.db, site.schema, id), locatedAssets(site)]);
  const c = t.asset.columns;
  const main = html`<h1>${dataText(visit, asset.name)}</h1>
${facts([
  [t.asset.id, asset.id],
  [t.property.columns.category, dataText(visit, asset.category)],
  [t.property.columns.status, t.assetStatus[asset.status]],
  [t.property.columns.value, formatEuro(asset.value)],
  [t.asset.kaek, asset.kaek],
  [t.asset.address, dataText(visit, asset.address)],
  [t.asset.holder, asset.holder ? counterpartyText(visit, asset.holder, 'none') : null],
  [t.asset.amount, asset.amount ? formatEuro(asset.amount) : null],
  [t.asset.registeredOn, formatDate(asset.registeredOn)],
  [t.asset.updatedOn, formatDate(asset.updatedOn)],
])}
<section class="band" aria-labelledby="location-title"><h2 id="location-title">${t.asset.locationTitle}</h2>${locationSection(visit, asset, points)}</section>
<section class="band" aria-labelledby="history-title"><h2 id="history-title">${t.asset.historyTitle}</h2>
${scrollTable(
  'asset-history',
  t.asset.historyCaption(asset.name),
  html`<thead><tr><th scope="col">${c.date}</th><th scope="col">${c.action}</th><th scope="col" class="num">${c.value}</th><th scope="col" class="num">${c.amount}</th><th scope="col">${c.counterparty}</th><th scope="col">${c.ada}</th><th scope="col">${c.description}</th></tr></thead>
<tbody>${history.map(
    (h) => html`<tr><td class="nowrap"><time datetime="${h.date}">${formatDate(h.date)}</time></td><th scope="row">${t.assetAction[h.action]}</th>
<td class="num">${h.value ? formatEuro(h.value) : t.common.none}</td><td class="num">${h.amount ? formatEuro(h.amount) : t.common.none}</td>
<td>${h.counterparty ? counterpartyText(visit, h.counterparty, 'none') : t.common.none}</td>
<td class="nowrap">${h.ada ? html`<a href="https://diavgeia.gov.gr/decision/view/${encodeURIComponent(h.ada)}">${h.ada}</a>` : t.common.none}</td><td>${dataText(visit, h.description)}</td></tr>`,
  )}</tbody>`,
)}</section>`;
  return { title: asset.name, section: 'property', crumbs: [{ label: t.property.title, path: '/property' }], description: t.previews.asset(asset.name), main };
};
