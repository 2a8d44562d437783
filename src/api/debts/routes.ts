// The debts context's API: GET /api/my/debts, the statement of the session's own subject (401 without a
// citizen session; there is no subject to name, so nobody reads another's), and the payment provider's
// notifications, which only point at an order: the order is then asked of the provider itself.
import type { FastifyPluginAsync } from 'fastify';
import { isPaymentsError } from '../../integrations/payments/index.ts';
import type { RouteDependencies } from '../shared/apiContext.ts';
import { ApiError } from '../shared/errors.ts';
import { paymentIdOfOrder, settlePayment } from './payments.ts';
import type { DebtsServices } from './services.ts';
import { statementJson, statementOf } from './statement.ts';

export const NOTIFICATION_PATH = '/payments/viva/notifications';

export const debtsRoutes =
  (services: DebtsServices): FastifyPluginAsync<RouteDependencies> =>
  async (app) => {
    app.get('/api/my/debts', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const session = request.session;
      if (session?.kind !== 'citizen') throw new ApiError('OD_LOGIN_REQUIRED');
      return statementJson(await statementOf(services, session.subjectId));
    });

    const provider = services.payments;
    if (provider === null) return;
    // The raw body: the provider's order codes are beyond a float's exact integers, and JSON.parse would round them.
    await app.register(async (raw) => {
      raw.removeAllContentTypeParsers();
      raw.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 65_536 }, (_request, body, done) => done(null, body));
      const handle = async (request: { method: string; headers: Record<string, string | string[] | undefined>; body: unknown }) => {
        const notice = await provider.parseNotification({ method: request.method, headers: request.headers, body: request.body });
        if (notice.kind === 'challenge') return notice.body;
        if (notice.kind === 'payment') {
          const paymentId = await paymentIdOfOrder(services, notice.orderCode);
          // An order we never made is answered like any other, so the provider stops sending it; nothing changes.
          if (paymentId !== null) await settlePayment(services, paymentId, notice.transactionId);
        }
        return { ok: true };
      };
      raw.get(NOTIFICATION_PATH, (request) => handle(request));
      raw.post(NOTIFICATION_PATH, async (request, reply) => {
        try {
          return await handle(request);
        } catch (error) {
          if (!isPaymentsError(error)) throw error;
          return reply.code(error.status >= 500 ? 503 : 400).send({ error: { code: error.code, message_el: error.el, message_en: error.en } });
        }
      });
    });
  };
