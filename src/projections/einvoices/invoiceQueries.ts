// What the e-invoices read models answer: a company's invoices, each tracked through the public ledger by
// the references it carries. Every query takes the company's subject: another company's invoice is simply
// not found.
import { Decimal } from 'decimal.js';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../shared/tables.ts';
import { EINVOICE_LEDGER, EINVOICES } from './einvoicesProjection.ts';

/** Where an invoice stands: received, matched to a commitment, a payment order issued, paid in part, paid. */
export type InvoiceStage = 'received' | 'matched' | 'ordered' | 'part-paid' | 'paid';

/**
 * Why a received invoice is not matched yet: it names no reference; none of its references is a commitment of
 * the ledger (yet: the commitment may be recorded later); or the commitment it names is another supplier's.
 */
export type UnmatchedReason = 'no-reference' | 'no-commitment' | 'another-supplier';

export interface LedgerDocument {
  readonly year: number;
  readonly document: string;
  readonly ada: string | null;
  /** Net of reversals. */
  readonly amount: Decimal;
  readonly date: string;
}

export interface InvoiceRecord {
  readonly invoiceId: string;
  readonly kind: 'invoice' | 'credit-note';
  readonly number: string;
  readonly year: number;
  readonly issueDate: string;
  readonly dueDate: string | null;
  readonly sellerName: string;
  readonly lineTotal: Decimal;
  readonly vat: Decimal;
  readonly taxInclusive: Decimal;
  readonly payable: Decimal;
  readonly references: readonly string[];
  readonly receivedAt: string;
}

export interface TrackedInvoice extends InvoiceRecord {
  readonly stage: InvoiceStage;
  /** Set while the stage is `received`. */
  readonly unmatched: UnmatchedReason | null;
  readonly commitments: readonly LedgerDocument[];
  readonly orders: readonly LedgerDocument[];
  readonly payments: readonly LedgerDocument[];
  readonly paid: Decimal;
}

interface InvoiceRow {
  invoice_id: string;
  seller_taxid: string;
  kind: 'invoice' | 'credit-note';
  number: string;
  year: number;
  issue_date: Date | string;
  due_date: Date | string | null;
  seller_name: string;
  line_total: string;
  vat: string;
  tax_inclusive: string;
  payable: string;
  refs: string[];
  received_at: Date | string;
}

interface LedgerRow {
  year: number;
  type: 'commitment' | 'order' | 'payment';
  document: string;
  ada: string | null;
  follows: string | null;
  amount: string;
  reversed: string;
  date: Date | string;
}

const dayOf = (value: Date | string): string => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);
const instantOf = (value: Date | string): string => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

const documentOf = (row: LedgerRow): LedgerDocument => ({ year: row.year, document: row.document, ada: row.ada, amount: new Decimal(row.amount).minus(row.reversed), date: dayOf(row.date) });

/** The commitments an invoice names (by ΑΔΑ or document number) for its seller, then their orders and payments. */
const trackingOf = async (db: SqlExecutor, schema: string, row: InvoiceRow): Promise<Pick<TrackedInvoice, 'stage' | 'unmatched' | 'commitments' | 'orders' | 'payments' | 'paid'>> => {
  const rows = await db.query<LedgerRow>(
    `WITH c AS (SELECT * FROM ${table(schema, EINVOICE_LEDGER)} WHERE type = 'commitment' AND afm = $1 AND (ada = ANY($2) OR document = ANY($2))),
          o AS (SELECT l.* FROM ${table(schema, EINVOICE_LEDGER)} l JOIN c ON l.type = 'order' AND l.afm = $1 AND l.year = c.year AND l.follows = c.document),
          p AS (SELECT l.* FROM ${table(schema, EINVOICE_LEDGER)} l JOIN o ON l.type = 'payment' AND l.afm = $1 AND l.year = o.year AND l.follows = o.document)
     SELECT year, type, document, ada, follows, amount, reversed, date FROM c UNION ALL SELECT year, type, document, ada, follows, amount, reversed, date FROM o
     UNION ALL SELECT year, type, document, ada, follows, amount, reversed, date FROM p ORDER BY date, document`,
    [row.seller_taxid, row.refs],
  );
  const of = (type: LedgerRow['type']) => rows.filter((r) => r.type === type).map(documentOf).filter((d) => d.amount.greaterThan(0));
  const commitments = of('commitment');
  const orders = of('order');
  const payments = of('payment');
  const paidUnder = payments.reduce((sum, p) => sum.plus(p.amount), new Decimal(0));
  // A commitment may carry several invoices: its payments go to them in the order they were issued, so the
  // second invoice under a commitment is not shown paid by the first one's payment.
  const ahead = payments.length === 0 ? new Decimal(0) : await payableAhead(db, schema, row, commitments.flatMap((c) => (c.ada ? [c.ada, c.document] : [c.document])));
  const payable = new Decimal(row.payable);
  const paid = Decimal.max(0, Decimal.min(payable, paidUnder.minus(ahead)));
  const stage: InvoiceStage =
    paid.greaterThan(0) ? (paid.greaterThanOrEqualTo(payable) ? 'paid' : 'part-paid') : orders.length > 0 ? 'ordered' : commitments.length > 0 ? 'matched' : 'received';
  const unmatched = stage === 'received' ? await unmatchedReason(db, schema, row) : null;
  return { stage, unmatched, commitments, orders, payments, paid };
};

/** What the seller's invoices issued before this one, under the same commitments, ask to be paid. */
const payableAhead = async (db: SqlExecutor, schema: string, row: InvoiceRow, keys: readonly string[]): Promise<Decimal> => {
  const [ahead] = await db.query<{ total: string }>(
    `SELECT coalesce(sum(payable), 0)::text AS total FROM ${table(schema, EINVOICES)}
     WHERE seller_taxid = $1 AND kind = 'invoice' AND refs && $2::text[] AND (issue_date, number) < ($3::date, $4)`,
    [row.seller_taxid, keys, dayOf(row.issue_date), row.number],
  );
  return new Decimal(ahead?.total ?? '0');
};

const unmatchedReason = async (db: SqlExecutor, schema: string, row: InvoiceRow): Promise<UnmatchedReason> => {
  if (row.refs.length === 0) return 'no-reference';
  // The ledger is public: saying that the ΑΔΑ is another supplier's tells nothing the public pages do not.
  const others = await db.query(`SELECT 1 FROM ${table(schema, EINVOICE_LEDGER)} WHERE type = 'commitment' AND afm <> $1 AND (ada = ANY($2) OR document = ANY($2)) LIMIT 1`, [row.seller_taxid, row.refs]);
  return others.length > 0 ? 'another-supplier' : 'no-commitment';
};

const recordOf = (row: InvoiceRow): InvoiceRecord => ({
  invoiceId: row.invoice_id,
  kind: row.kind,
  number: row.number,
  year: row.year,
  issueDate: dayOf(row.issue_date),
  dueDate: row.due_date === null ? null : dayOf(row.due_date),
  sellerName: row.seller_name,
  lineTotal: new Decimal(row.line_total),
  vat: new Decimal(row.vat),
  taxInclusive: new Decimal(row.tax_inclusive),
  payable: new Decimal(row.payable),
  references: row.refs,
  receivedAt: instantOf(row.received_at),
});

const INVOICE_COLUMNS = 'invoice_id, seller_taxid, kind, number, year, issue_date, due_date, seller_name, line_total, vat, tax_inclusive, payable, refs, received_at';

/** A company's invoices, newest first, each where it stands. */
export const invoicesOf = async (db: SqlExecutor, schema: string, subjectId: string): Promise<TrackedInvoice[]> => {
  const rows = await db.query<InvoiceRow>(`SELECT ${INVOICE_COLUMNS} FROM ${table(schema, EINVOICES)} WHERE subject_id = $1 ORDER BY received_at DESC, number LIMIT 500`, [subjectId]);
  return Promise.all(rows.map(async (row) => ({ ...recordOf(row), ...(await trackingOf(db, schema, row)) })));
};

/** One of the company's invoices; null when it has none by that id (another's included). */
export const invoiceOf = async (db: SqlExecutor, schema: string, subjectId: string, invoiceId: string): Promise<TrackedInvoice | null> => {
  const [row] = await db.query<InvoiceRow>(`SELECT ${INVOICE_COLUMNS} FROM ${table(schema, EINVOICES)} WHERE subject_id = $1 AND invoice_id = $2`, [subjectId, invoiceId]);
  return row ? { ...recordOf(row), ...(await trackingOf(db, schema, row)) } : null;
};
