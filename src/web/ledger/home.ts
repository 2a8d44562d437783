// The home page: this year at a glance, today's movements, the latest movements as they arrive (the live
// script keeps the marked parts current) and the newest payments. Its live parts are also served as a
// fragment (fragments.ts), so the script never formats numbers itself.
import type { Totals, TransactionView } from '../../projections/ledger/index.ts';
import { budgetTotals, dailyTotals, fiscalYears, listTransactions } from '../../projections/ledger/index.ts';
import { lineTitles } from '../../projections/ledger/index.ts';
import { scrollTable } from '../shared/components/table.ts';
import { movementCard, movementTable } from '../shared/components/movements.ts';
import { athensDate, centsOf, formatAmount, formatCount, formatDate, formatEuro, formatShare, ratio } from '../shared/format.ts';
import { html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import type { Page, Site, Visit } from '../shared/page.ts';
import { queryString } from '../shared/lang.ts';
import { ledgerText } from './messages.ts';

export const LATEST_COUNT = 10;

export interface HomeData {
  readonly year: number | null;
  readonly totals: { readonly REVENUE: Totals; readonly EXPENSE: Totals } | null;
  readonly today: string;
  readonly todayTotals: { readonly movements: number; readonly paid: string; readonly collected: string } | null;
  readonly latest: readonly TransactionView[];
  readonly payments: readonly TransactionView[];
  readonly titles: ReadonlyMap<string, string>;
}

export const loadHome = async (site: Site): Promise<HomeData> => {
  const { db, schema } = site;
  const today = athensDate(new Date());
  const [years, days, latest, payments] = await Promise.all([
    fiscalYears(db, schema),
    dailyTotals(db, schema, today, today),
    listTransactions(db, schema, { first: LATEST_COUNT }),
    listTransactions(db, schema, { filter: { type: 'PAYMENT' }, first: LATEST_COUNT, orderBy: 'DATE_DESC' }),
  ]);
  const year = years[0] ?? null;
  const [totals, titles] = await Promise.all([year === null ? null : budgetTotals(db, schema, year), lineTitles(db, schema, [...latest.nodes, ...payments.nodes])]);
  const day = days[0];
  return {
    year,
    totals,
    today,
    todayTotals: day ? { movements: day.movements, paid: day.paid, collected: day.collected } : null,
    latest: latest.nodes,
    payments: payments.nodes,
    titles,
  };
};

const meter = (part: string, whole: string): Html =>
  html`<svg class="meter" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="100" height="10" class="bar-track"/><rect width="${(ratio(centsOf(part), centsOf(whole)) * 100).toFixed(2)}" height="10" class="bar-executed"/></svg>`;

export const glanceSection = (visit: Visit, data: HomeData): Html => {
  const t = ledgerText(visit);
  if (data.year === null || data.totals === null) return html`<h2 id="glance-title">${t.sections.budget}</h2><p>${t.home.noData}</p>`;
  const { REVENUE: revenue, EXPENSE: expense } = data.totals;
  const card = (side: 'revenue' | 'expense', executed: string, final: string, sentence: string, note: string) => html`<div class="stat-card stat-${side}">
  <h3>${side === 'revenue' ? t.home.revenue : t.home.expense}</h3>
  <p class="stat-big">${formatShare(executed, final)}</p>
  ${meter(executed, final)}
  <p>${sentence}</p>
  <p class="muted">${note}</p>
</div>`;
  // Sides as columns, so that two amounts side by side fit a phone.
  const row = (header: string, cells: readonly [string, string]) => html`<tr><th scope="row">${header}</th><td class="num">${cells[0]}</td><td class="num">${cells[1]}</td></tr>`;
  return html`<h2 id="glance-title">${t.home.glanceTitle(data.year)}</h2>
<div class="glance">
  <div class="stat-cards">
    ${card('revenue', revenue.collected, revenue.final, t.home.collectedOf(formatEuro(revenue.collected), formatEuro(revenue.final)), t.home.assessedNote(formatEuro(revenue.assessed)))}
    ${card('expense', expense.paid, expense.final, t.home.paidOf(formatEuro(expense.paid), formatEuro(expense.final)), t.home.committedNote(formatEuro(expense.committed)))}
  </div>
  ${scrollTable(
    'glance-table',
    t.home.glanceChart(data.year),
    html`<thead><tr><td></td><th scope="col" class="num">${t.home.revenue} (€)</th><th scope="col" class="num">${t.home.expense} (€)</th></tr></thead>
<tbody>
${row(t.home.finalBudget, [formatAmount(revenue.final), formatAmount(expense.final)])}
${row(`${t.stages.collected} / ${t.stages.paid}`, [formatAmount(revenue.collected), formatAmount(expense.paid)])}
${row(t.common.share, [formatShare(revenue.collected, revenue.final), formatShare(expense.paid, expense.final)])}
</tbody>`,
  )}
</div>
<p><a href="${visit.href(`/budget/${data.year}`)}">${t.home.budgetLink(data.year)}</a></p>`;
};

export const todaySection = (visit: Visit, data: HomeData): Html => {
  const t = ledgerText(visit);
  const totals = data.todayTotals;
  return html`<h2 id="today-title">${t.home.todayTitle(formatDate(data.today))}</h2>
${
  totals === null
    ? html`<p>${t.home.todayNone}</p>`
    : html`<dl class="today-stats">
  <div><dt>${t.home.todayMovements}</dt><dd>${formatCount(totals.movements)}</dd></div>
  <div><dt>${t.home.todayPaid}</dt><dd>${formatEuro(totals.paid)}</dd></div>
  <div><dt>${t.home.todayCollected}</dt><dd>${formatEuro(totals.collected)}</dd></div>
</dl>`
}`;
};

export const latestItems = (visit: Visit, data: HomeData): Html => html`${data.latest.map((m) => movementCard(visit, m, data.titles))}`;

export const paymentsTable = (visit: Visit, data: HomeData): Html =>
  data.payments.length === 0
    ? html`<p>${ledgerText(visit).movement.paymentsNone}</p>`
    : movementTable(visit, data.payments, { id: 'payments-table', caption: ledgerText(visit).home.paymentsTitle, titles: data.titles });

export const homePage = async (site: Site, visit: Visit): Promise<Page> => {
  const t = ledgerText(visit);
  const data = await loadHome(site);
  const main = html`<div class="hero">
  <h1>${t.home.title}</h1>
  <p class="lead">${t.home.intro}</p>
  <form class="search-box" role="search" action="${visit.href('/movements')}" method="get">
    <label for="home-search">${t.home.searchLabel}</label>
    <p class="hint" id="home-search-hint">${t.home.searchHint}</p>
    <div class="search-row"><input id="home-search" name="search" type="search" aria-describedby="home-search-hint" autocomplete="off"><button type="submit" class="button">${t.common.search}</button></div>
  </form>
</div>
<section class="band" id="glance" aria-labelledby="glance-title" data-live-part="glance">${glanceSection(visit, data)}</section>
<section class="band" id="today" aria-labelledby="today-title" data-live-part="today">${todaySection(visit, data)}</section>
<section class="band" id="latest" aria-labelledby="latest-title"
  data-live-fragment="/fragments/home.json${queryString({ lang: visit.lang })}"
  data-announce-one="${t.home.announceOne}" data-announce-many="${t.home.announceMany}" data-announce-waiting="${t.home.announceWaiting}">
  <div class="section-head"><h2 id="latest-title" tabindex="-1">${t.home.latestTitle}</h2>
  <p class="live-indicator" data-live-indicator data-on="${t.home.liveOn}" data-off="${t.home.liveOff}" hidden></p></div>
  <p>${t.home.latestIntro}</p>
  <ol class="movement-list" data-live-list>${latestItems(visit, data)}</ol>
  <p><a href="${visit.href('/movements')}">${t.home.allMovements}</a></p>
</section>
<section class="band" id="payments" aria-labelledby="payments-title">
  <h2 id="payments-title">${t.home.paymentsTitle}</h2>
  <div data-live-part="payments">${paymentsTable(visit, data)}</div>
  <p><a href="${visit.href(`/movements${queryString({ type: 'PAYMENT', orderBy: 'DATE_DESC' })}`)}">${t.home.allPayments}</a></p>
</section>
<div class="visually-hidden" aria-live="polite" data-live-announcer></div>
<button type="button" class="new-movements button" data-live-button data-one="${t.home.newOne}" data-many="${t.home.newMany}" hidden></button>`;
  return { title: t.home.title, section: 'home', crumbs: [], description: t.previews.home, main, live: true };
};
