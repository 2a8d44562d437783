// Applications in the back office (αιτήσεις): the departments' queues and the case page of one application,
// for clerks of the deciding department (`clerk:<department>`) and administrators. The applicant's name is
// personal data: every page that shows names records who looked at whom, as the people search does.
import type { ApplicationsServices } from '../../api/applications/index.ts';
import { mayHandle } from '../../api/applications/index.ts';
import { athensDateOf } from '../../api/debts/index.ts';
import type { StaffMember } from '../../api/shared/staff/index.ts';
import { listStaff, recordLookup } from '../../api/shared/staff/index.ts';
import type { ApplicationStatus, RevocationReason, ServiceDefinition } from '../../domain/index.ts';
import { CLOSED_STATUSES, DomainError, REVOCATION_REASONS, workingDaysBetween } from '../../domain/index.ts';
import type { ApplicationRecord, ApplicationStep } from '../../projections/applications/index.ts';
import { applicationOf, departmentQueue, DOCUMENTS, stepsOf } from '../../projections/applications/index.ts';
import { citizenRecord } from '../../projections/identity/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { Html } from '../shared/html.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';

type Status = Exclude<ApplicationStatus, 'none'>;
const STATUSES: readonly Status[] = ['submitted', 'fee-requested', 'assigned', 'information-requested', 'approved', 'rejected', 'issued', 'withdrawn'];
export const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

/** The departments whose applications the member handles; null for an administrator (all of them). */
export const departmentsOf = (member: StaffMember): readonly string[] | null =>
  member.roles.includes('admin') ? null : member.roles.filter((r) => r.startsWith('clerk:')).map((r) => r.slice('clerk:'.length));

/** The queues are for administrators and the departments' clerks. */
export const mayUseQueues = (member: StaffMember): boolean => departmentsOf(member)?.length !== 0;

/** An application is assigned within its department: to a clerk of it, enabled. */
export const isColleague = async (services: ApplicationsServices, applicationId: string, staffId: string): Promise<boolean> => {
  const application = await applicationOf(services.client, services.schema, applicationId, null);
  if (application === null) return false;
  return (await listStaff(services)).some((m) => m.staffId === staffId && !m.disabled && m.roles.includes(`clerk:${application.department}` as StaffMember['roles'][number]));
};

export const notColleague = (): DomainError =>
  new DomainError('OD_OFFICE_NOT_COLLEAGUE', 'Επιλέξτε μέλος του τμήματος της αίτησης', 'Choose a member of the application’s department', 'to', 400);

export const staffActorOf = (member: StaffMember) => ({ staffId: member.staffId, roles: member.roles });

const words = {
  el: {
    office: 'Γραφείο',
    title: 'Αιτήσεις',
    lead: 'Οι αιτήσεις των πολιτών προς τα τμήματά σας, με την πλησιέστερη προθεσμία πρώτη. Οι προθεσμίες μετρούν εργάσιμες ημέρες.',
    columns: ['Υπηρεσία', 'Υποβλήθηκε', 'Αιτών', 'Κατάσταση', 'Χρεωμένη σε', 'Προθεσμία', 'Τέλος'],
    none: 'Καμία αίτηση με αυτά τα κριτήρια.',
    filter: 'Φίλτρα',
    status: 'Κατάσταση',
    open: 'Ανοιχτές',
    department: 'Τμήμα',
    all: 'Όλα',
    mine: 'Μόνο όσες έχουν χρεωθεί σε εμένα',
    overdueOnly: 'Μόνο εκπρόθεσμες',
    show: 'Εμφάνιση',
    overdue: 'εκπρόθεσμη',
    daysLeft: (n: number) => (n === 1 ? 'απομένει 1 εργάσιμη' : `απομένουν ${n} εργάσιμες`),
    daysLate: (n: number) => (n === 1 ? '1 εργάσιμη καθυστέρηση' : `${n} εργάσιμες καθυστέρηση`),
    nobody: '—',
    noFee: 'χωρίς τέλος',
    feePaid: (amount: string) => `πληρώθηκε (${amount} €)`,
    feeUnpaid: (amount: string) => `απλήρωτο (${amount} €)`,
    statuses: {
      submitted: 'Υποβλήθηκε',
      'fee-requested': 'Αναμένει το τέλος',
      assigned: 'Σε εξέταση',
      'information-requested': 'Ζητήθηκαν στοιχεία',
      approved: 'Εγκρίθηκε',
      rejected: 'Απορρίφθηκε',
      issued: 'Εκδόθηκε',
      withdrawn: 'Ανακλήθηκε από τον αιτούντα',
    } satisfies Record<Status, string>,
    fields: 'Στοιχεία της αίτησης',
    attachments: 'Συνημμένα',
    noAttachments: 'Κανένα συνημμένο.',
    download: 'Λήψη',
    timeline: 'Ιστορικό',
    steps: {
      submitted: 'Υποβολή',
      'fee-requested': 'Ζητήθηκε τέλος',
      'fee-paid': 'Πληρώθηκε το τέλος',
      assigned: 'Χρέωση σε υπάλληλο',
      'information-requested': 'Ζητήθηκαν στοιχεία',
      'information-provided': 'Ο αιτών απάντησε',
      approved: 'Έγκριση',
      rejected: 'Απόρριψη',
      issued: 'Έκδοση εγγράφου',
      withdrawn: 'Ανάκληση από τον αιτούντα',
    } as Record<string, string>,
    applicantActor: 'ο αιτών',
    systemActor: 'το σύστημα',
    ruleActor: 'αυτόματος κανόνας',
    dueOn: 'Προθεσμία',
    assignedTo: 'Χρεωμένη σε',
    question: 'Ερώτηση προς τον αιτούντα',
    reason: 'Αιτιολογία',
    document: 'Έγγραφο',
    protocol: 'Αριθμός πρωτοκόλλου',
    code: 'Κωδικός επαλήθευσης',
    valid: 'σε ισχύ',
    revoked: 'ανακλήθηκε',
    actions: 'Ενέργειες',
    assignMe: 'Χρέωση σε εμένα',
    assignTo: 'Χρέωση σε άλλο μέλος του τμήματος',
    assign: 'Χρέωση',
    ask: 'Ζητήστε συμπληρωματικά στοιχεία',
    askButton: 'Αποστολή ερώτησης',
    approve: 'Έγκριση και έκδοση εγγράφου',
    reject: 'Απόρριψη',
    rejectReason: 'Αιτιολογία απόρριψης (υποχρεωτική)',
    revoke: 'Ανάκληση του εγγράφου',
    revokeReason: 'Λόγος ανάκλησης',
    revocationReasons: { 'issued-in-error': 'Εκδόθηκε εκ παραδρομής', superseded: 'Αντικαταστάθηκε από νεότερο', 'withdrawn-by-decision': 'Ανακλήθηκε με απόφαση' } satisfies Record<RevocationReason, string>,
    done: { assigned: 'Η αίτηση χρεώθηκε.', asked: 'Η ερώτηση στάλθηκε στον αιτούντα.', rejected: 'Η αίτηση απορρίφθηκε.', revoked: 'Το έγγραφο ανακλήθηκε.' },
    issuedNotice: (protocol: string) => `Η αίτηση εγκρίθηκε και το έγγραφο εκδόθηκε με αριθμό πρωτοκόλλου ${protocol}.`,
    back: 'Πίσω στην αίτηση',
    queue: 'Ουρά αιτήσεων',
    notFoundTitle: 'Δεν βρέθηκε',
    notFound: 'Δεν υπάρχει τέτοια αίτηση.',
  },
  en: {
    office: 'Office',
    title: 'Applications',
    lead: 'Citizens’ applications to your departments, the nearest deadline first. Deadlines count working days.',
    columns: ['Service', 'Submitted', 'Applicant', 'Status', 'Assigned to', 'Due', 'Fee'],
    none: 'No application matches.',
    filter: 'Filters',
    status: 'Status',
    open: 'Open',
    department: 'Department',
    all: 'All',
    mine: 'Only those assigned to me',
    overdueOnly: 'Only overdue',
    show: 'Show',
    overdue: 'overdue',
    daysLeft: (n: number) => (n === 1 ? '1 working day left' : `${n} working days left`),
    daysLate: (n: number) => (n === 1 ? '1 working day late' : `${n} working days late`),
    nobody: '—',
    noFee: 'no fee',
    feePaid: (amount: string) => `paid (€${amount})`,
    feeUnpaid: (amount: string) => `unpaid (€${amount})`,
    statuses: {
      submitted: 'Submitted',
      'fee-requested': 'Awaiting the fee',
      assigned: 'Being examined',
      'information-requested': 'Information requested',
      approved: 'Approved',
      rejected: 'Rejected',
      issued: 'Issued',
      withdrawn: 'Withdrawn by the applicant',
    } satisfies Record<Status, string>,
    fields: 'The application’s details',
    attachments: 'Attachments',
    noAttachments: 'No attachment.',
    download: 'Download',
    timeline: 'Timeline',
    steps: {
      submitted: 'Submitted',
      'fee-requested': 'Fee requested',
      'fee-paid': 'Fee paid',
      assigned: 'Assigned',
      'information-requested': 'Information requested',
      'information-provided': 'The applicant answered',
      approved: 'Approved',
      rejected: 'Rejected',
      issued: 'Document issued',
      withdrawn: 'Withdrawn by the applicant',
    } as Record<string, string>,
    applicantActor: 'the applicant',
    systemActor: 'the system',
    ruleActor: 'automatic rule',
    dueOn: 'Due',
    assignedTo: 'Assigned to',
    question: 'Question to the applicant',
    reason: 'Reason',
    document: 'Document',
    protocol: 'Protocol number',
    code: 'Verification code',
    valid: 'valid',
    revoked: 'revoked',
    actions: 'Actions',
    assignMe: 'Assign to me',
    assignTo: 'Assign to another member of the department',
    assign: 'Assign',
    ask: 'Ask for more information',
    askButton: 'Send the question',
    approve: 'Approve and issue the document',
    reject: 'Reject',
    rejectReason: 'Reason for rejection (required)',
    revoke: 'Revoke the document',
    revokeReason: 'Reason for revocation',
    revocationReasons: { 'issued-in-error': 'Issued in error', superseded: 'Superseded by a newer one', 'withdrawn-by-decision': 'Withdrawn by decision' } satisfies Record<RevocationReason, string>,
    done: { assigned: 'The application was assigned.', asked: 'The question was sent to the applicant.', rejected: 'The application was rejected.', revoked: 'The document was revoked.' },
    issuedNotice: (protocol: string) => `The application was approved and the document issued with protocol number ${protocol}.`,
    back: 'Back to the application',
    queue: 'Applications queue',
    notFoundTitle: 'Not found',
    notFound: 'There is no such application.',
  },
};

export type Done = keyof (typeof words)['el']['done'];
export const DONE: readonly Done[] = ['assigned', 'asked', 'rejected', 'revoked'];

type Words = (typeof words)['el'] | (typeof words)['en'];

const crumbs = [{ label: '', path: '/office/' }];
const frame = (visit: Visit, title: string, main: Html, status = 200, queue = false): Page => ({
  title,
  section: null,
  crumbs: [{ ...crumbs[0]!, label: words[visit.lang].office }, ...(queue ? [{ label: words[visit.lang].title, path: '/office/applications' }] : [])],
  main,
  status,
});

/** What the office shows of each application beside the read model: names, the deadline in working days. */
export interface QueueRow {
  readonly application: ApplicationRecord;
  readonly applicant: string;
  readonly assignedTo: string | null;
  readonly overdue: boolean;
  /** Working days from today to the due date, negative when late; null once the application is closed. */
  readonly daysLeft: number | null;
}

export interface QueueFilter {
  readonly status: Status | null;
  readonly department: string | null;
  readonly mine: boolean;
  readonly overdue: boolean;
}

const isOpen = (status: Status): boolean => !CLOSED_STATUSES.includes(status);

/** The applicant's name as the citizens' read model has it (a company's name is its surname column). */
const applicantName = async (services: ApplicationsServices, subjectId: string): Promise<string> => {
  const person = await citizenRecord(services.client, services.schema, subjectId);
  return person === null ? '—' : `${person.lastName} ${person.firstName}`.trim();
};

const staffNames = async (services: ApplicationsServices): Promise<Map<string, string>> => new Map((await listStaff(services)).map((m) => [m.staffId, m.name]));

const rowOf = (services: ApplicationsServices, today: string, names: Map<string, string>, applicant: string, a: ApplicationRecord): QueueRow => {
  const open = isOpen(a.status);
  return {
    application: a,
    applicant,
    assignedTo: a.assignedTo === null ? null : (names.get(a.assignedTo) ?? a.assignedTo),
    overdue: open && a.dueOn < today,
    daysLeft: open ? workingDaysBetween(today, a.dueOn, services.localHolidays ?? []) : null,
  };
};

/** The member's queue with the filters; each applicant shown is recorded in the audit trail. */
export const loadQueue = async (services: ApplicationsServices, member: StaffMember, filter: QueueFilter): Promise<QueueRow[]> => {
  const mine = departmentsOf(member);
  const departments = mine === null ? (filter.department === null ? null : [filter.department]) : filter.department === null ? mine : mine.filter((d) => d === filter.department);
  const found = (await departmentQueue(services.client, services.schema, departments, filter.status)).filter((a) => !filter.mine || a.assignedTo === member.staffId);
  const now = services.now?.() ?? new Date();
  const today = athensDateOf(now);
  const names = await staffNames(services);
  const applicants = new Map<string, string>();
  for (const a of found) if (!applicants.has(a.subjectId)) applicants.set(a.subjectId, await applicantName(services, a.subjectId));
  const rows = found.map((a) => rowOf(services, today, names, applicants.get(a.subjectId)!, a)).filter((r) => !filter.overdue || r.overdue);
  for (const subject of new Set(rows.map((r) => r.application.subjectId))) await recordLookup(services.client, services.schema, { staffId: member.staffId, subject, what: 'applications queue', at: now });
  return rows;
};

export interface CaseView {
  readonly row: QueueRow;
  readonly service: ServiceDefinition | null;
  readonly steps: readonly ApplicationStep[];
  readonly names: ReadonlyMap<string, string>;
  /** Members of the department, for the assignment's choice. */
  readonly colleagues: readonly { readonly staffId: string; readonly name: string }[];
  readonly documentStatus: 'valid' | 'revoked' | null;
}

/** One application for a member who may handle its department; null otherwise (as if it did not exist). */
export const loadCase = async (services: ApplicationsServices, member: StaffMember, id: string): Promise<CaseView | null> => {
  const application = await applicationOf(services.client, services.schema, id, null);
  if (application === null || !mayHandle(staffActorOf(member), application.department)) return null;
  const now = services.now?.() ?? new Date();
  const staff = await listStaff(services);
  const names = new Map(staff.map((m) => [m.staffId, m.name]));
  const row = rowOf(services, athensDateOf(now), names, await applicantName(services, application.subjectId), application);
  const [document] =
    application.document === null
      ? []
      : await services.client.query<{ status: 'valid' | 'revoked' }>(`SELECT status FROM ${table(services.schema, DOCUMENTS)} WHERE document_id = $1`, [application.document.documentId]);
  await recordLookup(services.client, services.schema, { staffId: member.staffId, subject: application.subjectId, what: `application ${id}`, at: now });
  return {
    row,
    service: services.catalogue.find((s) => s.code === application.service) ?? null,
    steps: await stepsOf(services.client, services.schema, id),
    names,
    colleagues: staff.filter((m) => !m.disabled && m.roles.includes(`clerk:${application.department}` as StaffMember['roles'][number])).map((m) => ({ staffId: m.staffId, name: m.name })),
    documentStatus: document?.status ?? null,
  };
};

const serviceTitle = (visit: Visit, catalogue: readonly ServiceDefinition[], code: string): string => catalogue.find((s) => s.code === code)?.title[visit.lang] ?? code;
const dateOf = (iso: string): string => iso.replace('T', ' ').slice(0, 16);

const feeText = (t: Words, fee: ApplicationRecord['fee']): string => (fee === null ? t.noFee : fee.paid ? t.feePaid(fee.amount) : t.feeUnpaid(fee.amount));

const dueCell = (t: Words, row: QueueRow): Html =>
  html`<time datetime="${row.application.dueOn}">${row.application.dueOn}</time>${row.overdue ? html` <strong class="badge overdue">${t.overdue}</strong>` : ''}${
    row.daysLeft === null ? '' : html`<br><span class="hint">${row.daysLeft >= 0 ? t.daysLeft(row.daysLeft) : t.daysLate(-row.daysLeft)}</span>`
  }`;

const checked = (on: boolean): Html => (on ? html` checked` : html``);
const selected = (on: boolean): Html => (on ? html` selected` : html``);

export const queuePage = (visit: Visit, catalogue: readonly ServiceDefinition[], member: StaffMember, filter: QueueFilter, rows: readonly QueueRow[]): Page => {
  const t = words[visit.lang];
  const own = departmentsOf(member);
  const departments = own ?? [...new Set(catalogue.map((s) => s.department))].sort();
  const row = (r: QueueRow) => {
    const a = r.application;
    return html`<tr${r.overdue ? html` class="overdue"` : ''}><td><a href="${visit.href(`/office/applications/${a.id}`)}">${serviceTitle(visit, catalogue, a.service)}</a></td><td><time datetime="${a.submittedAt}">${dateOf(a.submittedAt)}</time></td><td>${r.applicant}</td><td>${t.statuses[a.status]}</td><td>${r.assignedTo ?? t.nobody}</td><td>${dueCell(t, r)}</td><td>${feeText(t, a.fee)}</td></tr>`;
  };
  return frame(
    visit,
    t.title,
    html`<h1>${t.title}</h1><p class="lead">${t.lead}</p>
<form method="get" action="${visit.href('/office/applications')}"><fieldset><legend>${t.filter}</legend>
<div class="field"><label for="status">${t.status}</label><select id="status" name="status"><option value="">${t.open}</option>${STATUSES.map((s) => html`<option value="${s}"${selected(filter.status === s)}>${t.statuses[s]}</option>`)}</select></div>
${departments.length > 1 ? html`<div class="field"><label for="department">${t.department}</label><select id="department" name="department"><option value="">${t.all}</option>${departments.map((d) => html`<option value="${d}"${selected(filter.department === d)}>${d}</option>`)}</select></div>` : ''}
<div class="field"><input type="checkbox" id="mine" name="mine" value="1"${checked(filter.mine)}> <label for="mine">${t.mine}</label></div>
<div class="field"><input type="checkbox" id="overdue" name="overdue" value="1"${checked(filter.overdue)}> <label for="overdue">${t.overdueOnly}</label></div>
<div class="form-actions"><button class="button" type="submit">${t.show}</button></div></fieldset></form>
${
  rows.length === 0
    ? html`<p>${t.none}</p>`
    : html`<table><thead><tr>${t.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${rows.map(row)}</tbody></table>`
}`,
  );
};

const actorName = (t: Words, names: ReadonlyMap<string, string>, step: ApplicationStep): string => {
  if (step.actor === null) return step.kind === 'submitted' || step.kind === 'information-provided' || step.kind === 'withdrawn' ? t.applicantActor : t.systemActor;
  if (step.actor.startsWith('staff:')) return names.get(step.actor.slice('staff:'.length)) ?? step.actor;
  if (step.actor.startsWith('rule:')) return `${t.ruleActor} (${step.actor.slice('rule:'.length)})`;
  return step.actor;
};

/** What a step's detail says: the assignee's name rather than the id; texts as written. */
const stepDetail = (names: ReadonlyMap<string, string>, step: ApplicationStep): string | null => (step.kind === 'assigned' && step.detail !== null ? (names.get(step.detail) ?? step.detail) : step.detail);

const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;

export interface CaseMessages {
  readonly done?: Done;
  readonly issued?: string;
  readonly error?: string;
}

const actionsOf = (visit: Visit, t: Words, view: CaseView, token: string, member: StaffMember): Html => {
  const a = view.row.application;
  const action = (name: string) => visit.href(`/office/applications/${a.id}/${name}`);
  const forms: Html[] = [];
  if (isOpen(a.status) && a.status !== 'approved') {
    const others = view.colleagues.filter((c) => c.staffId !== member.staffId);
    forms.push(html`<form method="post" action="${action('assign')}">${csrfField(token)}<input type="hidden" name="to" value="${member.staffId}"><button class="button" type="submit">${t.assignMe}</button></form>`);
    if (others.length > 0)
      forms.push(
        html`<form method="post" action="${action('assign')}">${csrfField(token)}<div class="field"><label for="to">${t.assignTo}</label><select id="to" name="to">${others.map(
          (c) => html`<option value="${c.staffId}">${c.name}</option>`,
        )}</select></div><button class="button secondary" type="submit">${t.assign}</button></form>`,
      );
    forms.push(
      html`<form method="post" action="${action('ask')}">${csrfField(token)}<div class="field"><label for="question">${t.ask}</label><textarea id="question" name="question" rows="3" maxlength="4000" required></textarea></div><button class="button secondary" type="submit">${t.askButton}</button></form>`,
    );
    forms.push(html`<form method="post" action="${action('approve')}">${csrfField(token)}<button class="button" type="submit">${t.approve}</button></form>`);
    forms.push(
      html`<form method="post" action="${action('reject')}">${csrfField(token)}<div class="field"><label for="reason">${t.rejectReason}</label><textarea id="reason" name="reason" rows="3" maxlength="4000" required></textarea></div><button class="button secondary" type="submit">${t.reject}</button></form>`,
    );
  }
  if (a.document !== null && view.documentStatus !== 'revoked')
    forms.push(
      html`<form method="post" action="${action('revoke')}">${csrfField(token)}<div class="field"><label for="revocation">${t.revokeReason}</label><select id="revocation" name="reason">${REVOCATION_REASONS.map(
        (r) => html`<option value="${r}">${t.revocationReasons[r]}</option>`,
      )}</select></div><button class="button secondary" type="submit">${t.revoke}</button></form>`,
    );
  return forms.length === 0 ? html`` : html`<section><h2>${t.actions}</h2>${forms}</section>`;
};

export const casePage = (visit: Visit, view: CaseView, token: string, member: StaffMember, messages: CaseMessages = {}, status = 200): Page => {
  const t = words[visit.lang];
  const a = view.row.application;
  const title = view.service?.title[visit.lang] ?? a.service;
  const label = (name: string) => view.service?.fields.find((f) => f.name === name)?.label[visit.lang] ?? name;
  const kindLabel = (kind: string) => view.service?.attachments.find((k) => k.kind === kind)?.label[visit.lang] ?? kind;
  const document = a.document;
  return frame(
    visit,
    title,
    html`<h1>${title}</h1><p class="lead">${view.row.applicant} · ${t.statuses[a.status]}</p>
${messages.issued ? html`<p class="notice" role="status">${t.issuedNotice(messages.issued)}</p>` : ''}${messages.done ? html`<p class="notice" role="status">${t.done[messages.done]}</p>` : ''}${
      messages.error ? html`<p class="error" role="alert">${messages.error}</p>` : ''
    }
<dl><dt>${t.columns[1]}</dt><dd>${dateOf(a.submittedAt)}</dd><dt>${t.dueOn}</dt><dd>${dueCell(t, view.row)}</dd><dt>${t.assignedTo}</dt><dd>${view.row.assignedTo ?? t.nobody}</dd><dt>${t.columns[6]}</dt><dd>${feeText(t, a.fee)}</dd>${
      a.question ? html`<dt>${t.question}</dt><dd>${a.question}</dd>` : ''
    }${a.reason ? html`<dt>${t.reason}</dt><dd>${a.reason}</dd>` : ''}</dl>
<section><h2>${t.fields}</h2><dl>${Object.entries(a.fields).map(([name, value]) => html`<dt>${label(name)}</dt><dd>${value}</dd>`)}</dl></section>
<section><h2>${t.attachments}</h2>${
      a.attachments.length === 0
        ? html`<p>${t.noAttachments}</p>`
        : html`<ul>${a.attachments.map(
            (f) => html`<li><a href="${visit.href(`/office/applications/${a.id}/files/${f.fileId}`)}">${t.download}: ${kindLabel(f.kind)}</a> <span class="hint">(${f.format.toUpperCase()}, ${Math.ceil(f.bytes / 1024)} KB)</span></li>`,
          )}</ul>`
    }</section>
${
  document === null
    ? ''
    : html`<section><h2>${t.document}</h2><dl><dt>${t.protocol}</dt><dd>${document.protocolNumber}/${document.year}</dd><dt>${t.code}</dt><dd>${document.verificationCode}</dd><dt>${t.status}</dt><dd>${
        view.documentStatus === 'revoked' ? html`<strong>${t.revoked}</strong>` : t.valid
      }</dd></dl></section>`
}
<section><h2>${t.timeline}</h2><ol class="timeline">${view.steps.map((s) => {
      const detail = stepDetail(view.names, s);
      return html`<li><time datetime="${s.at}">${dateOf(s.at)}</time> · ${t.steps[s.kind] ?? s.kind} · ${actorName(t, view.names, s)}${detail ? html`: ${detail}` : ''}</li>`;
    })}</ol></section>
${actionsOf(visit, t, view, token, member)}
<p><a href="${visit.href('/office/applications')}">${t.queue}</a></p>`,
    status,
    true,
  );
};

export const caseNotFoundPage = (visit: Visit): Page => {
  const t = words[visit.lang];
  return frame(visit, t.notFoundTitle, html`<h1>${t.notFoundTitle}</h1><p>${t.notFound}</p><p><a href="${visit.href('/office/applications')}">${t.queue}</a></p>`, 404, true);
};
