// The pages of the line to the service: the supplier's list with the form that opens a thread, the section on
// the statement page, one thread with its messages and the reply form — plain forms (multipart for the
// files) that work without JavaScript, each with its CSRF token. The office's pages use the same pieces.
import type { ThreadMessage, ThreadSummary } from '../../projections/supplierThreads/index.ts';
import { formatDateTime } from '../shared/format.ts';
import type { Html } from '../shared/html.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import { threadText } from './threadMessages.ts';

export const csrfInput = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;
const alert = (text: string | null | undefined): Html => (text ? html`<p class="error" role="alert" id="thread-error">${text}</p>` : html``);

export const topicLabel = (visit: Visit, t: ThreadSummary['topic']): string =>
  `${threadText(visit).kinds[t.kind]} ${t.ref}${t.year ? `/${t.year}` : ''}${t.ada ? ` · ${threadText(visit).ada} ${t.ada}` : ''}`;

const stateOf = (visit: Visit, thread: ThreadSummary): string => {
  const t = threadText(visit);
  if (thread.status === 'closed') return t.closed;
  return `${t.open}, ${thread.waitingSince ? t.waiting : t.answered}`;
};

export const threadTable = (visit: Visit, threads: readonly ThreadSummary[], href: (thread: ThreadSummary) => string, extra?: { readonly head: string; readonly cell: (thread: ThreadSummary) => Html | string }): Html => {
  const t = threadText(visit);
  return html`<div class="table-scroll"><table class="data"><thead><tr><th scope="col">${t.about}</th>${extra ? html`<th scope="col">${extra.head}</th>` : ''}<th scope="col">${t.status}</th><th scope="col">${t.last}</th></tr></thead>
<tbody>${threads.map((th) => html`<tr><th scope="row"><a href="${href(th)}">${topicLabel(visit, th.topic)}</a></th>${extra ? html`<td>${extra.cell(th)}</td>` : ''}<td>${stateOf(visit, th)}</td><td><time datetime="${th.lastAt}">${formatDateTime(th.lastAt)}</time></td></tr>`)}</tbody></table></div>`;
};

const filesInput = (visit: Visit): Html => html`<div class="field"><label for="files">${threadText(visit).files}</label><input id="files" name="files" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.xml,application/pdf,image/jpeg,image/png,application/xml,text/xml"></div>`;

/** A message form: the text, the files; `extra` fields before them (the document of a new thread). */
export const messageForm = (visit: Visit, view: { readonly action: string; readonly csrfToken: string; readonly label: string; readonly extra?: Html; readonly error?: string | null; readonly text?: string }): Html =>
  html`${alert(view.error)}<form method="post" action="${visit.href(view.action)}" enctype="multipart/form-data">${csrfInput(view.csrfToken)}${view.extra ?? ''}
<div class="field"><label for="text">${view.label}</label><textarea id="text" name="text" rows="6" maxlength="4000" required${view.error ? html` aria-describedby="thread-error"` : ''}>${view.text ?? ''}</textarea></div>
${filesInput(visit)}<div class="form-actions"><button class="button" type="submit">${threadText(visit).send}</button></div></form>`;

export const messagesList = (visit: Visit, messages: readonly ThreadMessage[], view: { readonly names: ReadonlyMap<string, string>; readonly fileHref: (fileId: string) => string; readonly officeName?: (staffId: string | null) => string }): Html => {
  const t = threadText(visit);
  return html`<ol class="timeline">${messages.map(
    (m) => html`<li><article><h3>${m.side === 'supplier' ? t.you : (view.officeName?.(m.staffId) ?? t.office)} · <time datetime="${m.at}">${formatDateTime(m.at)}</time></h3>
<p>${m.text.split('\n').map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>${
      m.attachments.length
        ? html`<p>${t.attachments}:</p><ul>${m.attachments.map((a) => html`<li><a href="${view.fileHref(a.fileId)}" download>${view.names.get(a.fileId) ?? a.fileId}</a> (${a.format.toUpperCase()}, ${Math.ceil(a.bytes / 1024)} KB)</li>`)}</ul>`
        : ''
    }</article></li>`,
  )}</ol>`;
};

const frame = (visit: Visit, title: string, main: Html, status = 200): Page => ({
  title,
  description: threadText(visit).description,
  section: null,
  crumbs: [
    { label: visit.t.account.my, path: '/my/' },
    { label: threadText(visit).statement, path: '/my/supplier' },
  ],
  main,
  status,
});

/** The block on the statement page: the latest threads and the way to all of them. */
export const threadsSection = (visit: Visit, threads: readonly ThreadSummary[]): Html => {
  const t = threadText(visit);
  return html`<section aria-labelledby="threads"><h2 id="threads">${t.title}</h2><p>${t.sectionLead}</p>
${threads.length ? threadTable(visit, threads.slice(0, 5), (th) => visit.href(`/my/supplier/threads/${th.threadId}`)) : html`<p>${t.none}</p>`}
<p><a href="${visit.href('/my/supplier/threads')}">${t.all}</a></p></section>`;
};

export const threadsPage = (visit: Visit, view: { readonly threads: readonly ThreadSummary[]; readonly csrfToken: string; readonly error?: string | null; readonly document?: string; readonly text?: string }, status = 200): Page => {
  const t = threadText(visit);
  const document = html`<div class="field"><label for="document">${t.document}</label><input id="document" name="document" type="text" maxlength="100" required value="${view.document ?? ''}"></div>`;
  return frame(
    visit,
    t.title,
    html`<h1>${t.title}</h1><p class="lead">${t.lead}</p>
${view.threads.length ? threadTable(visit, view.threads, (th) => visit.href(`/my/supplier/threads/${th.threadId}`)) : html`<p>${t.none}</p>`}
<section aria-labelledby="new-thread"><h2 id="new-thread">${t.newTitle}</h2>${messageForm(visit, { action: '/my/supplier/threads', csrfToken: view.csrfToken, label: t.text, extra: document, error: view.error ?? null, text: view.text ?? '' })}</section>`,
    status,
  );
};

export const threadPage = (visit: Visit, view: { readonly thread: ThreadSummary; readonly messages: readonly ThreadMessage[]; readonly names: ReadonlyMap<string, string>; readonly csrfToken: string; readonly error?: string | null; readonly sent?: boolean; readonly text?: string }, status = 200): Page => {
  const t = threadText(visit);
  const th = view.thread;
  return frame(
    visit,
    topicLabel(visit, th.topic),
    html`<h1>${topicLabel(visit, th.topic)}</h1><p class="lead">${t.status}: ${stateOf(visit, th)}</p>${view.sent ? html`<p role="status">${t.sent}</p>` : ''}
${messagesList(visit, view.messages, { names: view.names, fileHref: (fileId) => `/api/my/supplier/threads/${th.threadId}/files/${fileId}` })}
${th.status === 'closed' ? html`<p>${t.closedNote}</p>` : ''}
<section aria-labelledby="reply"><h2 id="reply">${t.reply}</h2>${messageForm(visit, { action: `/my/supplier/threads/${th.threadId}`, csrfToken: view.csrfToken, label: t.reply, error: view.error ?? null, text: view.text ?? '' })}</section>
<p><a href="${visit.href('/my/supplier/threads')}">${t.all}</a></p>`,
    status,
  );
};

export const threadsLoginPage = (visit: Visit): Page => {
  const t = threadText(visit);
  return { ...frame(visit, t.title, html`<h1>${t.title}</h1><p class="lead">${t.loginLead}</p><p><a class="button" href="${`/auth/taxisnet?next=${encodeURIComponent(visit.href('/my/supplier/threads'))}`}">${t.loginButton}</a></p>`, 401), crumbs: [] };
};
