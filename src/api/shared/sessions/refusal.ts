// The answer to a state-changing request without its CSRF token: the API's JSON error for /api/ and JSON
// clients, a short Greek-first page for a browser's form. The page is plain because this hook runs before
// any route, outside the site's frame; it says what happened and that nothing changed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';

const wantsJson = (request: FastifyRequest): boolean =>
  request.url.startsWith('/api/') || (request.headers['content-type'] ?? '').includes('json') || (request.headers.accept ?? '').startsWith('application/json');

const csrfPage = `<!doctype html><html lang="el"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Η φόρμα έληξε / The form expired</title></head>
<body><main id="main"><h1>Η φόρμα έληξε</h1><p>Η σελίδα από την οποία στείλατε τη φόρμα δεν ισχύει πια (η συνεδρία άλλαξε ή έληξε, ή η φόρμα δεν ήρθε από αυτόν τον ιστότοπο). Ανοίξτε τη σελίδα ξανά και δοκιμάστε πάλι. Τίποτα δεν άλλαξε.</p>
<h2 lang="en">The form expired</h2><p lang="en">The page you sent the form from is no longer valid (your session changed or expired, or the form did not come from this site). Open the page again and retry. Nothing was changed.</p>
<p><a href="/">Αρχική</a> · <a href="/en" lang="en">Home</a></p></main></body></html>`;

export const refuseCsrf = (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  void reply.code(403).header('cache-control', 'no-store');
  if (wantsJson(request)) return reply.type('application/json; charset=utf-8').send(new ApiError('OD_CSRF').body);
  return reply.type('text/html; charset=utf-8').send(csrfPage);
};
