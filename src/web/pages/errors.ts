// The pages for a missing page, a malformed request and a server error, in the visitor's language.
import { html } from '../html.ts';
import type { Page, Visit } from '../page.ts';

export type ErrorStatus = 400 | 404 | 500;

export const errorPage = (visit: Visit, status: ErrorStatus): Page => {
  const { t } = visit;
  const [title, text] =
    status === 404 ? [t.errors.notFound, t.errors.notFoundText] : status === 400 ? [t.errors.badRequest, t.errors.badRequestText] : [t.errors.serverError, t.errors.serverErrorText];
  return {
    title,
    section: null,
    crumbs: [],
    status,
    main: html`<h1>${title}</h1><p class="lead">${text}</p><p><a href="${visit.href('/')}">${t.errors.home}</a></p>`,
  };
};
