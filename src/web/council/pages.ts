// The council's public pages (issue 20): the bodies with their upcoming and past sessions (/council/), a
// session with its agenda, current item, attendance, each vote as recorded, the stream link and the minutes
// (/council/sessions/<id>, live), a member's attendance and every vote they cast (/council/members/<id>), an
// item's documents, summary, votes and decision with its ΑΔΑ on Diavgeia (/council/items/<session>-<n>).
// Read models only. A session's live parts are drawn here once, for the page and for its script alike.
import type { ItemDocument, Tally, VoteOption } from '../../domain/index.ts';
import type { CouncilBodyView, ItemPage, ItemView, MemberPage, SessionDetail, SessionSummary, VoteView } from '../../projections/council/index.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import type { Html } from '../shared/html.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import type { StaticFile } from '../shared/staticFiles.ts';
import type { CouncilWords } from './messages.ts';
import { councilText } from './messages.ts';

export const COUNCIL_SCRIPT: StaticFile = 'council.js';
export const DIAVGEIA_DECISION = 'https://diavgeia.gov.gr/decision/view/';

/** An item's address: its session and its number, `<session>-<n>`. */
export const itemPath = (sessionId: string, number: number): string => `/council/items/${sessionId}-${number}`;
// A session's id is the office's UUID, or what an imported Popolo file or the fixtures named it
// («ds-2026-10-24»): letters, digits and . _ : - — an item's is its session's, a hyphen and its number.
export const SESSION_ID = /^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,79}$/u;
export const ITEM_ID = /^([\p{L}\p{N}][\p{L}\p{N}._:-]{0,79})-([1-9][0-9]{0,3})$/u;
/** A stored document's id: always a UUID. */
export const DOCUMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const crumbs = (visit: Visit) => [{ label: councilText(visit).title, path: '/council/' }];
const bodyName = (visit: Visit, s: { readonly bodyName: string; readonly bodyNameEn: string }): string => (visit.lang === 'el' ? s.bodyName : s.bodyNameEn);
const when = (iso: string): Html => html`<time datetime="${iso}">${formatDateTime(iso)}</time>`;
const documentLink = (visit: Visit, d: ItemDocument): Html => html`<a href="${visit.href(`/council/documents/${d.documentId}`)}" type="application/pdf">${d.name}</a> <span class="hint">(PDF, ${Math.max(1, Math.round(d.bytes / 1024))} KB)</span>`;
const tallyText = (t: CouncilWords, tally: Tally): string => t.tally(tally);
const optionText = (t: CouncilWords, option: VoteOption): string => t.options[option];

const sessionLine = (visit: Visit, s: SessionSummary): Html => {
  const t = councilText(visit);
  return html`<li><a href="${visit.href(`/council/sessions/${s.id}`)}">${bodyName(visit, s)} · ${when(s.startsAt)}</a> · ${t.kinds[s.kind]} · ${t.status[s.status]}</li>`;
};

export const councilHomePage = (visit: Visit, view: { readonly bodies: readonly CouncilBodyView[]; readonly upcoming: readonly SessionSummary[]; readonly past: readonly SessionSummary[] }): Page => {
  const t = councilText(visit);
  const list = (sessions: readonly SessionSummary[], none: string, id: string) => (sessions.length === 0 ? html`<p>${none}</p>` : html`<ul id="${id}">${sessions.map((s) => sessionLine(visit, s))}</ul>`);
  return {
    title: t.title,
    section: 'council',
    crumbs: [],
    description: t.lead,
    main: html`<h1>${t.title}</h1><p class="lead">${t.lead}</p>
<section><h2>${t.bodies}</h2>${view.bodies.length === 0 ? html`<p>${t.noBodies}</p>` : html`<ul id="council-bodies">${view.bodies.map((b) => html`<li>${visit.lang === 'el' ? b.name : b.nameEn} <span class="hint">${t.classifications[b.classification]}</span></li>`)}</ul>`}</section>
<section><h2>${t.upcoming}</h2>${list(view.upcoming, t.noUpcoming, 'upcoming-sessions')}<p><a href="/council/sessions.ics">${t.ical}</a></p></section>
<section><h2>${t.past}</h2>${list(view.past, t.noPast, 'past-sessions')}</section>`,
  };
};

const voteRows = (visit: Visit, votes: readonly VoteView[]): Html => {
  const t = councilText(visit);
  return html`${votes.map(
    (v) => html`<tr data-person="${v.personId}" data-vote="${v.option}"><td><a href="${visit.href(`/council/members/${v.personId}`)}">${v.name}</a></td><td>${v.factionName ?? t.noFaction}</td><td>${optionText(t, v.option)}${
      v.option !== v.castOption ? html` <span class="hint">(${t.corrected(optionText(t, v.castOption), v.correctionReason ?? '')})</span>` : ''
    }</td></tr>`,
  )}`;
};

const votesTable = (visit: Visit, votes: readonly VoteView[]): Html => {
  const t = councilText(visit);
  if (votes.length === 0) return html`<p class="hint">${t.noVotes}</p>`;
  return html`<div class="table-scroll"><table><thead><tr><th scope="col">${t.member}</th><th scope="col">${t.faction}</th><th scope="col">${t.vote}</th></tr></thead><tbody>${voteRows(visit, votes)}</tbody></table></div>`;
};

const resultText = (visit: Visit, item: ItemView): Html => {
  const t = councilText(visit);
  if (item.result === null || item.tally === null) return html``;
  const decision = item.decisionNumber !== null && item.decisionYear !== null ? ` · ${t.decision(item.decisionNumber, item.decisionYear)}` : '';
  return html`<p data-result="${item.result}"><strong>${t.results[item.result]}</strong> (${tallyText(t, item.tally)})${decision}${item.resultCorrected ? html` <span class="hint">${t.resultCorrected}</span>` : ''}${
    item.ada ? html` · ΑΔΑ <a href="${DIAVGEIA_DECISION}${item.ada}">${item.ada}</a>` : ''
  }</p>`;
};

const itemBlock = (visit: Visit, detail: SessionDetail, item: ItemView): Html => {
  const t = councilText(visit);
  const votes = detail.votes.filter((v) => v.item === item.number);
  const current = detail.session.currentItem === item.number && detail.session.closedAt === null;
  return html`<article class="council-item" id="item-${item.number}" data-item="${item.number}"${current ? html` data-current` : ''}><h3><a href="${visit.href(itemPath(item.sessionId, item.number))}">${item.number}. ${item.title}</a>${
    item.urgent ? html` <strong class="badge">${t.urgent}</strong>` : ''
  }${current ? html` <strong class="badge">${t.current}</strong>` : ''}</h3>
<p>${t.rapporteur}: ${item.rapporteur ?? '—'} · ${t.majority}: ${t.majorities[item.majority]}</p>
${item.documents.length > 0 ? html`<ul>${item.documents.map((d) => html`<li>${documentLink(visit, d)}</li>`)}</ul>` : ''}
${resultText(visit, item)}${votes.length > 0 ? votesTable(visit, votes) : ''}</article>`;
};

/** The parts of a session's page its script replaces: drawn from the read model as the page is. */
export const sessionParts = (visit: Visit, detail: SessionDetail): Readonly<Record<'status' | 'current' | 'attendance' | 'agenda', Html>> => {
  const t = councilText(visit);
  const present = detail.members.filter((m) => m.present);
  return {
    status: html`${t.status[detail.session.status]}`,
    current: detail.currentItem && detail.session.closedAt === null ? html`<p><strong>${t.current}:</strong> <a href="#item-${detail.currentItem.number}">${detail.currentItem.number}. ${detail.currentItem.title}</a></p>` : html`<p>${t.noCurrent}</p>`,
    attendance: html`<p>${t.presentCount(present.length, detail.members.length)}</p><ul>${detail.members.map(
      (m) => html`<li data-person="${m.personId}" data-present="${m.present ? 'yes' : 'no'}"><a href="${visit.href(`/council/members/${m.personId}`)}">${m.name}</a> · ${m.present ? t.present : t.absent}</li>`,
    )}</ul>`,
    agenda: html`${detail.items.map((item) => itemBlock(visit, detail, item))}`,
  };
};

export const sessionPage = (visit: Visit, detail: SessionDetail): Page => {
  const t = councilText(visit);
  const s = detail.session;
  const title = `${bodyName(visit, s)} · ${formatDateTime(s.startsAt)}`;
  const parts = sessionParts(visit, detail);
  const part = (name: keyof typeof parts, role = '') => html`<div data-live-part="${name}"${role ? html` aria-live="polite"` : ''}>${parts[name]}</div>`;
  return {
    title,
    section: 'council',
    crumbs: crumbs(visit),
    description: t.sessionDescription(bodyName(visit, s), formatDate(s.startsAtLocal.slice(0, 10))),
    main: html`<h1>${title}</h1>
<section data-live-council="${visit.href(`/council/sessions/${s.id}/live`)}">
<p class="lead">${t.kinds[s.kind]} · ${s.remote ? t.remote : ''}${s.remote && s.place ? ' · ' : ''}${s.place ?? ''} · <span data-live-part="status">${parts.status}</span></p>
<p class="live-indicator" data-live-indicator data-on="${t.liveOn}" data-off="${t.liveOff}" hidden></p>
${s.streamUrl ? html`<p><a href="${s.streamUrl}" rel="noopener">${t.stream}</a></p>` : ''}
${s.minutes ? html`<p>${t.minutes}: ${documentLink(visit, s.minutes)}</p>` : ''}
<h2>${t.current}</h2>${part('current', 'polite')}
<h2>${t.attendance}</h2>${part('attendance')}
<h2>${t.agenda}</h2>${part('agenda')}
</section>`,
    scripts: [COUNCIL_SCRIPT],
  };
};

export const memberPage = (visit: Visit, member: MemberPage): Page => {
  const t = councilText(visit);
  const held = member.attendance.filter((a) => a.attended).length;
  return {
    title: member.name,
    section: 'council',
    crumbs: crumbs(visit),
    description: t.memberDescription(member.name),
    main: html`<h1>${member.name}</h1>
<section><h2>${t.terms}</h2><ul>${member.terms.map(
      (term) => html`<li>${visit.lang === 'el' ? term.bodyName : term.bodyNameEn} · ${term.factionName ?? t.noFaction} · ${formatDate(term.startDate)} – ${term.endDate ? formatDate(term.endDate) : '…'}</li>`,
    )}</ul>${member.posts.length > 0 ? html`<ul>${member.posts.map((p) => html`<li>${t.roles[p.role]} · ${formatDate(p.startDate)} – ${p.endDate ? formatDate(p.endDate) : '…'}</li>`)}</ul>` : ''}</section>
<section><h2>${t.attendance}</h2><p id="member-attendance">${t.attended(held, member.attendance.length)}</p>${
      member.attendance.length > 0
        ? html`<ul>${member.attendance.map((a) => html`<li><a href="${visit.href(`/council/sessions/${a.sessionId}`)}">${a.bodyName} · ${when(a.startsAt)}</a> · ${a.attended ? t.present : t.absent}</li>`)}</ul>`
        : ''
    }</section>
<section><h2>${t.votesCast}</h2>${
      member.votes.length === 0
        ? html`<p>${t.noVotes}</p>`
        : html`<div class="table-scroll"><table id="member-votes"><thead><tr><th scope="col">${t.session}</th><th scope="col">${t.item}</th><th scope="col">${t.vote}</th><th scope="col">${t.result}</th></tr></thead><tbody>${member.votes.map(
            (v) => html`<tr data-vote="${v.option}"><td><a href="${visit.href(`/council/sessions/${v.sessionId}`)}">${when(v.startsAt)}</a></td><td><a href="${visit.href(itemPath(v.sessionId, v.item))}">${v.item}. ${v.title}</a></td><td>${optionText(t, v.option)}${
              v.option !== v.castOption ? html` <span class="hint">(${t.corrected(optionText(t, v.castOption), v.correctionReason ?? '')})</span>` : ''
            }</td><td>${v.result ? t.results[v.result] : '—'}${v.decisionNumber !== null && v.decisionYear !== null ? ` · ${t.decision(v.decisionNumber, v.decisionYear)}` : ''}</td></tr>`,
          )}</tbody></table></div>`
    }</section>`,
  };
};

export const itemPageView = (visit: Visit, page: ItemPage): Page => {
  const t = councilText(visit);
  const { item, session } = page;
  const title = `${item.number}. ${item.title}`;
  return {
    title,
    section: 'council',
    crumbs: [...crumbs(visit), { label: `${bodyName(visit, session)} · ${formatDateTime(session.startsAt)}`, path: `/council/sessions/${session.id}` }],
    description: t.itemDescription(item.title),
    main: html`<h1>${title}</h1><p class="lead"><a href="${visit.href(`/council/sessions/${session.id}`)}">${bodyName(visit, session)} · ${when(session.startsAt)}</a> · ${t.rapporteur}: ${item.rapporteur ?? '—'} · ${t.majority}: ${t.majorities[item.majority]}${
      item.urgent ? html` · <strong class="badge">${t.urgent}</strong>${item.admissionTally ? ` (${tallyText(t, item.admissionTally)})` : ''}` : ''
    }</p>
<section><h2>${t.documents}</h2>${item.documents.length === 0 ? html`<p>${t.noDocuments}</p>` : html`<ul>${item.documents.map((d) => html`<li>${documentLink(visit, d)}</li>`)}</ul>`}</section>
${item.summary ? html`<section><h2>${t.summary}</h2><p>${item.summary}</p></section>` : ''}
<section><h2>${t.decisionTitle}</h2>${item.result === null ? html`<p>${t.notDecided}</p>` : resultText(visit, item)}${item.result !== null && item.ada === null ? html`<p class="hint">${t.noAda}</p>` : ''}</section>
<section><h2>${t.votes}</h2>${votesTable(visit, page.votes)}${page.absent.length > 0 ? html`<p>${t.absentList}: ${page.absent.map((m) => m.name).join(', ')}</p>` : ''}</section>`,
  };
};
