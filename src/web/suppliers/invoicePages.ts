// The supplier's e-invoices on the site: the «Τιμολόγια» section of /my/supplier (the upload form, which works
// without JavaScript, and the list with each one's status), a page per invoice with where it stands in the
// ledger (received → matched to a commitment → payment order → paid), and the list of what is wrong when one
// is refused.
import type { InvoiceProblem } from '../../domain/index.ts';
import type { InvoiceStage, LedgerDocument, TrackedInvoice } from '../../projections/einvoices/index.ts';
import { formatDate, formatDateTime, formatEuro } from '../shared/format.ts';
import type { Html } from '../shared/html.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import { invoiceText } from './invoiceMessages.ts';

export const INVOICES_PATH = '/my/supplier/invoices';
export const invoicePath = (id: string): string => `${INVOICES_PATH}/${id}`;

const euro = (amount: { toFixed: (places: number) => string }): string => formatEuro(amount.toFixed(2));

const uploadForm = (visit: Visit, csrfToken: string, error: string | null): Html => {
  const t = invoiceText(visit);
  return html`<form method="post" action="${visit.href(INVOICES_PATH)}" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${csrfToken}">
<div class="field${error ? ' field-error' : ''}"><label for="invoice-file">${t.file}</label>
${error ? html`<p class="error-message" id="invoice-file-error">${error}</p>` : ''}
<input id="invoice-file" name="file" type="file" accept=".xml,application/xml,text/xml" required${error ? html` aria-describedby="invoice-file-error" aria-invalid="true"` : ''}></div>
<div class="form-actions"><button class="button" type="submit">${t.send}</button></div></form>`;
};

/** The section of /my/supplier: the form, then the company's invoices. */
export const invoicesSection = (visit: Visit, invoices: readonly TrackedInvoice[], csrfToken: string): Html => {
  const t = invoiceText(visit);
  const rows = invoices.map(
    (i) => html`<tr><th scope="row"><a href="${visit.href(invoicePath(i.invoiceId))}">${i.number}</a></th><td>${t.kinds[i.kind]}</td><td>${formatDate(i.issueDate)}</td>
<td class="num">${euro(i.payable)}</td><td>${t.stages[i.stage]}</td></tr>`,
  );
  return html`<section aria-labelledby="invoices"><h2 id="invoices">${t.section}</h2><p>${t.lead}</p>
${uploadForm(visit, csrfToken, null)}
${invoices.length === 0
    ? html`<p>${t.none}</p>`
    : html`<div class="table-scroll"><table class="data"><caption>${t.caption}</caption>
<thead><tr><th scope="col">${t.number}</th><th scope="col">${t.kinds.invoice}</th><th scope="col">${t.issued}</th><th scope="col" class="num">${t.payable}</th><th scope="col">${t.stage}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`}</section>`;
};

const STEPS: readonly InvoiceStage[] = ['received', 'matched', 'ordered', 'paid'];

/** The steps passed, the current one marked; part-paid stands where «paid» would. */
const steps = (visit: Visit, stage: InvoiceStage): Html => {
  const t = invoiceText(visit);
  const reached = stage === 'part-paid' ? 2 : STEPS.indexOf(stage);
  return html`<ol class="steps">${STEPS.map((s, i) => {
    const label = s === 'paid' && stage === 'part-paid' ? t.stages['part-paid'] : t.stages[s];
    if (i === reached || (s === 'paid' && stage === 'part-paid')) return html`<li aria-current="step"><strong>${label}</strong></li>`;
    return i < reached ? html`<li>${label} ✓</li>` : html`<li class="hint">${label}</li>`;
  })}</ol>`;
};

const documents = (visit: Visit, caption: string, list: readonly LedgerDocument[]): Html => {
  const t = invoiceText(visit);
  if (list.length === 0) return html``;
  return html`<div class="table-scroll"><table class="data"><caption>${caption}</caption>
<thead><tr><th scope="col">${t.document}</th><th scope="col">${t.date}</th><th scope="col">${t.ada}</th><th scope="col" class="num">${t.amount}</th></tr></thead>
<tbody>${list.map((d) => html`<tr><th scope="row">${d.document}</th><td>${formatDate(d.date)}</td><td>${d.ada ?? ''}</td><td class="num">${euro(d.amount)}</td></tr>`)}</tbody></table></div>`;
};

export const invoicePage = (visit: Visit, i: TrackedInvoice): Page => {
  const t = invoiceText(visit);
  return {
    title: t.title(i.number),
    description: `${t.stages[i.stage]} · ${euro(i.payable)}`,
    section: null,
    crumbs: [{ label: visit.t.account.my, path: '/my/' }, { label: t.toStatement, path: '/my/supplier' }],
    main: html`<h1>${t.title(i.number)}</h1>
<p class="lead">${t.kinds[i.kind]} · ${t.issued} ${formatDate(i.issueDate)} · ${t.payable} ${euro(i.payable)} · <strong>${t.stages[i.stage]}</strong></p>
<h2>${t.steps}</h2>${steps(visit, i.stage)}
${i.unmatched ? html`<p class="notice" role="status">${t.unmatched[i.unmatched]}</p>` : ''}
<table class="facts"><tbody>
<tr><th scope="row">${t.number}</th><td>${i.number}</td></tr>
<tr><th scope="row">${t.issued}</th><td>${formatDate(i.issueDate)}</td></tr>
${i.dueDate ? html`<tr><th scope="row">${t.dueDate}</th><td>${formatDate(i.dueDate)}</td></tr>` : ''}
<tr><th scope="row">${t.lineTotal}</th><td class="num">${euro(i.lineTotal)}</td></tr>
<tr><th scope="row">${t.vat}</th><td class="num">${euro(i.vat)}</td></tr>
<tr><th scope="row">${t.taxInclusive}</th><td class="num">${euro(i.taxInclusive)}</td></tr>
<tr><th scope="row">${t.payable}</th><td class="num">${euro(i.payable)}</td></tr>
<tr><th scope="row">${t.paid}</th><td class="num">${euro(i.paid)}</td></tr>
<tr><th scope="row">${t.references}</th><td>${i.references.join(' · ')}</td></tr>
<tr><th scope="row">${t.receivedAt}</th><td>${formatDateTime(i.receivedAt)}</td></tr>
</tbody></table>
${documents(visit, t.commitments, i.commitments)}${documents(visit, t.orders, i.orders)}${documents(visit, t.payments, i.payments)}
<p><a href="${visit.href('/my/supplier')}#invoices">${t.toStatement}</a> · <a href="${visit.href(`${invoicePath(i.invoiceId)}/xml`)}" download>${t.xml}</a> · <a href="${`/api/my/supplier/invoices/${i.invoiceId}`}">${t.json}</a></p>`,
  };
};

/** The answer to a refused upload: everything wrong, where it is, and the form to send it again. */
export const invoiceRefusedPage = (visit: Visit, view: { readonly message: string; readonly problems: readonly InvoiceProblem[]; readonly csrfToken: string; readonly status: number }): Page => {
  const t = invoiceText(visit);
  return {
    title: t.rejectedTitle,
    description: view.message,
    section: null,
    crumbs: [{ label: visit.t.account.my, path: '/my/' }, { label: t.toStatement, path: '/my/supplier' }],
    status: view.status,
    main: html`<h1>${t.rejectedTitle}</h1>
<div class="error-summary" role="alert"><p>${view.message}</p>${view.problems.length ? html`<p>${t.rejectedLead}</p>` : ''}</div>
${view.problems.length
    ? html`<div class="table-scroll"><table class="data"><thead><tr><th scope="col">${t.where}</th><th scope="col">${t.problem}</th></tr></thead>
<tbody>${view.problems.map((p) => html`<tr><td><code>${p.path}</code>${p.line ? html` (${t.line(p.line)})` : ''}</td><td>${visit.lang === 'en' ? p.en : p.el}</td></tr>`)}</tbody></table></div>`
    : ''}
<h2>${t.send}</h2>${uploadForm(visit, view.csrfToken, null)}
<p><a href="${visit.href('/my/supplier')}#invoices">${t.toStatement}</a></p>`,
  };
};
