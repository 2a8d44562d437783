// The back office's pages: the login form, the password form, the home page per role, the audit trail and
// the staff list. Plain forms that work without JavaScript; every form carries its CSRF token.
import type { AuditEntry, StaffMember } from '../../api/shared/staff/index.ts';
import type { FailedMessage } from '../../notify/index.ts';
import type { Html } from '../shared/html.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import { officeText } from './messages.ts';
import { threadText } from '../supplierThreads/index.ts';

const csrf = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;

const frame = (visit: Visit, title: string, main: Html, status = 200): Page => ({
  title,
  section: null,
  crumbs: title === officeText(visit).office.title ? [] : [{ label: officeText(visit).office.title, path: '/office/' }],
  main,
  status,
});

const alert = (text: string | null): Html => (text ? html`<p class="error" role="alert" id="form-error">${text}</p>` : html``);

export const loginPage = (visit: Visit, token: string, error: string | null, notice: string | null = null, status = 200): Page => {
  const t = officeText(visit).office;
  return frame(
    visit,
    t.loginTitle,
    html`<h1>${t.loginTitle}</h1><p class="lead">${t.loginLead}</p>${notice ? html`<p role="status">${notice}</p>` : ''}${alert(error)}
<form method="post" action="${visit.href('/office/login')}">${csrf(token)}
<div class="field"><label for="email">${t.email}</label><input id="email" name="email" type="email" autocomplete="username" required maxlength="254"${error ? html` aria-describedby="form-error"` : ''}></div>
<div class="field"><label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256"></div>
<div class="form-actions"><button class="button" type="submit">${t.login}</button></div></form>`,
    status,
  );
};

export const passwordPage = (visit: Visit, path: string, token: string, member: StaffMember, error: string | null, status = 200): Page => {
  const t = officeText(visit).office;
  return frame(
    visit,
    t.passwordTitle,
    html`<h1>${t.passwordTitle}</h1><p class="lead">${member.name} (${member.email})</p><p id="password-hint">${t.passwordLead}</p>${alert(error)}
<form method="post" action="${visit.href(path)}">${csrf(token)}
<div class="field"><label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256" aria-describedby="password-hint"></div>
<div class="field"><label for="repeated">${t.repeat}</label><input id="repeated" name="repeated" type="password" autocomplete="new-password" required minlength="12" maxlength="256"></div>
<div class="form-actions"><button class="button" type="submit">${t.passwordSave}</button></div></form>`,
    status,
  );
};

export const messagePage = (visit: Visit, title: string, text: string, status: number): Page =>
  frame(visit, title, html`<h1>${title}</h1><p>${text}</p><p><a href="${visit.href('/office/login')}">${officeText(visit).office.loginTitle}</a></p>`, status);

export const forbiddenPage = (visit: Visit): Page => {
  const t = officeText(visit).office;
  return frame(visit, t.forbiddenTitle, html`<h1>${t.forbiddenTitle}</h1><p>${t.forbidden}</p><p><a href="${visit.href('/office/')}">${t.title}</a></p>`, 403);
};

const logoutForm = (visit: Visit, token: string): Html =>
  html`<form method="post" action="${visit.href('/office/logout')}">${csrf(token)}<button class="button secondary" type="submit">${officeText(visit).office.logout}</button></form>`;

const section = (title: string, body: Html): Html => html`<section><h2>${title}</h2>${body}</section>`;

export const homePage = (
  visit: Visit,
  member: StaffMember,
  token: string,
  failed: readonly FailedMessage[] | null,
  representations = false,
  applications = false,
  requests = false,
  council = false,
): Page => {
  const t = officeText(visit).office;
  const has = (role: string) => member.roles.includes(role as StaffMember['roles'][number]);
  const parts: Html[] = [];
  if (has('admin')) {
    parts.push(
      section(
        t.admin,
        html`<p>${t.adminText}</p><ul><li><a href="${visit.href('/office/staff')}">${t.staffList}</a></li><li><a href="${visit.href('/office/audit')}">${t.audit}</a></li>${
          representations ? html`<li><a href="${visit.href('/office/representations')}">${t.representations}</a></li>` : ''
        }</ul>
<h3>${t.failed}</h3>${
          failed === null || failed.length === 0
            ? html`<p>${t.noFailed}</p>`
            : html`<table><thead><tr><th scope="col">${t.when}</th><th scope="col">${t.to}</th><th scope="col">${t.attempts}</th><th scope="col">${t.error}</th></tr></thead><tbody>${failed.map(
                (m) => html`<tr><td>${m.failedAt}</td><td>${m.channel}: ${m.to}</td><td>${m.attempts}</td><td>${m.lastError}</td></tr>`,
              )}</tbody></table>`
        }`,
      ),
    );
  }
  // The suppliers' messages are the finance department's: its role, or its clerks'.
  const supplierThreads = html`<p><a href="${visit.href('/office/supplier-threads')}">${threadText(visit).queueTitle}</a></p>`;
  if (has('finance')) parts.push(section(t.finance, html`<p>${t.financeText}</p>${supplierThreads}`));
  else if (has('clerk:finance')) parts.push(section(t.finance, supplierThreads));
  if (has('revenue')) parts.push(section(t.revenue, html`<p>${t.revenueText}</p><p><a href="${visit.href('/office/bank-credits')}">${t.bankCredits}</a></p>`));
  if (has('secretary')) parts.push(section(t.secretary, html`<p>${t.secretaryText}</p>${council ? html`<p><a href="${visit.href('/office/council')}">${t.council}</a></p>` : ''}`));
  const queues = [
    applications ? html`<li><a href="${visit.href('/office/applications')}">${t.applications}</a></li>` : null,
    requests ? html`<li><a href="${visit.href('/office/requests')}">${t.requests}</a></li>` : null,
  ].filter((q) => q !== null);
  const queue = queues.length > 0 ? html`<ul>${queues}</ul>` : html`<p>${t.emptyQueue}</p>`;
  for (const role of member.roles.filter((r) => r.startsWith('clerk:'))) parts.push(section(`${t.clerk}: ${role.slice('clerk:'.length)}`, queue));
  if (applications && has('admin')) parts.push(section(t.applications, html`<p><a href="${visit.href('/office/applications')}">${t.applicationsAll}</a></p>`));
  if (requests && has('admin')) parts.push(section(t.requests, html`<p><a href="${visit.href('/office/requests')}">${t.requestsAll}</a></p>`));
  return frame(
    visit,
    t.title,
    html`<h1>${t.title}</h1><p class="lead">${member.name} · ${member.roles.join(', ')}</p>${parts.length === 0 ? html`<p>${t.noRoles}</p>` : html`<p>${t.homeLead}</p>${parts}`}${logoutForm(visit, token)}`,
  );
};

export const auditPageView = (visit: Visit, entries: readonly AuditEntry[], page: number, more: boolean): Page => {
  const t = officeText(visit).office;
  const nav = html`<nav aria-label="${t.audit}"><ul class="pager">${page > 1 ? html`<li><a href="${visit.href(`/office/audit?page=${page - 1}`)}">${t.newer}</a></li>` : ''}${
    more ? html`<li><a href="${visit.href(`/office/audit?page=${page + 1}`)}">${t.older}</a></li>` : ''
  }</ul></nav>`;
  const rows = entries.map(
    (e) => html`<tr><td><time datetime="${e.at.toISOString()}">${e.at.toISOString().replace('T', ' ').slice(0, 19)}</time></td><td>${e.actor}</td><td>${e.action}${
      Object.keys(e.detail).length > 0 ? html` <span class="hint">${JSON.stringify(e.detail)}</span>` : ''
    }</td><td>${e.subject ?? (e.staffId ? `staff:${e.staffId}` : '')}</td></tr>`,
  );
  return frame(
    visit,
    t.audit,
    html`<h1>${t.audit}</h1>${
      entries.length === 0
        ? html`<p>${t.noEntries}</p>`
        : html`<table><thead><tr><th scope="col">${t.when}</th><th scope="col">${t.who}</th><th scope="col">${t.what}</th><th scope="col">${t.whom}</th></tr></thead><tbody>${rows}</tbody></table>`
    }${nav}`,
  );
};

export const staffListPage = (visit: Visit, members: readonly StaffMember[]): Page => {
  const t = officeText(visit).office;
  return frame(
    visit,
    t.staffList,
    html`<h1>${t.staffList}</h1><p>${t.staffHint}</p><table><thead><tr><th scope="col">${t.email}</th><th scope="col">${t.name}</th><th scope="col">${t.roles}</th><th scope="col">${t.state}</th></tr></thead><tbody>${members.map(
      (m) => html`<tr><td>${m.email}</td><td>${m.name}</td><td>${m.roles.join(', ')}</td><td>${m.disabled ? t.disabled : m.hasPassword ? t.active : t.noPassword}</td></tr>`,
    )}</tbody></table>`,
  );
};
