// What the e-invoices read models answer: a company's invoices, each tracked through the public ledger by
// the references it carries, and the threads with the finance department. Every query of a company's own
// data takes its subject: another company's invoice or thread is simply not found.
import { Decimal } from 'decimal.js';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../shared/tables.ts';
import { EINVOICE_LEDGER, EINVOICES, SUPPLIER_THREAD_MESSAGES, SUPPLIER_THREADS } from './einvoicesProjection.ts';

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
  const of = (type: LedgerRow['type']) => rows.filter((r) => r.type === type).map(documentOf).filter((d) => d.amount.isPositive());
  const commitments = of('commitment');
  const orders = of('order');
  const payments = of('payment');
  const paid = payments.reduce((sum, p) => sum.plus(p.amount), new Decimal(0));
  // Paid when the payments under its commitment cover what it asks; a commitment may carry several invoices.
  const stage: InvoiceStage =
    payments.length > 0 ? (paid.greaterThanOrEqualTo(row.payable) ? 'paid' : 'part-paid') : orders.length > 0 ? 'ordered' : commitments.length > 0 ? 'matched' : 'received';
  const unmatched = stage === 'received' ? await unmatchedReason(db, schema, row) : null;
  return { stage, unmatched, commitments, orders, payments, paid };
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

/** Whether the seller has a commitment with this ΑΔΑ (a thread may be opened about it). */
export const hasCommitment = async (db: SqlExecutor, schema: string, afm: string, ada: string): Promise<boolean> => {
  const rows = await db.query(`SELECT 1 FROM ${table(schema, EINVOICE_LEDGER)} WHERE type = 'commitment' AND afm = $1 AND ada = $2 LIMIT 1`, [afm, ada]);
  return rows.length > 0;
};

export interface ThreadSummary {
  readonly threadId: string;
  readonly subjectId: string;
  readonly sellerTaxid: string;
  readonly topic: { readonly kind: 'commitment' | 'invoice'; readonly ref: string };
  readonly status: 'open' | 'closed';
  readonly openedAt: string;
  readonly lastAt: string;
  readonly lastSide: 'supplier' | 'office';
  readonly messages: number;
}

export interface ThreadMessage {
  readonly messageId: string;
  readonly side: 'supplier' | 'office';
  readonly staffId: string | null;
  readonly text: string;
  readonly attachments: readonly { readonly fileId: string; readonly format: string; readonly bytes: number }[];
  readonly at: string;
}

interface ThreadRow {
  thread_id: string;
  subject_id: string;
  seller_taxid: string;
  topic_kind: 'commitment' | 'invoice';
  topic_ref: string;
  status: 'open' | 'closed';
  opened_at: Date | string;
  last_at: Date | string;
  last_side: 'supplier' | 'office';
  messages: number;
}

const threadOfRow = (r: ThreadRow): ThreadSummary => ({
  threadId: r.thread_id,
  subjectId: r.subject_id,
  sellerTaxid: r.seller_taxid,
  topic: { kind: r.topic_kind, ref: r.topic_ref },
  status: r.status,
  openedAt: instantOf(r.opened_at),
  lastAt: instantOf(r.last_at),
  lastSide: r.last_side,
  messages: Number(r.messages),
});

/** A company's threads, the most recent first. */
export const threadsOf = async (db: SqlExecutor, schema: string, subjectId: string): Promise<ThreadSummary[]> =>
  (await db.query<ThreadRow>(`SELECT * FROM ${table(schema, SUPPLIER_THREADS)} WHERE subject_id = $1 ORDER BY last_at DESC LIMIT 500`, [subjectId])).map(threadOfRow);

/** The finance department's queue: open threads first, those waiting for the office's answer at the top. */
export const threadQueue = async (db: SqlExecutor, schema: string, status: 'open' | 'closed' | null): Promise<ThreadSummary[]> =>
  (
    await db.query<ThreadRow>(
      `SELECT * FROM ${table(schema, SUPPLIER_THREADS)} WHERE ($1::text IS NULL OR status = $1) ORDER BY status DESC, (last_side = 'supplier') DESC, last_at LIMIT 500`,
      [status],
    )
  ).map(threadOfRow);

/** One thread with its messages; `subjectId` null for staff, else the company's own only. */
export const threadOf = async (db: SqlExecutor, schema: string, threadId: string, subjectId: string | null): Promise<{ thread: ThreadSummary; messages: ThreadMessage[] } | null> => {
  const [row] = await db.query<ThreadRow>(`SELECT * FROM ${table(schema, SUPPLIER_THREADS)} WHERE thread_id = $1 AND ($2::text IS NULL OR subject_id = $2)`, [threadId, subjectId]);
  if (!row) return null;
  const messages = await db.query<{ message_id: string; side: 'supplier' | 'office'; staff_id: string | null; text: string; attachments: unknown; at: Date | string }>(
    `SELECT message_id, side, staff_id, text, attachments, at FROM ${table(schema, SUPPLIER_THREAD_MESSAGES)} WHERE thread_id = $1 ORDER BY position`,
    [threadId],
  );
  return {
    thread: threadOfRow(row),
    messages: messages.map((m) => ({
      messageId: m.message_id,
      side: m.side,
      staffId: m.staff_id,
      text: m.text,
      attachments: (typeof m.attachments === 'string' ? JSON.parse(m.attachments) : m.attachments) as ThreadMessage['attachments'],
      at: instantOf(m.at),
    })),
  };
};
