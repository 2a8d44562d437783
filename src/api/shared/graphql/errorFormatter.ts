// Every GraphQL error as the client may see it: a code in `extensions.code` and a message in Greek and
// English. Our own refusals keep their words; GraphQL's own (syntax, validation, variables) are the client's
// query and are passed on, labelled; whatever else went wrong (a database error, a bug) is answered with a
// generic message and logged whole, since its text may name tables, columns or code.
import type { FastifyBaseLogger } from 'fastify';
import type { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { InvalidCursor } from '../../../projections/shared/paging.ts';
import { API_ERRORS, isApiError, toApiError } from '../errors.ts';
import { isExecutionStopped } from './executionStopped.ts';

const INVALID_QUERY = { el: 'Μη έγκυρο ερώτημα GraphQL', en: 'Invalid GraphQL query' };

interface Formatted {
  readonly error: GraphQLFormattedError;
  /** The HTTP status the error calls for when it is the request's only answer. */
  readonly status: number;
  readonly internal: boolean;
}

const withCode = (error: GraphQLError, message: string, code: string, extra: Record<string, unknown> = {}): GraphQLFormattedError => ({
  message,
  ...(error.locations ? { locations: error.locations } : {}),
  ...(error.path ? { path: error.path } : {}),
  extensions: { ...extra, code },
});

const hasOwnCode = (extensions: unknown): extensions is { code: string } =>
  typeof extensions === 'object' && extensions !== null && typeof (extensions as { code?: unknown }).code === 'string' && (extensions as { code: string }).code.startsWith('OD_');

const statusOf = (error: unknown, fallback: number): number => {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 ? status : fallback;
};

/** Mercurius's own refusals of a request, by their codes, in our words. */
const MERCURIUS_REFUSALS: Readonly<Record<string, { code: string; status: number; el: string; en: string }>> = {
  MER_ERR_METHOD_NOT_ALLOWED: {
    code: 'OD_METHOD_NOT_ALLOWED',
    status: 405,
    el: 'Με GET στέλνονται μόνο ερωτήματα (query)',
    en: 'Only queries can be sent by GET',
  },
  MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND: { code: 'OD_INVALID_REQUEST', status: 400, el: 'Λείπει το ερώτημα (query)', en: 'The query is missing' },
  // Without inner errors, mercurius's validation error is the JSON of a GET's variables or extensions.
  MER_ERR_GQL_VALIDATION: {
    code: 'OD_INVALID_REQUEST',
    status: 400,
    el: 'Οι μεταβλητές (variables) ή οι επεκτάσεις (extensions) δεν είναι έγκυρο JSON',
    en: 'The variables or extensions are not valid JSON',
  },
};

const formatOne = (error: GraphQLError, within: unknown): Formatted => {
  const original: unknown = error.originalError;
  // Execution errors (with a path) leave the rest of the answer standing: 200, as GraphQL over HTTP has it.
  const request = (status: number) => (error.path === undefined ? status : 200);
  if (hasOwnCode(error.extensions)) {
    return { error: withCode(error, error.message, error.extensions.code, error.extensions), status: request(statusOf(original ?? within, 400)), internal: false };
  }
  if (isExecutionStopped(original)) return { error: withCode(error, original.message, original.code), status: request(original.status), internal: false };
  if (original instanceof InvalidCursor) return { error: withCode(error, original.message, original.code), status: request(400), internal: false };
  // GraphQL's own words about the client's document (syntax, unknown fields, variables): no path, no other cause.
  if ((original === undefined || original instanceof GraphQLError) && error.path === undefined) {
    return { error: withCode(error, `${INVALID_QUERY.el} / ${INVALID_QUERY.en}: ${error.message}`, 'OD_INVALID_QUERY'), status: statusOf(within, 400), internal: false };
  }
  const refusal = MERCURIUS_REFUSALS[String((original as { code?: unknown } | undefined)?.code)];
  if (refusal) return { error: withCode(error, `${refusal.el} / ${refusal.en}`, refusal.code), status: refusal.status, internal: false };
  if (original instanceof Error && (isApiError(original) || typeof (original as { statusCode?: unknown }).statusCode === 'number')) {
    const api = toApiError(original);
    if (api.statusCode < 500) return { error: withCode(error, `${api.messageEl} / ${api.messageEn}`, api.code), status: request(api.statusCode), internal: false };
  }
  const internal = API_ERRORS.OD_INTERNAL;
  return { error: withCode(error, `${internal.el} / ${internal.en}`, 'OD_INTERNAL'), status: request(500), internal: true };
};

/** Mercurius's inner errors of a request it refused: GraphQL's for a document, plain ones for a method. */
const inner = (error: GraphQLError): { wrapper: unknown; errors: unknown[] } | null => {
  const wrapper: unknown = error.originalError;
  const errors = (wrapper as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) && errors.length > 0 ? { wrapper, errors } : null;
};

const logOf = (context: Partial<MercuriusContext>): FastifyBaseLogger | undefined => context.reply?.log ?? context.app?.log;

export const formatGraphqlErrors = (
  execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>,
  context: MercuriusContext,
): { statusCode: number; response: FormattedExecutionResult } => {
  const log = logOf(context);
  const formatted = execution.errors.flatMap((error): Formatted[] => {
    const wrapped = inner(error);
    const each =
      wrapped === null || (wrapped.wrapper as { code?: unknown }).code !== 'MER_ERR_GQL_VALIDATION'
        ? [formatOne(error, undefined)]
        : // Mercurius wraps the validation errors of a document (or fastify's of the body) in one of its own.
          wrapped.errors.map((e) => formatOne(e instanceof GraphQLError ? e : new GraphQLError(String((e as Error).message), { originalError: e as Error }), wrapped.wrapper));
    // The whole error, whose text the client does not see, stays in the log.
    if (each.some((f) => f.internal)) log?.error({ err: error.originalError ?? error, path: error.path }, 'graphql execution failed');
    else log?.info({ err: error }, 'graphql request refused');
    return each;
  });
  const data = execution.data ?? null;
  // With data the answer is 200 (GraphQL over HTTP); without, the status of the one reason there was none.
  const statusCode = data !== null ? 200 : formatted.length === 1 ? formatted[0]!.status : formatted.every((f) => f.status === 400) ? 400 : 200;
  return { statusCode, response: { data, errors: formatted.map((f) => f.error) } };
};
