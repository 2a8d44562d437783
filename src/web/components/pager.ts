// Pages of a list by keyset cursor: a count of what is shown, then links to the first and next pages.
// A cursor cannot go back, so the browser's Back button is the way to the previous page.
import { formatCount } from '../format.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { Visit } from '../page.ts';

export interface PagerState {
  /** 1-based number of this page (carried in the URL for the count only). */
  readonly page: number;
  readonly pageSize: number;
  readonly shown: number;
  readonly total: number;
  readonly firstHref: string | null;
  readonly nextHref: string | null;
}

/** "Showing 51–100 of 8.123"; nothing when the page is empty (the page says so in its own words). */
export const resultCount = (visit: Visit, state: PagerState): Html | null => {
  if (state.shown === 0) return null;
  const from = (state.page - 1) * state.pageSize + 1;
  return html`<p class="result-count">${visit.t.common.showing(formatCount(from), formatCount(from + state.shown - 1), formatCount(state.total))}</p>`;
};

export const pager = (visit: Visit, state: PagerState): Html | null =>
  state.firstHref === null && state.nextHref === null
    ? null
    : html`<nav class="pager" aria-label="${visit.t.common.pages}"><ul>
  ${state.firstHref ? html`<li><a href="${state.firstHref}">${visit.t.common.firstPage}</a></li>` : null}
  ${state.nextHref ? html`<li><a href="${state.nextHref}" rel="next">${visit.t.common.nextPage}</a></li>` : null}
</ul></nav>`;
