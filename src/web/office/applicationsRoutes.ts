// The office's applications routes: the queue, the case page, the attached files and the staff's actions.
// Each action calls the applications API with the member as its actor; a domain refusal is shown on the case
// page with its status, and an application of a department the member does not handle is a 404, as if it
// did not exist, whatever the action.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApplicationsServices } from '../../api/applications/index.ts';
import { APPLICATION_FILES, approve, askForInformation, assign, mayHandle, reject, revoke } from '../../api/applications/index.ts';
import type { StaffMember } from '../../api/shared/staff/index.ts';
import type { RevocationReason } from '../../domain/index.ts';
import { applicationStream, isDomainError, REVOCATION_REASONS } from '../../domain/index.ts';
import { applicationOf } from '../../projections/applications/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { Page, Visit } from '../shared/page.ts';
import type { LangPages } from '../shared/pageRoutes.ts';
import type { CaseMessages, Done, QueueFilter } from './applications.ts';
import { caseNotFoundPage, casePage, DONE, isColleague, isStatus, notColleague, loadCase, loadQueue, mayUseQueues, queuePage, staffActorOf } from './applications.ts';
import { forbiddenPage } from './pages.ts';

export interface ApplicationsPagesDeps {
  readonly services: ApplicationsServices;
  readonly render: (reply: FastifyReply, visit: Visit, page: Page) => FastifyReply;
  readonly memberOf: (request: FastifyRequest) => Promise<StaffMember | null>;
}

const ID = { type: 'string', pattern: '^[0-9a-f-]{36}$' } as const;
const params = { type: 'object', properties: { id: ID }, required: ['id'] } as const;
const text = { type: 'string', maxLength: 4000 } as const;
const body = (extra: Record<string, object>) => ({ type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 }, ...extra } }) as const;

interface Query {
  readonly status?: string;
  readonly department?: string;
  readonly mine?: string;
  readonly overdue?: string;
  readonly done?: string;
}

/** The protocol number the approval just gave, from the application's own stream (the read model may lag). */
const protocolOf = async (services: ApplicationsServices, id: string): Promise<string> => {
  const issued = (await services.store.readStream(applicationStream(id))).find((e) => e.type === 'ApplicationDocumentIssued');
  const data = issued?.data as { protocolNumber?: number; year?: number } | undefined;
  return data?.protocolNumber === undefined ? '—' : `${data.protocolNumber}/${data.year}`;
};

export const registerApplicationsPages = (app: FastifyInstance, pages: LangPages, deps: ApplicationsPagesDeps): void => {
  const { services, render, memberOf } = deps;
  const { at } = pages;
  const toLogin = (reply: FastifyReply) => reply.header('cache-control', 'no-store').redirect(at('/office/login'), 303);

  app.get<{ Querystring: Query }>(
    at('/office/applications'),
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { status: { type: 'string', maxLength: 40 }, department: { type: 'string', maxLength: 60 }, mine: { type: 'string', maxLength: 5 }, overdue: { type: 'string', maxLength: 5 } },
        },
      },
    },
    async (request, reply) => {
      const visit = pages.visit(request);
      const member = await memberOf(request);
      if (!member) return toLogin(reply);
      if (!mayUseQueues(member)) return render(reply, visit, forbiddenPage(visit));
      const q = request.query;
      const filter: QueueFilter = {
        status: q.status && isStatus(q.status) ? q.status : null,
        department: q.department ? q.department : null,
        mine: q.mine === '1',
        overdue: q.overdue === '1',
      };
      return render(reply, visit, queuePage(visit, services.catalogue, member, filter, await loadQueue(services, member, filter)));
    },
  );

  /** The case page for the member, with messages; a 404 page when the member may not see it. */
  const showCase = async (request: FastifyRequest, reply: FastifyReply, member: StaffMember, id: string, messages: CaseMessages = {}, status = 200) => {
    const visit = pages.visit(request);
    const view = await loadCase(services, member, id);
    if (view === null) return render(reply, visit, caseNotFoundPage(visit));
    return render(reply, visit, casePage(visit, view, request.session!.csrfToken, member, messages, status));
  };

  app.get<{ Params: { id: string }; Querystring: Query }>(
    at('/office/applications/:id'),
    { schema: { params, querystring: { type: 'object', properties: { done: { type: 'string', enum: DONE } } } } },
    async (request, reply) => {
      const member = await memberOf(request);
      if (!member) return toLogin(reply);
      const done = DONE.find((d) => d === request.query.done);
      return showCase(request, reply, member, request.params.id, done ? { done } : {});
    },
  );

  app.get<{ Params: { id: string; file: string } }>(
    at('/office/applications/:id/files/:file'),
    { schema: { params: { type: 'object', properties: { id: ID, file: ID }, required: ['id', 'file'] } } },
    async (request, reply) => {
      const visit = pages.visit(request);
      const member = await memberOf(request);
      if (!member) return toLogin(reply);
      const application = await applicationOf(services.client, services.schema, request.params.id, null);
      const attached = application?.attachments.find((f) => f.fileId === request.params.file);
      if (!application || !attached || !mayHandle(staffActorOf(member), application.department)) return render(reply, visit, caseNotFoundPage(visit));
      const [file] = await services.client.query<{ media_type: string; format: string; bytes: Buffer | Uint8Array }>(
        `SELECT media_type, format, bytes FROM ${table(services.schema, APPLICATION_FILES)} WHERE file_id = $1 AND subject_id = $2`,
        [attached.fileId, application.subjectId],
      );
      if (!file) return render(reply, visit, caseNotFoundPage(visit));
      // Served as a download, never rendered by the browser as the site's own content.
      return reply
        .header('content-type', file.media_type)
        .header('content-disposition', `attachment; filename="${attached.kind}.${file.format === 'jpeg' ? 'jpg' : file.format}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.bytes));
    },
  );

  /** A POST action: the member, the API call, then the case page again (a redirect) or the refusal on it. */
  const action = <B>(name: string, schema: object, run: (member: StaffMember, id: string, body: B) => Promise<{ done: Done } | { issued: string }>) =>
    app.post<{ Params: { id: string }; Body: B }>(at(`/office/applications/:id/${name}`), { schema: { params, body: schema } }, async (request, reply) => {
      const visit = pages.visit(request);
      const member = await memberOf(request);
      if (!member) return toLogin(reply);
      const { id } = request.params;
      try {
        const outcome = await run(member, id, (request.body ?? {}) as B);
        if ('issued' in outcome) return showCase(request, reply, member, id, outcome);
        return reply.header('cache-control', 'no-store').redirect(`${at(`/office/applications/${id}`)}?done=${outcome.done}`, 303);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        if (error.status === 404) return render(reply, visit, caseNotFoundPage(visit));
        return showCase(request, reply, member, id, { error: visit.lang === 'el' ? error.messageEl : error.messageEn }, error.status);
      }
    });

  action<{ to?: string }>('assign', body({ to: { type: 'string', maxLength: 64 } }), async (member, id, b) => {
    const to = b.to || member.staffId;
    if (to !== member.staffId && !(await isColleague(services, id, to))) throw notColleague();
    await assign(services, staffActorOf(member), id, to);
    return { done: 'assigned' };
  });
  action<{ question?: string }>('ask', body({ question: text }), async (member, id, b) => {
    await askForInformation(services, staffActorOf(member), id, b.question ?? '');
    return { done: 'asked' };
  });
  action<Record<string, never>>('approve', body({}), async (member, id) => {
    await approve(services, staffActorOf(member), id);
    return { issued: await protocolOf(services, id) };
  });
  action<{ reason?: string }>('reject', body({ reason: text }), async (member, id, b) => {
    await reject(services, staffActorOf(member), id, b.reason ?? '');
    return { done: 'rejected' };
  });
  action<{ reason: RevocationReason }>('revoke', { ...body({ reason: { type: 'string', enum: REVOCATION_REASONS } }), required: ['reason'] }, async (member, id, b) => {
    await revoke(services, staffActorOf(member), id, b.reason);
    return { done: 'revoked' };
  });
};
