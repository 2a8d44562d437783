// The pages of «Αναφορά προβλήματος»: the kinds of problem by group, the form (description, the type's
// attributes, photos, the place on a map or by address, who reports), «Μήπως έχει ήδη αναφερθεί;» with +1,
// «check your e-mail», the link's confirmation, and «Καταχωρίστηκε». Plain forms that work without
// JavaScript; the map and the live search of places and nearby requests are report.js's enhancements.
import type { Bounds, RequestAttribute, RequestType } from '../../domain/index.ts';
import type { NearbyRequest } from '../../projections/requests/index.ts';
import { errorSummary } from '../shared/components/fields.ts';
import { TILE_MAP_ASSETS, tileMap } from '../shared/components/tileMap.ts';
import { formatDate } from '../shared/format.ts';
import type { Html } from '../shared/html.ts';
import { attr, html } from '../shared/html.ts';
import type { MapTiles } from '../shared/map.ts';
import type { Crumb, Page, Visit } from '../shared/page.ts';
import { reportText } from './reportMessages.ts';

export const NEW_PATH = '/requests/new';
const SECTION = 'requests';

/** The form's refusals by field name («description», «email», «photo», «lat», «attribute[size]», or «form»). */
export type FormErrors = Readonly<Record<string, string>>;
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

const crumbsOf = (v: Visit): Crumb[] => [{ label: v.lang === 'el' ? 'Αναφορές προβλημάτων' : 'Problem reports', path: '/requests' }];

const csrfInput = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;

const idOf = (field: string): string => `report-${field.replace(/[^a-z0-9_-]/gi, '-')}`;

const one = (values: FormValues, name: string): string => {
  const v = values[name];
  return typeof v === 'string' ? v : (v?.[0] ?? '');
};

const errorOf = (errors: FormErrors, name: string): Html | null => (errors[name] ? html`<p class="error-message" id="${idOf(name)}-error">${errors[name]}</p>` : null);

const fieldClass = (errors: FormErrors, name: string): string => (errors[name] ? 'field field-error' : 'field');

export const categoryPage = (v: Visit, types: readonly RequestType[], status?: number): Page => {
  const t = reportText(v).report;
  const groups = new Map<string, RequestType[]>();
  for (const type of types) groups.set(type.group[v.lang], [...(groups.get(type.group[v.lang]) ?? []), type]);
  return {
    title: t.title,
    description: t.description,
    section: SECTION,
    crumbs: crumbsOf(v),
    ...(status ? { status } : {}),
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
${[...groups].map(
  ([group, list]) => html`<h2>${group}</h2>
<ul class="service-list">${list.map(
    (type) => html`<li><h3><a href="${v.href(`${NEW_PATH}?service_code=${type.code}`)}">${type.name[v.lang]}</a></h3><p>${type.description[v.lang]}</p></li>`,
  )}</ul>`,
)}`,
  };
};

const attributeControl = (v: Visit, a: RequestAttribute, values: FormValues, errors: FormErrors): Html => {
  const t = reportText(v).report;
  const name = `attribute[${a.code}]`;
  const id = idOf(name);
  const label = html`${a.description[v.lang]}${a.required ? '' : html` <span class="hint">(${t.optional})</span>`}`;
  const hint = a.datatypeDescription ? html`<p class="hint" id="${id}-hint">${a.datatypeDescription[v.lang]}</p>` : null;
  const described = attr('aria-describedby', [a.datatypeDescription ? `${id}-hint` : null, errors[name] ? `${id}-error` : null].filter(Boolean).join(' ') || null);
  if (!a.variable) return html`<p class="notice">${a.description[v.lang]}</p>`;
  if (a.datatype === 'multivaluelist') {
    const chosen = values[`${name}[]`] ?? [];
    return html`<fieldset class="${fieldClass(errors, name)}" id="${id}"><legend>${label}</legend>${hint}${errorOf(errors, name)}${a.values.map(
      (o) => html`<label class="choice"><input type="checkbox" name="${name}[]" value="${o.key}"${attr('checked', (typeof chosen === 'string' ? [chosen] : chosen).includes(o.key) && 'checked')}> ${o.name[v.lang]}</label>`,
    )}</fieldset>`;
  }
  const value = one(values, name);
  const control =
    a.datatype === 'singlevaluelist'
      ? html`<select id="${id}" name="${name}"${described}${attr('required', a.required && 'required')}><option value="">${t.choose}</option>${a.values.map(
          (o) => html`<option value="${o.key}"${attr('selected', o.key === value && 'selected')}>${o.name[v.lang]}</option>`,
        )}</select>`
      : a.datatype === 'text'
        ? html`<textarea id="${id}" name="${name}" rows="3"${described}>${value}</textarea>`
        : html`<input id="${id}" name="${name}" type="${a.datatype === 'number' ? 'number' : a.datatype === 'datetime' ? 'datetime-local' : 'text'}" value="${value}"${attr('step', a.datatype === 'number' && 'any')}${described}${attr('required', a.required && 'required')}>`;
  return html`<div class="${fieldClass(errors, name)}"><label for="${id}">${label}</label>${hint}${errorOf(errors, name)}${control}</div>`;
};

export interface FormView {
  readonly type: RequestType;
  readonly csrfToken: string;
  readonly values: FormValues;
  readonly errors: FormErrors;
  /** A citizen logged in with TaxisNet: their name and the verified e-mail the news goes to. */
  readonly account: { readonly name: string; readonly email: string | null } | null;
  readonly loginHref: string | null;
  readonly tiles: MapTiles;
  readonly bounds: Bounds;
  readonly status?: number;
}

const textInput = (name: string, label: string, value: string, errors: FormErrors, extra: { type?: string; autocomplete?: string; hint?: string; required?: boolean } = {}): Html => {
  const id = idOf(name);
  return html`<div class="${fieldClass(errors, name)}"><label for="${id}">${label}</label>${extra.hint ? html`<p class="hint" id="${id}-hint">${extra.hint}</p>` : null}${errorOf(errors, name)}
<input id="${id}" name="${name}" type="${extra.type ?? 'text'}" value="${value}"${attr('autocomplete', extra.autocomplete ?? 'off')}${attr('required', extra.required && 'required')}${attr(
    'aria-describedby',
    [extra.hint ? `${id}-hint` : null, errors[name] ? `${id}-error` : null].filter(Boolean).join(' ') || null,
  )}></div>`;
};

export const formPage = (v: Visit, view: FormView, limits: { readonly maxPhotos: number; readonly maxMb: number }): Page => {
  const t = reportText(v).report;
  const n = reportText(v).nearby;
  const { type, values, errors } = view;
  const summary = errorSummary(
    t.errorsTitle,
    Object.entries(errors).map(([field, message]) => [field === 'lat' ? 'report-address' : idOf(field), message] as const),
  );
  return {
    title: `${t.title}: ${type.name[v.lang]}`,
    description: t.description,
    section: SECTION,
    crumbs: [...crumbsOf(v), { label: t.title, path: NEW_PATH }],
    scripts: [...TILE_MAP_ASSETS.scripts, 'report.js'],
    styles: TILE_MAP_ASSETS.styles,
    ...(view.status ? { status: view.status } : {}),
    main: html`<h1>${t.title}</h1>
${summary}
<form method="post" action="${v.href(NEW_PATH)}" enctype="multipart/form-data" id="report-form" data-places="${v.href('/requests/places')}" data-nearby="${v.href('/requests/nearby')}" data-lang="${v.lang}" novalidate>
${csrfInput(view.csrfToken)}
<input type="hidden" name="service_code" value="${type.code}">
<input type="hidden" name="nearby_seen" id="report-nearby-seen" value="">
<p><strong>${t.kind}:</strong> ${type.name[v.lang]} · <a href="${v.href(NEW_PATH)}">${t.change}</a></p>
<p class="hint">${type.description[v.lang]}</p>
${errors['form'] ? html`<p class="error-message" role="alert">${errors['form']}</p>` : null}
<div class="${fieldClass(errors, 'description')}"><label for="report-description">${t.describe}</label>
<p class="hint" id="report-description-hint">${t.describeHint}</p>${errorOf(errors, 'description')}
<textarea id="report-description" name="description" rows="5" cols="60" maxlength="4000" required aria-describedby="report-description-hint">${one(values, 'description')}</textarea></div>
${type.attributes.length > 0 ? html`<fieldset><legend>${t.details}</legend>${type.attributes.map((a) => attributeControl(v, a, values, errors))}</fieldset>` : null}
<fieldset id="report-where"><legend>${t.where}</legend>
<p class="hint">${t.whereHint}</p>${errorOf(errors, 'lat')}
${tileMap({ id: 'report-map', mode: 'pick', latInput: 'report-lat', longInput: 'report-long', tiles: view.tiles, bounds: view.bounds, label: t.map })}
<p><button type="button" class="button secondary" data-my-location="report-map" hidden>${t.myLocation}</button></p>
<p id="report-map-message" role="status" class="hint" data-no-location="${t.noLocation}" data-outside="${t.outside}"></p>
<input type="hidden" name="lat" id="report-lat" value="${one(values, 'lat')}">
<input type="hidden" name="long" id="report-long" value="${one(values, 'long')}">
${textInput('address_string', t.address, one(values, 'address_string'), errors, { hint: t.addressHint, autocomplete: 'street-address' })}
<ul id="report-places" class="link-list" hidden aria-label="${t.placesFound}"></ul>
</fieldset>
<section id="report-nearby" hidden aria-live="polite" data-title="${n.title}" data-lead="${n.lead}" data-same="${n.same}" data-other="${n.other}" data-open="${n.open}"></section>
<div class="${fieldClass(errors, 'photo')}"><label for="report-photo">${t.photos} <span class="hint">(${t.optional})</span></label>
<p class="hint" id="report-photo-hint">${t.photosHint(limits.maxPhotos, limits.maxMb)}</p>${errorOf(errors, 'photo')}
<input id="report-photo" name="photo" type="file" multiple accept="image/jpeg,image/png,image/webp,image/heic,image/heif" aria-describedby="report-photo-hint"></div>
<fieldset><legend>${t.who}</legend>
${
  view.account
    ? html`<p>${t.asAccount(view.account.name)}</p><p>${view.account.email ? t.accountEmail(view.account.email) : t.accountNoEmail}</p>`
    : html`<p>${t.anonymousLead}</p>${view.loginHref ? html`<p><a href="${view.loginHref}">${t.orLogin}</a></p>` : null}
${textInput('first_name', `${t.firstName} (${t.optional})`, one(values, 'first_name'), errors, { autocomplete: 'given-name' })}
${textInput('last_name', `${t.lastName} (${t.optional})`, one(values, 'last_name'), errors, { autocomplete: 'family-name' })}
${textInput('email', t.email, one(values, 'email'), errors, { type: 'email', autocomplete: 'email', hint: t.emailHint, required: true })}`
}
<div class="visually-hidden" aria-hidden="true"><label for="report-website">${t.honeypot}</label><input id="report-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
</fieldset>
<p class="hint">${t.publicNote}</p>
<div class="form-actions"><button type="submit" class="button">${t.submit}</button></div>
</form>`,
  };
};

/** «Μήπως έχει ήδη αναφερθεί;»: the nearby open requests, each with its +1, and «no, it is another» to go on. */
export const nearbyPage = (v: Visit, view: { readonly nearby: readonly NearbyRequest[]; readonly draft: string; readonly csrfToken: string; readonly type: RequestType }): Page => {
  const t = reportText(v).nearby;
  return {
    title: t.title,
    section: SECTION,
    crumbs: [...crumbsOf(v), { label: reportText(v).report.title, path: NEW_PATH }],
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<ul class="movement-list">${view.nearby.map(
      (r) => html`<li class="movement-card"><p><strong>${view.type.name[v.lang]}</strong> · ${formatDate(r.requestedAt)} · ${t.metres(r.distance)} · ${t.supports(r.supports)}</p>
<p>${r.description}</p>
<p><a href="${v.href(`/requests/${r.id}`)}">${t.open}</a></p>
<form method="post" action="${v.href(`/requests/${r.id}/support`)}">${csrfInput(view.csrfToken)}<input type="hidden" name="draft" value="${view.draft}"><button type="submit" class="button">${t.same}</button></form></li>`,
    )}</ul>
<p>${t.otherLead}</p>
<form method="post" action="${v.href(`${NEW_PATH}/continue`)}">${csrfInput(view.csrfToken)}<input type="hidden" name="draft" value="${view.draft}"><button type="submit" class="button secondary">${t.other}</button></form>`,
  };
};

const messagePage = (v: Visit, title: string, body: Html, status?: number): Page => ({
  title,
  section: SECTION,
  crumbs: [...crumbsOf(v), { label: reportText(v).report.title, path: NEW_PATH }],
  ...(status ? { status } : {}),
  main: html`<h1>${title}</h1>${body}`,
});

export const supportedPage = (v: Visit, requestId: string): Page => {
  const t = reportText(v);
  return messagePage(v, t.supported.title, html`<p class="lead">${t.supported.lead}</p><p><a href="${v.href(`/requests/${requestId}`)}">${t.nearby.open}</a></p>`);
};

export const notSupportedPage = (v: Visit, message: string, status: number): Page => {
  const t = reportText(v);
  return messagePage(v, t.nearby.title, html`<p class="error-message" role="alert">${message}</p><p><a href="${v.href(NEW_PATH)}">${t.confirm.again}</a></p>`, status);
};

export const sentPage = (v: Visit): Page => {
  const t = reportText(v).sent;
  return messagePage(v, t.title, html`<p class="lead">${t.lead}</p><p>${t.spam}</p>`);
};

export const confirmPage = (v: Visit, view: { readonly token: string; readonly csrfToken: string; readonly type: RequestType | null; readonly description: string }): Page => {
  const t = reportText(v).confirm;
  return messagePage(
    v,
    t.title,
    html`<p class="lead">${t.lead}</p>
<blockquote>${view.type ? html`<p><strong>${view.type.name[v.lang]}</strong></p>` : null}<p>${view.description}</p></blockquote>
<form method="post" action="${v.href('/requests/confirm')}">${csrfInput(view.csrfToken)}<input type="hidden" name="token" value="${view.token}"><button type="submit" class="button">${t.button}</button></form>`,
  );
};

export const linkProblemPage = (v: Visit, message: string, status: number): Page => {
  const t = reportText(v).confirm;
  return messagePage(v, t.problem, html`<p class="error-message" role="alert">${message}</p><p><a href="${v.href(NEW_PATH)}">${t.again}</a></p>`, status);
};

export const recordedPage = (v: Visit, requestId: string, account: boolean): Page => {
  const t = reportText(v).recorded;
  return messagePage(
    v,
    t.title,
    html`<p class="lead">${t.lead}</p>
<dl class="facts"><dt>${t.number}</dt><dd><code class="ref">${requestId}</code></dd></dl>
<ul class="link-list"><li><a href="${v.href(`/requests/${requestId}`)}">${t.page}</a></li>${account ? html`<li><a href="${v.href('/my/requests')}">${t.mine}</a></li>` : null}<li><a href="${v.href(NEW_PATH)}">${t.another}</a></li></ul>`,
  );
};
