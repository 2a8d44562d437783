// The debts pages: the statement, the card payment (POST, with the session's CSRF token) and the browser's
// return from the payment provider, which is only a hint: the payment is settled by asking the provider.
// Every route works on the session's own subject; a payment of another subject is not found.
import type { FastifyRequest } from 'fastify';
import type { DebtsServices } from '../../api/debts/index.ts';
import { isOwnPayment, paymentIdOfOrder, settlePayment, startCardPayment, statementOf } from '../../api/debts/index.ts';
import { displayName, loadAccount } from '../../api/identity/index.ts';
import { debtsErrors, isDomainError } from '../../domain/index.ts';
import { isPaymentsError } from '../../integrations/payments/index.ts';
import { CITIZENS } from '../../projections/identity/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { Visit } from '../shared/page.ts';
import { attachment } from '../shared/pdf.ts';
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { debtsText } from './messages.ts';
import { loginToSeePage, paymentResultPage, statementPage } from './pages.ts';
import { statementPdf } from './statementPdf.ts';

const DEBT_ID = /^(\d{4})-([0-9A-Z/.-]{1,30})$/;

const selectionOf = (raw: unknown): { year: number; assessment: string }[] | null => {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).slice(0, 500);
  const selected: { year: number; assessment: string }[] = [];
  for (const value of values) {
    const match = typeof value === 'string' ? DEBT_ID.exec(value) : null;
    if (!match) return null;
    selected.push({ year: Number(match[1]), assessment: match[2]! });
  }
  return selected;
};

export const debtsRoutes =
  (services: DebtsServices): WebRoutes =>
  async (app, options) => {
    const subjectOf = (request: FastifyRequest): string | null => (request.session?.kind === 'citizen' ? request.session.subjectId : null);
    const actingFor = (request: FastifyRequest): string | null => (request.session?.kind === 'citizen' && request.session.actingBy ? request.session.label : null);

    const emailOf = async (subjectId: string): Promise<string | null> => {
      const [row] = await services.client.query<{ email: string | null }>(`SELECT email FROM ${table(services.schema, CITIZENS)} WHERE subject_id = $1`, [subjectId]);
      return row?.email ?? null;
    };

    registerPages(options, ({ at, visit, lang }) => {
      const show = async (request: FastifyRequest, v: Visit, subjectId: string, error?: string) =>
        statementPage(v, {
          statement: await statementOf(services, subjectId),
          csrfToken: request.session?.csrfToken ?? '',
          cardPayments: services.payments !== null,
          account: services.account,
          actingFor: actingFor(request),
          ...(error ? { error } : {}),
        });

      app.get(at('/my/debts'), async (request, reply) => {
        const v = visit(request);
        reply.header('cache-control', 'no-store');
        const subjectId = subjectOf(request);
        return options.render(reply, v, subjectId ? await show(request, v, subjectId) : loginToSeePage(v));
      });

      // The statement as a file: personal data, so never cached; a visitor without a session gets the
      // statement page's answer (401 and the login), not a file.
      app.get(at('/my/debts.pdf'), async (request, reply) => {
        const v = visit(request);
        reply.header('cache-control', 'no-store');
        const subjectId = subjectOf(request);
        if (!subjectId) return options.render(reply, v, loginToSeePage(v));
        // The debtor from the account's own events, not the citizens' read model: an account a representative
        // opened a moment ago may not be there yet.
        const [statement, debtor] = await Promise.all([statementOf(services, subjectId), loadAccount(services, subjectId)]);
        const file = await statementPdf({
          lang,
          statement,
          account: services.account,
          municipality: options.site.municipality,
          debtor: debtor ? { name: displayName(debtor), taxid: debtor.details.taxid } : { name: request.session?.label ?? '', taxid: null },
          issuedAt: services.now?.() ?? new Date(),
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', attachment(`${debtsText(v).pdfFile}-${statement.today}.pdf`))
          .send(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
      });

      app.post<{ Body: { debt?: string | string[]; _csrf?: string } }>(
        at('/my/debts/pay'),
        { schema: { body: { type: 'object', properties: { debt: { anyOf: [{ type: 'string', maxLength: 64 }, { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 64 } }] }, _csrf: { type: 'string', maxLength: 200 } } } } },
        async (request, reply) => {
          const v = visit(request);
          const t = debtsText(v);
          const subjectId = subjectOf(request);
          if (!subjectId) return options.render(reply, v, loginToSeePage(v));
          const selection = selectionOf(request.body?.debt);
          if (selection === null || selection.length === 0) return options.render(reply, v, await show(request, v, subjectId, t.noSelection));
          try {
            const { redirectUrl } = await startCardPayment(services, subjectId, selection, { language: lang, email: await emailOf(subjectId) });
            return reply.redirect(redirectUrl, 303);
          } catch (error) {
            if (isDomainError(error)) {
              // Another's debt reads exactly as one that does not exist.
              const notFound = error.code === debtsErrors.OD_DEBT_UNKNOWN.code;
              const page = await show(request, v, subjectId, lang === 'el' ? error.messageEl : error.messageEn);
              return options.render(reply, v, { ...page, status: notFound ? 404 : 422 });
            }
            if (isPaymentsError(error)) return options.render(reply, v, { ...(await show(request, v, subjectId, t.providerDown)), status: 503 });
            throw error;
          }
        },
      );
    });

    // The provider sends the browser back to fixed addresses (set at the provider), in Greek.
    const back = (fallback: 'failed' | null) => async (request: FastifyRequest, reply: Parameters<typeof options.render>[0]) => {
      const v = options.visitOf('el', request);
      reply.header('cache-control', 'no-store');
      const subjectId = subjectOf(request);
      if (!subjectId) return options.render(reply, v, loginToSeePage(v));
      const hint = services.payments?.readReturn(request.query) ?? { orderCode: null, transactionId: null };
      const paymentId = hint.orderCode ? await paymentIdOfOrder(services, hint.orderCode) : null;
      // Another's order is not found, exactly as one that does not exist.
      if (!paymentId || !(await isOwnPayment(services, paymentId, subjectId))) return options.render(reply, v, { ...paymentResultPage(v, fallback ?? 'pending'), status: 404 });
      const outcome = await settlePayment(services, paymentId, hint.transactionId).catch((error: unknown) => {
        if (isPaymentsError(error)) return 'pending' as const;
        throw error;
      });
      return options.render(reply, v, paymentResultPage(v, outcome === 'pending' && fallback ? fallback : outcome));
    };
    app.get('/my/debts/payment/success', back(null));
    app.get('/my/debts/payment/failure', back('failed'));
  };
