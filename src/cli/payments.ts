// Card payments for the debts context, by configuration: Viva Smart Checkout, or the development stand-in
// mounted in this very app (credentials of its own, made at each start; its token, order and transaction
// calls go through the app itself, and so do its webhook events), or none (production without Viva
// settings: the debts pages offer the RF code only). Viva sends the browser back to the success and
// failure URLs of the payment source, set in Viva's banking app, not per order: set them to `paths`.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { PaymentProvider } from '../integrations/payments/index.ts';
import { createVivaProvider, paymentsStandIn } from '../integrations/payments/index.ts';
import type { PaymentsConfig } from './config.ts';
import { injectFetch } from './injectFetch.ts';

export const PAYMENTS_STAND_IN_PREFIX = '/dev/payments';

/** Where the browser comes back and where the webhook calls: the debts routes answer them. */
export interface PaymentPaths {
  readonly success: string;
  readonly failure: string;
  readonly notification: string;
}

export const DEFAULT_PAYMENT_PATHS: PaymentPaths = {
  success: '/my/debts/payment/success',
  failure: '/my/debts/payment/failure',
  notification: '/payments/viva/notifications',
};

export interface PaymentsSetup {
  readonly provider: PaymentProvider | null;
  readonly standIn: boolean;
  /** Origins the browser is redirected to after a form (pay → Viva's page): the site's CSP must allow them. */
  readonly formActions: readonly string[];
  /** Path prefixes without CSRF tokens: the stand-in's checkout form (Viva's own page has none either). */
  readonly csrfExempt: readonly string[];
  /** Mounts the stand-in's routes on the app, when it is the stand-in. */
  readonly mount: (app: FastifyInstance) => Promise<void>;
}

export const payments = (config: PaymentsConfig, publicUrl: string, paths: PaymentPaths = DEFAULT_PAYMENT_PATHS): PaymentsSetup => {
  const none = async (): Promise<void> => undefined;
  if (config.mode === 'off') return { provider: null, standIn: false, formActions: [], csrfExempt: [], mount: none };
  if (config.mode === 'viva') {
    const { mode: _mode, ...settings } = config;
    return { provider: createVivaProvider(settings), standIn: false, formActions: [new URL(config.checkoutUrl).origin], csrfExempt: [], mount: none };
  }
  const account = {
    clientId: 'opendimos-development.apps.vivapayments.com',
    clientSecret: randomBytes(24).toString('base64url'),
    merchantId: randomUUID(),
    apiKey: randomBytes(24).toString('base64url'),
    sourceCode: '0000',
    successUrl: `${publicUrl}${paths.success}`,
    failureUrl: `${publicUrl}${paths.failure}`,
  };
  let mounted: FastifyInstance | null = null;
  const app = (): FastifyInstance => {
    if (!mounted) throw new Error('The payments stand-in is not mounted');
    return mounted;
  };
  const base = `${publicUrl}${PAYMENTS_STAND_IN_PREFIX}`;
  const provider = createVivaProvider({ apiUrl: base, accountsUrl: base, checkoutUrl: base, ...account }, injectFetch(app), 'stand-in');
  // Viva posts its events after the page has answered, and keeps no one waiting: neither does the stand-in.
  // One delivery each; a lost one changes nothing, since the browser's return is confirmed server to server.
  const notify = (body: string): void => {
    setImmediate(() => {
      mounted?.inject({ method: 'POST', url: paths.notification, headers: { 'content-type': 'application/json; charset=utf-8' }, payload: body }).catch(() => undefined);
    });
  };
  return {
    provider,
    standIn: true,
    formActions: [],
    csrfExempt: [`${PAYMENTS_STAND_IN_PREFIX}/`],
    async mount(target) {
      await target.register(paymentsStandIn, { prefix: PAYMENTS_STAND_IN_PREFIX, account, notify });
      mounted = target;
    },
  };
};
