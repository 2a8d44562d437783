// Text that comes from the ledger (titles, descriptions, names) is Greek whatever the page's language:
// on English pages it is marked lang="el" so a screen reader pronounces it as Greek.
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { Visit } from '../page.ts';

export const dataText = (visit: Visit, text: string | null | undefined, className?: string): Html | null => {
  if (text === null || text === undefined || text === '') return null;
  if (visit.lang === 'el') return className ? html`<span class="${className}">${text}</span>` : html`${text}`;
  return html`<span lang="el"${className ? html` class="${className}"` : null}>${text}</span>`;
};
