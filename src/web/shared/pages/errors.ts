// The pages for a missing page, a malformed request and a server error, in the visitor's language.
import { html } from '../html.ts';
import type { Page, Visit } from '../page.ts';

/** The page for an HTTP status: its own words for 404 and 429, the bad-request page for any other 4xx. */
export const errorPage = (visit: Visit, status: number): Page => {
  const { t } = visit;
  const [title, text] =
    status === 404
      ? [t.errors.notFound, t.errors.notFoundText]
      : status === 429
        ? [t.errors.tooMany, t.errors.tooManyText]
        : status >= 400 && status < 500
          ? [t.errors.badRequest, t.errors.badRequestText]
          : [t.errors.serverError, t.errors.serverErrorText];
  return {
    title,
    section: null,
    crumbs: [],
    status,
    description: text,
    main: html`<h1>${title}</h1><p class="lead">${text}</p><p><a href="${visit.href('/')}">${t.errors.home}</a></p>`,
  };
};
