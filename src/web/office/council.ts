// The council's secretariat in the back office (Γραμματεία, `secretary`): the bodies and their members
// (terms, factions, posts), convening a session with its agenda and εισηγήσεις, and during it attendance, the
// current item, each member's vote, urgent items, the result with its decision number, the ΑΔΑ, corrections.
// The pages are drawn from the streams the decider reads (src/api/council/stream.ts), so the secretary sees
// exactly what the next command is decided on. Plain forms that work without JavaScript; the vote page's
// script (static/council-office.js) only saves a reload.
import type { Body, ItemState, Majority, PostRole, Session, SessionKind, Term, VoteOption } from '../../domain/index.ts';
import { membersInOffice, quorumOf } from '../../domain/index.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import type { Html } from '../shared/html.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import type { StaticFile } from '../shared/staticFiles.ts';

export const SESSION_KINDS: readonly SessionKind[] = ['regular', 'extraordinary', 'special', 'circulation'];
export const MAJORITIES: readonly Majority[] = ['simple', 'absolute', 'qualified'];
export const VOTE_OPTIONS: readonly VoteOption[] = ['for', 'against', 'blank', 'present'];
export const POST_ROLES: readonly PostRole[] = ['chair', 'vice-chair', 'secretary'];
/** Rows of the convening form's agenda; a longer agenda is convened with these and grows by urgent items. */
export const AGENDA_ROWS = 15;

export const COUNCIL_OFFICE_SCRIPT: StaticFile = 'council-office.js';

const words = {
  el: {
    office: 'Γραφείο',
    title: 'Συνεδριάσεις οργάνων',
    lead: 'Τα όργανα του Δήμου, τα μέλη τους και οι συνεδριάσεις τους. Ό,τι καταχωρίζεται εδώ δημοσιεύεται αμέσως στο /council/.',
    bodies: 'Όργανα',
    noBodies: 'Δεν υπάρχει όργανο ακόμη.',
    sessions: 'Συνεδριάσεις',
    noSessions: 'Καμία συνεδρίαση ακόμη.',
    establish: 'Νέο όργανο',
    bodyId: 'Κωδικός (λατινικά, π.χ. council)',
    name: 'Όνομα',
    nameEn: 'Όνομα στα αγγλικά',
    classification: 'Είδος',
    classifications: { council: 'Δημοτικό Συμβούλιο', committee: 'Δημοτική Επιτροπή', community: 'Τοπική Κοινότητα' },
    parent: 'Ανήκει στο όργανο (κωδικός, προαιρετικά)',
    save: 'Καταχώριση',
    members: 'Μέλη',
    noMembers: 'Κανένα μέλος ακόμη.',
    member: 'Μέλος',
    faction: 'Παράταξη',
    noFaction: 'Ανεξάρτητος/η',
    factions: 'Παρατάξεις',
    factionId: 'Κωδικός παράταξης',
    formFaction: 'Νέα παράταξη',
    term: 'Θητεία',
    from: 'Από',
    until: 'Έως',
    addMember: 'Νέο μέλος',
    personId: 'Κωδικός προσώπου (λατινικά, π.χ. papadopoulos-g)',
    endTerm: 'Λήξη θητείας',
    changeFaction: 'Αλλαγή παράταξης',
    day: 'Ημερομηνία',
    posts: 'Αξιώματα',
    roles: { chair: 'Πρόεδρος', 'vice-chair': 'Αντιπρόεδρος', secretary: 'Γραμματέας' },
    assignPost: 'Ανάθεση αξιώματος',
    vacatePost: 'Κένωση αξιώματος',
    vacant: 'κενό',
    role: 'Αξίωμα',
    convene: 'Σύγκληση συνεδρίασης (πρόσκληση)',
    date: 'Ημερομηνία',
    time: 'Ώρα',
    place: 'Τόπος',
    remote: 'Με τηλεδιάσκεψη',
    kind: 'Είδος',
    kinds: { regular: 'Τακτική', extraordinary: 'Έκτακτη', special: 'Ειδική', circulation: 'Δια περιφοράς' },
    streamUrl: 'Σύνδεσμος μετάδοσης (https://…)',
    agenda: 'Ημερήσια διάταξη',
    agendaHint: 'Ένα θέμα ανά γραμμή· οι κενές γραμμές παραλείπονται και τα θέματα αριθμούνται με τη σειρά.',
    itemTitle: 'Θέμα',
    rapporteur: 'Εισηγητής/τρια',
    majority: 'Πλειοψηφία',
    majorities: { simple: 'Απλή', absolute: 'Απόλυτη', qualified: 'Αυξημένη (2/3)' },
    number: 'Α/Α',
    session: 'Συνεδρίαση',
    closed: 'Έληξε',
    open: 'Σε εξέλιξη ή προσεχής',
    attendance: 'Παρουσίες',
    quorum: (present: number, needed: number, inOffice: number) => `Παρόντες ${present} από ${inOffice} μέλη· απαρτία με ${needed}.`,
    present: 'Παρών/ούσα',
    absent: 'Απών/ούσα',
    arrived: 'Προσήλθε',
    departed: 'Αποχώρησε',
    current: 'Συζητείται τώρα',
    take: 'Έναρξη συζήτησης',
    urgent: 'Κατεπείγον',
    documents: 'Έγγραφα',
    document: 'Εισήγηση (PDF, έως 20 MB)',
    documentName: 'Τίτλος εγγράφου',
    attach: 'Επισύναψη',
    votes: 'Ψηφοφορία',
    options: { for: 'Υπέρ', against: 'Κατά', blank: 'Λευκό', present: 'Παρών' },
    notVoted: 'δεν ψήφισε',
    recordVotes: 'Καταχώριση ψήφων',
    votesHint: 'Ψηφίζουν μόνο τα παρόντα μέλη· όσοι δεν ψηφίσουν μετρώνται απόντες. Μια ψήφος που άλλαξε καταχωρίζεται ως διόρθωση.',
    result: 'Αποτέλεσμα',
    summary: 'Περίληψη συζήτησης (προαιρετικά)',
    resolve: 'Καταχώριση αποτελέσματος',
    results: { passed: 'Εγκρίθηκε', failed: 'Απορρίφθηκε' },
    tally: (t: { for: number; against: number; blank: number; present: number; absent: number }) =>
      `υπέρ ${t.for}, κατά ${t.against}, λευκά ${t.blank}, παρών ${t.present}, απόντες ${t.absent}`,
    decision: (n: number, y: number) => `Απόφαση ${n}/${y}`,
    ada: 'ΑΔΑ',
    postAda: 'Καταχώριση ΑΔΑ',
    correct: 'Διόρθωση ψήφου',
    reason: 'Αιτιολογία',
    admitUrgent: 'Κατεπείγον θέμα (εκτός ημερήσιας διάταξης)',
    admitHint: 'Εισάγεται αν ψηφίσει υπέρ η απόλυτη πλειοψηφία των μελών.',
    admit: 'Ψηφοφορία για το κατεπείγον',
    close: 'Λήξη συνεδρίασης',
    minutes: 'Πρακτικά (PDF)',
    publishMinutes: 'Δημοσίευση πρακτικών',
    publicPage: 'Η δημόσια σελίδα',
    notFound: 'Δεν βρέθηκε',
    notFoundText: 'Δεν υπάρχει τέτοιο όργανο ή συνεδρίαση.',
    back: 'Πίσω',
    refused: 'Δεν έγινε καμία αλλαγή:',
    saved: 'Καταχωρίστηκε.',
    online: 'Τηλεδιάσκεψη',
    offline: 'Η ψήφος δεν στάλθηκε (χωρίς σύνδεση)· δοκιμάστε ξανά ή πατήστε «Καταχώριση ψήφων». / Not sent (offline).',
  },
  en: {
    office: 'Back office',
    title: 'Council and committee sessions',
    lead: 'The municipality’s bodies, their members and their sessions. What is recorded here is published at once at /council/.',
    bodies: 'Bodies',
    noBodies: 'No body yet.',
    sessions: 'Sessions',
    noSessions: 'No session yet.',
    establish: 'New body',
    bodyId: 'Id (Latin letters, e.g. council)',
    name: 'Name',
    nameEn: 'Name in English',
    classification: 'Kind',
    classifications: { council: 'Municipal Council', committee: 'Municipal Committee', community: 'Local Community' },
    parent: 'Part of the body (id, optional)',
    save: 'Record',
    members: 'Members',
    noMembers: 'No member yet.',
    member: 'Member',
    faction: 'Faction',
    noFaction: 'Independent',
    factions: 'Factions',
    factionId: 'Faction id',
    formFaction: 'New faction',
    term: 'Term',
    from: 'From',
    until: 'Until',
    addMember: 'New member',
    personId: 'Person id (Latin letters, e.g. papadopoulos-g)',
    endTerm: 'End of term',
    changeFaction: 'Change of faction',
    day: 'Date',
    posts: 'Posts',
    roles: { chair: 'Chair', 'vice-chair': 'Vice-chair', secretary: 'Secretary' },
    assignPost: 'Assign a post',
    vacatePost: 'Vacate a post',
    vacant: 'vacant',
    role: 'Post',
    convene: 'Convene a session (notice)',
    date: 'Date',
    time: 'Time',
    place: 'Place',
    remote: 'By video conference',
    kind: 'Kind',
    kinds: { regular: 'Regular', extraordinary: 'Extraordinary', special: 'Special', circulation: 'By circulation' },
    streamUrl: 'Stream link (https://…)',
    agenda: 'Agenda',
    agendaHint: 'One item a row; empty rows are left out and the items are numbered in order.',
    itemTitle: 'Item',
    rapporteur: 'Rapporteur',
    majority: 'Majority',
    majorities: { simple: 'Simple', absolute: 'Absolute', qualified: 'Qualified (2/3)' },
    number: 'No.',
    session: 'Session',
    closed: 'Closed',
    open: 'Under way or upcoming',
    attendance: 'Attendance',
    quorum: (present: number, needed: number, inOffice: number) => `${present} of ${inOffice} members present; quorum is ${needed}.`,
    present: 'Present',
    absent: 'Absent',
    arrived: 'Arrived',
    departed: 'Departed',
    current: 'Under discussion',
    take: 'Start discussion',
    urgent: 'Urgent',
    documents: 'Documents',
    document: 'Report (PDF, up to 20 MB)',
    documentName: 'Document title',
    attach: 'Attach',
    votes: 'Vote',
    options: { for: 'For', against: 'Against', blank: 'Blank', present: 'Present' },
    notVoted: 'has not voted',
    recordVotes: 'Record the votes',
    votesHint: 'Only members present vote; those who do not are counted absent. A changed vote is recorded as a correction.',
    result: 'Result',
    summary: 'Summary of the discussion (optional)',
    resolve: 'Record the result',
    results: { passed: 'Passed', failed: 'Failed' },
    tally: (t: { for: number; against: number; blank: number; present: number; absent: number }) =>
      `${t.for} for, ${t.against} against, ${t.blank} blank, ${t.present} present, ${t.absent} absent`,
    decision: (n: number, y: number) => `Decision ${n}/${y}`,
    ada: 'ΑΔΑ (Diavgeia)',
    postAda: 'Record the ΑΔΑ',
    correct: 'Correct a vote',
    reason: 'Reason',
    admitUrgent: 'Urgent item (not on the agenda)',
    admitHint: 'Admitted when an absolute majority of the members votes for it.',
    admit: 'Vote on the urgent item',
    close: 'Close the session',
    minutes: 'Minutes (PDF)',
    publishMinutes: 'Publish the minutes',
    publicPage: 'The public page',
    notFound: 'Not found',
    notFoundText: 'There is no such body or session.',
    back: 'Back',
    refused: 'Nothing was changed:',
    saved: 'Recorded.',
    online: 'Video conference',
    offline: 'The vote was not sent (offline); try again or press «Record the votes». / Δεν στάλθηκε.',
  },
} as const;

type Words = (typeof words)['el'] | (typeof words)['en'];
export const councilOfficeText = (visit: Visit): Words => words[visit.lang];

/** A refusal of the decider, in both languages (Greek first), beside the form it answers. */
export interface Refusal {
  readonly form: string;
  readonly el: string;
  readonly en: string;
}

export interface Notices {
  readonly done?: boolean;
  readonly refusal?: Refusal;
}

export interface BodyListEntry {
  readonly bodyId: string;
  readonly name: string;
}

export interface SessionListEntry {
  readonly sessionId: string;
  readonly bodyName: string;
  readonly startsAt: string;
  readonly kind: SessionKind;
}

const csrf = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;

const frame = (visit: Visit, title: string, main: Html, crumbs: Page['crumbs'], status = 200, scripts: readonly StaticFile[] = []): Page => ({
  title,
  section: null,
  crumbs: [{ label: words[visit.lang].office, path: '/office/' }, ...crumbs],
  main,
  status,
  ...(scripts.length > 0 ? { scripts } : {}),
});

const officeCrumb = (visit: Visit) => ({ label: words[visit.lang].title, path: '/office/council' });

// The refusal's heading follows the page; the decider's text is given in both languages, Greek first.
const refusalFor = (visit: Visit, notices: Notices, form: string): Html =>
  notices.refusal?.form === form
    ? html`<p class="error" role="alert" data-refusal="${form}"><strong>${words[visit.lang].refused}</strong> <span lang="el">${notices.refusal.el}</span> · <span lang="en">${notices.refusal.en}</span></p>`
    : html``;

const doneNotice = (visit: Visit, notices: Notices): Html => (notices.done ? html`<p class="notice" role="status">${words[visit.lang].saved}</p>` : html``);

const options = <K extends string>(values: readonly K[], names: Readonly<Record<K, string>>, chosen: string | null = null): Html[] =>
  values.map((v) => html`<option value="${v}"${v === chosen ? html` selected` : ''}>${names[v]}</option>`);

const field = (id: string, label: string, control: Html): Html => html`<div class="field"><label for="${id}">${label}</label>${control}</div>`;

const form = (visit: Visit, token: string, action: string, legend: string, body: Html, button: string, extra: Html = html``): Html =>
  html`<form method="post" action="${visit.href(action)}"${extra}><fieldset><legend>${legend}</legend>${csrf(token)}${body}<div class="form-actions"><button class="button" type="submit">${button}</button></div></fieldset></form>`;

export const councilNotFoundPage = (visit: Visit): Page => {
  const t = words[visit.lang];
  return frame(visit, t.notFound, html`<h1>${t.notFound}</h1><p>${t.notFoundText}</p><p><a href="${visit.href('/office/council')}">${t.title}</a></p>`, [officeCrumb(visit)], 404);
};

export const councilHomePage = (visit: Visit, view: { readonly csrfToken: string; readonly bodies: readonly BodyListEntry[]; readonly sessions: readonly SessionListEntry[]; readonly notices: Notices }, status = 200): Page => {
  const t = words[visit.lang];
  const { csrfToken: token, notices } = view;
  const establish = form(
    visit,
    token,
    '/office/council/bodies',
    t.establish,
    html`${refusalFor(visit, notices, 'establish')}${field('bodyId', t.bodyId, html`<input id="bodyId" name="bodyId" required maxlength="60" pattern="[a-z0-9]+(-[a-z0-9]+)*">`)}${field('name', t.name, html`<input id="name" name="name" required maxlength="200">`)}${field(
      'nameEn',
      t.nameEn,
      html`<input id="nameEn" name="nameEn" required maxlength="200">`,
    )}${field('classification', t.classification, html`<select id="classification" name="classification">${options(['council', 'committee', 'community'] as const, t.classifications)}</select>`)}${field(
      'parentId',
      t.parent,
      html`<input id="parentId" name="parentId" maxlength="60">`,
    )}`,
    t.save,
  );
  return frame(
    visit,
    t.title,
    html`<h1>${t.title}</h1><p class="lead">${t.lead}</p>${doneNotice(visit, notices)}
<section><h2>${t.bodies}</h2>${
      view.bodies.length === 0 ? html`<p>${t.noBodies}</p>` : html`<ul id="council-bodies">${view.bodies.map((b) => html`<li><a href="${visit.href(`/office/council/bodies/${b.bodyId}`)}">${b.name}</a></li>`)}</ul>`
    }</section>
<section><h2>${t.sessions}</h2>${
      view.sessions.length === 0
        ? html`<p>${t.noSessions}</p>`
        : html`<ul id="council-sessions">${view.sessions.map(
            (s) => html`<li><a href="${visit.href(`/office/council/sessions/${s.sessionId}`)}">${s.bodyName} · <time datetime="${s.startsAt}">${formatDateTime(s.startsAt)}</time> · ${t.kinds[s.kind]}</a></li>`,
          )}</ul>`
    }</section>
${establish}`,
    [],
    status,
  );
};

const termText = (t: Words, term: Term): string => `${formatDate(term.startDate)} – ${term.endDate ? formatDate(term.endDate) : '…'}`;

export interface BodyView {
  readonly csrfToken: string;
  readonly bodyId: string;
  readonly body: Body;
  readonly today: string;
  readonly notices: Notices;
}

export const councilBodyPage = (visit: Visit, view: BodyView, status = 200): Page => {
  const t = words[visit.lang];
  const { body, bodyId, csrfToken: token, notices, today } = view;
  const base = `/office/council/bodies/${bodyId}`;
  const factionName = (id: string | null) => (id === null ? t.noFaction : (body.factions.get(id) ?? id));
  const current = body.terms.filter((term) => term.endDate === null);
  const memberOptions = current.map((m) => html`<option value="${m.personId}">${m.name}</option>`);
  const factionOptions = html`<option value="">${t.noFaction}</option>${[...body.factions].map(([id, name]) => html`<option value="${id}">${name}</option>`)}`;
  const dayField = (id: string) => field(id, t.day, html`<input id="${id}" name="date" type="date" required value="${today}">`);
  const roleOf = (personId: string) => [...body.posts].filter(([, holder]) => holder.personId === personId).map(([role]) => t.roles[role]);
  const members = body.terms.length === 0
    ? html`<p>${t.noMembers}</p>`
    : html`<div class="table-scroll"><table id="council-members"><thead><tr><th scope="col">${t.member}</th><th scope="col">${t.faction}</th><th scope="col">${t.term}</th><th scope="col">${t.posts}</th></tr></thead><tbody>${body.terms.map(
        (m) => html`<tr data-person="${m.personId}"><td>${m.name} <span class="hint">${m.personId}</span></td><td>${factionName(m.factionId)}</td><td>${termText(t, m)}</td><td>${m.endDate === null ? roleOf(m.personId).join(', ') : ''}</td></tr>`,
      )}</tbody></table></div>`;
  const posts = html`<ul id="council-posts">${POST_ROLES.map((role) => {
    const holder = body.posts.get(role);
    return html`<li>${t.roles[role]}: ${holder ? `${body.terms.find((m) => m.personId === holder.personId)?.name ?? holder.personId} (${formatDate(holder.startDate)})` : t.vacant}</li>`;
  })}</ul>`;
  const forms = html`
${form(visit, token, `${base}/members`, t.addMember, html`${refusalFor(visit, notices, 'members')}${field('personId', t.personId, html`<input id="personId" name="personId" required maxlength="60">`)}${field('memberName', t.name, html`<input id="memberName" name="name" required maxlength="200">`)}${field('factionId', t.faction, html`<select id="factionId" name="factionId">${factionOptions}</select>`)}${dayField('memberDate')}`, t.save)}
${current.length > 0 ? form(visit, token, `${base}/leave`, t.endTerm, html`${refusalFor(visit, notices, 'leave')}${field('leavePerson', t.member, html`<select id="leavePerson" name="personId">${memberOptions}</select>`)}${dayField('leaveDate')}`, t.save) : ''}
${current.length > 0 ? form(visit, token, `${base}/faction`, t.changeFaction, html`${refusalFor(visit, notices, 'faction')}${field('changePerson', t.member, html`<select id="changePerson" name="personId">${memberOptions}</select>`)}${field('changeFaction', t.faction, html`<select id="changeFaction" name="factionId">${factionOptions}</select>`)}${dayField('changeDate')}`, t.save) : ''}
${current.length > 0 ? form(visit, token, `${base}/posts`, t.assignPost, html`${refusalFor(visit, notices, 'posts')}${field('postRole', t.role, html`<select id="postRole" name="role">${options(POST_ROLES, t.roles)}</select>`)}${field('postPerson', t.member, html`<select id="postPerson" name="personId">${memberOptions}</select>`)}${dayField('postDate')}`, t.save) : ''}
${body.posts.size > 0 ? form(visit, token, `${base}/vacate`, t.vacatePost, html`${refusalFor(visit, notices, 'vacate')}${field('vacateRole', t.role, html`<select id="vacateRole" name="role">${options(POST_ROLES.filter((r) => body.posts.has(r)), t.roles)}</select>`)}${dayField('vacateDate')}`, t.save) : ''}
${form(visit, token, `${base}/factions`, t.formFaction, html`${refusalFor(visit, notices, 'factions')}${field('newFactionId', t.factionId, html`<input id="newFactionId" name="factionId" required maxlength="60">`)}${field('factionName', t.name, html`<input id="factionName" name="name" required maxlength="200">`)}`, t.save)}`;
  const agendaRows = Array.from({ length: AGENDA_ROWS }, (_, i) => {
    const n = i + 1;
    return html`<tr><th scope="row">${n}</th><td><input aria-label="${t.itemTitle} ${n}" name="title${n}" maxlength="1000"></td><td><input aria-label="${t.rapporteur} ${n}" name="rapporteur${n}" maxlength="200"></td><td><select aria-label="${t.majority} ${n}" name="majority${n}">${options(MAJORITIES, t.majorities)}</select></td></tr>`;
  });
  const convene = form(
    visit,
    token,
    `${base}/sessions`,
    t.convene,
    html`${refusalFor(visit, notices, 'convene')}${field('sessionDate', t.date, html`<input id="sessionDate" name="date" type="date" required value="${today}">`)}${field('sessionTime', t.time, html`<input id="sessionTime" name="time" type="time" required value="18:00">`)}${field(
      'sessionKind',
      t.kind,
      html`<select id="sessionKind" name="kind">${options(SESSION_KINDS, t.kinds)}</select>`,
    )}${field('sessionPlace', t.place, html`<input id="sessionPlace" name="place" maxlength="300">`)}<div class="field"><input type="checkbox" id="sessionRemote" name="remote" value="1"> <label for="sessionRemote">${t.remote}</label></div>${field(
      'streamUrl',
      t.streamUrl,
      html`<input id="streamUrl" name="streamUrl" type="url" maxlength="500">`,
    )}<p class="hint">${t.agendaHint}</p><div class="table-scroll"><table id="agenda-rows"><caption>${t.agenda}</caption><thead><tr><th scope="col">${t.number}</th><th scope="col">${t.itemTitle}</th><th scope="col">${t.rapporteur}</th><th scope="col">${t.majority}</th></tr></thead><tbody>${agendaRows}</tbody></table></div>`,
    t.save,
  );
  return frame(
    visit,
    body.name,
    html`<h1>${body.name}</h1><p class="lead">${body.classification ? t.classifications[body.classification] : ''} · <a href="${visit.href(`/council/`)}">${t.publicPage}</a></p>${doneNotice(visit, notices)}
<section><h2>${t.members}</h2>${members}</section>
<section><h2>${t.posts}</h2>${posts}</section>
<section><h2>${t.factions}</h2><ul>${[...body.factions].map(([id, name]) => html`<li>${name} <span class="hint">${id}</span></li>`)}</ul></section>
${convene}
${forms}`,
    [officeCrumb(visit)],
    status,
  );
};

export interface SessionView {
  readonly csrfToken: string;
  readonly sessionId: string;
  readonly session: Session;
  readonly body: Body;
  readonly notices: Notices;
}

const tallyText = (t: Words, state: ItemState): string => (state.resolved ? `${t.results[state.resolved.result]} (${t.tally(state.resolved.tally)}) · ${t.decision(state.resolved.decisionNumber, state.resolved.decisionYear)}` : '');

export const councilSessionPage = (visit: Visit, view: SessionView, status = 200): Page => {
  const t = words[visit.lang];
  const { session, body, csrfToken: token, notices, sessionId } = view;
  const notice = session.convened!;
  const base = `/office/council/sessions/${sessionId}`;
  const inOffice = membersInOffice(body, notice.startsAt.slice(0, 10));
  const present = inOffice.filter((m) => session.present.has(m.personId));
  const open = !session.closed;
  const nameOf = (personId: string) => inOffice.find((m) => m.personId === personId)?.name ?? personId;

  const attendance = html`<p id="quorum">${t.quorum(present.length, quorumOf(inOffice.length), inOffice.length)}</p>${refusalFor(visit, notices, 'attendance')}<div class="table-scroll"><table id="attendance"><thead><tr><th scope="col">${t.member}</th><th scope="col">${t.attendance}</th><th scope="col"></th></tr></thead><tbody>${inOffice.map((m) => {
    const here = session.present.has(m.personId);
    const action = here ? 'depart' : 'arrive';
    return html`<tr data-person="${m.personId}" data-present="${here ? 'yes' : 'no'}"><td>${m.name}</td><td>${here ? t.present : t.absent}</td><td>${
      open
        ? html`<form method="post" action="${visit.href(`${base}/${action}`)}">${csrf(token)}<input type="hidden" name="personId" value="${m.personId}"><button class="button secondary" type="submit">${here ? t.departed : t.arrived}</button></form>`
        : ''
    }</td></tr>`;
  })}</tbody></table></div>`;

  const votesForm = (number: number, state: ItemState): Html => {
    const rows = present.map((m) => {
      const cast = state.votes.get(m.personId);
      if (cast !== undefined) return html`<tr data-person="${m.personId}"><th scope="row">${m.name}</th><td colspan="4" data-vote="${cast}">${t.options[cast]}</td></tr>`;
      return html`<tr data-person="${m.personId}"><th scope="row">${m.name}</th>${VOTE_OPTIONS.map(
        (o) => html`<td><input type="radio" name="vote:${m.personId}" value="${o}" id="v${number}-${m.personId}-${o}" aria-label="${m.name}: ${t.options[o]}"></td>`,
      )}</tr>`;
    });
    return html`<form method="post" action="${visit.href(`${base}/votes`)}" data-council-votes="${number}" data-offline="${t.offline}">${csrf(token)}<input type="hidden" name="item" value="${number}"><fieldset><legend>${t.votes}</legend><p class="hint">${t.votesHint}</p>${refusalFor(visit, notices, `votes-${number}`)}<p role="status" data-vote-status></p><table><thead><tr><th scope="col">${t.member}</th>${VOTE_OPTIONS.map((o) => html`<th scope="col">${t.options[o]}</th>`)}</tr></thead><tbody>${rows}</tbody></table><div class="form-actions"><button class="button" type="submit">${t.recordVotes}</button></div></fieldset></form>`;
  };

  const item = ([number, state]: [number, ItemState]): Html => {
    const isCurrent = session.currentItem === number;
    const votes = [...state.votes].map(([personId, option]) => html`<li data-person="${personId}" data-vote="${option}">${nameOf(personId)}: ${t.options[option]}</li>`);
    const parts: Html[] = [];
    if (open && !isCurrent && state.resolved === null) parts.push(html`<form method="post" action="${visit.href(`${base}/take`)}">${csrf(token)}<input type="hidden" name="item" value="${number}"><button class="button secondary" type="submit">${t.take}</button></form>`);
    parts.push(
      html`<form method="post" action="${visit.href(`${base}/documents`)}" enctype="multipart/form-data">${csrf(token)}<input type="hidden" name="item" value="${number}"><fieldset><legend>${t.documents}</legend>${refusalFor(visit, notices, `documents-${number}`)}${field(`docName${number}`, t.documentName, html`<input id="docName${number}" name="name" maxlength="200">`)}${field(
        `doc${number}`,
        t.document,
        html`<input id="doc${number}" name="document" type="file" accept="application/pdf" required>`,
      )}<div class="form-actions"><button class="button secondary" type="submit">${t.attach}</button></div></fieldset></form>`,
    );
    if (open && state.resolved === null) {
      parts.push(votesForm(number, state));
      parts.push(form(visit, token, `${base}/resolve`, t.result, html`${refusalFor(visit, notices, `resolve-${number}`)}<input type="hidden" name="item" value="${number}">${field(`summary${number}`, t.summary, html`<textarea id="summary${number}" name="summary" rows="3" maxlength="8000"></textarea>`)}`, t.resolve));
    }
    if (state.resolved !== null && state.ada === null)
      parts.push(form(visit, token, `${base}/ada`, t.postAda, html`${refusalFor(visit, notices, `ada-${number}`)}<input type="hidden" name="item" value="${number}">${field(`ada${number}`, t.ada, html`<input id="ada${number}" name="ada" required maxlength="40">`)}`, t.save));
    if (state.votes.size > 0)
      parts.push(
        form(
          visit,
          token,
          `${base}/correct`,
          t.correct,
          html`${refusalFor(visit, notices, `correct-${number}`)}<input type="hidden" name="item" value="${number}">${field(`cp${number}`, t.member, html`<select id="cp${number}" name="personId">${[...state.votes.keys()].map((p) => html`<option value="${p}">${nameOf(p)}</option>`)}</select>`)}${field(
            `co${number}`,
            t.votes,
            html`<select id="co${number}" name="option">${options(VOTE_OPTIONS, t.options)}</select>`,
          )}${field(`cr${number}`, t.reason, html`<input id="cr${number}" name="reason" required maxlength="1000">`)}`,
          t.save,
        ),
      );
    return html`<article class="council-item" id="item-${number}" data-item="${number}"${isCurrent ? html` data-current` : ''}><h3>${number}. ${state.item.title}${state.urgent ? html` <strong class="badge">${t.urgent}</strong>` : ''}${isCurrent ? html` <strong class="badge">${t.current}</strong>` : ''}</h3>
<p>${t.rapporteur}: ${state.item.rapporteur ?? '—'} · ${t.majority}: ${t.majorities[state.item.majority]}</p>
${state.documents.length > 0 ? html`<ul>${state.documents.map((d) => html`<li><a href="${visit.href(`/council/documents/${d.documentId}`)}">${d.name}</a></li>`)}</ul>` : ''}
${state.resolved ? html`<p data-result="${state.resolved.result}"><strong>${tallyText(t, state)}</strong>${state.ada ? html` · ${t.ada}: <a href="https://diavgeia.gov.gr/decision/view/${state.ada}">${state.ada}</a>` : ''}</p>` : ''}
${votes.length > 0 ? html`<ul class="council-votes">${votes}</ul>` : ''}
${parts}</article>`;
  };

  const urgent = open
    ? form(
        visit,
        token,
        `${base}/urgent`,
        t.admitUrgent,
        html`<p class="hint">${t.admitHint}</p>${refusalFor(visit, notices, 'urgent')}${field('urgentTitle', t.itemTitle, html`<input id="urgentTitle" name="title" required maxlength="1000">`)}${field('urgentRapporteur', t.rapporteur, html`<input id="urgentRapporteur" name="rapporteur" maxlength="200">`)}${field(
          'urgentMajority',
          t.majority,
          html`<select id="urgentMajority" name="majority">${options(MAJORITIES, t.majorities)}</select>`,
        )}<table><thead><tr><th scope="col">${t.member}</th>${VOTE_OPTIONS.map((o) => html`<th scope="col">${t.options[o]}</th>`)}</tr></thead><tbody>${present.map(
          (m) => html`<tr><th scope="row">${m.name}</th>${VOTE_OPTIONS.map((o) => html`<td><input type="radio" name="vote:${m.personId}" value="${o}" aria-label="${m.name}: ${t.options[o]}"></td>`)}</tr>`,
        )}</tbody></table>`,
        t.admit,
      )
    : html``;
  const closing = open
    ? form(visit, token, `${base}/close`, t.close, refusalFor(visit, notices, 'close'), t.close)
    : html`<form method="post" action="${visit.href(`${base}/minutes`)}" enctype="multipart/form-data">${csrf(token)}<fieldset><legend>${t.publishMinutes}</legend>${refusalFor(visit, notices, 'minutes')}${field('minutes', t.minutes, html`<input id="minutes" name="document" type="file" accept="application/pdf" required>`)}<div class="form-actions"><button class="button" type="submit">${t.publishMinutes}</button></div></fieldset></form>`;
  const title = `${body.name} · ${formatDateTime(notice.startsAt)}`;
  return frame(
    visit,
    title,
    html`<h1>${title}</h1><p class="lead">${t.kinds[notice.kind]} · ${notice.remote ? t.online : ''}${notice.place ?? ''}${notice.streamUrl ? html` · <a href="${notice.streamUrl}">${t.streamUrl.replace(/ \(.*\)$/, '')}</a>` : ''} · ${session.closed ? t.closed : t.open} · <a href="${visit.href(`/council/sessions/${sessionId}`)}">${t.publicPage}</a></p>${doneNotice(visit, notices)}${refusalFor(visit, notices, 'session')}
<section><h2>${t.attendance}</h2>${attendance}</section>
<section><h2>${t.agenda}</h2>${[...session.items].map(item)}</section>
${urgent}
${closing}`,
    [officeCrumb(visit), { label: body.name, path: `/office/council/bodies/${notice.bodyId}` }],
    status,
    [COUNCIL_OFFICE_SCRIPT],
  );
};
