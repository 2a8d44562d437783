// The notices part of /my/supplier with forms that work without JavaScript: the e-mail subscriptions (add one
// with its stages, immediate or daily digest, language; remove one) and the webhooks (add one, its secret shown
// once on the page that answers; remove one; send a test). Every form carries the session's CSRF token.
import type { NoticeEvent } from '../../domain/index.ts';
import { NOTICE_EVENTS } from '../../domain/index.ts';
import type { SubscriptionView, WebhookView } from '../../projections/suppliers/index.ts';
import { formatDate } from '../shared/format.ts';
import type { Html } from '../shared/html.ts';
import { attr, html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import { portalText } from './portalMessages.ts';

/** What a redirect after a change tells the statement page (`?done=`). */
export const NOTICE_DONE = ['subscribed', 'unsubscribed', 'webhook-removed', 'ping'] as const;
export type NoticeDone = (typeof NOTICE_DONE)[number];
export const isNoticeDone = (value: unknown): value is NoticeDone => (NOTICE_DONE as readonly unknown[]).includes(value);

/** What a refused form keeps, so the supplier corrects rather than retypes. */
export interface SubscriptionValues {
  readonly email: string;
  readonly events: readonly string[];
  readonly digest: boolean;
  readonly language: 'el' | 'en';
}
export interface WebhookValues {
  readonly url: string;
  readonly events: readonly string[];
}

const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;

const eventsList = (visit: Visit, events: readonly NoticeEvent[]): string => events.map((e) => portalText(visit).events[e]).join(', ');

const eventsFieldset = (visit: Visit, id: string, chosen: readonly string[]): Html => {
  const t = portalText(visit);
  return html`<fieldset><legend>${t.eventsLegend}</legend>
${NOTICE_EVENTS.map((e) => html`<label class="choice"><input type="checkbox" name="events" value="${e}" id="${`${id}-${e.replace(/\W/g, '-')}`}"${attr('checked', chosen.includes(e) && 'checked')}> ${t.events[e]}</label>`)}
</fieldset>`;
};

const errorBlock = (visit: Visit, error: string | null | undefined): Html | '' =>
  error ? html`<div class="error-summary" role="alert"><h2>${portalText(visit).errorTitle}</h2><p>${error}</p></div>` : '';

export const subscriptionForm = (visit: Visit, csrfToken: string, values: SubscriptionValues | null = null, error: string | null = null): Html => {
  const t = portalText(visit);
  const v: SubscriptionValues = values ?? { email: '', events: [...NOTICE_EVENTS], digest: false, language: visit.lang };
  return html`<form method="post" action="${visit.href('/my/supplier/subscriptions')}" novalidate>${csrfField(csrfToken)}
<h3>${t.addSubscription}</h3>${errorBlock(visit, error)}
<div class="field"><label for="subscription-email">${t.email}</label><p class="hint" id="subscription-email-hint">${t.emailHint}</p>
<input type="email" id="subscription-email" name="email" autocomplete="email" maxlength="254" value="${v.email}" aria-describedby="subscription-email-hint"></div>
${eventsFieldset(visit, 'subscription', v.events)}
<fieldset><legend>${t.when}</legend>
<label class="choice"><input type="radio" name="digest" value="false"${attr('checked', !v.digest && 'checked')}> ${t.immediate}</label>
<label class="choice"><input type="radio" name="digest" value="true"${attr('checked', v.digest && 'checked')}> ${t.digest}</label></fieldset>
<fieldset><legend>${t.language}</legend>
${(['el', 'en'] as const).map((lang) => html`<label class="choice"><input type="radio" name="language" value="${lang}"${attr('checked', v.language === lang && 'checked')}> <span lang="${lang}">${t.languages[lang]}</span></label>`)}</fieldset>
<div class="form-actions"><button class="button" type="submit">${t.subscribe}</button></div></form>`;
};

export const webhookForm = (visit: Visit, csrfToken: string, values: WebhookValues | null = null, error: string | null = null): Html => {
  const t = portalText(visit);
  const v: WebhookValues = values ?? { url: '', events: [...NOTICE_EVENTS] };
  return html`<form method="post" action="${visit.href('/my/supplier/webhooks')}" novalidate>${csrfField(csrfToken)}
<h3>${t.addWebhook}</h3>${errorBlock(visit, error)}
<div class="field"><label for="webhook-url">${t.webhookUrl}</label><p class="hint" id="webhook-url-hint">${t.webhookUrlHint}</p>
<input type="url" id="webhook-url" name="url" inputmode="url" maxlength="2000" value="${v.url}" aria-describedby="webhook-url-hint"></div>
${eventsFieldset(visit, 'webhook', v.events)}
<div class="form-actions"><button class="button" type="submit">${t.register}</button></div></form>`;
};

const subscriptionItem = (visit: Visit, s: SubscriptionView, csrfToken: string): Html => {
  const t = portalText(visit);
  return html`<li>${s.email}: ${eventsList(visit, s.events)} — ${s.digest ? t.digest : t.immediate}, <span lang="${s.language}">${t.languages[s.language]}</span>, ${s.confirmedAt ? t.confirmed : t.pending}
<form method="post" action="${visit.href(`/my/supplier/subscriptions/${s.id}/remove`)}" class="inline">${csrfField(csrfToken)}<button class="button secondary" type="submit" aria-label="${t.removeSubscription(s.email)}">${t.remove}</button></form></li>`;
};

const webhookItem = (visit: Visit, w: WebhookView, csrfToken: string): Html => {
  const t = portalText(visit);
  const last = w.lastDeliveries[0];
  return html`<li><code>${w.url}</code>: ${eventsList(visit, w.events)}${w.disabledAt ? html` — <strong>${t.disabled}</strong>` : ''}
${last ? html`<br><span class="hint">${t.lastDelivery}: ${formatDate(last.at.slice(0, 10))} ${last.at.slice(11, 16)} UTC, ${last.outcome} (${last.detail})</span>` : ''}
${w.disabledAt ? '' : html`<form method="post" action="${visit.href(`/my/supplier/webhooks/${w.id}/test`)}" class="inline">${csrfField(csrfToken)}<button class="button secondary" type="submit" aria-label="${t.sendTestTo(w.url)}">${t.sendTest}</button></form>`}
<form method="post" action="${visit.href(`/my/supplier/webhooks/${w.id}/remove`)}" class="inline">${csrfField(csrfToken)}<button class="button secondary" type="submit" aria-label="${t.removeWebhook(w.url)}">${t.remove}</button></form></li>`;
};

export interface NoticesView {
  readonly subscriptions: readonly SubscriptionView[];
  readonly webhooks: readonly WebhookView[];
  readonly csrfToken: string;
  readonly done?: NoticeDone | null;
}

/** The section of the statement page: what is set up, each with its buttons, and the two forms. */
export const noticesSection = (visit: Visit, view: NoticesView): Html => {
  const t = portalText(visit);
  return html`<section aria-labelledby="notices"><h2 id="notices">${t.noticesTitle}</h2><p>${t.noticesLead}</p>
${view.done ? html`<p class="notice" role="status">${t.done[view.done]}</p>` : ''}
<h3>${t.subscriptions}</h3>${view.subscriptions.length ? html`<ul>${view.subscriptions.map((s) => subscriptionItem(visit, s, view.csrfToken))}</ul>` : ''}
${subscriptionForm(visit, view.csrfToken)}
<h3>${t.webhooks}</h3>${view.webhooks.length ? html`<ul>${view.webhooks.map((w) => webhookItem(visit, w, view.csrfToken))}</ul>` : ''}
${webhookForm(visit, view.csrfToken)}</section>`;
};

/** A refused form, again with what was typed and why, on a page of its own (nothing was changed). */
export const refusedFormPage = (visit: Visit, form: Html, status: number): Page => {
  const t = portalText(visit);
  return {
    title: `${t.errorTitle} — ${t.noticesTitle}`,
    section: null,
    crumbs: [{ label: visit.t.account.my, path: '/my/' }, { label: t.title, path: '/my/supplier' }],
    status,
    main: html`<h1>${t.noticesTitle}</h1>${form}<p><a href="${visit.href('/my/supplier#notices')}">${t.toStatement}</a></p>`,
  };
};

/** The answer to a registered webhook: its secret, this once (never in a URL, never again on a page). */
export const webhookSecretPage = (visit: Visit, url: string, secret: string): Page => {
  const t = portalText(visit);
  return {
    title: t.secretTitle,
    section: null,
    crumbs: [{ label: visit.t.account.my, path: '/my/' }, { label: t.title, path: '/my/supplier' }],
    main: html`<h1>${t.secretTitle}</h1><p class="lead"><code>${url}</code></p>
<div class="notice" role="status"><p>${t.secretText}</p><p><code class="secret">${secret}</code></p></div>
<p><a href="${visit.href('/my/supplier#notices')}">${t.toStatement}</a></p>`,
  };
};
