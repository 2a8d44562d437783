// The TaxisNet client: URLs for the browser (authorize, logout) and the two server-to-server calls.
import { exchangeCode } from './exchangeCode.ts';
import { TaxisNetError } from './errors.ts';
import { requestTaxisNet } from './http.ts';
import { AUTHORIZE_PATH, LOGOUT_PATH, SCOPE, USERINFO_PATH } from './paths.ts';
import { checkSettings } from './settings.ts';
import type { LoginAttempt, TaxisNetClient, TaxisNetSettings } from './types.ts';
import { readUserinfo } from './userinfo.ts';

/** Throws a RangeError naming the wrong setting, at start-up rather than at a citizen's first login. */
export const createTaxisNetClient = (settings: TaxisNetSettings, fetchImpl: typeof fetch = fetch): TaxisNetClient => {
  const checked = checkSettings(settings);
  return {
    authorizeUrl(attempt: LoginAttempt): string {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: checked.clientId,
        redirect_uri: checked.redirectUri,
        scope: SCOPE,
        state: attempt.state,
        code_challenge: attempt.codeChallenge,
        code_challenge_method: 'S256',
      });
      return `${checked.base}${AUTHORIZE_PATH}?${query}`;
    },

    exchangeCode: (code, codeVerifier) => exchangeCode(checked, fetchImpl, code, codeVerifier),

    async userinfo(accessToken: string) {
      if (!/^[\x21-\x7e]{1,4096}$/.test(accessToken)) throw new TaxisNetError('OD_TAXISNET_REFUSED', { reason: 'no usable access token' });
      const url = `${checked.base}${USERINFO_PATH}?format=xml`;
      const answer = await requestTaxisNet(fetchImpl, url, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/xml, text/xml' } }, checked.timeoutMs);
      return readUserinfo(url, answer);
    },

    logoutUrl(returnTo: string): string {
      let target: URL;
      try {
        target = new URL(returnTo);
      } catch {
        throw new TypeError(`logoutUrl: returnTo must be an absolute URL (got «${returnTo}»)`);
      }
      if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new TypeError(`logoutUrl: returnTo must be http(s) (got «${returnTo}»)`);
      return `${checked.base}${LOGOUT_PATH}${encodeURIComponent(checked.clientId)}/?${new URLSearchParams({ url: target.href })}`;
    },
  };
};
