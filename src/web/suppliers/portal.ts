// What the supplier's portal adds to the site: the statement page and its CSV under the account, the page
// the confirmation link opens, and its entry in the list of services. Every page reads the session's subject.
import type { FastifyRequest } from 'fastify';
import type { SupplierPortalServices } from '../../api/suppliers/index.ts';
import { confirmSubscription, supplierOf } from '../../api/suppliers/index.ts';
import { isDomainError, supplierNoticesErrors } from '../../domain/index.ts';
import { subscriptionsOf, supplierStatement, webhooksOf } from '../../projections/suppliers/index.ts';
import { invoicesOf } from '../../projections/einvoices/index.ts';
import type { WebContext, WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { threadsOf } from '../../projections/supplierThreads/index.ts';
import { threadsSection } from '../supplierThreads/index.ts';
import { noticeFormRoutes } from './noticeFormRoutes.ts';
import { isNoticeDone } from './noticeForms.ts';
import { portalText } from './portalMessages.ts';
import { confirmPage, confirmResultPage, statementCsv, supplierLoginPage, supplierStatementPage } from './portalPages.ts';

const loggedIn = (request: FastifyRequest): boolean => request.session?.kind === 'citizen';

const portalRoutes =
  (services: SupplierPortalServices): WebRoutes =>
  async (app, options) => {
    registerPages(options, ({ at, visit }) => {
      app.get<{ Querystring: { done?: string } }>(at('/my/supplier'), { schema: { querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 40 } } } } }, async (request, reply) => {
        const v = visit(request);
        reply.header('cache-control', 'no-store');
        if (!loggedIn(request)) return options.render(reply, v, supplierLoginPage(v));
        const who = await supplierOf(services, request);
        const [years, subscriptions, webhooks, invoices] = await Promise.all([
          supplierStatement(services.client, services.schema, who.afm),
          subscriptionsOf(services.client, services.schema, who.subjectId),
          webhooksOf(services.client, services.schema, who.subjectId),
          invoicesOf(services.client, services.schema, who.subjectId),
        ]);
        const actingFor = request.session?.actingBy ? who.name : null;
        const messages = threadsSection(v, await threadsOf(services.client, services.schema, who.subjectId));
        const csrfToken = request.session?.csrfToken ?? '';
        return options.render(reply, v, supplierStatementPage(v, { messages, afm: who.afm, name: who.name, actingFor, years, subscriptions, webhooks, invoices, csrfToken, done: isNoticeDone(request.query.done) ? request.query.done : null }));
      });

      app.get(at('/my/supplier.csv'), async (request, reply) => {
        reply.header('cache-control', 'no-store');
        if (!loggedIn(request)) return reply.redirect(visit(request).href('/my/supplier'), 303);
        const who = await supplierOf(services, request);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="supplier-${who.afm}.csv"`)
          .send(statementCsv(await supplierStatement(services.client, services.schema, who.afm)));
      });

      app.get<{ Querystring: { t?: string } }>(at('/my/supplier/confirm'), { schema: { querystring: { type: 'object', properties: { t: { type: 'string', maxLength: 100 } } } } }, async (request, reply) => {
        const v = visit(request);
        reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
        return options.render(reply, v, confirmPage(v, request.query.t ?? '', request.session?.csrfToken ?? null));
      });

      app.post<{ Body: { t?: string; _csrf?: string } }>(
        at('/my/supplier/confirm'),
        { schema: { body: { type: 'object', properties: { t: { type: 'string', maxLength: 100 }, _csrf: { type: 'string', maxLength: 200 } } } } },
        async (request, reply) => {
          const v = visit(request);
          reply.header('cache-control', 'no-store');
          try {
            await confirmSubscription(services, request.body?.t ?? '');
          } catch (error) {
            if (!isDomainError(error)) throw error;
            const refusal = supplierNoticesErrors.OD_SUPPLIER_LINK_INVALID();
            return options.render(reply, v, confirmResultPage(v, v.lang === 'el' ? refusal.messageEl : refusal.messageEn, 400));
          }
          return options.render(reply, v, confirmResultPage(v, portalText(v).confirmedText, 200));
        },
      );
    });
    await noticeFormRoutes(services)(app, options);
  };

export const supplierPortalWeb = (services: SupplierPortalServices): WebContext => ({
  name: 'supplier-portal',
  nav: [],
  services: [
    {
      path: '/my/supplier',
      label: { el: 'Καρτέλα προμηθευτή', en: 'Supplier statement' },
      summary: {
        el: 'Οι αναλήψεις, τα εντάλματα και οι πληρωμές της εταιρείας σας, με ειδοποιήσεις σε κάθε στάδιο.',
        en: "Your company's commitments, payment orders and payments, with notices at every stage.",
      },
    },
  ],
  sitemap: async () => [],
  routes: portalRoutes(services),
});
