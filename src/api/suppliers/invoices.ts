// Receiving an e-invoice: the uploaded XML is read (src/integrations/einvoicing), held to EN 16931's rules with
// the session's company as the seller and the municipality as the buyer, and, when nothing is wrong, recorded
// on its own personal stream. The stream's id is a keyed hash of (seller, year, number): the same number sent
// twice in a year meets a stream that exists, and the store refuses it, whichever node takes the second.
import type { InvoiceProblem, InvoiceReceived } from '../../domain/index.ts';
import { checkInvoice, einvoicesErrors, invoiceStream, referencesOf } from '../../domain/index.ts';
import { isExpectedRevisionConflict } from '../../eventstore/errors.ts';
import { readUblInvoice } from '../../integrations/einvoicing/index.ts';
import { table } from '../../projections/shared/tables.ts';
import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import type { SupplierCompany, SupplierInvoicesServices } from './invoiceServices.ts';
import { nowOf } from './invoiceServices.ts';
import { EINVOICE_FILES } from './invoiceTables.ts';

/** An invoice refused with the list of everything wrong in it; nothing was recorded. */
export class InvoiceRejected extends Error {
  readonly code = 'OD_EINVOICE_INVALID';
  readonly status = 422;
  constructor(readonly problems: readonly InvoiceProblem[]) {
    const refusal = einvoicesErrors.OD_EINVOICE_INVALID({ count: problems.length });
    super(refusal.message);
    this.messageEl = refusal.messageEl;
    this.messageEn = refusal.messageEn;
    this.name = 'InvoiceRejected';
  }
  readonly messageEl: string;
  readonly messageEn: string;
}

export const isInvoiceRejected = (e: unknown): e is InvoiceRejected => e instanceof InvoiceRejected;

/** The invoice's id: 32 hex characters of a keyed hash, which say nothing of the seller or the number. */
export const invoiceIdOf = (services: Pick<SupplierInvoicesServices, 'keyring'>, taxid: string, year: number, number: string): string =>
  services.keyring.lookupHash('einvoice', `${taxid}|${year}|${number}`).slice(0, 32);

const money = (value: string | undefined): string => new Decimal(value ?? '0').toFixed(2);

export const receiveInvoice = async (services: SupplierInvoicesServices, company: SupplierCompany, bytes: Uint8Array): Promise<{ readonly id: string; readonly status: 'received' }> => {
  const reading = readUblInvoice(bytes);
  if (!reading.ok) throw new InvoiceRejected(reading.problems);
  const { invoice } = reading;
  const problems = checkInvoice(invoice, { sellerTaxid: company.taxid, buyerTaxid: services.buyerTaxid });
  if (problems.length > 0) {
    throw new InvoiceRejected(problems.map((p) => {
      const line = reading.lineOf(p.path);
      return line === null ? p : { ...p, line };
    }));
  }
  // checkInvoice found every one of these present and well formed.
  const number = invoice.number!.value;
  const issueDate = invoice.issueDate!.value;
  const year = Number(issueDate.slice(0, 4));
  const totals = invoice.totals!;
  const invoiceId = invoiceIdOf(services, company.taxid, year, number);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const event: InvoiceReceived = {
    type: 'InvoiceReceived',
    data: {
      invoiceId,
      subjectId: company.subjectId,
      sellerTaxid: company.taxid,
      year,
      kind: invoice.kind,
      number,
      issueDate,
      dueDate: invoice.dueDate?.value ?? null,
      currency: invoice.currency!.value,
      sellerName: invoice.seller?.name ?? company.name,
      lineTotal: money(totals.lineExtension?.value),
      taxExclusive: money(totals.taxExclusive?.value),
      vat: money(invoice.taxTotal?.value),
      taxInclusive: money(totals.taxInclusive?.value),
      payable: money(totals.payable?.value),
      references: referencesOf(invoice),
      lines: invoice.lines.length,
      sha256,
      receivedAt: nowOf(services).toISOString(),
    },
  };
  // The file first, under the invoice's id: a duplicate leaves the original's file as it was.
  await services.client.query(`INSERT INTO ${table(services.schema, EINVOICE_FILES)} (invoice_id, subject_id, sha256, xml) VALUES ($1, $2, $3, $4) ON CONFLICT (invoice_id) DO NOTHING`, [
    invoiceId,
    company.subjectId,
    sha256,
    Buffer.from(bytes),
  ]);
  try {
    await services.store.append(invoiceStream(invoiceId), [{ type: event.type, data: event.data, metadata: { actor: company.actor } }], { expectedRevision: 'no_stream' });
  } catch (error) {
    if (isExpectedRevisionConflict(error)) throw einvoicesErrors.OD_EINVOICE_DUPLICATE({ number, year });
    throw error;
  }
  return { id: invoiceId, status: 'received' };
};

/** The XML of one of the company's invoices, as it sent it; null for another's. */
export const invoiceXmlOf = async (services: Pick<SupplierInvoicesServices, 'client' | 'schema'>, subjectId: string, invoiceId: string): Promise<Buffer | null> => {
  const [row] = await services.client.query<{ xml: Buffer | Uint8Array }>(`SELECT xml FROM ${table(services.schema, EINVOICE_FILES)} WHERE invoice_id = $1 AND subject_id = $2`, [invoiceId, subjectId]);
  return row ? Buffer.from(row.xml) : null;
};
