// The citizen's account pages: log in, what the Municipality holds, contact and language, download,
// erasure, and the e-mail confirmation. Forms post without JavaScript and carry the session's CSRF token.
import type { AccountView } from '../../api/identity/index.ts';
import { displayName } from '../../api/identity/index.ts';
import type { RepresentationRecord } from '../../projections/identity/index.ts';
import { attr, html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import { identityText } from './messages.ts';

const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;

const when = (visit: Visit, iso: string | null): string =>
  iso === null
    ? identityText(visit).my.none
    : new Intl.DateTimeFormat(visit.lang === 'el' ? 'el-GR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Athens' }).format(new Date(iso));

/** The page for someone not logged in: what logging in means, and the button. */
export const loginPage = (visit: Visit, next: string, available: boolean): Page => {
  const t = identityText(visit);
  return {
    title: t.my.loginTitle,
    section: null,
    crumbs: [],
    status: available ? 200 : 503,
    main: html`<h1>${t.my.title}</h1>
<p class="lead">${available ? t.my.loginLead : t.my.loginUnavailable}</p>
${available ? html`<p><a class="button" href="/auth/taxisnet?next=${encodeURIComponent(next)}">${t.my.loginButton}</a></p>` : ''}
<p>${t.my.loginPrivacy} <a href="${visit.href('/privacy')}">${t.my.privacyLink}</a>.</p>`,
  };
};

export interface AccountNotice {
  readonly saved?: boolean;
  readonly emailSent?: boolean;
  /** A refused form: which field, the message, and what was typed (shown back). */
  readonly error?: { readonly field: 'email' | 'phone' | 'language'; readonly message: string; readonly value: string };
}

const field = (id: string, label: string, input: Html, error: string | null, hint?: string): Html =>
  html`<div class="field${error ? ' field-error' : ''}"><label for="${id}">${label}</label>${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}${
    error ? html`<p class="error" id="${id}-error">${error}</p>` : ''
  }${input}</div>`;

const describedBy = (id: string, hint: boolean, error: boolean): string | null =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((s) => s !== '').join(' ') || null;

/** Beside the account: the companies its person may act for, or (acting for a company) who acts. */
export interface AccountSide {
  readonly companies: readonly RepresentationRecord[];
  readonly acting: { readonly representativeName: string } | null;
}

const actingBanner = (visit: Visit, account: AccountView, representativeName: string, csrfToken: string): Html => {
  const t = identityText(visit);
  return html`<div class="notice acting-banner" role="status"><p><strong>${t.my.actingFor(displayName(account), representativeName)}</strong> ${t.my.actingLead}</p>
<form method="post" action="${visit.href('/my/act-for/end')}">${csrfField(csrfToken)}<div class="form-actions"><button class="button secondary" type="submit">${t.my.backToOwn}</button></div></form></div>`;
};

const companiesSection = (visit: Visit, companies: readonly RepresentationRecord[], csrfToken: string): Html => {
  const t = identityText(visit);
  return html`<section aria-labelledby="companies"><h2 id="companies">${t.my.companies}</h2><p>${t.my.companiesLead}</p>
<ul class="companies">${companies.map(
    (c) => html`<li><form method="post" action="${visit.href('/my/act-for')}">${csrfField(csrfToken)}<input type="hidden" name="representation" value="${c.representationId}">
<p><strong>${c.companyName}</strong> · ${t.my.taxid} ${c.companyTaxid} · ${t.my.basis}: ${c.basis} · ${t.my.until}: ${c.validUntil ?? t.my.untilRevoked}</p>
<div class="form-actions"><button class="button" type="submit">${t.my.actFor}: ${c.companyName}</button></div></form></li>`,
  )}</ul></section>`;
};

export const accountPage = (visit: Visit, account: AccountView, csrfToken: string, notice: AccountNotice = {}, side: AccountSide = { companies: [], acting: null }): Page => {
  const t = identityText(visit);
  const d = account.details;
  const errorFor = (f: 'email' | 'phone' | 'language'): string | null => (notice.error?.field === f ? notice.error.message : null);
  const valueFor = (f: 'email' | 'phone', fallback: string | null): string => (notice.error?.field === f ? notice.error.value : (fallback ?? ''));
  const row = (label: string, value: string | number | null): Html => html`<tr><th scope="row">${label}</th><td>${value === null || value === '' ? t.my.none : value}</td></tr>`;
  const emailError = errorFor('email');
  const phoneError = errorFor('phone');
  return {
    title: t.my.title,
    section: null,
    crumbs: [],
    status: notice.error ? 422 : 200,
    main: html`${side.acting ? actingBanner(visit, account, side.acting.representativeName, csrfToken) : ''}<h1>${t.my.title}: ${displayName(account)}</h1>
${notice.saved ? html`<p class="notice" role="status">${t.my.saved}</p>` : ''}
${notice.emailSent ? html`<p class="notice" role="status">${t.my.emailSent}</p>` : ''}
${notice.error ? html`<p class="error" role="alert">${notice.error.message}</p>` : ''}
<section aria-labelledby="held"><h2 id="held">${t.my.held}</h2>
<p>${t.my.heldLead}</p>
<table class="facts"><caption>${t.my.fromTaxisNet}</caption><tbody>
${row(t.my.taxid, d.taxid)}${row(t.my.kind, t.my.kinds[account.kind])}${row(t.my.lastName, d.lastName)}
${account.kind === 'person' ? [row(t.my.firstName, d.firstName), row(t.my.fatherName, d.fatherName), row(t.my.motherName, d.motherName), row(t.my.birthYear, d.birthYear)] : ''}
${row(t.my.registeredAt, when(visit, account.registeredAt))}${row(t.my.lastLoginAt, when(visit, account.lastLoginAt))}${row(t.my.logins, account.logins)}
</tbody></table></section>
<section aria-labelledby="contact"><h2 id="contact">${t.my.contact}</h2>
<p>${t.my.contactLead}</p>
${account.email ? html`<p>${t.my.emailCurrent} <strong>${account.email}</strong> (${t.my.emailVerified}).</p>` : html`<p>${t.my.emailNone}</p>`}
${account.pendingEmail ? html`<p class="hint">${t.my.emailPending(account.pendingEmail.address)}</p>` : ''}
<form method="post" action="${visit.href('/my/email')}" novalidate>${csrfField(csrfToken)}
${field(
  'email',
  account.email ? t.my.emailNewLabel : t.my.email,
  html`<input type="email" id="email" name="email" autocomplete="email" maxlength="254" value="${valueFor('email', account.pendingEmail?.address ?? account.email ?? null)}"${attr('aria-describedby', describedBy('email', false, emailError !== null))}${attr('aria-invalid', emailError ? 'true' : null)}>`,
  emailError,
)}
<div class="form-actions"><button class="button" type="submit">${t.my.emailSave}</button></div></form>
${account.email || account.pendingEmail ? html`<form method="post" action="${visit.href('/my/email/remove')}">${csrfField(csrfToken)}<div class="form-actions"><button class="button secondary" type="submit">${t.my.emailRemove}</button></div></form>` : ''}
<form method="post" action="${visit.href('/my/phone')}" novalidate>${csrfField(csrfToken)}
${field(
  'phone',
  t.my.phone,
  html`<input type="tel" id="phone" name="phone" autocomplete="tel" maxlength="20" value="${valueFor('phone', account.phone)}"${attr('aria-describedby', describedBy('phone', true, phoneError !== null))}${attr('aria-invalid', phoneError ? 'true' : null)}>`,
  phoneError,
  t.my.phoneHint,
)}
<div class="form-actions"><button class="button" type="submit">${t.my.phoneSave}</button></div></form>
<form method="post" action="${visit.href('/my/language')}">${csrfField(csrfToken)}
<fieldset><legend>${t.my.language}</legend>
${(['el', 'en'] as const).map((lang) => html`<label class="choice"><input type="radio" name="language" value="${lang}"${attr('checked', account.language === lang && 'checked')}> <span lang="${lang}">${t.my.languages[lang]}</span></label>`)}
</fieldset>
<div class="form-actions"><button class="button" type="submit">${t.my.languageSave}</button></div></form></section>
<section aria-labelledby="data"><h2 id="data">${t.my.data}</h2>
<p>${t.my.downloadLead} <a href="${visit.href('/my/data.json')}" download>${t.my.download}</a></p>
${side.acting ? '' : html`<p>${t.my.eraseLead} <a href="${visit.href('/my/erase')}">${t.my.erase}</a></p>`}</section>
${side.acting || side.companies.length === 0 ? '' : companiesSection(visit, side.companies, csrfToken)}
<section aria-labelledby="history"><h2 id="history">${t.my.history}</h2>
<table><thead><tr><th scope="col">${t.my.historyColumns.at}</th><th scope="col">${t.my.historyColumns.what}</th></tr></thead><tbody>
${[...account.history].reverse().slice(0, 50).map((h) => html`<tr><td>${when(visit, h.at)}</td><td>${t.my.events[h.type] ?? h.type}</td></tr>`)}
</tbody></table></section>
<form method="post" action="/auth/logout">${csrfField(csrfToken)}<div class="form-actions"><button class="button secondary" type="submit">${t.my.logout}</button></div></form>`,
  };
};

export const eraseConfirmPage = (visit: Visit, csrfToken: string, missing = false): Page => {
  const t = identityText(visit);
  return {
    title: t.my.eraseConfirmTitle,
    section: null,
    crumbs: [{ label: t.my.title, path: '/my/' }],
    status: missing ? 422 : 200,
    main: html`<h1>${t.my.eraseConfirmTitle}</h1><p class="lead">${t.my.eraseConfirmText}</p>
<form method="post" action="${visit.href('/my/erase')}">${csrfField(csrfToken)}
<div class="field${missing ? ' field-error' : ''}">${missing ? html`<p class="error" id="confirm-error" role="alert">${t.my.eraseConfirmMissing}</p>` : ''}
<label class="choice"><input type="checkbox" name="confirm" value="yes"${attr('aria-describedby', missing && 'confirm-error')}> ${t.my.eraseConfirmCheck}</label></div>
<div class="form-actions"><button class="button danger" type="submit">${t.my.eraseConfirmButton}</button> <a href="${visit.href('/my/')}">${t.my.cancel}</a></div></form>`,
  };
};

export const messagePage = (visit: Visit, title: string, text: string, status = 200, link?: { readonly href: string; readonly label: string }): Page => ({
  title,
  section: null,
  crumbs: [],
  status,
  main: html`<h1>${title}</h1><p class="lead">${text}</p>${link ? html`<p><a href="${link.href}">${link.label}</a></p>` : ''}`,
});

export const verifyEmailPage = (visit: Visit, subjectId: string, token: string, csrfToken: string | null): Page => {
  const t = identityText(visit);
  return {
    title: t.my.verifyTitle,
    section: null,
    crumbs: [],
    main: html`<h1>${t.my.verifyTitle}</h1><p class="lead">${t.my.verifyText}</p>
<form method="post" action="${visit.href('/my/email/verify')}">${csrfToken ? csrfField(csrfToken) : ''}<input type="hidden" name="s" value="${subjectId}"><input type="hidden" name="t" value="${token}">
<div class="form-actions"><button class="button" type="submit">${t.my.verifyButton}</button></div></form>`,
  };
};
