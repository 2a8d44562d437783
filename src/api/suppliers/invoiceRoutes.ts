// A supplier's e-invoices in the API, on the session's own company: POST /api/my/supplier/invoices takes the
// UBL XML as the body (application/xml, text/xml) or as the file of a multipart upload (field `file`), and
// answers 201 with where it stands, or 422 with every problem (path, el, en) and nothing recorded. GET lists
// the company's invoices, GET …/<id> one of them; another company's id answers 404, as an unknown one does.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { isDomainError } from '../../domain/index.ts';
import { MAX_XML_BYTES } from '../../integrations/einvoicing/index.ts';
import type { LedgerDocument, TrackedInvoice } from '../../projections/einvoices/index.ts';
import { invoiceOf, invoicesOf } from '../../projections/einvoices/index.ts';
import type { RouteDependencies } from '../shared/apiContext.ts';
import { ApiError } from '../shared/errors.ts';
import { isInvoiceRejected, receiveInvoice } from './invoices.ts';
import type { SupplierInvoicesServices } from './invoiceServices.ts';
import { supplierCompanyOf } from './invoiceServices.ts';

const ID = /^[0-9a-f]{32}$/;
const XML_TYPES = ['application/xml', 'text/xml', 'application/octet-stream'];

const documentJson = (d: LedgerDocument) => ({ year: d.year, document: d.document, ada: d.ada, amount: d.amount.toFixed(2), date: d.date });

export const invoiceJson = (i: TrackedInvoice) => ({
  id: i.invoiceId,
  kind: i.kind,
  number: i.number,
  year: i.year,
  issueDate: i.issueDate,
  dueDate: i.dueDate,
  lineTotal: i.lineTotal.toFixed(2),
  vat: i.vat.toFixed(2),
  taxInclusive: i.taxInclusive.toFixed(2),
  payable: i.payable.toFixed(2),
  references: i.references,
  receivedAt: i.receivedAt,
  stage: i.stage,
  unmatched: i.unmatched,
  commitments: i.commitments.map(documentJson),
  orders: i.orders.map(documentJson),
  payments: i.payments.map(documentJson),
  paid: i.paid.toFixed(2),
});

/** The uploaded XML's bytes: the body itself, or the multipart's `file` (cut one byte past the limit, so the reader says it is too large). */
const uploadedBytes = async (request: FastifyRequest): Promise<Uint8Array | null> => {
  if (request.isMultipart()) {
    let bytes: Buffer | null = null;
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const file = await part.toBuffer();
      if (part.fieldname === 'file' && bytes === null) bytes = file;
    }
    return bytes;
  }
  return Buffer.isBuffer(request.body) ? request.body : null;
};

/** The answer the receiving service's refusals get: 422 with the list, or the domain's own refusal. */
export const refusedInvoice = (reply: FastifyReply, error: unknown): FastifyReply => {
  if (isInvoiceRejected(error)) {
    return reply.code(error.status).send({ error: { code: error.code, message_el: error.messageEl, message_en: error.messageEn, problems: error.problems } });
  }
  if (isDomainError(error)) return reply.code(error.status).send({ error: { code: error.code, message_el: error.messageEl, message_en: error.messageEn } });
  throw error;
};

export const supplierInvoiceRoutes =
  (services: SupplierInvoicesServices): FastifyPluginAsync<RouteDependencies> =>
  async (app) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    // Only here: the XML as it is (the reader decodes it, strictly), a little above the reader's own limit so
    // that it, not the parser, says the file is too large; the multipart's file one byte past it.
    app.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit: MAX_XML_BYTES + 65_536 }, (_request, body, done) => done(null, body));
    await app.register(multipart, { throwFileSizeLimit: false, limits: { fileSize: MAX_XML_BYTES + 1, files: 1, fields: 5, parts: 6 } });

    const company = async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        return await supplierCompanyOf(services, request);
      } catch (error) {
        refusedInvoice(reply, error);
        return null;
      }
    };

    app.post('/api/my/supplier/invoices', async (request, reply) => {
      const who = await company(request, reply);
      if (who === null) return reply;
      const bytes = await uploadedBytes(request);
      if (bytes === null || bytes.length === 0) throw new ApiError('OD_FILE_MISSING');
      try {
        const received = await receiveInvoice(services, who, bytes);
        return reply.code(201).header('location', `/api/my/supplier/invoices/${received.id}`).send({ id: received.id, status: received.status });
      } catch (error) {
        return refusedInvoice(reply, error);
      }
    });

    app.get('/api/my/supplier/invoices', async (request, reply) => {
      const who = await company(request, reply);
      if (who === null) return reply;
      return { invoices: (await invoicesOf(services.client, services.schema, who.subjectId)).map(invoiceJson) };
    });

    app.get<{ Params: { id: string } }>('/api/my/supplier/invoices/:id', { schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } } }, async (request, reply) => {
      const who = await company(request, reply);
      if (who === null) return reply;
      const found = ID.test(request.params.id) ? await invoiceOf(services.client, services.schema, who.subjectId, request.params.id) : null;
      if (found === null) throw new ApiError('OD_NOT_FOUND');
      return invoiceJson(found);
    });
  };
