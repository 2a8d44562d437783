// Form fields with their label, hint and error tied to the control (aria-describedby), as the gov.gr
// design system lays them out. Forms submit with GET so that every filtered view is a plain link.
import { attr, html } from '../html.ts';
import type { Html } from '../html.ts';

interface FieldBase {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | null;
}

const describedBy = (f: FieldBase): string | null =>
  [f.hint ? `${f.id}-hint` : null, f.error ? `${f.id}-error` : null].filter((x) => x !== null).join(' ') || null;

const wrap = (f: FieldBase, control: Html): Html => html`<div class="field${f.error ? ' field-error' : ''}">
  <label for="${f.id}">${f.label}</label>
  ${f.hint ? html`<p class="hint" id="${f.id}-hint">${f.hint}</p>` : null}
  ${f.error ? html`<p class="error-message" id="${f.id}-error">${f.error}</p>` : null}
  ${control}
</div>`;

export const textField = (
  f: FieldBase & { readonly value: string; readonly type?: 'text' | 'search'; readonly inputmode?: 'numeric'; readonly autocomplete?: string; readonly size?: number },
): Html =>
  wrap(
    f,
    html`<input id="${f.id}" name="${f.name}" type="${f.type ?? 'text'}" value="${f.value}"${attr('inputmode', f.inputmode)}${attr('autocomplete', f.autocomplete ?? 'off')}${attr('size', f.size)}${attr('aria-describedby', describedBy(f))}${attr('aria-invalid', f.error ? 'true' : null)}>`,
  );

export const selectField = (f: FieldBase & { readonly value: string; readonly options: readonly (readonly [value: string, label: string])[] }): Html =>
  wrap(
    f,
    html`<select id="${f.id}" name="${f.name}"${attr('aria-describedby', describedBy(f))}>${f.options.map(
      ([value, label]) => html`<option value="${value}"${attr('selected', value === f.value && 'selected')}>${label}</option>`,
    )}</select>`,
  );

/** Errors listed above the form, each linking to its field, as the gov.gr error summary does. */
export const errorSummary = (title: string, errors: readonly (readonly [fieldId: string, message: string])[]): Html | null =>
  errors.length === 0
    ? null
    : html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">${title}</h2>
  <ul>${errors.map(([id, message]) => html`<li><a href="#${id}">${message}</a></li>`)}</ul>
</div>`;
