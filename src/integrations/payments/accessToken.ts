// Viva's OAuth2 access token (developer.viva.com, "OAuth2 authentication"): a client-credentials grant,
// POST {accounts}/connect/token with the Smart Checkout client id and secret in HTTP Basic and
// grant_type=client_credentials in a form; the answer is { access_token, expires_in, token_type: "Bearer" }.
// One token is kept until a minute before it expires and fetched once however many calls wait for it.
import { PaymentsError } from './errors.ts';
import { basicAuthorization, detailOf, jsonObjectOf, requestViva } from './http.ts';
import type { VivaAnswer } from './http.ts';
import type { CheckedVivaSettings } from './settings.ts';

const MARGIN_MS = 60_000;

export interface TokenSource {
  /** Calls `send` with a bearer token; on a 401 the token is dropped and `send` is called once more with a new one. */
  withToken(send: (authorization: string) => Promise<VivaAnswer>): Promise<VivaAnswer>;
}

export const tokenSource = (settings: CheckedVivaSettings, fetchImpl: typeof fetch): TokenSource => {
  let held: { readonly token: string; readonly until: number } | null = null;
  let pending: Promise<string> | null = null;

  const fetchToken = async (): Promise<string> => {
    const answer = await requestViva(
      fetchImpl,
      `${settings.accountsUrl}/connect/token`,
      {
        method: 'POST',
        headers: { authorization: basicAuthorization(settings.clientId, settings.clientSecret), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      },
      settings.timeoutMs,
    );
    // 400 invalid_client / unauthorized_client, 401: the credentials are wrong or revoked.
    if (answer.status !== 200) throw new PaymentsError('OD_PAYMENTS_REFUSED', detailOf(answer, 'token refused'));
    const fields = jsonObjectOf(answer);
    const token = fields.access_token;
    if (typeof token !== 'string' || !/^[\x21-\x7e]{1,8192}$/.test(token)) throw new PaymentsError('OD_PAYMENTS_BAD_ANSWER', detailOf(answer, 'no usable access_token'));
    if (typeof fields.token_type === 'string' && fields.token_type.toLowerCase() !== 'bearer') throw new PaymentsError('OD_PAYMENTS_BAD_ANSWER', detailOf(answer, 'not a bearer token'));
    const seconds = Number(fields.expires_in ?? 3600);
    held = { token, until: settings.now() + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0) - MARGIN_MS };
    return token;
  };

  const current = async (): Promise<string> => {
    if (held && held.until > settings.now()) return held.token;
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    return pending;
  };

  return {
    async withToken(send) {
      const answer = await send(`Bearer ${await current()}`);
      if (answer.status !== 401) return answer;
      held = null;
      return send(`Bearer ${await current()}`);
    },
  };
};
