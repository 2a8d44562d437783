// Read models of the e-invoices context (personal): each invoice a supplier sent and, from the public ledger,
// each legal entity's commitments, payment orders and payments with their ΑΔΑ and what they follow, so an
// invoice is tracked by the reference it carries: received → matched to a commitment → payment order issued
// → paid, whenever the ledger's events come. An erased company's invoices go; the ledger's rows are public.
// (The threads with the finance department have their own read model, src/projections/supplierThreads.)
import type { CitizenErased, Counterparty, FiscalYearEvent, InvoiceEvent } from '../../domain/index.ts';
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Projection, Tables } from '../shared/projection.ts';

export const EINVOICES = 'od_einvoices';
export const EINVOICE_LEDGER = 'od_einvoice_ledger';
export const EINVOICES_PROJECTION = 'einvoices';

type Handled = InvoiceEvent | CitizenErased | FiscalYearEvent;

const HANDLED = new Set(['InvoiceReceived', 'CitizenErased', 'ExpenseCommitted', 'PaymentOrdered', 'PaymentMade', 'DocumentReversed']);

const legalEntity = (counterparty: Counterparty | null): string | null => (counterparty && !counterparty.naturalPerson ? counterparty.afm : null);

const ledgerRow = (tx: SqlExecutor, t: Tables, row: { year: number; type: string; document: string; afm: string; ada: string | null; follows: string | null; amount: string; date: string }) =>
  tx.query(
    `INSERT INTO ${t[EINVOICE_LEDGER]} (year, type, document, afm, ada, follows, amount, date) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    [row.year, row.type, row.document, row.afm, row.ada, row.follows, row.amount, row.date],
  );

export const einvoicesProjection: Projection = {
  name: EINVOICES_PROJECTION,
  version: 1,
  tables: [EINVOICES, EINVOICE_LEDGER],
  create: (t: Tables) => `
CREATE TABLE ${t[EINVOICES]} (
  invoice_id text PRIMARY KEY,
  subject_id text NOT NULL,
  seller_taxid text NOT NULL,
  kind text NOT NULL,
  number text NOT NULL,
  year int NOT NULL,
  issue_date date NOT NULL,
  due_date date,
  seller_name text NOT NULL,
  line_total numeric(16,2) NOT NULL,
  tax_exclusive numeric(16,2) NOT NULL,
  vat numeric(16,2) NOT NULL,
  tax_inclusive numeric(16,2) NOT NULL,
  payable numeric(16,2) NOT NULL,
  refs text[] NOT NULL,
  lines int NOT NULL,
  sha256 text NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE TABLE ${t[EINVOICE_LEDGER]} (
  year int NOT NULL,
  type text NOT NULL,
  document text NOT NULL,
  afm text NOT NULL,
  ada text,
  follows text,
  amount numeric(16,2) NOT NULL,
  reversed numeric(16,2) NOT NULL DEFAULT 0,
  date date NOT NULL,
  PRIMARY KEY (year, type, document)
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[EINVOICES]} (subject_id, received_at);
CREATE INDEX ON ${t[EINVOICE_LEDGER]} (afm, type);
CREATE INDEX ON ${t[EINVOICE_LEDGER]} (ada);`,
  async apply(tx, t, events: readonly ProjectedEvent[]) {
    for (const recorded of events) {
      if (!HANDLED.has(recorded.type)) continue;
      const event = { type: recorded.type, data: recorded.data } as Handled;
      switch (event.type) {
        case 'InvoiceReceived': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${t[EINVOICES]} (invoice_id, subject_id, seller_taxid, kind, number, year, issue_date, due_date, seller_name, line_total, tax_exclusive, vat, tax_inclusive, payable, refs, lines, sha256, received_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT DO NOTHING`,
            [d.invoiceId, d.subjectId, d.sellerTaxid, d.kind, d.number, d.year, d.issueDate, d.dueDate, d.sellerName, d.lineTotal, d.taxExclusive, d.vat, d.taxInclusive, d.payable, d.references, d.lines, d.sha256, d.receivedAt],
          );
          break;
        }
        case 'CitizenErased': {
          const subject = event.data.subjectId;
          await tx.query(`DELETE FROM ${t[EINVOICES]} WHERE subject_id = $1`, [subject]);
          break;
        }
        case 'ExpenseCommitted':
        case 'PaymentOrdered':
        case 'PaymentMade': {
          const d = event.data;
          const afm = legalEntity(d.counterparty);
          if (afm === null) break;
          const type = event.type === 'ExpenseCommitted' ? 'commitment' : event.type === 'PaymentOrdered' ? 'order' : 'payment';
          const follows = event.type === 'PaymentOrdered' ? event.data.commitment : event.type === 'PaymentMade' ? event.data.order : null;
          await ledgerRow(tx, t, { year: d.year, type, document: d.document, afm, ada: d.ada, follows, amount: d.amount, date: d.date });
          break;
        }
        case 'DocumentReversed': {
          const d = event.data;
          if (d.reverses.type === 'commitment' || d.reverses.type === 'order' || d.reverses.type === 'payment') {
            await tx.query(`UPDATE ${t[EINVOICE_LEDGER]} SET reversed = reversed + $4 WHERE year = $1 AND type = $2 AND document = $3`, [d.year, d.reverses.type, d.reverses.document, d.amount]);
          }
          break;
        }
        default:
          break;
      }
    }
  },
};
