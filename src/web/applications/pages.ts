// The applications' pages: the catalogue (/services/), a service's page with its form, the citizen's
// applications and one application with its timeline. Plain HTML forms (they work without JavaScript);
// each field's label, hint and error tied to its control, as the house's fields component does.
import { Decimal } from 'decimal.js';
import type { ApplicationStatus, FieldDefinition, FieldError, ServiceDefinition } from '../../domain/index.ts';
import { CLOSED_STATUSES } from '../../domain/index.ts';
import type { ApplicationRecord, ApplicationStep } from '../../projections/applications/index.ts';
import type { DebtRecord } from '../../projections/debts/index.ts';
import { errorSummary } from '../shared/components/fields.ts';
import { formatDate, formatDateTime, formatEuro } from '../shared/format.ts';
import { attr, html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import { applicationsText } from './messages.ts';

type Status = Exclude<ApplicationStatus, 'none'>;

const euro = (amount: Decimal | string): string => formatEuro(new Decimal(amount).toFixed(2));

const paragraphs = (text: string): Html[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => html`<p>${p}</p>`);

export const isOpen = (status: Status): boolean => !CLOSED_STATUSES.includes(status);

const FORMAT_NAMES = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' } as const;

const megabytes = (bytes: number): string => new Decimal(bytes).div(1_048_576).toDecimalPlaces(1).toString();

/** The input's id for a field, and for an attachment kind (its errors come as `attachment:<kind>`). */
const fieldId = (name: string): string => `field-${name}`;
const attachmentId = (kind: string): string => `attachment-${kind}`;
const idOfError = (field: string): string => (field.startsWith('attachment:') ? attachmentId(field.slice('attachment:'.length)) : fieldId(field));

export const attachmentInput = attachmentId;
export const POINT_PARTS = { lat: '-lat', long: '-long' } as const;

const timeText = (visit: Visit, service: ServiceDefinition): string => {
  const t = applicationsText(visit);
  return service.decision.kind === 'instant' ? t.service.instant : t.service.workingDays(service.deadlineDays);
};

const feeText = (visit: Visit, service: ServiceDefinition): string => {
  const t = applicationsText(visit);
  if (service.fee === null) return t.service.noFee;
  return service.fee.fixed !== undefined ? t.service.fixedFee(euro(service.fee.fixed)) : t.service.computedFee;
};

const neededList = (visit: Visit, service: ServiceDefinition): Html => {
  const t = applicationsText(visit);
  const { lang } = visit;
  const items = [
    ...service.fields.map((f) => html`<li>${f.label[lang]}${f.required ? '' : html` <span class="hint">(${t.service.optional})</span>`}</li>`),
    ...service.attachments.map(
      (a) => html`<li>${a.label[lang]} <span class="hint">(${t.service.attachmentFormats(a.formats.map((f) => FORMAT_NAMES[f]).join(', '), megabytes(a.maxBytes))}${a.required ? '' : html`, ${t.service.optional}`})</span></li>`,
    ),
  ];
  return items.length ? html`<ul>${items}</ul>` : html`<p>${t.service.nothingNeeded}</p>`;
};

const facts = (visit: Visit, service: ServiceDefinition): Html => {
  const t = applicationsText(visit);
  return html`<dl class="facts">
<dt>${t.service.who}</dt><dd>${t.service.applicants[service.applicants]}</dd>
<dt>${t.service.fee}</dt><dd>${feeText(visit, service)}</dd>
<dt>${t.service.time}</dt><dd>${timeText(visit, service)}</dd>
</dl>`;
};

export const cataloguePage = (visit: Visit, catalogue: readonly ServiceDefinition[]): Page => {
  const t = applicationsText(visit);
  const { lang } = visit;
  return {
    title: t.catalogue.title,
    description: t.catalogue.description,
    section: 'applications',
    crumbs: [{ label: t.services.title, path: '/services' }],
    main: html`<h1>${t.catalogue.title}</h1>
<p class="lead">${t.catalogue.lead}</p>
<ul class="service-list">${catalogue.map(
      (s) => html`<li><h2><a href="${visit.href(`/services/${s.code}/`)}">${s.title[lang]}</a></h2>
<p>${s.summary[lang]}</p>
${facts(visit, s)}
<p><strong>${t.service.needed}:</strong></p>${neededList(visit, s)}
<p><a href="${visit.href(`/services/${s.code}/`)}">${t.service.open}<span class="visually-hidden">: ${s.title[lang]}</span></a></p></li>`,
    )}</ul>`,
  };
};

/** What the service's form shows: the session's token, the submission's nonce, what was typed and its errors. */
export interface FormView {
  readonly csrfToken: string;
  readonly submission: string;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly FieldError[];
  /** The citizen's own debts, for a field of type `debt`. */
  readonly debts: readonly DebtRecord[];
  /** A refusal of the whole application (not eligible), in the visit's language. */
  readonly error?: string;
}

interface Control {
  readonly id: string;
  readonly label: string;
  readonly required: boolean;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

const describedBy = (c: Control): string | null => [c.hint ? `${c.id}-hint` : null, c.error ? `${c.id}-error` : null].filter((x) => x !== null).join(' ') || null;

const controlAttrs = (c: Control): Html => html`${attr('aria-describedby', describedBy(c))}${attr('aria-invalid', c.error ? 'true' : null)}${attr('required', c.required && 'required')}`;

const wrap = (visit: Visit, c: Control, control: Html): Html => {
  const t = applicationsText(visit);
  return html`<div class="field${c.error ? ' field-error' : ''}">
<label for="${c.id}">${c.label}${c.required ? html` <span class="hint">(${t.form.required})</span>` : ''}</label>
${c.hint ? html`<p class="hint" id="${`${c.id}-hint`}">${c.hint}</p>` : ''}
${c.error ? html`<p class="error-message" id="${`${c.id}-error`}">${c.error}</p>` : ''}
${control}</div>`;
};

const INPUT_TYPES: Readonly<Partial<Record<FieldDefinition['type'], Html>>> = {
  text: html`type="text"`,
  date: html`type="date"`,
  taxid: html`type="text" inputmode="numeric" maxlength="11" size="11"`,
  kaek: html`type="text" inputmode="numeric" maxlength="24" size="20"`,
  address: html`type="text" maxlength="200" autocomplete="off"`,
};

const pointControl = (visit: Visit, f: FieldDefinition, c: Control, value: string): Html => {
  const t = applicationsText(visit);
  const [lat = '', long = ''] = value.split(',');
  const hintId = `${c.id}-hint`;
  const errorId = `${c.id}-error`;
  const describe = [c.hint ? hintId : null, `${c.id}-map`, c.error ? errorId : null].filter((x) => x !== null).join(' ');
  const coordinate = (part: 'lat' | 'long', label: string, v: string, min: number, max: number) =>
    html`<div class="field"><label for="${`${c.id}${POINT_PARTS[part]}`}">${label}</label>
<input id="${`${c.id}${POINT_PARTS[part]}`}" name="${`${f.name}${POINT_PARTS[part]}`}" type="number" step="any" min="${min}" max="${max}" inputmode="decimal" value="${v}" aria-describedby="${describe}"${attr('aria-invalid', c.error ? 'true' : null)}${attr('required', c.required && 'required')}></div>`;
  return html`<fieldset class="field${c.error ? ' field-error' : ''}" id="${c.id}"><legend>${c.label}${c.required ? html` <span class="hint">(${t.form.required})</span>` : ''}</legend>
${c.hint ? html`<p class="hint" id="${hintId}">${c.hint}</p>` : ''}
<p class="hint" id="${`${c.id}-map`}">${t.form.pointHint} <a href="https://www.openstreetmap.org/#map=16/38.2017/20.4386" rel="noopener" target="_blank">${t.form.findOnMap}</a> ${t.form.findOnMapHint}</p>
${c.error ? html`<p class="error-message" id="${errorId}">${c.error}</p>` : ''}
${coordinate('lat', t.form.latitude, lat.trim(), 34.5, 42)}${coordinate('long', t.form.longitude, long.trim(), 19, 30)}</fieldset>`;
};

const fieldControl = (visit: Visit, f: FieldDefinition, form: FormView): Html => {
  const t = applicationsText(visit);
  const { lang } = visit;
  const error = form.errors.find((e) => e.field === f.name);
  const c: Control = { id: fieldId(f.name), label: f.label[lang], required: f.required, hint: f.help?.[lang], error: error?.[lang] };
  const value = form.values[f.name] ?? '';
  switch (f.type) {
    case 'text':
    case 'date':
    case 'taxid':
    case 'kaek':
    case 'address':
      return wrap(visit, c, html`<input id="${c.id}" name="${f.name}" ${INPUT_TYPES[f.type]} value="${value}"${attr('maxlength', f.type === 'text' ? (f.max ?? null) : null)}${controlAttrs(c)}>`);
    case 'number':
      return wrap(visit, c, html`<input id="${c.id}" name="${f.name}" type="number" step="any" inputmode="decimal" value="${value}"${attr('min', f.min)}${attr('max', f.max)}${controlAttrs(c)}>`);
    case 'choice':
      return wrap(
        visit,
        c,
        html`<select id="${c.id}" name="${f.name}"${controlAttrs(c)}><option value="">${t.form.choose}</option>${(f.choices ?? []).map(
          (choice) => html`<option value="${choice.value}"${attr('selected', choice.value === value && 'selected')}>${choice.label[lang]}</option>`,
        )}</select>`,
      );
    case 'debt': {
      const hint = form.debts.length === 0 ? [c.hint, t.form.noDebts].filter((x) => x).join(' ') : c.hint;
      const withHint: Control = { ...c, hint };
      return wrap(
        visit,
        withHint,
        html`<select id="${c.id}" name="${f.name}"${controlAttrs(withHint)}><option value="">${t.form.choose}</option>${form.debts.map((d) => {
          const id = `${d.year}-${d.assessment}`;
          return html`<option value="${id}"${attr('selected', id === value && 'selected')}>${t.form.debtOption(d.reason, d.assessment, d.year, euro(d.remaining))}</option>`;
        })}</select>`,
      );
    }
    case 'point':
      return pointControl(visit, f, c, value);
    default: {
      const _exhaustive: never = f.type;
      return html``;
    }
  }
};

const attachmentControl = (visit: Visit, service: ServiceDefinition, kind: string, errors: readonly FieldError[]): Html => {
  const t = applicationsText(visit);
  const a = service.attachments.find((x) => x.kind === kind)!;
  const error = errors.find((e) => e.field === `attachment:${kind}`);
  const formats = t.service.attachmentFormats(a.formats.map((f) => FORMAT_NAMES[f]).join(', '), megabytes(a.maxBytes));
  const c: Control = { id: attachmentId(kind), label: a.label[visit.lang], required: a.required, hint: [a.help?.[visit.lang], formats].filter((x) => x).join(' · '), error: error?.[visit.lang] };
  const accept = a.formats.map((f) => (f === 'pdf' ? 'application/pdf' : `image/${f}`)).join(',');
  return wrap(visit, c, html`<input id="${c.id}" name="${c.id}" type="file" accept="${accept}"${controlAttrs(c)}>`);
};

const applicationForm = (visit: Visit, service: ServiceDefinition, form: FormView): Html => {
  const t = applicationsText(visit);
  const summary = errorSummary(
    t.form.errorsTitle,
    form.errors.map((e) => [idOfError(e.field), `${(service.fields.find((f) => f.name === e.field)?.label ?? service.attachments.find((a) => `attachment:${a.kind}` === e.field)?.label)?.[visit.lang] ?? e.field}: ${e[visit.lang]}`] as const),
  );
  const multipart = service.attachments.length > 0;
  return html`${summary}${form.error ? html`<p class="error" role="alert">${form.error}</p>` : ''}
<form method="post" action="${visit.href(`/services/${service.code}/`)}"${multipart ? html` enctype="multipart/form-data"` : ''} novalidate>
<input type="hidden" name="_csrf" value="${form.csrfToken}">
<input type="hidden" name="submission" value="${form.submission}">
${service.fields.map((f) => fieldControl(visit, f, form))}
${service.attachments.map((a) => attachmentControl(visit, service, a.kind, form.errors))}
<button type="submit" class="button">${t.form.submit}</button>
</form>`;
};

const rateTable = (visit: Visit, service: ServiceDefinition): Html => {
  const t = applicationsText(visit);
  const rates = service.fee?.rates;
  if (!rates) return html``;
  const choices = service.fields.find((f) => f.name === rates.field)?.choices ?? [];
  return html`<p>${t.service.rates}:</p><ul>${rates.table.map((r) => html`<li>${t.service.rate(choices.find((c) => c.value === r.choice)?.label[visit.lang] ?? r.choice, euro(r.perSquareMetrePerDay))}</li>`)}</ul>
${rates.minimum ? html`<p>${t.service.minimum(euro(rates.minimum))}</p>` : ''}`;
};

/** A service's page; `form` null for a visitor (the page then asks to log in), `loginHref` to the login. */
export const servicePage = (visit: Visit, service: ServiceDefinition, form: FormView | null, loginHref: string): Page => {
  const t = applicationsText(visit);
  const { lang } = visit;
  const invalid = form !== null && (form.errors.length > 0 || form.error !== undefined);
  return {
    title: service.title[lang],
    description: service.summary[lang],
    section: 'applications',
    crumbs: [
      { label: t.services.title, path: '/services' },
      { label: t.catalogue.title, path: '/services/' },
    ],
    status: form === null ? 200 : invalid ? (form.error !== undefined ? 403 : 400) : 200,
    main: html`<h1>${service.title[lang]}</h1>
<p class="lead">${service.summary[lang]}</p>
${paragraphs(service.description[lang])}
${facts(visit, service)}
${rateTable(visit, service)}
<h2>${t.service.needed}</h2>${neededList(visit, service)}
<section aria-labelledby="application-form"><h2 id="application-form">${t.form.title}</h2>
${form === null ? html`<p>${t.form.loginLead}</p><p><a class="button" href="${loginHref}">${t.form.loginButton}</a></p>` : applicationForm(visit, service, form)}
</section>`,
  };
};

export const loginPage = (visit: Visit, title: string, lead: string, next: string): Page => {
  const t = applicationsText(visit);
  return {
    title,
    section: null,
    crumbs: [{ label: t.account.my, path: '/my/' }],
    status: 401,
    main: html`<h1>${title}</h1><p class="lead">${lead}</p><p><a class="button" href="${`/auth/taxisnet?next=${encodeURIComponent(next)}`}">${t.form.loginButton}</a></p>`,
  };
};

const titleOf = (visit: Visit, catalogue: readonly ServiceDefinition[], code: string): string => catalogue.find((s) => s.code === code)?.title[visit.lang] ?? code;

const overdueOf = (a: ApplicationRecord, today: string): boolean => isOpen(a.status) && a.dueOn < today;

const documentPath = (id: string): string => `/my/applications/${id}/document.pdf`;

const feeCell = (visit: Visit, a: ApplicationRecord): Html => {
  const t = applicationsText(visit);
  if (!a.fee) return html``;
  return html`<br><span>${t.mine.fee(euro(a.fee.amount))}</span> ${a.fee.paid ? html`(${t.mine.feePaid})` : html`<a href="${visit.href('/my/debts')}">${t.mine.payFee}</a>`}`;
};

export interface MyApplicationsView {
  readonly applications: readonly ApplicationRecord[];
  readonly catalogue: readonly ServiceDefinition[];
  readonly today: string;
}

export const myApplicationsPage = (visit: Visit, view: MyApplicationsView): Page => {
  const t = applicationsText(visit);
  const anyOpen = view.applications.some((a) => isOpen(a.status));
  const rows = view.applications.map((a) => {
    const overdue = overdueOf(a, view.today);
    return html`<tr data-id="${a.id}" data-state="${a.status}">
<th scope="row"><a href="${visit.href(`/my/applications/${a.id}`)}">${titleOf(visit, view.catalogue, a.service)}</a></th>
<td>${formatDateTime(a.submittedAt)}</td>
<td data-state-text>${t.statuses[a.status]}${feeCell(visit, a)}</td>
<td>${formatDate(a.dueOn)}${overdue ? html` <strong class="tag overdue">${t.mine.overdue}</strong>` : ''}</td>
<td data-document>${a.document ? html`<a href="${visit.href(documentPath(a.id))}" download>${t.mine.download}</a><br><span class="hint">${t.mine.code}:</span> <code>${a.document.verificationCode}</code>` : ''}</td></tr>`;
  });
  return {
    title: t.mine.title,
    description: t.mine.description,
    section: null,
    crumbs: [{ label: t.account.my, path: '/my/' }],
    scripts: ['live-list.js'],
    main: html`<h1>${t.mine.title}</h1>
<p><a href="${visit.href('/services/')}">${t.mine.newOne}</a></p>
${view.applications.length === 0
  ? html`<p class="lead">${t.mine.none}</p>`
  : html`<div class="table-scroll"><table class="data" id="my-applications"${attr('data-poll', anyOpen ? '/api/my/applications' : null)} data-list="applications" data-field="status" data-words="${JSON.stringify(t.statuses)}" data-final="${JSON.stringify(CLOSED_STATUSES)}" data-download="${t.mine.download}" data-code="${t.mine.code}" data-prefix="${visit.href('/my/applications/')}">
<caption>${t.mine.caption}</caption>
<thead><tr><th scope="col">${t.mine.service}</th><th scope="col">${t.mine.submittedAt}</th><th scope="col">${t.mine.status}</th><th scope="col">${t.mine.dueOn}</th><th scope="col">${t.mine.document}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
${anyOpen ? html`<p class="hint">${t.mine.live}</p>` : ''}
<p class="visually-hidden" aria-live="polite" data-announcer></p>`}`,
  };
};

export interface ApplicationView {
  readonly application: ApplicationRecord;
  readonly steps: readonly ApplicationStep[];
  readonly service: ServiceDefinition | null;
  readonly csrfToken: string;
  readonly today: string;
  readonly error?: string;
}

const fieldValue = (visit: Visit, f: FieldDefinition | undefined, value: string): string => {
  if (f?.type === 'choice') return f.choices?.find((c) => c.value === value)?.label[visit.lang] ?? value;
  if (f?.type === 'date') return formatDate(value);
  return value;
};

const stepBy = (visit: Visit, s: ApplicationStep): string => {
  const t = applicationsText(visit);
  const who = s.actor?.split(':')[0] ?? null;
  return who ? ` · ${t.one.by[who] ?? who}` : '';
};

const answerForm = (visit: Visit, view: ApplicationView): Html => {
  const t = applicationsText(visit);
  const { application: a, service } = view;
  const kinds = service?.attachments ?? [];
  return html`<section aria-labelledby="question"><h2 id="question">${t.one.question}</h2>
<blockquote><p>${a.question ?? ''}</p></blockquote>
<form method="post" action="${visit.href(`/my/applications/${a.id}/answer`)}"${kinds.length ? html` enctype="multipart/form-data"` : ''}>
<input type="hidden" name="_csrf" value="${view.csrfToken}">
<div class="field${view.error ? ' field-error' : ''}"><label for="answer-text">${t.one.answer}</label>
${view.error ? html`<p class="error-message" id="answer-error">${view.error}</p>` : ''}
<textarea id="answer-text" name="text" rows="6" maxlength="4000" required${attr('aria-describedby', view.error ? 'answer-error' : null)}${attr('aria-invalid', view.error ? 'true' : null)}></textarea></div>
${kinds.length ? html`<fieldset><legend>${t.one.answerAttachments}</legend>${kinds.map((k) => html`<div class="field"><label for="${`answer-${attachmentId(k.kind)}`}">${k.label[visit.lang]}</label><input id="${`answer-${attachmentId(k.kind)}`}" name="${attachmentId(k.kind)}" type="file" accept="${k.formats.map((f) => (f === 'pdf' ? 'application/pdf' : `image/${f}`)).join(',')}"></div>`)}</fieldset>` : ''}
<button type="submit" class="button">${t.one.answerButton}</button>
</form></section>`;
};

export const applicationPage = (visit: Visit, view: ApplicationView): Page => {
  const t = applicationsText(visit);
  const { lang } = visit;
  const { application: a, service } = view;
  const title = t.one.title(service?.title[lang] ?? a.service);
  const fields = Object.entries(a.fields).map(([name, value]) => {
    const f = service?.fields.find((x) => x.name === name);
    return html`<tr><th scope="row">${f?.label[lang] ?? name}</th><td>${fieldValue(visit, f, value)}</td></tr>`;
  });
  const attachments = a.attachments.map((r) => {
    const label = service?.attachments.find((x) => x.kind === r.kind)?.label[lang] ?? r.kind;
    return html`<li>${t.one.attachment(label, FORMAT_NAMES[r.format], new Decimal(r.bytes).div(1024).toDecimalPlaces(0).toString())}</li>`;
  });
  const overdue = overdueOf(a, view.today);
  const doc = a.document
    ? html`<section aria-labelledby="document"><h2 id="document">${t.mine.document}</h2>
<table class="facts"><tbody>
<tr><th scope="row">${t.one.protocol}</th><td>${a.document.protocolNumber}/${a.document.year}</td></tr>
<tr><th scope="row">${t.mine.code}</th><td><code>${a.document.verificationCode}</code> · <a href="${visit.href(`/verify/${a.document.verificationCode}`)}">${t.one.verifyLink}</a></td></tr>
</tbody></table>
<p><a class="button" href="${visit.href(documentPath(a.id))}" download>${t.mine.download}</a></p></section>`
    : '';
  return {
    title,
    section: null,
    crumbs: [
      { label: t.account.my, path: '/my/' },
      { label: t.mine.title, path: '/my/applications' },
    ],
    status: view.error ? 400 : 200,
    main: html`<h1>${title}</h1>
<table class="facts"><tbody>
<tr><th scope="row">${t.mine.status}</th><td><strong>${t.statuses[a.status]}</strong></td></tr>
<tr><th scope="row">${t.mine.submittedAt}</th><td>${formatDateTime(a.submittedAt)}</td></tr>
<tr><th scope="row">${t.mine.dueOn}</th><td>${formatDate(a.dueOn)}${overdue ? html` <strong class="tag overdue">${t.mine.overdue}</strong>` : ''}</td></tr>
${a.fee ? html`<tr><th scope="row">${t.service.fee}</th><td>${euro(a.fee.amount)} ${a.fee.paid ? html`(${t.mine.feePaid})` : html`<a href="${visit.href('/my/debts')}">${t.mine.payFee}</a>`}</td></tr>` : ''}
${a.reason && a.status === 'rejected' ? html`<tr><th scope="row">${t.one.reason}</th><td>${a.reason}</td></tr>` : ''}
</tbody></table>
${doc}
${a.status === 'information-requested' ? answerForm(visit, view) : ''}
<section aria-labelledby="fields"><h2 id="fields">${t.one.fields}</h2>
${fields.length ? html`<table class="facts"><tbody>${fields}</tbody></table>` : html`<p>${t.service.nothingNeeded}</p>`}
${attachments.length ? html`<h3>${t.one.attachments}</h3><ul>${attachments}</ul>` : ''}</section>
<section aria-labelledby="timeline"><h2 id="timeline">${t.one.timeline}</h2>
<ol class="timeline">${view.steps.map((s) => html`<li><time datetime="${s.at}">${formatDateTime(s.at)}</time>: ${t.steps[s.kind] ?? s.kind}${stepBy(visit, s)}${s.detail && s.kind !== 'assigned' ? html` — ${s.detail}` : ''}</li>`)}</ol></section>
${isOpen(a.status)
  ? html`<form method="post" action="${visit.href(`/my/applications/${a.id}/withdraw`)}"><input type="hidden" name="_csrf" value="${view.csrfToken}"><p class="hint">${t.one.withdrawHint}</p><button type="submit" class="button danger">${t.one.withdraw}</button></form>`
  : ''}
<p><a href="${visit.href('/my/applications')}">${t.one.back}</a></p>`,
  };
};
