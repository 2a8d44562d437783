// Pages of a list by keyset cursor: a count of what is shown, then links to the first and next pages.
// A cursor cannot go back, so the browser's Back button is the way to the previous page.
import { InvalidCursor } from '../../../projections/shared/paging.ts';
import { formatCount } from '../format.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import { queryString } from '../lang.ts';
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

/**
 * The page after the cursor `after`; a cursor that no longer decodes (an old or hand-edited link) gives the
 * first page rather than an error page, and `onStale` lets the page say so. `after` is the cursor used.
 */
export const loadPageOrFirst = async <Page>(
  load: (after: string | null) => Promise<Page>,
  after: string | null,
  onStale: () => void = () => undefined,
): Promise<{ readonly result: Page; readonly after: string | null }> => {
  try {
    return { result: await load(after), after };
  } catch (error) {
    if (!(error instanceof InvalidCursor)) throw error;
    onStale();
    return { result: await load(null), after: null };
  }
};

/** The pager of a keyset page of a list at `path`, whose filter is `params` (carried to every link). */
export const pagerStateOf = (
  visit: Visit,
  path: string,
  params: Readonly<Record<string, string | number | null | undefined>>,
  page: { readonly number: number; readonly size: number; readonly after: string | null },
  result: { readonly nodes: readonly unknown[]; readonly cursors: readonly string[]; readonly hasNextPage: boolean },
  total: number,
): PagerState => {
  const lastCursor = result.cursors[result.cursors.length - 1];
  return {
    page: page.number,
    pageSize: page.size,
    shown: result.nodes.length,
    total,
    firstHref: page.after === null ? null : visit.href(`${path}${queryString(params)}`),
    nextHref: result.hasNextPage && lastCursor ? visit.href(`${path}${queryString({ ...params, after: lastCursor, page: page.number + 1 })}`) : null,
  };
};

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
