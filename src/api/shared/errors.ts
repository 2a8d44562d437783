// The API's refusals (REST, auth, security, GraphQL's error texts): a stable code, its HTTP status, and a
// message in Greek and English, in REST always in the body
// `{"error": {"code", "message_el", "message_en"}}`. Clients branch on the code, never on the text.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { components } from '../openapi.d.ts';

export type ErrorBody = components['schemas']['ErrorBody'];

interface ErrorSpec {
  readonly status: number;
  readonly el: string;
  readonly en: string;
}

export const API_ERRORS = {
  OD_INVALID_REQUEST: { status: 400, el: 'Μη έγκυρη αίτηση', en: 'Invalid request' },
  OD_FILE_MISSING: { status: 400, el: 'Λείπει το αρχείο: στείλτε το στο πεδίο «file»', en: 'The file is missing: send it in the "file" field' },
  OD_FIELD_AFTER_FILE: {
    status: 400,
    el: 'Τα πεδία της φόρμας πρέπει να προηγούνται του αρχείου· δεν καταχωρίστηκε τίποτα',
    en: 'Form fields must come before the file; nothing was recorded',
  },
  OD_UNAUTHORIZED: { status: 401, el: 'Χρειάζεται έγκυρο κλειδί πρόσβασης (Bearer)', en: 'A valid access token (Bearer) is required' },
  OD_LOGIN_REQUIRED: { status: 401, el: 'Χρειάζεται σύνδεση με TaxisNet', en: 'You need to log in with TaxisNet' },
  OD_FORBIDDEN: { status: 403, el: 'Το κλειδί δεν έχει τον ρόλο που χρειάζεται', en: 'The token does not have the required role' },
  OD_CSRF: {
    status: 403,
    el: 'Λείπει ή δεν ισχύει το CSRF token της συνεδρίας (κεφαλίδα x-csrf-token, από το GET /api/my)· τίποτα δεν άλλαξε',
    en: "The session's CSRF token is missing or wrong (header x-csrf-token, from GET /api/my); nothing was changed",
  },
  OD_NOT_FOUND: { status: 404, el: 'Δεν βρέθηκε', en: 'Not found' },
  OD_TOO_LARGE: { status: 413, el: 'Το αίτημα ή το αρχείο είναι πολύ μεγάλο', en: 'The request or file is too large' },
  OD_UNSUPPORTED_MEDIA_TYPE: { status: 415, el: 'Μη αποδεκτός τύπος περιεχομένου', en: 'Unsupported content type' },
  OD_IMPORT_REJECTED: {
    status: 422,
    el: 'Η εισαγωγή απορρίφθηκε· δείτε τα σφάλματα ανά γραμμή',
    en: 'The import was rejected; see the errors by line',
  },
  OD_PAYMENTS_UNAVAILABLE: {
    status: 503,
    el: 'Η πληρωμή με κάρτα δεν είναι διαθέσιμη· πληρώστε με τον κωδικό RF μέσω e-banking',
    en: 'Card payment is not available; pay with the RF code through e-banking',
  },
  OD_RATE_LIMITED: { status: 429, el: 'Πάρα πολλές αιτήσεις· δοκιμάστε ξανά σε λίγο', en: 'Too many requests; please retry shortly' },
  OD_INTERNAL: { status: 500, el: 'Εσωτερικό σφάλμα', en: 'Internal error' },
} as const satisfies Readonly<Record<string, ErrorSpec>>;

export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  readonly statusCode: number;
  readonly messageEl: string;
  readonly messageEn: string;

  constructor(
    readonly code: ApiErrorCode,
    /** Appended to the standard messages: what exactly was wrong. */
    detail?: { readonly el: string; readonly en: string },
    /** Response headers that belong to the refusal, e.g. WWW-Authenticate. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    const spec = API_ERRORS[code];
    const messageEn = detail ? `${spec.en}: ${detail.en}` : spec.en;
    super(`${code}: ${messageEn}`);
    this.name = 'ApiError';
    this.statusCode = spec.status;
    this.messageEl = detail ? `${spec.el}: ${detail.el}` : spec.el;
    this.messageEn = messageEn;
  }

  get body(): ErrorBody {
    return { error: { code: this.code, message_el: this.messageEl, message_en: this.messageEn } };
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

// Fastify's and its plugins' own refusals, by their codes.
const FASTIFY_CODES: Readonly<Record<string, ApiErrorCode>> = {
  FST_ERR_VALIDATION: 'OD_INVALID_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'OD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'OD_TOO_LARGE',
  FST_PARTS_LIMIT: 'OD_TOO_LARGE',
  FST_FILES_LIMIT: 'OD_TOO_LARGE',
  FST_FIELDS_LIMIT: 'OD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'OD_UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'OD_UNSUPPORTED_MEDIA_TYPE',
};

/** Bodies that are not JSON: said in our words, not the parser's. */
const NOT_JSON = new Set(['FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_CTP_EMPTY_JSON_BODY']);

/**
 * Any error as an ApiError: ours as they are, a client's mistake by its kind, anything else internal. Only
 * schema validation passes its own text on; any other text may name internals and stays in the log.
 */
export const toApiError = (error: FastifyError | Error): ApiError => {
  if (isApiError(error)) return error;
  const { code, statusCode } = error as Partial<FastifyError>;
  const mapped = code === undefined ? undefined : FASTIFY_CODES[code];
  // Fastify's schema messages name the part and rule ("querystring/year must be <= 2100"): worth passing on.
  if (code === 'FST_ERR_VALIDATION') return new ApiError('OD_INVALID_REQUEST', { el: error.message, en: error.message });
  if (mapped) return new ApiError(mapped);
  if (code !== undefined && NOT_JSON.has(code)) return new ApiError('OD_INVALID_REQUEST', { el: 'το σώμα δεν είναι έγκυρο JSON', en: 'the body is not valid JSON' });
  if (statusCode === 404) return new ApiError('OD_NOT_FOUND');
  if (statusCode === 413) return new ApiError('OD_TOO_LARGE');
  if (statusCode === 415) return new ApiError('OD_UNSUPPORTED_MEDIA_TYPE');
  if (statusCode === 429) return new ApiError('OD_RATE_LIMITED');
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) return new ApiError('OD_INVALID_REQUEST');
  return new ApiError('OD_INTERNAL');
};

/** Fastify error handler: every refusal in the one body shape; internal errors logged, never shown. */
export const apiErrorHandler = (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  const apiError = toApiError(error);
  if (apiError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
  else if (!isApiError(error)) request.log.info({ err: error }, 'request refused');
  for (const [name, value] of Object.entries(apiError.headers)) reply.header(name, value);
  return reply.code(apiError.statusCode).type('application/json; charset=utf-8').send(apiError.body);
};
