// TaxisNet for the identity context, by configuration: the real GSIS OAuth2 server, or the development
// stand-in mounted in this very app (its own client and secret, made at each start), or none (production
// without TaxisNet settings: the login pages say it is not available). The stand-in's token and userinfo
// calls go through the app itself (fastify inject), not over the network, so it works whatever
// OPENDIMOS_PUBLIC_URL says.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CitizenLogin } from '../api/identity/index.ts';
import { createTaxisNetClient, newLoginAttempt, taxisNetStandIn } from '../integrations/taxisnet/index.ts';
import type { TaxisNetClient } from '../integrations/taxisnet/index.ts';
import type { TaxisNetConfig } from './config.ts';
import { injectFetch } from './injectFetch.ts';

export const STAND_IN_PREFIX = '/dev/taxisnet';

const loginOf = (client: TaxisNetClient): CitizenLogin => ({
  newAttempt: newLoginAttempt,
  authorizeUrl: (attempt) => client.authorizeUrl(attempt),
  identify: async (code, verifier) => client.userinfo((await client.exchangeCode(code, verifier)).accessToken),
  logoutUrl: (returnTo) => client.logoutUrl(returnTo),
});

export interface CitizenLoginSetup {
  readonly login: CitizenLogin | null;
  readonly standIn: boolean;
  /** Origins the browser is sent to from a form (logout → TaxisNet): the site's CSP must allow them. */
  readonly formActions: readonly string[];
  /** Mounts the stand-in's routes on the app, when it is the stand-in. */
  readonly mount: (app: FastifyInstance) => Promise<void>;
}

export const citizenLogin = (taxisNet: TaxisNetConfig, publicUrl: string): CitizenLoginSetup => {
  const redirectUri = `${publicUrl}/auth/taxisnet/callback`;
  if (taxisNet.mode === 'taxisnet') {
    const client = createTaxisNetClient({ baseUrl: taxisNet.baseUrl, clientId: taxisNet.clientId, clientSecret: taxisNet.clientSecret, redirectUri });
    return { login: loginOf(client), standIn: false, formActions: [new URL(taxisNet.baseUrl).origin], mount: async () => undefined };
  }
  if (taxisNet.mode === 'off') return { login: null, standIn: false, formActions: [], mount: async () => undefined };
  const clientId = 'opendimos-development';
  const clientSecret = randomBytes(24).toString('base64url');
  let mounted: FastifyInstance | null = null;
  const client = createTaxisNetClient(
    { baseUrl: `${publicUrl}${STAND_IN_PREFIX}`, clientId, clientSecret, redirectUri },
    injectFetch(() => {
      if (!mounted) throw new Error('The TaxisNet stand-in is not mounted');
      return mounted;
    }),
  );
  return {
    login: loginOf(client),
    standIn: true,
    formActions: [],
    async mount(app) {
      await app.register(taxisNetStandIn, { prefix: STAND_IN_PREFIX, clientId, clientSecret, redirectUri });
      mounted = app;
    },
  };
};
