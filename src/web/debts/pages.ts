// The debt statement page (/my/debts): what remains, the RF code and QR for one transfer of everything, the
// card payment form (works without JavaScript), and every debt with its history. Prints without the frame.
import { Decimal } from 'decimal.js';
import type { PaymentAccount, Statement, StatementDebt } from '../../api/debts/index.ts';
import { formatRf } from '../../domain/index.ts';
import { formatDate, formatEuro } from '../shared/format.ts';
import { html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import { paymentQrSvg } from '../shared/qr.ts';
import { debtsText } from './messages.ts';

const euro = (amount: Decimal | string): string => formatEuro(new Decimal(amount).toFixed(2));

const id = (d: StatementDebt): string => `${d.year}-${d.assessment}`;

const historyOf = (visit: Visit, d: StatementDebt): Html => {
  const t = debtsText(visit);
  const entries = d.history.map((h) => html`<li>${formatDate(h.at.slice(0, 10))}: ${t.events[h.kind] ?? h.kind}${h.amount ? html` ${euro(h.amount)}` : ''}${h.detail ? html` (${h.detail})` : ''}</li>`);
  const plan = d.plan ? html`<p>${t.instalments}:</p><ul>${d.plan.map((i) => html`<li>${t.instalment(i.number, formatDate(i.dueOn), euro(i.amount))}</li>`)}</ul>` : '';
  return html`<details><summary>${t.history}</summary><ul>${entries}</ul>${plan}</details>`;
};

const debtRow = (visit: Visit, d: StatementDebt, payable: boolean): Html => {
  const t = debtsText(visit);
  const open = d.remaining.isPositive();
  return html`<tr class="${`debt-${d.status}`}">
<td>${payable && open ? html`<input type="checkbox" name="debt" value="${id(d)}" id="${`debt-${id(d)}`}" form="pay-card" checked aria-label="${t.select(`${d.reason} ${d.assessment}/${d.year}`)}">` : ''}</td>
<th scope="row">${d.reason}${historyOf(visit, d)}</th>
<td>${d.year}</td><td>${d.assessment}</td><td>${d.kae}</td>
<td class="num">${euro(d.amount)}</td><td class="num">${euro(d.surcharges)}</td><td class="num">${euro(d.reduced.plus(d.writtenOff))}</td>
<td class="num">${euro(d.paid)}</td><td class="num"><strong>${euro(d.remaining)}</strong></td>
<td>${formatDate(d.dueOn)}</td><td>${t.statuses[d.status]}</td>
<td>${open ? html`<span class="rf">${formatRf(d.rf)}</span>` : ''}</td></tr>`;
};

export interface StatementView {
  readonly statement: Statement;
  readonly csrfToken: string;
  readonly cardPayments: boolean;
  readonly account: PaymentAccount;
  /** The company's name when a representative acts for it. */
  readonly actingFor: string | null;
  readonly error?: string;
}

export const statementPage = (visit: Visit, view: StatementView): Page => {
  const t = debtsText(visit);
  const { statement } = view;
  const total = euro(statement.total);
  const payAll = statement.rfAll
    ? html`<section aria-labelledby="pay-all"><h2 id="pay-all">${t.payAllTitle}</h2><p>${t.payAllLead}</p>
<table class="facts"><tbody>
<tr><th scope="row">${t.rf}</th><td><strong class="rf">${formatRf(statement.rfAll)}</strong></td></tr>
<tr><th scope="row">${t.amount}</th><td>${total}</td></tr>
<tr><th scope="row">${t.beneficiary}</th><td>${view.account.name}</td></tr>
<tr><th scope="row">${t.iban}</th><td>${view.account.iban.replace(/(.{4})(?=.)/g, '$1 ')}</td></tr>
</tbody></table>
${paymentQrSvg({ name: view.account.name, iban: view.account.iban, ...(view.account.bic ? { bic: view.account.bic } : {}), amount: statement.total, rf: statement.rfAll }, t.qrLabel(total, formatRf(statement.rfAll)))}
<p class="hint">${t.qrHint} ${t.rfChanges}</p></section>`
    : '';
  const card = statement.rfAll
    ? html`<section aria-labelledby="pay-card-title" class="no-print"><h2 id="pay-card-title">${t.cardTitle}</h2>
${view.cardPayments
  ? html`<p>${t.cardLead}</p><form method="post" action="${visit.href('/my/debts/pay')}" id="pay-card"><input type="hidden" name="_csrf" value="${view.csrfToken}"><button type="submit">${t.cardButton}</button></form>`
  : html`<p>${t.cardUnavailable}</p>`}</section>`
    : '';
  const table = statement.debts.length
    ? html`<section aria-labelledby="debts-detail"><h2 id="debts-detail">${t.debtsTitle}</h2><div class="table-scroll"><table class="data">
<caption>${t.caption}</caption>
<thead><tr><td></td><th scope="col">${t.reason}</th><th scope="col">${t.year}</th><th scope="col">${t.assessment}</th><th scope="col">${t.kae}</th>
<th scope="col" class="num">${t.principal}</th><th scope="col" class="num">${t.surcharges}</th><th scope="col" class="num">${t.reduced}</th><th scope="col" class="num">${t.paid}</th>
<th scope="col" class="num">${t.remaining}</th><th scope="col">${t.dueOn}</th><th scope="col">${t.status}</th><th scope="col">${t.rf}</th></tr></thead>
<tbody>${statement.debts.map((d) => debtRow(visit, d, view.cardPayments))}</tbody></table></div></section>`
    : '';
  return {
    title: t.title,
    description: t.description,
    section: null,
    crumbs: [{ label: t.account.my, path: '/my/' }],
    status: view.error ? 422 : 200,
    main: html`<h1>${view.actingFor ? t.acting(view.actingFor) : t.title}</h1>
${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}
<p class="hint">${t.asOf(formatDate(statement.today))}</p>
${statement.debts.length === 0 || statement.total.isZero() ? html`<p class="lead">${t.none}</p>` : html`<p class="lead">${t.totalRemaining}: <strong>${total}</strong>${statement.overdue.isPositive() ? html` · ${t.overdue}: <strong>${euro(statement.overdue)}</strong>` : ''}</p>`}
${payAll}${card}${table}
<p class="hint no-print">${t.print} <a href="${visit.href('/my/debts.pdf')}" download>${t.pdf}</a> · <a href="/api/my/debts">${t.json}</a></p>`,
  };
};

export const loginToSeePage = (visit: Visit): Page => {
  const t = debtsText(visit);
  return {
    title: t.title,
    description: t.description,
    section: null,
    crumbs: [],
    status: 401,
    main: html`<h1>${t.title}</h1><p class="lead">${t.loginLead}</p><p><a class="button" href="${`/auth/taxisnet?next=${encodeURIComponent(visit.href('/my/debts'))}`}">${t.loginButton}</a></p>`,
  };
};

export const paymentResultPage = (visit: Visit, outcome: 'paid' | 'pending' | 'failed' | 'expired'): Page => {
  const t = debtsText(visit);
  const [title, text] = outcome === 'paid' ? [t.paidTitle, t.paidText] : outcome === 'pending' ? [t.pendingTitle, t.pendingText] : [t.failedTitle, t.failedText];
  return {
    title,
    section: null,
    crumbs: [{ label: t.title, path: '/my/debts' }],
    main: html`<h1>${title}</h1><p class="lead" role="status">${text}</p><p><a href="${visit.href('/my/debts')}">${t.back}</a></p>`,
  };
};
