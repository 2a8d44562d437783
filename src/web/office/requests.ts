// Service requests in the back office (αιτήματα, Open311): the departments' queues — a request waits in its
// type's department until it is assigned to another — by category and stage, with the overdue flagged (past
// its expected date, or past the type's expected_days when it has none, while open) and counted per queue;
// and the case page of one request: its public timeline, the office's internal notes, its supports, the
// duplicates merged into it and, for the department's clerks alone, its reporters' contacts. Clerks
// (`clerk:<department>`) see their departments' requests, administrators all; another's is not found.
import type { StaffMember } from '../../api/shared/staff/index.ts';
import { listStaff, recordLookup } from '../../api/shared/staff/index.ts';
import type { Bilingual, ReporterContact, RequestNoteAdded, RequestStage, RequestType } from '../../domain/index.ts';
import { OPEN_STAGES, REQUEST_STAGES, streams } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { EventStore } from '../../eventstore/port.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import type { PublicRequest, TimelineEntry } from '../../projections/requests/index.ts';
import { publicRequestOf, REQUEST_COLUMNS, REQUESTS, reportersOf, STAGE_NAMES, timelineOf } from '../../projections/requests/index.ts';
import { table } from '../../projections/shared/tables.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import type { Html } from '../shared/html.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import { departmentsOf } from './applications.ts';

/** What the office's requests need: the store (actions), the read models, the request types, the keyring (contacts). */
export interface RequestsOfficeServices {
  readonly store: EventStore;
  readonly client: SqlClient;
  readonly schema: string;
  readonly types: readonly RequestType[];
  readonly keyring?: Keyring;
  readonly now?: () => Date;
}

/** A department of the catalogue and the agency Open311 names for it (its first type's). */
export interface Department {
  readonly department: string;
  readonly agency: Bilingual;
}

export const departmentsOfTypes = (types: readonly RequestType[]): Department[] => {
  const found = new Map<string, Bilingual>();
  for (const t of types) if (!found.has(t.department)) found.set(t.department, t.agency);
  return [...found].map(([department, agency]) => ({ department, agency })).sort((a, b) => a.department.localeCompare(b.department));
};

/** The agency as Open311's agency_responsible carries it, as the submission writes it. */
export const agencyText = (agency: Bilingual): string => `${agency.el} / ${agency.en}`;

export const mayHandleRequest = (member: StaffMember, department: string): boolean => {
  const own = departmentsOf(member);
  return own === null || own.includes(department);
};

/** The queue a request waits in: its assignment, else its type's department. */
export const departmentOfRequest = (types: readonly RequestType[], r: PublicRequest): string => r.department ?? types.find((t) => t.code === r.serviceCode)?.department ?? '';

/** Which stages a queue shows: the open ones (the default), one stage, or all. */
export const STAGE_FILTERS = ['open-stages', ...REQUEST_STAGES, 'all'] as const;
export const stageFilterOf = (value: string | undefined): readonly RequestStage[] | null =>
  value === 'all' ? null : value && (REQUEST_STAGES as readonly string[]).includes(value) ? [value as RequestStage] : OPEN_STAGES;

export interface QueueFilter {
  readonly department: string | null;
  readonly serviceCode: string | null;
  /** The stage filter as chosen in the form ('open-stages', a stage, 'all'). */
  readonly stage: string;
  readonly overdue: boolean;
}

export interface QueueRow {
  readonly request: PublicRequest;
  readonly department: string;
  /** Its expected date, or the type's aim counted from the request; null when neither says. */
  readonly deadline: string | null;
  readonly overdue: boolean;
}

export interface QueueCount {
  readonly department: string;
  readonly serviceCode: string;
  readonly open: number;
  readonly overdue: number;
}

const QUEUE_LIMIT = 500;
const iso = (value: Date | string): string => new Date(value).toISOString();

/** The request types as a table the queries join: code, department, days (their aim). */
const typesParams = (types: readonly RequestType[]): unknown[] => [types.map((t) => t.code), types.map((t) => t.department), types.map((t) => t.expectedDays)];
const TYPES_CTE = 'WITH types(tcode, tdept, tdays) AS (SELECT * FROM unnest($1::text[], $2::text[], $3::int[]))';
const QUEUE = 'COALESCE(r.department, t.tdept)';
const DEADLINE = "COALESCE(r.expected_at, r.requested_at + t.tdays * interval '1 day')";

/** The departments a member's queues cover, narrowed by the filter's; null for all. */
const coveredDepartments = (member: StaffMember, chosen: string | null): readonly string[] | null => {
  const own = departmentsOf(member);
  if (own === null) return chosen === null ? null : [chosen];
  return chosen === null ? own : own.filter((d) => d === chosen);
};

export const loadQueue = async (services: RequestsOfficeServices, member: StaffMember, filter: QueueFilter): Promise<QueueRow[]> => {
  const now = (services.now ?? (() => new Date()))();
  const params: unknown[] = [...typesParams(services.types)];
  const where: string[] = [];
  const departments = coveredDepartments(member, filter.department);
  if (departments !== null) {
    params.push([...departments]);
    where.push(`${QUEUE} = ANY($${params.length})`);
  }
  if (filter.serviceCode !== null) {
    params.push(filter.serviceCode);
    where.push(`r.service_code = $${params.length}`);
  }
  const stages = stageFilterOf(filter.stage);
  if (stages !== null) {
    params.push([...stages]);
    where.push(`r.stage = ANY($${params.length})`);
  }
  params.push([...OPEN_STAGES], now.toISOString());
  const overdue = `(r.stage = ANY($${params.length - 1}) AND ${DEADLINE} < $${params.length})`;
  if (filter.overdue) where.push(overdue);
  const rows = await services.client.query<Record<string, unknown> & { queue: string; deadline: Date | string | null; overdue: boolean }>(
    `${TYPES_CTE} SELECT ${REQUEST_COLUMNS}, ${QUEUE} AS queue, ${DEADLINE} AS deadline, COALESCE(${overdue}, false) AS overdue
     FROM ${table(services.schema, REQUESTS)} r LEFT JOIN types t ON t.tcode = r.service_code
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${DEADLINE} NULLS LAST, r.requested_at LIMIT ${QUEUE_LIMIT}`,
    params,
  );
  return rows.map((row) => ({ request: publicRequestOf(row), department: row.queue ?? '', deadline: row.deadline === null ? null : iso(row.deadline), overdue: row.overdue === true }));
};

/** The open and the overdue per department and category, within the member's departments. */
export const loadCounts = async (services: RequestsOfficeServices, member: StaffMember): Promise<QueueCount[]> => {
  const now = (services.now ?? (() => new Date()))();
  const params: unknown[] = [...typesParams(services.types), [...OPEN_STAGES], now.toISOString()];
  const departments = departmentsOf(member);
  if (departments !== null) params.push([...departments]);
  const rows = await services.client.query<{ queue: string | null; service_code: string; open: number | string; overdue: number | string }>(
    `${TYPES_CTE} SELECT ${QUEUE} AS queue, r.service_code, count(*) AS open, count(*) FILTER (WHERE ${DEADLINE} < $5) AS overdue
     FROM ${table(services.schema, REQUESTS)} r LEFT JOIN types t ON t.tcode = r.service_code
     WHERE r.stage = ANY($4)${departments !== null ? ` AND ${QUEUE} = ANY($6)` : ''} GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
  return rows.map((r) => ({ department: r.queue ?? '', serviceCode: r.service_code, open: Number(r.open), overdue: Number(r.overdue) }));
};

export interface ShownReporter {
  readonly contact: ReporterContact | null;
  readonly account: boolean;
}

export interface InternalNote {
  readonly text: string;
  readonly by: string;
  readonly at: string;
}

export interface CaseView {
  readonly row: QueueRow;
  readonly timeline: readonly TimelineEntry[];
  readonly notes: readonly InternalNote[];
  /** The duplicates merged into this request. */
  readonly duplicates: readonly string[];
  /** Its reporters' contacts, for the department's clerks; null for anyone else (an administrator too). */
  readonly reporters: readonly ShownReporter[] | null;
}

/** One request for a member who may handle its department; null otherwise (as if it did not exist). */
export const loadCase = async (services: RequestsOfficeServices, member: StaffMember, id: string): Promise<CaseView | null> => {
  const now = (services.now ?? (() => new Date()))();
  const [found] = await services.client.query<Record<string, unknown> & { queue: string | null; deadline: Date | string | null; overdue: boolean }>(
    `${TYPES_CTE} SELECT ${REQUEST_COLUMNS}, ${QUEUE} AS queue, ${DEADLINE} AS deadline, COALESCE(r.stage = ANY($4) AND ${DEADLINE} < $5, false) AS overdue
     FROM ${table(services.schema, REQUESTS)} r LEFT JOIN types t ON t.tcode = r.service_code WHERE r.request_id = $6`,
    [...typesParams(services.types), [...OPEN_STAGES], now.toISOString(), id],
  );
  if (!found) return null;
  const department = found.queue ?? '';
  if (!mayHandleRequest(member, department)) return null;
  const names = new Map((await listStaff(services)).map((m) => [m.staffId, m.name]));
  const notes = (await services.store.readStream(streams.requestNotes(id))).map((e) => {
    const d = e.data as RequestNoteAdded['data'];
    return { text: d.text, by: names.get(d.staffId) ?? d.staffId, at: d.at };
  });
  const duplicates = (await services.client.query<{ request_id: string }>(`SELECT request_id FROM ${table(services.schema, REQUESTS)} WHERE merged_into = $1 ORDER BY requested_at`, [id])).map(
    (r) => r.request_id,
  );
  return {
    row: { request: publicRequestOf(found), department, deadline: found.deadline === null ? null : iso(found.deadline), overdue: found.overdue === true },
    timeline: await timelineOf(services.client, services.schema, id),
    notes,
    duplicates,
    reporters: await shownReporters(services, member, department, id, now),
  };
};

/**
 * The reporters' contacts are personal data given to have the problem fixed: they are opened (with the
 * reporter's key) for the clerks of the department whose queue the request is in, and for no one else — not
 * an administrator without that role, never a public page — and each look is recorded in the audit trail.
 */
const shownReporters = async (services: RequestsOfficeServices, member: StaffMember, department: string, id: string, now: Date): Promise<ShownReporter[] | null> => {
  const keyring = services.keyring;
  if (!keyring || !member.roles.includes(`clerk:${department}` as StaffMember['roles'][number])) return null;
  const shown: ShownReporter[] = [];
  for (const r of await reportersOf(services.client, services.schema, id)) {
    const contact = await keyring.open<ReporterContact>(r.subjectId, r.sealed);
    if (contact !== null) await recordLookup(services.client, services.schema, { staffId: member.staffId, subject: r.subjectId, what: `request ${id}`, at: now });
    shown.push({ contact, account: r.account });
  }
  return shown;
};

const words = {
  el: {
    office: 'Γραφείο',
    title: 'Αιτήματα πολιτών',
    lead: 'Τα αιτήματα (αναφορές προβλημάτων) στα τμήματά σας, τα πιο επείγοντα πρώτα. Εκπρόθεσμο: πέρασε η αναμενόμενη ημερομηνία, ή ο στόχος του είδους όταν δεν έχει.',
    counts: 'Ουρές',
    countColumns: ['Τμήμα', 'Κατηγορία', 'Ανοιχτά', 'Εκπρόθεσμα'],
    columns: ['Επιλογή', 'Αίτημα', 'Κατηγορία', 'Υποβλήθηκε', 'Στάδιο', 'Τμήμα', 'Προθεσμία', 'Υποστηρίξεις'],
    none: 'Κανένα αίτημα με αυτά τα κριτήρια.',
    filter: 'Φίλτρα',
    department: 'Τμήμα',
    category: 'Κατηγορία',
    stage: 'Στάδιο',
    openStages: 'Ανοιχτά (όλα τα ανοιχτά στάδια)',
    allStages: 'Όλα',
    all: 'Όλα',
    overdueOnly: 'Μόνο εκπρόθεσμα',
    show: 'Εμφάνιση',
    overdue: 'εκπρόθεσμο',
    noDeadline: 'χωρίς προθεσμία',
    bulk: 'Μαζική ενέργεια στα επιλεγμένα',
    bulkAction: 'Ενέργεια',
    bulkStage: 'Αλλαγή σταδίου, με μία δημόσια σημείωση',
    bulkAssign: 'Ανάθεση σε τμήμα',
    apply: 'Εφαρμογή',
    notes: 'Δημόσια σημείωση (τη διαβάζει ο πολίτης)',
    details: 'Στοιχεία',
    submitted: 'Υποβλήθηκε',
    place: 'Θέση',
    description: 'Περιγραφή',
    supports: 'Υποστηρίξεις',
    expected: 'Αναμενόμενη ημερομηνία',
    deadline: 'Προθεσμία',
    agency: 'Υπεύθυνη υπηρεσία',
    mergedInto: 'Συγχωνεύθηκε στο',
    duplicates: 'Διπλές αναφορές που συγχωνεύθηκαν εδώ',
    reporters: 'Αναφέρων',
    reportersHidden: 'Τα στοιχεία επικοινωνίας του αναφέροντος τα βλέπουν μόνο οι υπάλληλοι του αρμόδιου τμήματος.',
    noReporter: 'Χωρίς στοιχεία επικοινωνίας.',
    erased: 'Τα στοιχεία διαγράφηκαν (δικαίωμα διαγραφής).',
    account: 'λογαριασμός TaxisNet',
    timeline: 'Δημόσιο ιστορικό',
    kinds: { submitted: 'Υποβολή', stage: 'Στάδιο', reply: 'Απάντηση', assigned: 'Ανάθεση', expected: 'Αναμενόμενη ημερομηνία', merged: 'Συγχώνευση στο', absorbed: 'Συγχωνεύθηκε εδώ το', reopened: 'Ξανάνοιξε από τον αναφέροντα' } as Record<string, string>,
    internal: 'Εσωτερικές σημειώσεις (μόνο για το προσωπικό)',
    noNotes: 'Καμία σημείωση.',
    actions: 'Ενέργειες',
    changeStage: 'Αλλαγή σταδίου',
    stageButton: 'Αλλαγή',
    reply: 'Δημόσια απάντηση',
    replyButton: 'Δημοσίευση απάντησης',
    note: 'Εσωτερική σημείωση',
    noteButton: 'Προσθήκη σημείωσης',
    expectedLabel: 'Αναμενόμενη ημερομηνία (κενή για απόσυρση)',
    expectedButton: 'Ορισμός',
    assign: 'Ανάθεση σε άλλο τμήμα',
    assignButton: 'Ανάθεση',
    merge: 'Συγχώνευση σε άλλο αίτημα (διπλή αναφορά)',
    mergeLabel: 'Αριθμός του αιτήματος που μένει',
    mergeButton: 'Συγχώνευση',
    publicPage: 'Η δημόσια σελίδα του αιτήματος',
    queue: 'Ουρά αιτημάτων',
    done: {
      stage: 'Το στάδιο άλλαξε.',
      assigned: 'Το αίτημα ανατέθηκε.',
      replied: 'Η απάντηση δημοσιεύθηκε.',
      noted: 'Η σημείωση καταχωρίστηκε.',
      expected: 'Η αναμενόμενη ημερομηνία ορίστηκε.',
      merged: 'Το αίτημα συγχωνεύθηκε.',
      bulk: 'Η ενέργεια εφαρμόστηκε στα επιλεγμένα αιτήματα.',
    },
    notFoundTitle: 'Δεν βρέθηκε',
    notFound: 'Δεν υπάρχει τέτοιο αίτημα.',
  },
  en: {
    office: 'Office',
    title: 'Citizens’ requests',
    lead: 'Requests (problem reports) to your departments, the most urgent first. Overdue: past the expected date, or the type’s aim when it has none.',
    counts: 'Queues',
    countColumns: ['Department', 'Category', 'Open', 'Overdue'],
    columns: ['Select', 'Request', 'Category', 'Submitted', 'Stage', 'Department', 'Due', 'Supports'],
    none: 'No request matches.',
    filter: 'Filters',
    department: 'Department',
    category: 'Category',
    stage: 'Stage',
    openStages: 'Open (every open stage)',
    allStages: 'All',
    all: 'All',
    overdueOnly: 'Only overdue',
    show: 'Show',
    overdue: 'overdue',
    noDeadline: 'no deadline',
    bulk: 'Bulk action on the selected',
    bulkAction: 'Action',
    bulkStage: 'Change the stage, with one public note',
    bulkAssign: 'Assign to a department',
    apply: 'Apply',
    notes: 'Public note (the citizen reads it)',
    details: 'Details',
    submitted: 'Submitted',
    place: 'Location',
    description: 'Description',
    supports: 'Supports',
    expected: 'Expected date',
    deadline: 'Due',
    agency: 'Responsible service',
    mergedInto: 'Merged into',
    duplicates: 'Duplicates merged into it',
    reporters: 'Reporter',
    reportersHidden: 'The reporter’s contact is shown to the clerks of the responsible department only.',
    noReporter: 'No contact given.',
    erased: 'The contact was erased (right to erasure).',
    account: 'TaxisNet account',
    timeline: 'Public timeline',
    kinds: { submitted: 'Submitted', stage: 'Stage', reply: 'Reply', assigned: 'Assigned', expected: 'Expected date', merged: 'Merged into', absorbed: 'Merged here:', reopened: 'Reopened by the reporter' } as Record<string, string>,
    internal: 'Internal notes (staff only)',
    noNotes: 'No note.',
    actions: 'Actions',
    changeStage: 'Change the stage',
    stageButton: 'Change',
    reply: 'Public reply',
    replyButton: 'Publish the reply',
    note: 'Internal note',
    noteButton: 'Add the note',
    expectedLabel: 'Expected date (empty to withdraw it)',
    expectedButton: 'Set',
    assign: 'Assign to another department',
    assignButton: 'Assign',
    merge: 'Merge into another request (duplicate)',
    mergeLabel: 'Number of the request that stays',
    mergeButton: 'Merge',
    publicPage: 'The request’s public page',
    queue: 'Requests queue',
    done: {
      stage: 'The stage was changed.',
      assigned: 'The request was assigned.',
      replied: 'The reply was published.',
      noted: 'The note was recorded.',
      expected: 'The expected date was set.',
      merged: 'The request was merged.',
      bulk: 'The action was applied to the selected requests.',
    },
    notFoundTitle: 'Not found',
    notFound: 'There is no such request.',
  },
};

export type Done = keyof (typeof words)['el']['done'];
export const DONE: readonly Done[] = ['stage', 'assigned', 'replied', 'noted', 'expected', 'merged', 'bulk'];

/** The case page's forms: a refusal is shown beside the one that was sent. */
export type CaseForm = 'stage' | 'assign' | 'reply' | 'note' | 'expected' | 'merge';

export interface Messages {
  readonly done?: Done;
  readonly error?: { readonly form: CaseForm | 'bulk'; readonly text: string };
}

type Words = (typeof words)['el'] | (typeof words)['en'];

const frame = (visit: Visit, title: string, main: Html, status = 200, queue = false): Page => ({
  title,
  section: null,
  crumbs: [{ label: words[visit.lang].office, path: '/office/' }, ...(queue ? [{ label: words[visit.lang].title, path: '/office/requests' }] : [])],
  main,
  status,
});

const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;
const selected = (on: boolean): Html => (on ? html` selected` : html``);
const checked = (on: boolean): Html => (on ? html` checked` : html``);
const shortId = (id: string): string => id.slice(0, 8);

const typeName = (visit: Visit, types: readonly RequestType[], code: string): string => types.find((t) => t.code === code)?.name[visit.lang] ?? code;
const departmentName = (visit: Visit, departments: readonly Department[], department: string): string => departments.find((d) => d.department === department)?.agency[visit.lang] ?? department;
const stageName = (visit: Visit, stage: RequestStage): string => STAGE_NAMES[stage][visit.lang];

const deadlineCell = (t: Words, row: QueueRow): Html =>
  row.deadline === null
    ? html`<span class="hint">${t.noDeadline}</span>`
    : html`<time datetime="${row.deadline}">${formatDate(row.deadline)}</time>${row.overdue ? html` <strong class="badge overdue">${t.overdue}</strong>` : ''}`;

const errorFor = (messages: Messages, form: CaseForm | 'bulk'): Html => (messages.error?.form === form ? html`<p class="error" role="alert">${messages.error.text}</p>` : html``);
const doneNotice = (t: Words, messages: Messages): Html => (messages.done ? html`<p class="notice" role="status">${t.done[messages.done]}</p>` : html``);

const stageOptions = (visit: Visit, current: RequestStage | null): Html[] =>
  REQUEST_STAGES.filter((s) => s !== 'duplicate').map((s) => html`<option value="${s}"${selected(current === s)}>${stageName(visit, s)}</option>`);
const departmentOptions = (visit: Visit, departments: readonly Department[], current: string | null): Html[] =>
  departments.map((d) => html`<option value="${d.department}"${selected(current === d.department)}>${d.agency[visit.lang]}</option>`);

export interface QueueView {
  readonly types: readonly RequestType[];
  readonly member: StaffMember;
  readonly filter: QueueFilter;
  readonly rows: readonly QueueRow[];
  readonly counts: readonly QueueCount[];
  readonly csrfToken: string;
  readonly messages: Messages;
}

export const queuePage = (visit: Visit, view: QueueView, status = 200): Page => {
  const t = words[visit.lang];
  const departments = departmentsOfTypes(view.types);
  const own = departmentsOf(view.member);
  const choosable = own === null ? departments : departments.filter((d) => own.includes(d.department));
  const { filter } = view;
  const queueLink = (c: QueueCount, overdue: boolean) =>
    visit.href(`/office/requests?department=${encodeURIComponent(c.department)}&service_code=${encodeURIComponent(c.serviceCode)}${overdue ? '&overdue=1' : ''}`);
  const row = (r: QueueRow) => {
    const q = r.request;
    return html`<tr${r.overdue ? html` class="overdue"` : ''}><td><input type="checkbox" name="ids" value="${q.id}" id="pick-${q.id}" aria-label="${shortId(q.id)}"></td><td><a href="${visit.href(`/office/requests/${q.id}`)}">${shortId(q.id)}</a></td><td>${typeName(visit, view.types, q.serviceCode)}</td><td><time datetime="${q.requestedAt}">${formatDateTime(q.requestedAt)}</time></td><td>${stageName(visit, q.stage)}</td><td>${departmentName(visit, departments, r.department)}</td><td>${deadlineCell(t, r)}</td><td>${q.supports}</td></tr>`;
  };
  return frame(
    visit,
    t.title,
    html`<h1>${t.title}</h1><p class="lead">${t.lead}</p>${doneNotice(t, view.messages)}
<section><h2>${t.counts}</h2>${
      view.counts.length === 0
        ? html`<p>${t.none}</p>`
        : html`<table id="queue-counts"><thead><tr>${t.countColumns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${view.counts.map(
            (c) =>
              html`<tr data-queue="${c.department}" data-category="${c.serviceCode}"><td>${departmentName(visit, departments, c.department)}</td><td><a href="${queueLink(c, false)}">${typeName(visit, view.types, c.serviceCode)}</a></td><td data-open>${c.open}</td><td data-overdue>${
                c.overdue > 0 ? html`<a href="${queueLink(c, true)}"><strong>${c.overdue}</strong></a>` : '0'
              }</td></tr>`,
          )}</tbody></table>`
    }</section>
<form method="get" action="${visit.href('/office/requests')}"><fieldset><legend>${t.filter}</legend>
${choosable.length > 1 ? html`<div class="field"><label for="department">${t.department}</label><select id="department" name="department"><option value="">${t.all}</option>${departmentOptions(visit, choosable, filter.department)}</select></div>` : ''}
<div class="field"><label for="service_code">${t.category}</label><select id="service_code" name="service_code"><option value="">${t.all}</option>${view.types.map(
      (ty) => html`<option value="${ty.code}"${selected(filter.serviceCode === ty.code)}>${ty.name[visit.lang]}</option>`,
    )}</select></div>
<div class="field"><label for="stage">${t.stage}</label><select id="stage" name="stage"><option value="open-stages">${t.openStages}</option>${REQUEST_STAGES.map(
      (s) => html`<option value="${s}"${selected(filter.stage === s)}>${stageName(visit, s)}</option>`,
    )}<option value="all"${selected(filter.stage === 'all')}>${t.allStages}</option></select></div>
<div class="field"><input type="checkbox" id="overdue" name="overdue" value="1"${checked(filter.overdue)}> <label for="overdue">${t.overdueOnly}</label></div>
<div class="form-actions"><button class="button" type="submit">${t.show}</button></div></fieldset></form>
${
  view.rows.length === 0
    ? html`${errorFor(view.messages, 'bulk')}<p>${t.none}</p>`
    : html`<form method="post" action="${visit.href('/office/requests/bulk')}">${csrfField(view.csrfToken)}
<div class="table-scroll"><table id="requests-queue"><thead><tr>${t.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${view.rows.map(row)}</tbody></table></div>
<fieldset><legend>${t.bulk}</legend>${errorFor(view.messages, 'bulk')}
<div class="field"><input type="radio" id="bulk-stage" name="action" value="stage" checked> <label for="bulk-stage">${t.bulkStage}</label></div>
<div class="field"><label for="bulk-stage-value">${t.stage}</label><select id="bulk-stage-value" name="stage">${stageOptions(visit, null)}</select></div>
<div class="field"><label for="bulk-notes">${t.notes}</label><textarea id="bulk-notes" name="notes" rows="2" maxlength="4000"></textarea></div>
<div class="field"><input type="radio" id="bulk-assign" name="action" value="assign"> <label for="bulk-assign">${t.bulkAssign}</label></div>
<div class="field"><label for="bulk-department">${t.department}</label><select id="bulk-department" name="department">${departmentOptions(visit, departments, null)}</select></div>
<div class="form-actions"><button class="button" type="submit">${t.apply}</button></div></fieldset></form>`
}`,
    status,
  );
};

export interface CasePageView {
  readonly view: CaseView;
  readonly types: readonly RequestType[];
  readonly csrfToken: string;
  readonly messages: Messages;
}

const placeOf = (r: PublicRequest): string => [r.address, r.lat !== null && r.long !== null ? `${r.lat.toFixed(5)}, ${r.long.toFixed(5)}` : null].filter((p) => p !== null).join(' · ');

const reportersSection = (t: Words, reporters: readonly ShownReporter[] | null): Html => {
  if (reporters === null) return html`<section><h2>${t.reporters}</h2><p class="hint">${t.reportersHidden}</p></section>`;
  if (reporters.length === 0) return html`<section><h2>${t.reporters}</h2><p>${t.noReporter}</p></section>`;
  return html`<section><h2>${t.reporters}</h2><ul id="reporters">${reporters.map((r) => {
    if (r.contact === null) return html`<li>${t.erased}</li>`;
    const c = r.contact;
    const name = [c.firstName, c.lastName].filter((p) => p).join(' ');
    return html`<li>${name || '—'}${c.email ? html` · <a href="mailto:${c.email}">${c.email}</a>` : ''}${c.phone ? html` · ${c.phone}` : ''}${r.account ? html` <span class="hint">(${t.account})</span>` : ''}</li>`;
  })}</ul></section>`;
};

const timelineText = (visit: Visit, t: Words, e: TimelineEntry): string => {
  const kind = t.kinds[e.kind] ?? e.kind;
  if (e.kind === 'stage' || e.kind === 'submitted') return `${kind}: ${e.stage ? stageName(visit, e.stage) : ''}${e.text ? ` — ${e.text}` : ''}`;
  if (e.kind === 'expected') return `${kind}: ${e.text ? formatDate(e.text) : '—'}`;
  return `${kind}${e.text ? `: ${e.text}` : ''}`;
};

export const casePage = (visit: Visit, page: CasePageView, status = 200): Page => {
  const t = words[visit.lang];
  const { view, messages } = page;
  const r = view.row.request;
  const departments = departmentsOfTypes(page.types);
  const title = `${typeName(visit, page.types, r.serviceCode)} · ${shortId(r.id)}`;
  const action = (name: string) => visit.href(`/office/requests/${r.id}/${name}`);
  const form = (name: CaseForm, legend: string, body: Html, button: string) =>
    html`<form method="post" action="${action(name)}">${csrfField(page.csrfToken)}<fieldset><legend>${legend}</legend>${errorFor(messages, name)}${body}<div class="form-actions"><button class="button" type="submit">${button}</button></div></fieldset></form>`;
  const open = OPEN_STAGES.includes(r.stage);
  return frame(
    visit,
    title,
    html`<h1>${title}</h1><p class="lead">${stageName(visit, r.stage)} · ${departmentName(visit, departments, view.row.department)}</p>${doneNotice(t, messages)}
<section><h2>${t.details}</h2><dl>
<dt>${t.submitted}</dt><dd><time datetime="${r.requestedAt}">${formatDateTime(r.requestedAt)}</time></dd>
<dt>${t.place}</dt><dd>${placeOf(r) || '—'}</dd>
<dt>${t.description}</dt><dd>${r.description}</dd>
<dt>${t.agency}</dt><dd>${r.agency}</dd>
<dt>${t.deadline}</dt><dd>${deadlineCell(t, view.row)}</dd>
<dt>${t.supports}</dt><dd id="supports">${r.supports}</dd>
${r.mergedInto ? html`<dt>${t.mergedInto}</dt><dd><a href="${visit.href(`/office/requests/${r.mergedInto}`)}">${r.mergedInto}</a></dd>` : ''}
${view.duplicates.length > 0 ? html`<dt>${t.duplicates}</dt><dd>${view.duplicates.map((d) => html`<a href="${visit.href(`/office/requests/${d}`)}">${shortId(d)}</a> `)}</dd>` : ''}
</dl><p><a href="${visit.href(`/requests/${r.id}`)}">${t.publicPage}</a></p></section>
${reportersSection(t, view.reporters)}
<section><h2>${t.timeline}</h2><ol class="timeline" id="timeline">${view.timeline.map((e) => html`<li><time datetime="${e.at}">${formatDateTime(e.at)}</time> · ${timelineText(visit, t, e)}</li>`)}</ol></section>
<section><h2>${t.internal}</h2>${
      view.notes.length === 0
        ? html`<p>${t.noNotes}</p>`
        : html`<ul id="internal-notes">${view.notes.map((n) => html`<li><time datetime="${n.at}">${formatDateTime(n.at)}</time> · ${n.by}: ${n.text}</li>`)}</ul>`
    }</section>
<section><h2>${t.actions}</h2>
${form(
  'stage',
  t.changeStage,
  html`<div class="field"><label for="stage">${t.stage}</label><select id="stage" name="stage">${stageOptions(visit, r.stage)}</select></div><div class="field"><label for="notes">${t.notes}</label><textarea id="notes" name="notes" rows="3" maxlength="4000"></textarea></div>`,
  t.stageButton,
)}
${form('reply', t.reply, html`<div class="field"><label for="reply-text">${t.reply}</label><textarea id="reply-text" name="text" rows="3" maxlength="4000"></textarea></div>`, t.replyButton)}
${form('note', t.note, html`<div class="field"><label for="note-text">${t.note}</label><textarea id="note-text" name="text" rows="3" maxlength="4000"></textarea></div>`, t.noteButton)}
${form(
  'expected',
  t.expected,
  html`<div class="field"><label for="expected">${t.expectedLabel}</label><input type="date" id="expected" name="date" value="${r.expectedAt ? r.expectedAt.slice(0, 10) : ''}"></div>`,
  t.expectedButton,
)}
${form('assign', t.assign, html`<div class="field"><label for="department">${t.department}</label><select id="department" name="department">${departmentOptions(visit, departments, view.row.department)}</select></div>`, t.assignButton)}
${open ? form('merge', t.merge, html`<div class="field"><label for="into">${t.mergeLabel}</label><input id="into" name="into" maxlength="64" required></div>`, t.mergeButton) : ''}
</section>
<p><a href="${visit.href('/office/requests')}">${t.queue}</a></p>`,
    status,
    true,
  );
};

export const requestNotFoundPage = (visit: Visit): Page => {
  const t = words[visit.lang];
  return frame(visit, t.notFoundTitle, html`<h1>${t.notFoundTitle}</h1><p>${t.notFound}</p><p><a href="${visit.href('/office/requests')}">${t.queue}</a></p>`, 404, true);
};
