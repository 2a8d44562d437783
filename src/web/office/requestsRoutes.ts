// The office's requests routes: the queues, the case page and the staff's actions on a request (stage with a
// public note, public reply, internal note, expected date, assignment to another department, merge into
// another request) and the bulk actions on several (stage with one note, assignment). Every action is decided
// on the request's stream by decideOnRequest, its events carrying `staff:<id>` as their actor; whether the
// member may handle it is read from that same state (its department, or its type's), so a request of another
// department is a 404 whatever the action. A refusal is shown beside its form, and nothing is changed: a bulk
// action is decided on every selected request before any is appended.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appendNote, decideOnRequest, loadRequest } from '../../api/requests/index.ts';
import type { StaffMember } from '../../api/shared/staff/index.ts';
import type { RequestEvent, RequestStage, ServiceRequest } from '../../domain/index.ts';
import { assignRequest, changeRequestStatus, isDomainError, mergeRequest, noteOnRequest, replyToRequest, requestsErrors, setExpectedDate } from '../../domain/index.ts';
import type { Page, Visit } from '../shared/page.ts';
import type { LangPages } from '../shared/pageRoutes.ts';
import { mayUseQueues } from './applications.ts';
import { forbiddenPage } from './pages.ts';
import type { CaseForm, Done, Messages, QueueFilter, RequestsOfficeServices } from './requests.ts';
import { agencyText, casePage, departmentsOfTypes, DONE, loadCase, loadCounts, loadQueue, mayHandleRequest, queuePage, requestNotFoundPage, STAGE_FILTERS } from './requests.ts';

export interface RequestsPagesDeps {
  readonly services: RequestsOfficeServices;
  readonly render: (reply: FastifyReply, visit: Visit, page: Page) => FastifyReply;
  readonly memberOf: (request: FastifyRequest) => Promise<StaffMember | null>;
}

const ID = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const UUID = new RegExp(ID.pattern);
const params = { type: 'object', properties: { id: ID }, required: ['id'] } as const;
const text = { type: 'string', maxLength: 8000 } as const;
const short = { type: 'string', maxLength: 64 } as const;
const body = (extra: Record<string, object>) => ({ type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 }, ...extra } }) as const;

interface Query {
  readonly department?: string;
  readonly service_code?: string;
  readonly stage?: string;
  readonly overdue?: string;
  readonly done?: string;
}

/** A date of the form (YYYY-MM-DD) as the end of that day in Greece (20:00 UTC: 22:00 or 23:00 there); '' withdraws it. */
const expectedAtOf = (date: string): string | null => {
  const d = date.trim();
  if (d === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T20:00:00Z`)) || new Date(`${d}T20:00:00Z`).toISOString().slice(0, 10) !== d) throw requestsErrors.OD_REQUEST_EXPECTED_DATE_INVALID();
  return `${d}T20:00:00.000Z`;
};

/** The ids a form's checkboxes sent (one, several or none), each a request's id. */
const idsOf = (value: unknown): string[] => {
  const list = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string' && UUID.test(v));
  return [...new Set(list)];
};

export const registerRequestsPages = (app: FastifyInstance, pages: LangPages, deps: RequestsPagesDeps): void => {
  const { services, render, memberOf } = deps;
  const { at } = pages;
  const now = () => (services.now ?? (() => new Date()))();
  const toLogin = (reply: FastifyReply) => reply.header('cache-control', 'no-store').redirect(at('/office/login'), 303);
  const actorOf = (member: StaffMember) => `staff:${member.staffId}`;
  const departments = departmentsOfTypes(services.types);
  const messageOf = (visit: Visit, error: { messageEl: string; messageEn: string }) => (visit.lang === 'el' ? error.messageEl : error.messageEn);

  /** The department a request waits in, from its own stream: its assignment, else its type's. */
  const departmentOfState = (state: ServiceRequest): string => state.department ?? services.types.find((t) => t.code === state.submitted?.serviceCode)?.department ?? '';

  /** Decides as the member, on a request of a department the member handles; any other is not found. */
  const deciding = (member: StaffMember, decide: (state: ServiceRequest) => RequestEvent[] | Promise<RequestEvent[]>) => async (state: ServiceRequest) => {
    if (!mayHandleRequest(member, departmentOfState(state))) throw requestsErrors.OD_REQUEST_UNKNOWN();
    return decide(state);
  };

  const showQueue = async (request: FastifyRequest, reply: FastifyReply, member: StaffMember, filter: QueueFilter, messages: Messages = {}, status = 200) => {
    const visit = pages.visit(request);
    const [rows, counts] = [await loadQueue(services, member, filter), await loadCounts(services, member)];
    return render(reply, visit, queuePage(visit, { types: services.types, member, filter, rows, counts, csrfToken: request.session!.csrfToken, messages }, status));
  };

  app.get<{ Querystring: Query }>(
    at('/office/requests'),
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { department: short, service_code: short, stage: { type: 'string', enum: [...STAGE_FILTERS] }, overdue: { type: 'string', maxLength: 5 }, done: { type: 'string', enum: DONE } },
        },
      },
    },
    async (request, reply) => {
      const visit = pages.visit(request);
      const member = await memberOf(request);
      if (!member) return toLogin(reply);
      if (!mayUseQueues(member)) return render(reply, visit, forbiddenPage(visit));
      const q = request.query;
      const filter: QueueFilter = { department: q.department || null, serviceCode: q.service_code || null, stage: q.stage ?? 'open-stages', overdue: q.overdue === '1' };
      const done = DONE.find((d) => d === q.done);
      return showQueue(request, reply, member, filter, done ? { done } : {});
    },
  );

  const showCase = async (request: FastifyRequest, reply: FastifyReply, member: StaffMember, id: string, messages: Messages = {}, status = 200) => {
    const visit = pages.visit(request);
    const view = await loadCase(services, member, id);
    if (view === null) return render(reply, visit, requestNotFoundPage(visit));
    return render(reply, visit, casePage(visit, { view, types: services.types, csrfToken: request.session!.csrfToken, messages }, status));
  };

  app.get<{ Params: { id: string }; Querystring: Query }>(
    at('/office/requests/:id'),
    { schema: { params, querystring: { type: 'object', properties: { done: { type: 'string', enum: DONE } } } } },
    async (request, reply) => {
      const member = await memberOf(request);
      if (!member) return toLogin(reply);
      const done = DONE.find((d) => d === request.query.done);
      return showCase(request, reply, member, request.params.id, done ? { done } : {});
    },
  );

  /** A POST action on one request: the member, the decision, then the case page again (a redirect) or the refusal beside its form. */
  const action = <B>(form: CaseForm, done: Done, schema: object, run: (member: StaffMember, id: string, body: B) => Promise<unknown>) =>
    app.post<{ Params: { id: string }; Body: B }>(at(`/office/requests/:id/${form}`), { schema: { params, body: schema } }, async (request, reply) => {
      const visit = pages.visit(request);
      const member = await memberOf(request);
      if (!member) return toLogin(reply);
      const { id } = request.params;
      try {
        await run(member, id, (request.body ?? {}) as B);
        return reply.header('cache-control', 'no-store').redirect(`${at(`/office/requests/${id}`)}?done=${done}`, 303);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        if (error.code === requestsErrors.OD_REQUEST_UNKNOWN.code) return render(reply, visit, requestNotFoundPage(visit));
        return showCase(request, reply, member, id, { error: { form, text: messageOf(visit, error) } }, error.status);
      }
    });

  action<{ stage?: string; notes?: string }>('stage', 'stage', body({ stage: short, notes: text }), (member, id, b) =>
    decideOnRequest(services.store, id, actorOf(member), deciding(member, (state) => changeRequestStatus(state, { stage: (b.stage ?? '') as RequestStage, statusNotes: b.notes ?? null, at: now().toISOString() }))),
  );
  action<{ text?: string }>('reply', 'replied', body({ text }), (member, id, b) =>
    decideOnRequest(services.store, id, actorOf(member), deciding(member, (state) => replyToRequest(state, { text: b.text ?? '', at: now().toISOString() }))),
  );
  action<{ date?: string }>('expected', 'expected', body({ date: short }), (member, id, b) => {
    const expectedAt = expectedAtOf(b.date ?? '');
    return decideOnRequest(services.store, id, actorOf(member), deciding(member, (state) => setExpectedDate(state, { expectedAt, at: now().toISOString() })));
  });
  action<{ department?: string }>('assign', 'assigned', body({ department: short }), (member, id, b) => {
    const to = departments.find((d) => d.department === b.department);
    if (!to) throw requestsErrors.OD_REQUEST_DEPARTMENT_UNKNOWN();
    return decideOnRequest(services.store, id, actorOf(member), deciding(member, (state) => assignRequest(state, { department: to.department, agency: agencyText(to.agency), at: now().toISOString() })));
  });
  action<{ into?: string }>('merge', 'merged', body({ into: short }), async (member, id, b) => {
    const into = (b.into ?? '').trim().toLowerCase();
    const target = UUID.test(into) ? await loadRequest(services.store, into) : null;
    if (target === null || target.state.submitted === null) throw requestsErrors.OD_REQUEST_MERGE_TARGET_UNKNOWN();
    return decideOnRequest(services.store, id, actorOf(member), deciding(member, (state) => mergeRequest(state, target.state, { at: now().toISOString() })));
  });
  action<{ text?: string }>('note', 'noted', body({ text }), async (member, id, b) => {
    const { state } = await loadRequest(services.store, id);
    if (state.submitted === null || !mayHandleRequest(member, departmentOfState(state))) throw requestsErrors.OD_REQUEST_UNKNOWN();
    await appendNote(services.store, noteOnRequest(state, { text: b.text ?? '', staffId: member.staffId, at: now().toISOString() }), actorOf(member));
  });

  interface BulkBody {
    readonly ids?: unknown;
    readonly action?: string;
    readonly stage?: string;
    readonly notes?: string;
    readonly department?: string;
  }

  app.post<{ Body: BulkBody }>(
    at('/office/requests/bulk'),
    { schema: { body: body({ ids: {}, action: { type: 'string', enum: ['stage', 'assign'] }, stage: short, notes: text, department: short }) } },
    async (request, reply) => {
      const visit = pages.visit(request);
      const member = await memberOf(request);
      if (!member) return toLogin(reply);
      if (!mayUseQueues(member)) return render(reply, visit, forbiddenPage(visit));
      const b = request.body ?? {};
      const at = now().toISOString();
      const defaults: QueueFilter = { department: null, serviceCode: null, stage: 'open-stages', overdue: false };
      const refuse = (text: string, status: number) => showQueue(request, reply, member, defaults, { error: { form: 'bulk', text } }, status);
      try {
        const ids = idsOf(b.ids);
        if (ids.length === 0) throw requestsErrors.OD_REQUEST_NONE_SELECTED();
        let decide: (state: ServiceRequest) => RequestEvent[];
        if (b.action === 'assign') {
          const to = departments.find((d) => d.department === b.department);
          if (!to) throw requestsErrors.OD_REQUEST_DEPARTMENT_UNKNOWN();
          decide = (state) => assignRequest(state, { department: to.department, agency: agencyText(to.agency), at });
        } else decide = (state) => changeRequestStatus(state, { stage: (b.stage ?? '') as RequestStage, statusNotes: b.notes ?? null, at });
        // All or nothing as far as the office can tell: each selected request is decided before any is changed.
        for (const id of ids) {
          const { state } = await loadRequest(services.store, id);
          try {
            if (state.submitted === null || !mayHandleRequest(member, departmentOfState(state))) throw requestsErrors.OD_REQUEST_UNKNOWN();
            decide(state);
          } catch (error) {
            if (!isDomainError(error)) throw error;
            return await refuse(`${id.slice(0, 8)}: ${messageOf(visit, error)}`, error.status === 404 ? 400 : error.status);
          }
        }
        for (const id of ids) await decideOnRequest(services.store, id, actorOf(member), deciding(member, decide));
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return refuse(messageOf(visit, error), error.status);
      }
      return reply.header('cache-control', 'no-store').redirect(`${pages.at('/office/requests')}?done=bulk`, 303);
    },
  );
};
