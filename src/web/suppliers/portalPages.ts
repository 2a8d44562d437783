// The supplier's statement page (/my/supplier): the totals per year as the public supplier page has them,
// every document with its ΑΔΑ, ΚΑΕ, what is open of it and its history; the notices set up; the CSV.
import type { StatementDocument, StatementYear, SubscriptionView, WebhookView } from '../../projections/suppliers/index.ts';
import { formatDate, formatEuro } from '../shared/format.ts';
import type { Html } from '../shared/html.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import type { NoticeDone } from './noticeForms.ts';
import { noticesSection } from './noticeForms.ts';
import { portalText } from './portalMessages.ts';
import type { TrackedInvoice } from '../../projections/einvoices/index.ts';
import { invoicesSection } from './invoicePages.ts';

const euro = (amount: string): string => formatEuro(amount);

const documentRow = (visit: Visit, d: StatementDocument): Html => {
  const t = portalText(visit);
  return html`<tr><td>${t.types[d.type]}</td><th scope="row">${d.document}${d.description ? html`<br><span class="hint">${d.description}</span>` : ''}
<details><summary>${t.history}</summary><ul>${d.history.map((h) => html`<li>${formatDate(h.date)}: ${t.types[h.kind]} ${h.document} ${euro(h.amount)}${h.ada ? html` (${t.ada} ${h.ada})` : ''}</li>`)}</ul></details></th>
<td>${formatDate(d.date)}</td><td>${d.kae}</td><td>${d.ada ?? ''}</td><td>${d.follows ?? ''}</td>
<td class="num">${euro(d.amount)}</td><td class="num">${d.reversed === '0.00' ? '' : euro(d.reversed)}</td><td class="num">${d.open === null ? '' : euro(d.open)}</td></tr>`;
};

const yearSection = (visit: Visit, y: StatementYear): Html => {
  const t = portalText(visit);
  return html`<section aria-labelledby="${`year-${y.year}`}"><h2 id="${`year-${y.year}`}">${t.year(y.year)}</h2>
<table class="facts"><tbody>
<tr><th scope="row">${t.committed}</th><td class="num">${euro(y.committed)}</td></tr>
<tr><th scope="row">${t.ordered}</th><td class="num">${euro(y.ordered)}</td></tr>
<tr><th scope="row">${t.paid}</th><td class="num">${euro(y.paid)}</td></tr>
<tr><th scope="row">${t.committedNotOrdered}</th><td class="num">${euro(y.committedNotOrdered)}</td></tr>
<tr><th scope="row">${t.orderedNotPaid}</th><td class="num">${euro(y.orderedNotPaid)}</td></tr>
</tbody></table>
<div class="table-scroll"><table class="data"><caption>${t.caption(y.year)}</caption>
<thead><tr><th scope="col">${t.type}</th><th scope="col">${t.document}</th><th scope="col">${t.date}</th><th scope="col">${t.kae}</th><th scope="col">${t.ada}</th><th scope="col">${t.follows}</th>
<th scope="col" class="num">${t.amount}</th><th scope="col" class="num">${t.reversed}</th><th scope="col" class="num">${t.open}</th></tr></thead>
<tbody>${y.documents.map((d) => documentRow(visit, d))}</tbody></table></div></section>`;
};

export interface PortalView {
  /** The line to the service's section (src/web/supplierThreads). */
  readonly messages?: Html;
  readonly afm: string;
  readonly name: string;
  readonly actingFor: string | null;
  readonly years: readonly StatementYear[];
  readonly subscriptions: readonly SubscriptionView[];
  readonly webhooks: readonly WebhookView[];
  /** The company's e-invoices, and the session's CSRF token for their upload form. */
  readonly invoices?: readonly TrackedInvoice[];
  readonly csrfToken?: string;
  /** What the last form changed, told once after its redirect. */
  readonly done?: NoticeDone | null;
}

export const supplierStatementPage = (visit: Visit, view: PortalView): Page => {
  const t = portalText(visit);
  const notices = noticesSection(visit, { subscriptions: view.subscriptions, webhooks: view.webhooks, csrfToken: view.csrfToken ?? '', done: view.done ?? null });
  return {
    title: t.title,
    description: t.description,
    section: null,
    crumbs: [{ label: visit.t.account.my, path: '/my/' }],
    main: html`<h1>${view.actingFor ? t.acting(view.actingFor) : t.title}</h1>
<p class="lead">${view.name} · ${t.afm} ${view.afm} · <a href="${visit.href(`/suppliers/${view.afm}`)}">${t.publicPage}</a></p>
${view.years.length === 0 ? html`<p>${t.none}</p>` : view.years.map((y) => yearSection(visit, y))}
<p class="hint">${t.downloads}: <a href="${visit.href('/my/supplier.csv')}" download>${t.csv}</a> · <a href="/api/my/supplier">${t.json}</a></p>
${view.invoices && view.csrfToken !== undefined ? invoicesSection(visit, view.invoices, view.csrfToken) : ''}
${notices}
${view.messages ?? ''}`,
  };
};

export const supplierLoginPage = (visit: Visit): Page => {
  const t = portalText(visit);
  return {
    title: t.title,
    description: t.description,
    section: null,
    crumbs: [],
    status: 401,
    main: html`<h1>${t.title}</h1><p class="lead">${t.loginLead}</p><p><a class="button" href="${`/auth/taxisnet?next=${encodeURIComponent(visit.href('/my/supplier'))}`}">${t.loginButton}</a></p>`,
  };
};

/** The link in the e-mail opens a page with a button: mail scanners follow links, they do not press buttons. */
export const confirmPage = (visit: Visit, token: string, csrfToken: string | null): Page => {
  const t = portalText(visit);
  return {
    title: t.confirmTitle,
    description: t.confirmText,
    section: null,
    crumbs: [],
    main: html`<h1>${t.confirmTitle}</h1><p class="lead">${t.confirmText}</p>
<form method="post" action="${visit.href('/my/supplier/confirm')}">${csrfToken ? html`<input type="hidden" name="_csrf" value="${csrfToken}">` : ''}<input type="hidden" name="t" value="${token}">
<div class="form-actions"><button class="button" type="submit">${t.confirmButton}</button></div></form>`,
  };
};

export const confirmResultPage = (visit: Visit, text: string, status: number): Page => {
  const t = portalText(visit);
  return { title: t.confirmTitle, description: text, section: null, crumbs: [], status, main: html`<h1>${t.confirmTitle}</h1><p${status >= 400 ? html` class="error" role="alert"` : ''}>${text}</p><p><a href="${visit.href('/my/supplier')}">${t.toStatement}</a></p>` };
};

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  // A cell a spreadsheet would run as a formula is quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The statement as CSV (UTF-8 with BOM, `;`, decimal point), one row per document. */
export const statementCsv = (years: readonly StatementYear[]): string => {
  const header = ['έτος/year', 'είδος/type', 'παραστατικό/document', 'ημερομηνία/date', 'ΚΑΕ', 'ΑΔΑ', 'σχετικό/follows', 'ποσό/amount', 'αντιλογισμός/reversed', 'καθαρό/net', 'εκκρεμεί/open', 'αιτιολογία/description'];
  const rows = years.flatMap((y) => y.documents.map((d) => [y.year, d.type, d.document, d.date, d.kae, d.ada, d.follows, d.amount, d.reversed, d.net, d.open, d.description]));
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
};
