// Data tables. A table wider than a phone scrolls sideways inside a labelled region that the keyboard
// can reach (WCAG 2.1.1), instead of widening the page.
import { attr, html } from '../html.ts';
import type { Html, HtmlPart } from '../html.ts';

export const scrollTable = (id: string, caption: HtmlPart, content: Html, options: { readonly className?: string; readonly role?: 'table' } = {}): Html =>
  html`<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0"><table class="${options.className ?? 'data'}"${attr('role', options.role)}>
<caption id="${id}">${caption}</caption>
${content}
</table></div>`;

/** A definition list of facts: label and value pairs, the value left out when there is none. */
export const facts = (pairs: readonly (readonly [label: string, value: HtmlPart])[]): Html =>
  html`<dl class="facts">${pairs
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>`;
