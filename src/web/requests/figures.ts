// «Λογοδοσία / Accountability» (/requests/accountability): the requests in figures, per category and per
// department. Charts as inline SVG like the site's others (an image with a title; no script), each with the
// table of the same numbers beside it, and every table as CSV. The numbers come from figures.ts's queries.
import type { RequestType } from '../../domain/index.ts';
import type { CsvColumn } from '../../api/shared/rest/csv.ts';
import type { FiguresScope, GroupFigures, MonthFigures } from '../../projections/requests/index.ts';
import { overdueShare } from '../../projections/requests/index.ts';
import { chartWithTable } from '../shared/components/charts.ts';
import { selectField } from '../shared/components/fields.ts';
import { scrollTable } from '../shared/components/table.ts';
import { formatCount } from '../shared/format.ts';
import { html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import type { Lang } from '../shared/lang.ts';
import { queryString } from '../shared/lang.ts';
import type { Page, Visit } from '../shared/page.ts';
import type { Department } from './publicPages.ts';
import { departmentName, departmentsOf, typeName } from './publicPages.ts';
import type { PublicRequestsMessages } from './publicMessages.ts';
import { publicRequestsText } from './publicMessages.ts';

const WIDTH = 340;
const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  el: ['Ιανουάριος', 'Φεβρουάριος', 'Μάρτιος', 'Απρίλιος', 'Μάιος', 'Ιούνιος', 'Ιούλιος', 'Αύγουστος', 'Σεπτέμβριος', 'Οκτώβριος', 'Νοέμβριος', 'Δεκέμβριος'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export const monthName = (month: string, lang: Lang): string => `${MONTHS[lang][Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;

/** One decimal, the comma in Greek: "4,5". */
const decimal = (n: number, lang: Lang): string => {
  const text = (Math.round(n * 10) / 10).toFixed(1);
  return lang === 'el' ? text.replace('.', ',') : text;
};

export const formatDays = (n: number | null, lang: Lang): string => (n === null ? '—' : decimal(n, lang));
export const formatPercent = (share: number | null, lang: Lang): string => (share === null ? '—' : `${decimal(share * 100, lang)}${lang === 'el' ? '\u00a0' : ''}%`);

/** The smallest 1, 2 or 5 × 10ⁿ at or above n (at least 2): round gridlines for counts. */
const niceCount = (n: number): number => {
  if (n <= 2) return 2;
  let power = 1;
  while (power * 10 < n) power *= 10;
  return [1, 2, 5, 10].map((s) => s * power).find((v) => v >= n) ?? 10 * power;
};

/** Opened and fixed per month as grouped columns, gridlines labelled in counts. */
export const monthColumns = (id: string, title: string, t: PublicRequestsMessages, months: readonly MonthFigures[]): Html => {
  const axis = 34;
  const top = 24;
  const plot = 150;
  const base = top + plot;
  const max = niceCount(Math.max(0, ...months.flatMap((m) => [m.opened, m.fixed])));
  const slot = (WIDTH - axis) / Math.max(1, months.length);
  const bar = Math.min(10, (slot - 4) / 2);
  const grid = [0, max / 2, max].map((value) => {
    const y = (base - (value / max) * plot).toFixed(1);
    return html`<line x1="${axis}" x2="${WIDTH}" y1="${y}" y2="${y}" class="chart-grid"/><text x="${axis - 4}" y="${Number(y) + 4}" class="chart-axis" text-anchor="end">${formatCount(value)}</text>`;
  });
  const columns = months.map((m, i) => {
    const x0 = axis + i * slot + (slot - bar * 2) / 2;
    const rect = (value: number, j: number, className: string) => {
      const h = (value / max) * plot;
      return html`<rect x="${(x0 + j * bar).toFixed(1)}" y="${(base - h).toFixed(1)}" width="${(bar - 1).toFixed(1)}" height="${h.toFixed(1)}" class="${className}"/>`;
    };
    return html`<g>${rect(m.opened, 0, 'bar-final')}${rect(m.fixed, 1, 'bar-revenue')}<text x="${(axis + i * slot + slot / 2).toFixed(1)}" y="${base + 14}" class="chart-axis" text-anchor="middle">${m.month.slice(5, 7)}</text></g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${base + 20}" role="img" aria-labelledby="${id}-title" focusable="false">
<title id="${id}-title">${title}</title>
<rect x="0" y="0" width="11" height="11" class="bar-final"/><text x="16" y="10" class="chart-legend">${t.opened}</text>
<rect x="110" y="0" width="11" height="11" class="bar-revenue"/><text x="126" y="10" class="chart-legend">${t.fixed}</text>
${grid}
${columns}
</svg>`;
};

/** Median days to fix, one bar per row, labelled with its days; rows without a fix show a dash. */
export const medianBars = (id: string, title: string, lang: Lang, rows: readonly { readonly label: string; readonly days: number | null }[]): Html => {
  const rowHeight = 34;
  const max = Math.max(1, ...rows.map((r) => r.days ?? 0));
  const body = rows.map((r, i) => {
    const y = i * rowHeight;
    const value = formatDays(r.days, lang);
    const label = r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label;
    return html`<g><text x="0" y="${y + 12}" class="chart-label">${label}</text><text x="${WIDTH}" y="${y + 12}" class="chart-value" text-anchor="end">${value}</text>
<rect x="0" y="${y + 17}" width="${WIDTH}" height="10" class="bar-track"/><rect x="0" y="${y + 17}" width="${(((r.days ?? 0) / max) * WIDTH).toFixed(1)}" height="10" class="bar-executed"/></g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${Math.max(1, rows.length) * rowHeight}" role="img" aria-labelledby="${id}-title" focusable="false">
<title id="${id}-title">${title}</title>
${body}
</svg>`;
};

// ---- The scope of the monthly series: «c:<type>» or «d:<department>» ----

export const scopeOf = (raw: string | undefined, types: readonly RequestType[]): { readonly scope: FiguresScope; readonly value: string } => {
  const text = (raw ?? '').trim();
  if (text.startsWith('c:') && types.some((t) => t.code === text.slice(2))) return { scope: { serviceCode: text.slice(2) }, value: text };
  if (text.startsWith('d:') && types.some((t) => t.department === text.slice(2))) return { scope: { department: text.slice(2) }, value: text };
  return { scope: null, value: '' };
};

const scopeName = (t: PublicRequestsMessages, scope: FiguresScope, types: readonly RequestType[], departments: readonly Department[], lang: Lang): string =>
  scope === null ? t.allRequests : 'serviceCode' in scope ? typeName(types, scope.serviceCode, lang) : departmentName(departments, scope.department, lang, t.unassigned);

// ---- CSV ----

const amount = (n: number | null, digits = 1): { amount: string } | { text: null } => (n === null ? { text: null } : { amount: (Math.round(n * 10 ** digits) / 10 ** digits).toFixed(digits) });

export const monthCsvColumns: readonly CsvColumn<MonthFigures>[] = [
  { name: 'month', el: 'Μήνας', en: 'Month', cell: (m) => ({ text: m.month }) },
  { name: 'opened', el: 'Άνοιξαν', en: 'Opened', cell: (m) => ({ text: String(m.opened) }) },
  { name: 'fixed', el: 'Διορθώθηκαν', en: 'Fixed', cell: (m) => ({ text: String(m.fixed) }) },
];

export const groupCsvColumns = (by: 'category' | 'department', types: readonly RequestType[]): CsvColumn<GroupFigures>[] => {
  const departments = departmentsOf(types);
  return [
    by === 'category'
      ? { name: 'service_code', el: 'Κωδικός κατηγορίας', en: 'Category code', cell: (g) => ({ text: g.key }) }
      : { name: 'department', el: 'Κωδικός υπηρεσίας', en: 'Service code', cell: (g) => ({ text: g.key }) },
    {
      name: 'name',
      el: by === 'category' ? 'Κατηγορία' : 'Υπηρεσία',
      en: by === 'category' ? 'Category' : 'Service',
      cell: (g) => ({ text: by === 'category' ? typeName(types, g.key, 'el') : departmentName(departments, g.key, 'el', 'Χωρίς υπηρεσία') }),
    },
    { name: 'opened_12_months', el: 'Άνοιξαν (12 μήνες)', en: 'Opened (12 months)', cell: (g) => ({ text: String(g.opened) }) },
    { name: 'fixed_12_months', el: 'Διορθώθηκαν (12 μήνες)', en: 'Fixed (12 months)', cell: (g) => ({ text: String(g.fixed) }) },
    { name: 'median_days_to_fix', el: 'Διάμεσος ημερών ως τη διόρθωση', en: 'Median days to fix', cell: (g) => amount(g.medianDaysToFix) },
    { name: 'open_now', el: 'Ανοιχτές τώρα', en: 'Open now', cell: (g) => ({ text: String(g.openNow) }) },
    { name: 'overdue_now', el: 'Εκπρόθεσμες τώρα', en: 'Overdue now', cell: (g) => ({ text: String(g.overdueNow) }) },
    { name: 'overdue_share', el: 'Ποσοστό εκπρόθεσμων', en: 'Share overdue', cell: (g) => amount(overdueShare(g), 4) },
  ];
};

// ---- The page ----

/** Every type (or department) of the installation has its row, with zeros when it has no request yet. */
export const completeGroups = (keys: readonly string[], figures: readonly GroupFigures[]): GroupFigures[] => [
  ...keys.map((key) => figures.find((f) => f.key === key) ?? { key, opened: 0, fixed: 0, medianDaysToFix: null, openNow: 0, overdueNow: 0 }),
  ...figures.filter((f) => !keys.includes(f.key)),
];

const groupTable = (id: string, caption: string, t: PublicRequestsMessages, lang: Lang, rows: readonly (GroupFigures & { readonly label: string })[], csvHref: string): Html =>
  html`${scrollTable(
    id,
    caption,
    html`<thead><tr><th scope="col">${caption}</th><th scope="col" class="num">${t.opened12}</th><th scope="col" class="num">${t.fixed12}</th><th scope="col" class="num">${t.median}</th><th scope="col" class="num">${t.openNow}</th><th scope="col" class="num">${t.overdueNow}</th><th scope="col" class="num">${t.overdueShare}</th></tr></thead>
<tbody>${rows.map(
      (g) =>
        html`<tr><th scope="row">${g.label}</th><td class="num">${formatCount(g.opened)}</td><td class="num">${formatCount(g.fixed)}</td><td class="num">${formatDays(g.medianDaysToFix, lang)}</td><td class="num">${formatCount(g.openNow)}</td><td class="num">${formatCount(g.overdueNow)}</td><td class="num">${formatPercent(overdueShare(g), lang)}</td></tr>`,
    )}</tbody>`,
  )}<p class="downloads"><a href="${csvHref}" download data-export="csv">${t.csvOf}: ${caption}</a></p>`;

export interface FiguresView {
  readonly scope: { readonly scope: FiguresScope; readonly value: string };
  readonly months: readonly MonthFigures[];
  readonly byCategory: readonly GroupFigures[];
  readonly byDepartment: readonly GroupFigures[];
}

export const figuresPage = (visit: Visit, types: readonly RequestType[], view: FiguresView): Page => {
  const t = publicRequestsText(visit.lang);
  const lang = visit.lang;
  const departments = departmentsOf(types);
  const of = scopeName(t, view.scope.scope, types, departments, lang);
  const monthlyTitle = t.monthlyTitle(of);
  const ofParam = queryString({ of: view.scope.value || null });
  const categories = completeGroups(types.map((ty) => ty.code), view.byCategory).map((g) => ({ ...g, label: typeName(types, g.key, lang) }));
  const byDepartment = completeGroups(departments.map((d) => d.code), view.byDepartment).map((g) => ({ ...g, label: departmentName(departments, g.key, lang, t.unassigned) }));
  const monthTable = html`${scrollTable(
    'months-caption',
    monthlyTitle,
    html`<thead><tr><th scope="col">${t.month}</th><th scope="col" class="num">${t.opened}</th><th scope="col" class="num">${t.fixed}</th></tr></thead>
<tbody>${view.months.map((m) => html`<tr><th scope="row">${monthName(m.month, lang)}</th><td class="num">${formatCount(m.opened)}</td><td class="num">${formatCount(m.fixed)}</td></tr>`)}</tbody>`,
  )}<p class="downloads"><a href="/requests/accountability/months.csv${ofParam}" download data-export="csv">${t.csvOf}: ${monthlyTitle}</a></p>`;
  const main = html`<h1>${t.figuresTitle}</h1>
<p class="lead">${t.figuresIntro}</p>
<form class="filters" method="get" action="${visit.href('/requests/accountability')}" aria-labelledby="scope-title">
  <h2 id="scope-title" class="visually-hidden">${t.scope}</h2>
  ${selectField({
    id: 'figures-of',
    name: 'of',
    label: t.scope,
    value: view.scope.value,
    options: [['', t.allRequests], ...types.map((ty) => [`c:${ty.code}`, `${t.category}: ${ty.name[lang]}`] as const), ...departments.map((d) => [`d:${d.code}`, `${t.department}: ${d.name[lang]}`] as const)],
  })}
  <div class="form-actions"><button type="submit" class="button">${t.show}</button></div>
</form>
<section class="band" aria-labelledby="months-title">
  <h2 id="months-title">${monthlyTitle}</h2>
  ${chartWithTable(monthColumns('months-chart', monthlyTitle, t, view.months), monthTable)}
</section>
<section class="band" aria-labelledby="categories-title">
  <h2 id="categories-title">${t.byCategory}</h2>
  ${chartWithTable(
    medianBars('categories-chart', t.medianChart, lang, categories.map((g) => ({ label: g.label, days: g.medianDaysToFix }))),
    groupTable('categories-caption', t.category, t, lang, categories, '/requests/accountability/categories.csv'),
    'stacked',
  )}
</section>
<section class="band" aria-labelledby="departments-title">
  <h2 id="departments-title">${t.byDepartment}</h2>
  ${chartWithTable(
    medianBars('departments-chart', t.medianChartDepartment, lang, byDepartment.map((g) => ({ label: g.label, days: g.medianDaysToFix }))),
    groupTable('departments-caption', t.department, t, lang, byDepartment, '/requests/accountability/departments.csv'),
    'stacked',
  )}
</section>
<p><a href="${visit.href('/requests')}">${t.back}</a></p>`;
  return { title: t.figuresTitle, section: 'requests', crumbs: [{ label: t.listTitle, path: '/requests' }], description: t.figuresIntro, main };
};
