// The finance department's queue of the suppliers' messages in the back office: /office/supplier-threads
// (open threads, those waiting for an answer first and the longest waiting on top; the closed ones on
// request), a thread's page with the reply form (files too), close and reopen. For the finance department
// (the `finance` role or `clerk:finance`) and administrators; any other member gets 403, a visitor the login.
// Each action's events carry `staff:<id>`; a refusal shows the page again with its reason, nothing changed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffMember } from '../../api/shared/staff/index.ts';
import { listStaff, staffMember } from '../../api/shared/staff/index.ts';
import type { SupplierPortalServices } from '../../api/suppliers/index.ts';
import { closeAsOffice, reopenAsOffice, replyAsOffice, sendThreadFile, threadFile, threadFileNames } from '../../api/supplierThreads/index.ts';
import { einvoicesErrors, isDomainError } from '../../domain/index.ts';
import type { ThreadMessage, ThreadSummary } from '../../projections/supplierThreads/index.ts';
import { threadOf, threadQueue } from '../../projections/supplierThreads/index.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import { NotFound } from '../shared/page.ts';
import type { WebContext, WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { csrfInput, filesOf, messageForm, messagesList, registerThreadUploads, threadTable, threadText, topicLabel } from '../supplierThreads/index.ts';
import { officeText } from './messages.ts';
import { forbiddenPage } from './pages.ts';

export const SUPPLIER_THREADS_PATH = '/office/supplier-threads';
const ID = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const params = { type: 'object', required: ['id'], properties: { id: ID } } as const;
const fileParams = { type: 'object', required: ['id', 'fileId'], properties: { id: ID, fileId: ID } } as const;

/** The finance department's staff, and administrators. */
export const mayAnswerSuppliers = (member: StaffMember): boolean => member.roles.some((r) => r === 'finance' || r === 'admin' || r === 'clerk:finance');

const DAY_MS = 86_400_000;

const frame = (visit: Visit, title: string, main: ReturnType<typeof html>, status = 200): Page => ({
  title,
  section: null,
  crumbs: [{ label: officeText(visit).office.title, path: '/office/' }, ...(title === threadText(visit).queueTitle ? [] : [{ label: threadText(visit).queueTitle, path: SUPPLIER_THREADS_PATH }])],
  main,
  status,
});

export const officeQueuePage = (visit: Visit, view: { readonly threads: readonly ThreadSummary[]; readonly closed: boolean; readonly now: Date }): Page => {
  const t = threadText(visit);
  const waited = (th: ThreadSummary) => (th.waitingSince ? t.days(Math.max(0, Math.floor((view.now.getTime() - Date.parse(th.waitingSince)) / DAY_MS))) : '—');
  return frame(
    visit,
    t.queueTitle,
    html`<h1>${t.queueTitle}</h1><p class="lead">${t.queueLead}</p>
${view.threads.length ? threadTable(visit, view.threads, (th) => visit.href(`${SUPPLIER_THREADS_PATH}/${th.threadId}`), { head: `${t.supplier} · ${t.waitingFor}`, cell: (th) => `${th.sellerTaxid} · ${waited(th)}` }) : html`<p>${t.queueEmpty}</p>`}
${view.closed ? '' : html`<p><a href="${visit.href(`${SUPPLIER_THREADS_PATH}?closed=1`)}">${t.showClosed}</a></p>`}`,
  );
};

export const officeThreadPage = (
  visit: Visit,
  view: { readonly thread: ThreadSummary; readonly messages: readonly ThreadMessage[]; readonly names: ReadonlyMap<string, string>; readonly staff: ReadonlyMap<string, string>; readonly csrfToken: string; readonly error?: string; readonly text?: string },
  status = 200,
): Page => {
  const t = threadText(visit);
  const th = view.thread;
  const base = `${SUPPLIER_THREADS_PATH}/${th.threadId}`;
  const stateForm = html`<form method="post" action="${visit.href(`${base}/${th.status === 'open' ? 'close' : 'reopen'}`)}">${csrfInput(view.csrfToken)}<button class="button secondary" type="submit">${th.status === 'open' ? t.close : t.reopen}</button></form>`;
  return frame(
    visit,
    topicLabel(visit, th.topic),
    html`<h1>${topicLabel(visit, th.topic)}</h1><p class="lead">${t.supplier} ${th.sellerTaxid} · ${t.status}: ${th.status === 'open' ? t.open : t.closed}</p>
${messagesList(visit, view.messages, { names: view.names, fileHref: (fileId) => visit.href(`${base}/files/${fileId}`), officeName: (staffId) => `${t.office}${staffId ? ` (${view.staff.get(staffId) ?? staffId})` : ''}` })}
${th.status === 'open' ? html`<section aria-labelledby="reply"><h2 id="reply">${t.officeReply}</h2><p>${t.officeHint}</p>${messageForm(visit, { action: base, csrfToken: view.csrfToken, label: t.officeReply, error: view.error ?? null, text: view.text ?? '' })}</section>` : view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}
${stateForm}`,
    status,
  );
};

const officeThreadsRoutes =
  (services: SupplierPortalServices): WebRoutes =>
  async (app, options) => {
    await registerThreadUploads(app);
    const now = () => services.now?.() ?? new Date();
    registerPages(options, ({ at, visit }) => {
      const render = (reply: FastifyReply, v: Visit, page: Page) => options.render(reply.header('cache-control', 'private, no-store'), v, page);
      /** The member who may answer, or the answer already sent (the login, or 403). */
      const allowed = async (request: FastifyRequest, reply: FastifyReply): Promise<StaffMember | FastifyReply> => {
        const member = request.session?.kind === 'staff' ? await staffMember(services, request.session.subjectId) : null;
        if (!member || member.disabled) return reply.header('cache-control', 'no-store').redirect(at('/office/login'), 303);
        if (!mayAnswerSuppliers(member)) return render(reply, visit(request), forbiddenPage(visit(request)));
        return member;
      };
      const isMember = (value: StaffMember | FastifyReply): value is StaffMember => 'staffId' in value;

      const showThread = async (request: FastifyRequest, reply: FastifyReply, id: string, form: { error?: string; text?: string } = {}, status = 200) => {
        const found = await threadOf(services.client, services.schema, id, null);
        if (!found) throw new NotFound();
        const [names, staff] = [await threadFileNames(services.client, services.schema, id), new Map((await listStaff(services)).map((m) => [m.staffId, m.name]))];
        return render(reply, visit(request), officeThreadPage(visit(request), { ...found, names, staff, csrfToken: request.session?.csrfToken ?? '', ...form }, status));
      };

      app.get<{ Querystring: { closed?: string } }>(at(SUPPLIER_THREADS_PATH), { schema: { querystring: { type: 'object', properties: { closed: { type: 'string', maxLength: 1 } } } } }, async (request, reply) => {
        const member = await allowed(request, reply);
        if (!isMember(member)) return member;
        const closed = request.query.closed === '1';
        return render(reply, visit(request), officeQueuePage(visit(request), { threads: await threadQueue(services.client, services.schema, { closed }), closed, now: now() }));
      });

      app.get<{ Params: { id: string } }>(at(`${SUPPLIER_THREADS_PATH}/:id`), { schema: { params } }, async (request, reply) => {
        const member = await allowed(request, reply);
        if (!isMember(member)) return member;
        return showThread(request, reply, request.params.id);
      });

      app.get<{ Params: { id: string; fileId: string } }>(at(`${SUPPLIER_THREADS_PATH}/:id/files/:fileId`), { schema: { params: fileParams } }, async (request, reply) => {
        const member = await allowed(request, reply);
        if (!isMember(member)) return member;
        const file = await threadFile(services.client, services.schema, request.params.id, request.params.fileId);
        if (!file) throw new NotFound();
        return sendThreadFile(reply.header('cache-control', 'private, no-store'), file);
      });

      const act = (path: string, work: (member: StaffMember, id: string, body: Readonly<Record<string, unknown>>) => Promise<void>) =>
        app.post<{ Params: { id: string }; Body: Readonly<Record<string, unknown>> }>(at(`${SUPPLIER_THREADS_PATH}/:id${path}`), { schema: { params } }, async (request, reply) => {
          const member = await allowed(request, reply);
          if (!isMember(member)) return member;
          const v = visit(request);
          const body = request.body ?? {};
          try {
            await work(member, request.params.id, body);
          } catch (error) {
            if (!isDomainError(error)) throw error;
            if (error.code === einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN.code) throw new NotFound();
            return showThread(request, reply, request.params.id, { error: v.lang === 'el' ? error.messageEl : error.messageEn, text: typeof body.text === 'string' ? body.text : '' }, error.status);
          }
          return reply.header('cache-control', 'no-store').redirect(v.href(`${SUPPLIER_THREADS_PATH}/${request.params.id}`), 303);
        });

      act('', (member, id, body) => replyAsOffice(services, member, id, { text: typeof body.text === 'string' ? body.text : '', files: filesOf(body) }));
      act('/close', (member, id) => closeAsOffice(services, member, id));
      act('/reopen', (member, id) => reopenAsOffice(services, member, id));
    });
  };

/** The office's pages of the line to the service: a context of its own beside the office's, on the same login. */
export const officeSupplierThreadsWeb = (services: SupplierPortalServices): WebContext => ({ name: 'office-supplier-threads', nav: [], sitemap: async () => [], routes: officeThreadsRoutes(services) });
