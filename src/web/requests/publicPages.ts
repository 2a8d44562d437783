// The public requests: the list with its filters and map (/requests), each request's page with its timeline
// (/requests/<id>), and the CSV of the filtered list. Everything here comes from od_requests and
// od_request_timeline, which name nobody: who reported a request lives in personal streams these pages never
// read.
import type { RequestStage, RequestType } from '../../domain/index.ts';
import { REQUEST_STAGES } from '../../domain/index.ts';
import type { RequestListFilter } from '../../projections/requests/index.ts';
import type { PublicRequest, TimelineEntry } from '../../projections/requests/index.ts';
import { STAGE_NAMES } from '../../projections/requests/index.ts';
import type { CsvColumn } from '../../api/shared/rest/csv.ts';
import { errorSummary, selectField, textField } from '../shared/components/fields.ts';
import { pager, resultCount } from '../shared/components/pager.ts';
import type { PagerState } from '../shared/components/pager.ts';
import { facts, scrollTable } from '../shared/components/table.ts';
import { TILE_MAP_ASSETS, tileMap } from '../shared/components/tileMap.ts';
import { athensDate, formatCoordinate, formatCount, formatDate, formatDateTime } from '../shared/format.ts';
import { html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import type { Lang } from '../shared/lang.ts';
import type { Page, Visit } from '../shared/page.ts';
import type { PublicRequestsMessages } from './publicMessages.ts';
import { publicRequestsText, STAGE_TAGS } from './publicMessages.ts';
import type { Requesting } from './services.ts';

export const LIST_PAGE_SIZE = 50;
const DESCRIPTION_SHOWN = 140;
const DAY = 86_400_000;

export const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const shortId = (id: string): string => id.slice(0, 8);

/** The departments of the installation's types, each named by its agency, in the order of the types. */
export interface Department {
  readonly code: string;
  readonly name: Readonly<Record<Lang, string>>;
  readonly serviceCodes: readonly string[];
}

export const departmentsOf = (types: readonly RequestType[]): Department[] => {
  const byCode = new Map<string, { name: Readonly<Record<Lang, string>>; serviceCodes: string[] }>();
  for (const t of types) {
    const d = byCode.get(t.department) ?? { name: t.agency, serviceCodes: [] };
    d.serviceCodes.push(t.code);
    byCode.set(t.department, d);
  }
  return [...byCode].map(([code, d]) => ({ code, ...d }));
};

export const typeName = (types: readonly RequestType[], code: string, lang: Lang): string => types.find((t) => t.code === code)?.name[lang] ?? code;
export const departmentName = (departments: readonly Department[], code: string | null, lang: Lang, fallback: string): string =>
  code === null || code === '' ? fallback : (departments.find((d) => d.code === code)?.name[lang] ?? code);

export const stageTag = (lang: Lang, stage: RequestStage): Html => html`<span class="tag ${STAGE_TAGS[stage]} stage-${stage}">${STAGE_NAMES[stage][lang]}</span>`;

// ---- The list's query string ----

export interface ListQuery {
  readonly category?: string;
  readonly stage?: string;
  readonly department?: string;
  readonly from?: string;
  readonly to?: string;
  readonly search?: string;
  readonly after?: string;
  readonly page?: string;
}

export const listQuerySchema = {
  type: 'object',
  properties: {
    category: { type: 'string', maxLength: 64 },
    stage: { type: 'string', maxLength: 32 },
    department: { type: 'string', maxLength: 64 },
    from: { type: 'string', maxLength: 10 },
    to: { type: 'string', maxLength: 10 },
    search: { type: 'string', maxLength: 100 },
    after: { type: 'string', maxLength: 200 },
    page: { type: 'string', pattern: '^\\d{0,6}$' },
  },
} as const;

/** The stage select's two broad choices beside each stage: Open311's statuses. */
const STATUS_CHOICES = { 'all-open': 'open', 'all-closed': 'closed' } as const;

/** "23/11/2026" (or with one-digit day or month, or ISO "2026-11-23") → ISO; null when neither. */
export const parseDateInput = (raw: string): string | null => {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const greek = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : greek ? [greek[3], greek[2], greek[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(date) ? date : null;
};

/** The first instant of a calendar day in Athens (UTC+2 in winter, +3 in summer). */
export const athensStartOf = (date: string): Date => {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  for (const hours of [3, 2]) {
    const candidate = new Date(midnightUtc - hours * 3_600_000);
    if (athensDate(candidate) === date && athensDate(new Date(candidate.getTime() - 1)) !== date) return candidate;
  }
  return new Date(midnightUtc - 2 * 3_600_000);
};

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

export interface ParsedList {
  readonly filter: RequestListFilter;
  /** The filter as the links carry it (the pager, the CSV): only what was read. */
  readonly params: Readonly<Record<string, string | null>>;
  readonly values: Readonly<Record<'category' | 'stage' | 'department' | 'from' | 'to' | 'search', string>>;
  readonly errors: readonly (readonly [field: string, message: string])[];
}

/** What cannot be read is left out of the filter and said by its field; unknown codes are ignored. */
export const parseListQuery = (query: ListQuery, t: PublicRequestsMessages, requesting: Pick<Requesting, 'types'>): ParsedList => {
  const text = (value: string | undefined): string => (value ?? '').trim();
  const errors: [string, string][] = [];
  const date = (field: 'from' | 'to'): string | null => {
    const raw = text(query[field]);
    if (raw === '') return null;
    const iso = parseDateInput(raw);
    if (iso === null) errors.push([`filter-${field}`, t.invalidDate]);
    return iso;
  };
  const category = requesting.types.some((ty) => ty.code === text(query.category)) ? text(query.category) : '';
  const rawStage = text(query.stage);
  const stage = (REQUEST_STAGES as readonly string[]).includes(rawStage) || rawStage in STATUS_CHOICES ? rawStage : '';
  const department = departmentsOf(requesting.types).find((d) => d.code === text(query.department)) ?? null;
  const from = date('from');
  const to = date('to');
  const search = text(query.search);
  const greek = (iso: string | null, raw: string | undefined): string => (iso ? formatDate(iso) : text(raw));
  return {
    filter: {
      serviceCode: category || null,
      stage: stage !== '' && !(stage in STATUS_CHOICES) ? (stage as RequestStage) : null,
      status: stage in STATUS_CHOICES ? STATUS_CHOICES[stage as keyof typeof STATUS_CHOICES] : null,
      department: department ? { code: department.code, serviceCodes: department.serviceCodes } : null,
      from: from ? athensStartOf(from) : null,
      before: to ? athensStartOf(nextDay(to)) : null,
      search: search || null,
    },
    params: { category: category || null, stage: stage || null, department: department?.code ?? null, from, to, search: search || null },
    values: { category, stage, department: department?.code ?? '', from: greek(from, query.from), to: greek(to, query.to), search },
    errors,
  };
};

// ---- Cells ----

const placeOf = (r: PublicRequest, t: PublicRequestsMessages): string =>
  r.address ?? (r.lat !== null && r.long !== null ? `${formatCoordinate(r.lat)}, ${formatCoordinate(r.long)}` : t.noPlace);

const excerpt = (text: string): string => (text.length <= DESCRIPTION_SHOWN ? text : `${text.slice(0, DESCRIPTION_SHOWN - 1).trimEnd()}…`);

/** Whole days from report to fix (at least one), or open so far; none for the other closed stages. */
export const daysOf = (r: PublicRequest, now: Date): { readonly kind: 'fixed' | 'open'; readonly days: number } | null => {
  const requested = Date.parse(r.requestedAt);
  if (r.stage === 'fixed' && r.fixedAt !== null) return { kind: 'fixed', days: Math.max(1, Math.ceil((Date.parse(r.fixedAt) - requested) / DAY)) };
  if (r.status === 'open') return { kind: 'open', days: Math.max(0, Math.floor((now.getTime() - requested) / DAY)) };
  return null;
};

const daysText = (t: PublicRequestsMessages, r: PublicRequest, now: Date): string => {
  const d = daysOf(r, now);
  return d === null ? '—' : d.kind === 'fixed' ? t.daysToFix(d.days) : t.daysOpen(d.days);
};

// ---- The list ----

const filterForm = (visit: Visit, t: PublicRequestsMessages, parsed: ParsedList, requesting: Pick<Requesting, 'types'>): Html => {
  const v = parsed.values;
  const error = (field: string) => parsed.errors.find(([id]) => id === `filter-${field}`)?.[1] ?? null;
  const lang = visit.lang;
  return html`<form class="filters" method="get" action="${visit.href('/requests')}" aria-labelledby="filters-title">
  <h2 id="filters-title">${t.filters}</h2>
  <div class="filter-grid">
    ${textField({ id: 'filter-search', name: 'search', label: t.search, hint: t.searchHint, value: v.search, type: 'search' })}
    ${selectField({ id: 'filter-category', name: 'category', label: t.category, value: v.category, options: [['', t.allCategories], ...requesting.types.map((ty) => [ty.code, ty.name[lang]] as const)] })}
    ${selectField({
      id: 'filter-stage',
      name: 'stage',
      label: t.stage,
      value: v.stage,
      options: [['', t.allStages], ['all-open', t.openStatus], ['all-closed', t.closedStatus], ...REQUEST_STAGES.map((s) => [s, STAGE_NAMES[s][lang]] as const)],
    })}
    ${selectField({ id: 'filter-department', name: 'department', label: t.department, value: v.department, options: [['', t.allDepartments], ...departmentsOf(requesting.types).map((d) => [d.code, d.name[lang]] as const)] })}
    ${textField({ id: 'filter-from', name: 'from', label: t.from, hint: t.dateHint, value: v.from, error: error('from'), size: 10 })}
    ${textField({ id: 'filter-to', name: 'to', label: t.to, hint: t.dateHint, value: v.to, error: error('to'), size: 10 })}
  </div>
  <div class="form-actions"><button type="submit" class="button">${t.apply}</button> <a href="${visit.href('/requests')}">${t.clear}</a></div>
</form>`;
};

const requestRows = (visit: Visit, t: PublicRequestsMessages, rows: readonly PublicRequest[], types: readonly RequestType[], now: Date): Html =>
  scrollTable(
    'requests-caption',
    t.tableCaption,
    html`<thead><tr><th scope="col">${t.number}</th><th scope="col">${t.category}</th><th scope="col">${t.description}</th><th scope="col">${t.place}</th><th scope="col">${t.stage}</th><th scope="col">${t.date}</th><th scope="col" class="num"><abbr title="${t.supportsHint}">${t.supports}</abbr></th><th scope="col">${t.days}</th></tr></thead>
<tbody>${rows.map(
      (r) => html`<tr><td><a href="${visit.href(`/requests/${r.id}`)}">#${shortId(r.id)}</a></td><td>${typeName(types, r.serviceCode, visit.lang)}</td><td>${excerpt(r.description)}</td><td>${placeOf(r, t)}</td><td>${stageTag(visit.lang, r.stage)}</td><td><time datetime="${r.requestedAt}">${formatDate(athensDate(new Date(r.requestedAt)))}</time></td><td class="num">${formatCount(r.supports)}</td><td>${daysText(t, r, now)}</td></tr>`,
    )}</tbody>`,
  );

export interface ListView {
  readonly parsed: ParsedList;
  readonly rows: readonly PublicRequest[];
  readonly total: number;
  readonly state: PagerState;
  readonly staleCursor: boolean;
  readonly now: Date;
}

export const listPage = (visit: Visit, requesting: Requesting, view: ListView): Page => {
  const t = publicRequestsText(visit.lang);
  const errors = [...view.parsed.errors, ...(view.staleCursor ? [['results-title', t.staleCursor] as const] : [])];
  const points = view.rows.flatMap((r) =>
    r.lat !== null && r.long !== null ? [{ lat: r.lat, long: r.long, title: `#${shortId(r.id)} · ${typeName(requesting.types, r.serviceCode, visit.lang)}`, url: visit.href(`/requests/${r.id}`), status: r.status }] : [],
  );
  const csvHref = `/requests.csv${queryStringOf(view.parsed.params)}`;
  const main = html`<h1>${t.listTitle}</h1>
<p class="lead">${t.listIntro}</p>
<p class="actions"><a class="button" href="${visit.href('/requests/new')}">${t.report}</a> <span class="hint">${t.reportHint}</span></p>
<p><a href="${visit.href('/requests/accountability')}">${t.accountability}</a></p>
${errorSummary(t.errorSummary, errors)}
${filterForm(visit, t, view.parsed, requesting)}
<section class="band" aria-labelledby="results-title">
  <h2 id="results-title" tabindex="-1">${t.results(formatCount(view.total))}</h2>
  <div class="downloads"><p><strong>${t.download}:</strong> <a href="${csvHref}" download data-export="csv">${t.downloadCsv}</a></p><p class="hint">${t.downloadHint}</p></div>
  ${points.length > 0 ? tileMap({ id: 'requests-map', mode: 'list', points, tiles: requesting.mapTiles, bounds: requesting.bounds, label: t.mapLabel }) : null}
  ${resultCount(visit, view.state)}
  ${view.rows.length === 0 ? html`<p>${t.none}</p>` : requestRows(visit, t, view.rows, requesting.types, view.now)}
  ${pager(visit, view.state)}
</section>`;
  return { title: t.listTitle, section: 'requests', crumbs: [], description: t.listIntro, main, scripts: TILE_MAP_ASSETS.scripts, styles: TILE_MAP_ASSETS.styles };
};

const queryStringOf = (params: Readonly<Record<string, string | null>>): string => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== '') search.set(k, v);
  const text = search.toString();
  return text ? `?${text}` : '';
};

// ---- The CSV ----

const iso = (value: string | null): { text: string | null } => ({ text: value });

/** The list as a journalist's spreadsheet takes it: every public field, headers in Greek and English. */
export const requestCsvColumns = (types: readonly RequestType[], publicUrl: string): CsvColumn<PublicRequest>[] => {
  const departments = departmentsOf(types);
  return [
    { name: 'id', el: 'Αριθμός', en: 'Number', cell: (r) => ({ text: r.id }) },
    { name: 'service_code', el: 'Κωδικός κατηγορίας', en: 'Category code', cell: (r) => ({ text: r.serviceCode }) },
    { name: 'category', el: 'Κατηγορία', en: 'Category', cell: (r) => ({ text: typeName(types, r.serviceCode, 'el') }) },
    { name: 'description', el: 'Περιγραφή', en: 'Description', cell: (r) => ({ text: r.description }) },
    { name: 'address', el: 'Διεύθυνση', en: 'Address', cell: (r) => ({ text: r.address }) },
    { name: 'lat', el: 'Γεωγρ. πλάτος', en: 'Latitude', cell: (r) => ({ text: r.lat === null ? null : String(r.lat) }) },
    { name: 'long', el: 'Γεωγρ. μήκος', en: 'Longitude', cell: (r) => ({ text: r.long === null ? null : String(r.long) }) },
    { name: 'stage', el: 'Στάδιο', en: 'Stage', cell: (r) => ({ text: r.stage }) },
    { name: 'stage_name', el: 'Στάδιο (λέξεις)', en: 'Stage (words)', cell: (r) => ({ text: STAGE_NAMES[r.stage].el }) },
    { name: 'status', el: 'Κατάσταση Open311', en: 'Open311 status', cell: (r) => ({ text: r.status }) },
    { name: 'department', el: 'Υπηρεσία', en: 'Service', cell: (r) => ({ text: departmentName(departments, r.department ?? types.find((ty) => ty.code === r.serviceCode)?.department ?? null, 'el', '') }) },
    { name: 'agency', el: 'Αρμόδιος φορέας', en: 'Agency', cell: (r) => ({ text: r.agency }) },
    { name: 'requested_at', el: 'Αναφέρθηκε', en: 'Requested at', cell: (r) => iso(r.requestedAt) },
    { name: 'updated_at', el: 'Τελευταία αλλαγή', en: 'Updated at', cell: (r) => iso(r.updatedAt) },
    { name: 'expected_at', el: 'Αναμενόμενη', en: 'Expected at', cell: (r) => iso(r.expectedAt) },
    { name: 'fixed_at', el: 'Διορθώθηκε', en: 'Fixed at', cell: (r) => iso(r.fixedAt) },
    { name: 'closed_at', el: 'Έκλεισε', en: 'Closed at', cell: (r) => iso(r.closedAt) },
    { name: 'merged_into', el: 'Διπλή της', en: 'Duplicate of', cell: (r) => ({ text: r.mergedInto }) },
    { name: 'supports', el: 'Υποστηρίξεις', en: 'Supports', cell: (r) => ({ text: String(r.supports) }) },
    { name: 'url', el: 'Σελίδα', en: 'Page', cell: (r) => ({ text: `${publicUrl}/requests/${r.id}` }) },
  ];
};

// ---- One request ----

/** A photo we stored (a path of this site, or under its public address) is shown; another site's is linked. */
const isOurs = (url: string, publicUrl: string): boolean => (url.startsWith('/') && !url.startsWith('//')) || url.startsWith(`${publicUrl}/`);

const localOf = (url: string, publicUrl: string): string => (url.startsWith(`${publicUrl}/`) ? url.slice(publicUrl.length) : url);

const requestLink = (visit: Visit, id: string | null): Html | string => (id !== null && REQUEST_ID.test(id) ? html`<a href="${visit.href(`/requests/${id}`)}">#${shortId(id)}</a>` : (id ?? ''));

const timelineItem = (visit: Visit, t: PublicRequestsMessages, e: TimelineEntry): Html => {
  const when = html`<time datetime="${e.at}">${formatDateTime(e.at)}</time>`;
  const label = t.kinds[e.kind];
  const detail = ((): Html | string | null => {
    switch (e.kind) {
      case 'stage':
        return html`${e.stage ? stageTag(visit.lang, e.stage) : null}${e.text ? html`<p>${e.text}</p>` : null}`;
      case 'reply':
      case 'reopened':
        return e.text ? html`<p>${e.text}</p>` : null;
      case 'assigned':
        return e.text;
      case 'expected':
        return e.text ? formatDate(athensDate(new Date(e.text))) : t.expectedWithdrawn;
      case 'merged':
      case 'absorbed':
        return requestLink(visit, e.text);
      default:
        return null;
    }
  })();
  return html`<li class="timeline-${e.kind}">${when} <strong>${label}</strong>${detail !== null && detail !== '' ? html` ${detail}` : null}</li>`;
};

/** What the page's script compares every 20 s: a change in any of them reloads the page. */
export const liveStateOf = (r: PublicRequest, timeline: readonly TimelineEntry[]) => ({ stage: r.stage, status: r.status, updatedAt: r.updatedAt, timeline: timeline.length });

export const requestPage = (visit: Visit, requesting: Requesting, publicUrl: string, r: PublicRequest, timeline: readonly TimelineEntry[], now: Date): Page => {
  const t = publicRequestsText(visit.lang);
  const lang = visit.lang;
  const type = requesting.types.find((ty) => ty.code === r.serviceCode);
  const name = type?.name[lang] ?? r.serviceCode;
  const title = t.requestTitle(name, shortId(r.id));
  const overdue = r.status === 'open' && r.expectedAt !== null && Date.parse(r.expectedAt) < now.getTime();
  const live = liveStateOf(r, timeline);
  const photo =
    r.mediaUrl === null
      ? null
      : isOurs(r.mediaUrl, publicUrl)
        ? html`<figure class="request-photo"><img src="${localOf(r.mediaUrl, publicUrl)}" alt="${t.photoAlt(name)}" loading="lazy"></figure>`
        : html`<a href="${r.mediaUrl}" rel="nofollow noopener noreferrer ugc">${t.photoLink}</a>`;
  const main = html`<h1>${title}</h1>
${
  r.stage === 'duplicate' && r.mergedInto !== null
    ? html`<div class="notice notice-important" role="note"><p><strong>${t.duplicateOf} ${requestLink(visit, r.mergedInto)}.</strong> <a href="${visit.href(`/requests/${r.mergedInto}`)}">${t.follow}</a></p></div>`
    : null
}
<p>${stageTag(lang, r.stage)}</p>
<p class="request-description">${r.description}</p>
${facts([
  [t.category, name],
  [t.group, type?.group[lang] ?? ''],
  [t.stage, STAGE_NAMES[r.stage][lang]],
  [t.agency, r.agency],
  [t.requestedAt, html`<time datetime="${r.requestedAt}">${formatDateTime(r.requestedAt)}</time>`],
  [t.updatedAt, html`<time datetime="${r.updatedAt}">${formatDateTime(r.updatedAt)}</time>`],
  [t.expectedAt, r.expectedAt === null ? '' : html`<time datetime="${r.expectedAt}">${formatDate(athensDate(new Date(r.expectedAt)))}</time>${overdue ? html` <span class="tag tag-reversal">${t.overdue}</span>` : null}`],
  [t.supports, formatCount(r.supports)],
  [t.days, daysText(t, r, now)],
  [t.place, r.address ?? ''],
  [t.coordinates, r.lat !== null && r.long !== null ? `${formatCoordinate(r.lat)}, ${formatCoordinate(r.long)}` : ''],
])}
${r.lat !== null && r.long !== null ? tileMap({ id: 'request-map', mode: 'show', lat: r.lat, long: r.long, tiles: requesting.mapTiles, bounds: requesting.bounds, label: t.mapOf }) : null}
${photo}
<section class="band" aria-labelledby="timeline-title" data-live-request="${visit.href(`/requests/${r.id}.json`)}" data-state="${JSON.stringify(live)}">
  <h2 id="timeline-title">${t.timeline}</h2>
  ${timeline.length === 0 ? html`<p>${t.timelineEmpty}</p>` : html`<ol class="timeline">${timeline.map((e) => timelineItem(visit, t, e))}</ol>`}
  <p class="hint">${t.live} ${t.privacy}</p>
</section>
<p><a href="${visit.href('/requests')}">${t.back}</a></p>`;
  return {
    title,
    section: 'requests',
    crumbs: [{ label: t.listTitle, path: '/requests' }],
    description: `${name}: ${excerpt(r.description)}`,
    main,
    scripts: [...TILE_MAP_ASSETS.scripts, 'requests.js'],
    styles: TILE_MAP_ASSETS.styles,
  };
};
