// The token request (RFC 6749 §4.1.3): a form POST with the code, the same redirect_uri, the client's id
// and secret in the body (client_secret_post, as GSIS's registered clients do) and the PKCE verifier
// (RFC 7636 §4.5; a server without PKCE ignores it). The answer is JSON (§5.1) or an OAuth error (§5.2).
import { TaxisNetError } from './errors.ts';
import type { TaxisNetAnswer } from './http.ts';
import { detailOf, jsonErrorOf, requestTaxisNet } from './http.ts';
import { isCodeVerifier } from './loginAttempt.ts';
import { TOKEN_PATH } from './paths.ts';
import type { CheckedSettings } from './settings.ts';

/** An authorization code is opaque, but no server's is this long or holds control characters. */
const CODE = /^[\x21-\x7e]{1,1024}$/;

const accessTokenOf = (url: string, answer: TaxisNetAnswer): string => {
  if (answer.status >= 500) throw new TaxisNetError('OD_TAXISNET_DOWN', detailOf(url, answer, 'server error', true));
  // §5.2: 400 (invalid_grant: a used, expired or foreign code; a wrong verifier) or 401 (invalid_client).
  if (answer.status >= 300) throw new TaxisNetError('OD_TAXISNET_REFUSED', detailOf(url, answer, jsonErrorOf(answer.body) ?? 'refused', true));
  let value: unknown;
  try {
    value = JSON.parse(answer.body);
  } catch {
    throw new TaxisNetError('OD_TAXISNET_BAD_ANSWER', detailOf(url, answer, 'not JSON'));
  }
  if (typeof value !== 'object' || value === null) throw new TaxisNetError('OD_TAXISNET_BAD_ANSWER', detailOf(url, answer, 'not a JSON object'));
  const fields = value as Record<string, unknown>;
  if (typeof fields.error === 'string') throw new TaxisNetError('OD_TAXISNET_REFUSED', detailOf(url, answer, fields.error, true));
  const token = fields.access_token;
  if (typeof token !== 'string' || !/^[\x21-\x7e]{1,4096}$/.test(token)) throw new TaxisNetError('OD_TAXISNET_BAD_ANSWER', detailOf(url, answer, 'no usable access_token'));
  // §7.1: a token of another type would need another way of presenting it; userinfo takes a bearer token.
  const type = fields.token_type;
  if (type !== undefined && (typeof type !== 'string' || type.toLowerCase() !== 'bearer')) {
    throw new TaxisNetError('OD_TAXISNET_BAD_ANSWER', detailOf(url, answer, `token_type ${JSON.stringify(type)}`));
  }
  return token;
};

export const exchangeCode = async (settings: CheckedSettings, fetchImpl: typeof fetch, code: string, codeVerifier: string): Promise<{ accessToken: string }> => {
  // A code that cannot be one is TaxisNet's answer gone wrong (or a forged callback): refused, nothing sent.
  if (!CODE.test(code)) throw new TaxisNetError('OD_TAXISNET_REFUSED', { reason: 'the callback carried no usable code' });
  if (!isCodeVerifier(codeVerifier)) throw new TypeError('exchangeCode: codeVerifier must be the LoginAttempt’s (43-128 unreserved characters)');
  const url = `${settings.base}${TOKEN_PATH}`;
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: settings.redirectUri,
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    code_verifier: codeVerifier,
  });
  const answer = await requestTaxisNet(
    fetchImpl,
    url,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body },
    settings.timeoutMs,
  );
  return { accessToken: accessTokenOf(url, answer) };
};
