// What the supplier's e-invoices add to the site: the upload form's POST (multipart, with the session's CSRF
// token in `_csrf`; a browser without JavaScript sends it as it is) and a page per invoice. The list is the
// «Τιμολόγια» section of /my/supplier (portal.ts). Every page reads the session's company only.
import type { FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { SupplierCompany, SupplierInvoicesServices } from '../../api/suppliers/index.ts';
import { invoiceXmlOf, isInvoiceRejected, MAX_INVOICE_BYTES, receiveInvoice, supplierCompanyOf } from '../../api/suppliers/index.ts';
import { isDomainError } from '../../domain/index.ts';
import { invoiceOf } from '../../projections/einvoices/index.ts';
import type { WebContext, WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { NotFound } from '../shared/page.ts';
import type { Visit } from '../shared/page.ts';
import { invoiceText } from './invoiceMessages.ts';
import { invoicePage, invoicePath, invoiceRefusedPage, INVOICES_PATH } from './invoicePages.ts';
import { supplierLoginPage } from './portalPages.ts';

const ID = /^[0-9a-f]{32}$/;

interface UploadBody {
  readonly _csrf?: string;
  readonly file?: Buffer | string;
}

const routes =
  (services: SupplierInvoicesServices): WebRoutes =>
  async (app, options) => {
    // Parsed before the handler and the CSRF check (which reads `_csrf` from the body); the file cut one byte
    // past the reader's limit, so that it says the file is too large, in the list, as for any other problem.
    await app.register(multipart, { attachFieldsToBody: 'keyValues', throwFileSizeLimit: false, limits: { fileSize: MAX_INVOICE_BYTES + 1, files: 1, fields: 5, fieldSize: 1_000, parts: 6 } });

    registerPages(options, ({ at, visit }) => {
      /** The session's company, or the page that says why not (login, a person's own session). */
      const companyOr = async (request: FastifyRequest, reply: FastifyReply, v: Visit): Promise<SupplierCompany | FastifyReply> => {
        reply.header('cache-control', 'no-store');
        if (request.session?.kind !== 'citizen') return options.render(reply, v, supplierLoginPage(v));
        try {
          return await supplierCompanyOf(services, request);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          return options.render(reply, v, invoiceRefusedPage(v, { message: v.lang === 'en' ? error.messageEn : error.messageEl, problems: [], csrfToken: request.session.csrfToken, status: error.status }));
        }
      };
      const isReply = (x: SupplierCompany | FastifyReply): x is FastifyReply => !('taxid' in x);

      app.get(at(INVOICES_PATH), async (request, reply) => reply.redirect(`${visit(request).href('/my/supplier')}#invoices`, 303));

      app.post<{ Body: UploadBody }>(at(INVOICES_PATH), async (request, reply) => {
        const v = visit(request);
        const who = await companyOr(request, reply, v);
        if (isReply(who)) return who;
        const csrfToken = request.session?.csrfToken ?? '';
        const file = request.body?.file;
        const bytes = Buffer.isBuffer(file) ? file : null;
        if (bytes === null || bytes.length === 0) {
          return options.render(reply, v, invoiceRefusedPage(v, { message: invoiceText(v).fileMissing, problems: [], csrfToken, status: 400 }));
        }
        try {
          const received = await receiveInvoice(services, who, bytes);
          return reply.redirect(v.href(invoicePath(received.id)), 303);
        } catch (error) {
          if (isInvoiceRejected(error)) {
            return options.render(reply, v, invoiceRefusedPage(v, { message: v.lang === 'en' ? error.messageEn : error.messageEl, problems: error.problems, csrfToken, status: error.status }));
          }
          if (!isDomainError(error)) throw error;
          return options.render(reply, v, invoiceRefusedPage(v, { message: v.lang === 'en' ? error.messageEn : error.messageEl, problems: [], csrfToken, status: error.status }));
        }
      });

      app.get<{ Params: { id: string } }>(at(`${INVOICES_PATH}/:id`), { schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } } }, async (request, reply) => {
        const v = visit(request);
        const who = await companyOr(request, reply, v);
        if (isReply(who)) return who;
        const found = ID.test(request.params.id) ? await invoiceOf(services.client, services.schema, who.subjectId, request.params.id) : null;
        // Another company's invoice is not found, as an unknown one.
        if (found === null) throw new NotFound();
        return options.render(reply, v, invoicePage(v, found));
      });

      // The XML as the company sent it, byte for byte (its SHA-256 is in the invoice's event).
      app.get<{ Params: { id: string } }>(at(`${INVOICES_PATH}/:id/xml`), { schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } } }, async (request, reply) => {
        const v = visit(request);
        const who = await companyOr(request, reply, v);
        if (isReply(who)) return who;
        const xml = ID.test(request.params.id) ? await invoiceXmlOf(services, who.subjectId, request.params.id) : null;
        if (xml === null) throw new NotFound();
        return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="invoice-${request.params.id}.xml"`).send(xml);
      });
    });
  };

export const supplierInvoicesWeb = (services: SupplierInvoicesServices): WebContext => ({
  name: 'supplier-invoices',
  nav: [],
  sitemap: async () => [],
  routes: routes(services),
});
