// The supplier's statement (καρτέλα προμηθευτή): every commitment, payment order and payment of one ΑΦΜ,
// per year and per document, each with what was taken back from it, what is still open and its history.
// Read from the public transactions and the suppliers' document index, the same rows the public supplier
// page sums, so the totals agree to the cent: a reversal counts against the supplier of the document it
// takes back from, as in suppliersProjection. The ΑΦΜ is the session's, never the request's.
import { centsOf, formatCents } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { TRANSACTIONS } from '../ledger/index.ts';
import { table } from '../shared/tables.ts';
import { SUPPLIER_DOCUMENTS } from './suppliersProjection.ts';

export type StatementDocumentType = 'commitment' | 'order' | 'payment';

export interface StatementEntry {
  readonly date: string;
  /** What the entry is: the document itself, a reversal of it, or a later document that follows it. */
  readonly kind: StatementDocumentType | 'reversal';
  readonly document: string;
  readonly amount: string;
  readonly ada: string | null;
}

export interface StatementDocument {
  readonly type: StatementDocumentType;
  readonly document: string;
  readonly date: string;
  readonly kae: string;
  readonly ada: string | null;
  readonly description: string | null;
  /** The commitment an order follows, the order a payment follows. */
  readonly follows: string | null;
  readonly amount: string;
  readonly reversed: string;
  /** amount − reversed. */
  readonly net: string;
  /** A commitment: committed but not yet ordered; an order: ordered but not yet paid; a payment: null. */
  readonly open: string | null;
  readonly history: readonly StatementEntry[];
}

export interface StatementYear {
  readonly year: number;
  readonly committed: string;
  readonly ordered: string;
  readonly paid: string;
  readonly committedNotOrdered: string;
  readonly orderedNotPaid: string;
  readonly documents: readonly StatementDocument[];
}

interface Row {
  year: number;
  date: string;
  type: StatementDocumentType | 'reversal';
  kae: string;
  amount: string;
  document: string;
  ref: string | null;
  ada: string | null;
  description: string | null;
}

const REVERSIBLE = new Set<string>(['commitment', 'order', 'payment']);
const CHILD: Readonly<Record<StatementDocumentType, StatementDocumentType | null>> = { commitment: 'order', order: 'payment', payment: null };

/** The rows of the ΑΦΜ: its documents, and the reversals of documents recorded as its. */
const rowsOf = (db: SqlExecutor, schema: string, afm: string) =>
  db.query<Row>(
    `SELECT t.year, to_char(t.date, 'YYYY-MM-DD') AS date, t.type, t.kae, t.amount::text AS amount, t.document, t.ref, t.ada, t.description
     FROM ${table(schema, TRANSACTIONS)} t
     WHERE t.counterparty_afm = $1 AND t.type IN ('commitment', 'order', 'payment')
     UNION ALL
     SELECT t.year, to_char(t.date, 'YYYY-MM-DD'), t.type, t.kae, t.amount::text, t.document, t.ref, t.ada, t.description
     FROM ${table(schema, TRANSACTIONS)} t
     JOIN ${table(schema, SUPPLIER_DOCUMENTS)} d ON d.year = t.year AND t.ref = d.type || ':' || d.document
     WHERE t.type = 'reversal' AND d.afm = $1
     ORDER BY 1 DESC, 2, 6`,
    [afm],
  );

interface Building {
  readonly row: Row;
  reversed: bigint;
  readonly history: StatementEntry[];
  childNet: bigint;
}

const entryOf = (row: Row): StatementEntry => ({ date: row.date, kind: row.type, document: row.document, amount: row.amount, ada: row.ada });

const byDate = (a: StatementEntry, b: StatementEntry) => a.date.localeCompare(b.date) || a.document.localeCompare(b.document);

/** The statement of one ΑΦΜ, newest year first; an ΑΦΜ with nothing recorded has no years. */
export const supplierStatement = async (db: SqlExecutor, schema: string, afm: string): Promise<StatementYear[]> => {
  const rows = await rowsOf(db, schema, afm);
  const years = new Map<number, Map<string, Building>>();
  const key = (type: string, document: string) => `${type}|${document}`;
  for (const row of rows) {
    if (row.type === 'reversal') continue;
    const docs = years.get(row.year) ?? new Map<string, Building>();
    years.set(row.year, docs);
    docs.set(key(row.type, row.document), { row, reversed: 0n, history: [entryOf(row)], childNet: 0n });
  }
  for (const row of rows) {
    if (row.type !== 'reversal' || !row.ref) continue;
    const [type, ...rest] = row.ref.split(':');
    const target = REVERSIBLE.has(type!) ? years.get(row.year)?.get(key(type!, rest.join(':'))) : undefined;
    if (!target) continue;
    target.reversed += centsOf(row.amount);
    target.history.push(entryOf(row));
  }
  const result: StatementYear[] = [];
  for (const [year, docs] of years) {
    const net = (b: Building) => centsOf(b.row.amount) - b.reversed;
    // A later document follows its parent: it shows in the parent's history and reduces what is open of it.
    for (const b of docs.values()) {
      const parentType = b.row.type === 'order' ? 'commitment' : b.row.type === 'payment' ? 'order' : null;
      const parent = parentType && b.row.ref ? docs.get(key(parentType, b.row.ref)) : undefined;
      if (!parent) continue;
      parent.childNet += net(b);
      parent.history.push(entryOf(b.row));
    }
    const totals = { commitment: 0n, order: 0n, payment: 0n };
    const documents: StatementDocument[] = [...docs.values()].map((b) => {
      const type = b.row.type as StatementDocumentType;
      totals[type] += net(b);
      return {
        type,
        document: b.row.document,
        date: b.row.date,
        kae: b.row.kae,
        ada: b.row.ada,
        description: b.row.description,
        follows: type === 'commitment' ? null : b.row.ref,
        amount: b.row.amount,
        reversed: formatCents(b.reversed),
        net: formatCents(net(b)),
        open: CHILD[type] === null ? null : formatCents(net(b) - b.childNet),
        history: [...b.history].sort(byDate),
      };
    });
    result.push({
      year,
      committed: formatCents(totals.commitment),
      ordered: formatCents(totals.order),
      paid: formatCents(totals.payment),
      committedNotOrdered: formatCents(totals.commitment - totals.order),
      orderedNotPaid: formatCents(totals.order - totals.payment),
      documents,
    });
  }
  return result.sort((a, b) => b.year - a.year);
};
