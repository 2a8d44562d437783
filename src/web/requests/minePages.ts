// The reporter's pages: «Τα αιτήματά μου / My requests» (live while one is open, by polling its JSON, with no
// inline script), one request of theirs with the reopening button within 30 days of a fix, and the confirm
// form that the `fixed` e-mail's link opens for a reporter without an account.
import type { Bilingual, RequestStage, RequestType } from '../../domain/index.ts';
import { OPEN_STAGES, REOPEN_DAYS, REQUEST_STAGES } from '../../domain/index.ts';
import type { PublicRequest } from '../../projections/requests/index.ts';
import { STAGE_NAMES } from '../../projections/requests/index.ts';
import { formatDateTime } from '../shared/format.ts';
import type { Html } from '../shared/html.ts';
import { attr, html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';

const words = {
  el: {
    my: 'Ο λογαριασμός μου',
    title: 'Τα αιτήματά μου',
    description: 'Τα προβλήματα που αναφέρατε στον Δήμο και η πορεία τους.',
    loginLead: 'Συνδεθείτε με τους κωδικούς TaxisNet για να δείτε τα αιτήματά σας.',
    login: 'Σύνδεση με TaxisNet',
    none: 'Δεν έχετε κάνει ακόμη κάποια αναφορά.',
    newOne: 'Αναφορά προβλήματος',
    caption: 'Οι αναφορές σας, η νεότερη πρώτη',
    columns: ['Αίτημα', 'Υποβλήθηκε', 'Στάδιο', 'Τελευταία αλλαγή'],
    live: 'Η σελίδα ενημερώνεται μόνη της όσο κάποιο αίτημα είναι ανοιχτό.',
    publicPage: 'Η δημόσια σελίδα του αιτήματος',
    stage: 'Στάδιο',
    notes: 'Σημείωση της υπηρεσίας',
    reopen: 'Δεν αποκαταστάθηκε; Ξανανοίξτε το',
    reopenLead: (until: string) => `Αν το πρόβλημα παραμένει, μπορείτε να ξανανοίξετε το αίτημα έως τις ${until} (${REOPEN_DAYS} ημέρες από την αποκατάσταση).`,
    reason: 'Τι δεν διορθώθηκε (προαιρετικά, δημόσιο)',
    reopenButton: 'Επανάνοιγμα του αιτήματος',
    reopened: 'Το αίτημα ξανάνοιξε· η υπηρεσία θα το εξετάσει ξανά.',
    linkTitle: 'Επανάνοιγμα αιτήματος',
    linkInvalid: 'Ο σύνδεσμος δεν είναι έγκυρος.',
    notReopenable: 'Το αίτημα δεν μπορεί πια να ξανανοίξει.',
    back: 'Τα αιτήματά μου',
  },
  en: {
    my: 'My account',
    title: 'My requests',
    description: 'The problems you reported to the municipality and their progress.',
    loginLead: 'Log in with your TaxisNet credentials to see your requests.',
    login: 'Log in with TaxisNet',
    none: 'You have not reported anything yet.',
    newOne: 'Report a problem',
    caption: 'Your reports, the newest first',
    columns: ['Request', 'Submitted', 'Stage', 'Last change'],
    live: 'The page updates itself while a request is open.',
    publicPage: 'The request’s public page',
    stage: 'Stage',
    notes: 'The service’s note',
    reopen: 'Not fixed? Reopen it',
    reopenLead: (until: string) => `If the problem remains, you can reopen the request until ${until} (${REOPEN_DAYS} days after the fix).`,
    reason: 'What was not fixed (optional, public)',
    reopenButton: 'Reopen the request',
    reopened: 'The request was reopened; the service will look at it again.',
    linkTitle: 'Reopen a request',
    linkInvalid: 'The link is not valid.',
    notReopenable: 'The request can no longer be reopened.',
    back: 'My requests',
  },
};

const stageName = (visit: Visit, stage: RequestStage): string => STAGE_NAMES[stage][visit.lang];
const nameOf = (types: readonly RequestType[], code: string): Bilingual => types.find((t) => t.code === code)?.name ?? { el: code, en: code };
const crumbs = (visit: Visit) => [{ label: words[visit.lang].my, path: '/my/' }];

/** Until when a fixed request can be reopened; null when it cannot (not fixed, or the window has passed). */
export const reopenUntil = (r: PublicRequest, now: Date): Date | null => {
  if (r.stage !== 'fixed' || r.fixedAt === null) return null;
  const until = new Date(Date.parse(r.fixedAt) + REOPEN_DAYS * 86_400_000);
  return until.getTime() >= now.getTime() ? until : null;
};

export const loginPage = (visit: Visit, next: string): Page => {
  const t = words[visit.lang];
  return {
    title: t.title,
    section: null,
    crumbs: crumbs(visit),
    status: 401,
    main: html`<h1>${t.title}</h1><p class="lead">${t.loginLead}</p><p><a class="button" href="${`/auth/taxisnet?next=${encodeURIComponent(next)}`}">${t.login}</a></p>`,
  };
};

export const myRequestsPage = (visit: Visit, requests: readonly PublicRequest[], types: readonly RequestType[]): Page => {
  const t = words[visit.lang];
  const anyOpen = requests.some((r) => OPEN_STAGES.includes(r.stage));
  const stages = Object.fromEntries(Object.entries(STAGE_NAMES).map(([s, n]) => [s, n[visit.lang]]));
  const rows = requests.map(
    (r) => html`<tr data-id="${r.id}" data-state="${r.stage}"><th scope="row"><a href="${visit.href(`/my/requests/${r.id}`)}">${nameOf(types, r.serviceCode)[visit.lang]}</a></th>
<td>${formatDateTime(r.requestedAt)}</td><td data-state-text>${stageName(visit, r.stage)}</td><td data-updated>${formatDateTime(r.updatedAt)}</td></tr>`,
  );
  return {
    title: t.title,
    description: t.description,
    section: null,
    crumbs: crumbs(visit),
    scripts: ['live-list.js'],
    main: html`<h1>${t.title}</h1>
<p><a href="${visit.href('/requests/new')}">${t.newOne}</a></p>
${
  requests.length === 0
    ? html`<p class="lead">${t.none}</p>`
    : html`<div class="table-scroll"><table class="data" id="my-requests"${attr('data-poll', anyOpen ? `/api/my/requests${visit.lang === 'en' ? '?lang=en' : ''}` : null)} data-list="requests" data-field="stage" data-words="${JSON.stringify(stages)}" data-final="${JSON.stringify(REQUEST_STAGES.filter((s) => !OPEN_STAGES.includes(s)))}">
<caption>${t.caption}</caption>
<thead><tr>${t.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table></div>
${anyOpen ? html`<p class="hint">${t.live}</p>` : ''}
<p class="visually-hidden" aria-live="polite" data-announcer></p>`
}`,
  };
};

const reopenForm = (visit: Visit, action: string, csrf: string, until: Date, hidden: Html = html``): Html => {
  const t = words[visit.lang];
  return html`<section><h2>${t.reopen}</h2><p>${t.reopenLead(formatDateTime(until.toISOString()))}</p>
<form method="post" action="${visit.href(action)}"><input type="hidden" name="_csrf" value="${csrf}">${hidden}
<div class="field"><label for="reason">${t.reason}</label><textarea id="reason" name="reason" rows="3" maxlength="4000"></textarea></div>
<div class="form-actions"><button class="button" type="submit">${t.reopenButton}</button></div></form></section>`;
};

export interface MyRequestView {
  readonly request: PublicRequest;
  readonly types: readonly RequestType[];
  readonly csrfToken: string;
  readonly now: Date;
  readonly reopened?: boolean;
  readonly error?: string;
}

export const myRequestPage = (visit: Visit, view: MyRequestView, status = 200): Page => {
  const t = words[visit.lang];
  const r = view.request;
  const title = nameOf(view.types, r.serviceCode)[visit.lang];
  const until = reopenUntil(r, view.now);
  return {
    title,
    section: null,
    crumbs: [...crumbs(visit), { label: t.title, path: '/my/requests' }],
    status,
    main: html`<h1>${title}</h1>${view.reopened ? html`<p class="notice" role="status">${t.reopened}</p>` : ''}${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}
<dl><dt>${t.columns[1]}</dt><dd>${formatDateTime(r.requestedAt)}</dd><dt>${t.stage}</dt><dd id="stage">${stageName(visit, r.stage)}</dd>${r.statusNotes ? html`<dt>${t.notes}</dt><dd>${r.statusNotes}</dd>` : ''}</dl>
<p><a href="${visit.href(`/requests/${r.id}`)}">${t.publicPage}</a></p>
${until ? reopenForm(visit, `/my/requests/${r.id}/reopen`, view.csrfToken, until) : ''}
<p><a href="${visit.href('/my/requests')}">${t.back}</a></p>`,
  };
};

export interface ReopenLinkView {
  readonly request: PublicRequest | null;
  readonly types: readonly RequestType[];
  readonly token: string;
  readonly csrfToken: string;
  readonly now: Date;
  readonly reopened?: boolean;
  readonly error?: string;
}

/** The `fixed` e-mail's link: the confirm form while the window is open, what happened otherwise. */
export const reopenLinkPage = (visit: Visit, view: ReopenLinkView, status = 200): Page => {
  const t = words[visit.lang];
  const r = view.request;
  const frame = (main: Html, code = status): Page => ({ title: t.linkTitle, section: null, crumbs: [], status: code, main: html`<h1>${t.linkTitle}</h1>${main}` });
  if (r === null) return frame(html`<p class="error" role="alert">${t.linkInvalid}</p>`, 404);
  const public_ = html`<p><a href="${visit.href(`/requests/${r.id}`)}">${t.publicPage}</a></p>`;
  if (view.reopened) return frame(html`<p class="notice" role="status">${t.reopened}</p>${public_}`);
  const until = reopenUntil(r, view.now);
  const head = html`<p class="lead">${nameOf(view.types, r.serviceCode)[visit.lang]} · ${stageName(visit, r.stage)}</p>${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}`;
  if (until === null) return frame(html`${head}<p>${view.error ? '' : t.notReopenable}</p>${public_}`, view.error ? status : 409);
  return frame(html`${head}${reopenForm(visit, `/requests/${r.id}/reopen`, view.csrfToken, until, html`<input type="hidden" name="token" value="${view.token}">`)}${public_}`);
};
