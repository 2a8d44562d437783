// One request to Viva: a deadline over the whole exchange, body included (AbortSignal.timeout), no
// redirects followed, a bounded body. Network failures become OD_PAYMENTS_DOWN, the deadline
// OD_PAYMENTS_TIMEOUT; a 5xx is DOWN too. Reading the answer's meaning is the caller's.
import { isDeadline, readBounded } from '../shared/boundedBody.ts';
import { PaymentsError } from './errors.ts';
import { isJsonObject, parseJsonKeepingNumbers } from './json.ts';
import type { JsonObject } from './json.ts';

export interface VivaAnswer {
  readonly url: string;
  readonly status: number;
  readonly body: string;
}

/** Viva's answers are a few kilobytes; anything this large is not one. */
const MAX_BODY_BYTES = 256 * 1024;

const readBody = async (response: Response, url: string): Promise<string> => {
  const body = await readBounded(response, MAX_BODY_BYTES);
  if (body === null) throw new PaymentsError('OD_PAYMENTS_BAD_ANSWER', { url, status: response.status, reason: `body over ${MAX_BODY_BYTES} bytes` });
  return body;
};

export const requestViva = async (fetchImpl: typeof fetch, url: string, init: RequestInit, timeoutMs: number): Promise<VivaAnswer> => {
  let answer: VivaAnswer;
  try {
    const response = await fetchImpl(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    answer = { url, status: response.status, body: await readBody(response, url) };
  } catch (error) {
    if (error instanceof PaymentsError) throw error;
    throw new PaymentsError(isDeadline(error) ? 'OD_PAYMENTS_TIMEOUT' : 'OD_PAYMENTS_DOWN', { url, error });
  }
  if (answer.status >= 500) throw new PaymentsError('OD_PAYMENTS_DOWN', detailOf(answer, 'server error'));
  return answer;
};

/**
 * What happened, for an error's cause (the log). Bodies are kept only from error answers, cut short: a
 * transaction or order answer carries the payer's e-mail, name and masked card, which stay out of logs.
 */
export const detailOf = (answer: VivaAnswer, reason: string): Record<string, unknown> => ({
  url: answer.url,
  status: answer.status,
  reason,
  ...(answer.status >= 400 ? { body: answer.body.slice(0, 500) } : {}),
});

/** The answer's JSON object (numbers as text), or OD_PAYMENTS_BAD_ANSWER. */
export const jsonObjectOf = (answer: VivaAnswer): JsonObject => {
  let value: unknown;
  try {
    value = parseJsonKeepingNumbers(answer.body);
  } catch {
    throw new PaymentsError('OD_PAYMENTS_BAD_ANSWER', detailOf(answer, 'not JSON'));
  }
  if (!isJsonObject(value)) throw new PaymentsError('OD_PAYMENTS_BAD_ANSWER', detailOf(answer, 'not a JSON object'));
  return value;
};

export const basicAuthorization = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
