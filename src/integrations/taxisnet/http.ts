// One request to TaxisNet: a deadline over the whole exchange, body included (AbortSignal.timeout), no
// redirects followed (a redirect from the token or userinfo endpoint is a login page, i.e. a refusal),
// and a bounded body. Network failures become OD_TAXISNET_DOWN, the deadline OD_TAXISNET_TIMEOUT.
import { isDeadline, readBounded } from '../shared/boundedBody.ts';
import { TaxisNetError } from './errors.ts';

export interface TaxisNetAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** Where a redirect pointed, for the log. */
  readonly location: string | null;
}

/** A userinfo or token answer is a few hundred bytes; anything this large is not one. */
const MAX_BODY_BYTES = 64 * 1024;

const failure = (error: unknown, url: string): TaxisNetError => {
  if (error instanceof TaxisNetError) return error;
  return new TaxisNetError(isDeadline(error) ? 'OD_TAXISNET_TIMEOUT' : 'OD_TAXISNET_DOWN', { url, error });
};

const readBody = async (response: Response, url: string): Promise<string> => {
  const body = await readBounded(response, MAX_BODY_BYTES);
  if (body === null) throw new TaxisNetError('OD_TAXISNET_BAD_ANSWER', { url, status: response.status, reason: `body over ${MAX_BODY_BYTES} bytes` });
  return body;
};

export const requestTaxisNet = async (fetchImpl: typeof fetch, url: string, init: RequestInit, timeoutMs: number): Promise<TaxisNetAnswer> => {
  try {
    const response = await fetchImpl(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const body = await readBody(response, url);
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body, location: response.headers.get('location') };
  } catch (error) {
    throw failure(error, url);
  }
};

/**
 * What happened, for an error's cause (the log; never shown to the citizen). The body is kept only from
 * error answers (`withBody`): a userinfo or token answer that merely failed to parse may hold a person's data
 * or a token, which do not belong in a log.
 */
export const detailOf = (url: string, answer: TaxisNetAnswer, reason: string, withBody = false): Record<string, unknown> => ({
  url,
  status: answer.status,
  contentType: answer.contentType,
  location: answer.location,
  reason,
  ...(withBody ? { body: answer.body.slice(0, 2000) } : {}),
});

/** A JSON body with an OAuth `error`, e.g. {"error":"invalid_token","error_description":"…"}. */
export const jsonErrorOf = (body: string): string | null => {
  if (!/^\s*\{/.test(body)) return null;
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).error === 'string' ? String((value as Record<string, unknown>).error) : null;
  } catch {
    return null;
  }
};
