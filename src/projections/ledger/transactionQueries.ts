// Queries over the transactions read model: filtered, sorted, keyset-paginated.
import { parseKae } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { toNumber } from '../../eventstore/sql/client.ts';
import { BUDGET_LINES } from './budgetProjection.ts';
import { TRANSACTIONS } from './transactionsProjection.ts';
import { searchQuery } from '../shared/searchText.ts';
import { decodeCursor, encodeCursor, pageSize } from '../shared/paging.ts';
import { table } from '../shared/tables.ts';
import type { SideName, TransactionTypeName, TransactionView } from './views.ts';
import { counterpartyView } from '../shared/views.ts';

export interface TransactionFilter {
  readonly year?: number | null;
  readonly kae?: string | null;
  readonly type?: TransactionTypeName | null;
  readonly afm?: string | null;
  readonly search?: string | null;
  /** ISO dates, inclusive. */
  readonly from?: string | null;
  readonly to?: string | null;
  /** Only the line's own movements, not its sub-codes' (a line's page; not offered to GraphQL clients). */
  readonly exactKae?: boolean;
}

export type TransactionOrder = 'NEWEST' | 'OLDEST' | 'DATE_DESC' | 'DATE_ASC' | 'AMOUNT_DESC' | 'AMOUNT_ASC';

interface Row {
  position: unknown;
  id: string;
  year: number;
  date: string;
  type: string;
  side: string;
  kae: string;
  amount: string;
  document: string;
  ref: string | null;
  counterparty_afm: string | null;
  counterparty_name: string | null;
  natural_person: boolean | null;
  ada: string | null;
  description: string | null;
}

export const TRANSACTION_COLUMNS = `position, id, year, to_char(date, 'YYYY-MM-DD') AS date, type, side, kae, amount::text AS amount, document,
  ref, counterparty_afm, counterparty_name, natural_person, ada, description`;

export const toTransactionView = (r: Row): TransactionView => ({
  id: r.id,
  position: toNumber(r.position),
  year: r.year,
  date: r.date,
  type: r.type.toUpperCase() as TransactionTypeName,
  side: r.side.toUpperCase() as SideName,
  kae: r.kae,
  amount: r.amount,
  document: r.document,
  ref: r.ref,
  counterparty: counterpartyView(r.counterparty_afm, r.counterparty_name, r.natural_person),
  ada: r.ada,
  description: r.description,
});

const ORDERS: Readonly<Record<TransactionOrder, { key: string | null; cast: string; desc: boolean; shape: ('string' | 'number')[] }>> = {
  NEWEST: { key: null, cast: '', desc: true, shape: ['number'] },
  OLDEST: { key: null, cast: '', desc: false, shape: ['number'] },
  DATE_DESC: { key: 'date', cast: '::date', desc: true, shape: ['string', 'number'] },
  DATE_ASC: { key: 'date', cast: '::date', desc: false, shape: ['string', 'number'] },
  AMOUNT_DESC: { key: 'amount', cast: '::numeric', desc: true, shape: ['string', 'number'] },
  AMOUNT_ASC: { key: 'amount', cast: '::numeric', desc: false, shape: ['string', 'number'] },
};

/** The WHERE clause of a filter; a ΚΑΕ without sub-code matches its sub-codes too ("20-6011" finds "20-6011.001"). */
export const transactionConditions = async (db: SqlExecutor, schema: string, filter: TransactionFilter, params: unknown[]): Promise<string[]> => {
  const conditions: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.year) add((p) => `year = ${p}`, filter.year);
  if (filter.type) add((p) => `type = ${p}`, filter.type.toLowerCase());
  if (filter.afm) add((p) => `counterparty_afm = ${p}`, filter.afm.trim());
  if (filter.from) add((p) => `date >= ${p}::date`, filter.from);
  if (filter.to) add((p) => `date <= ${p}::date`, filter.to);
  if (filter.kae) {
    const kae = parseKae(filter.kae);
    params.push(kae.service === null ? kae.code : `${kae.service}-${kae.code}`);
    conditions.push(`line = $${params.length}`);
    if (kae.suffix !== null || filter.exactKae) add((p) => `kae = ${p}`, kae.kae);
  }
  const query = filter.search ? searchQuery(filter.search) : null;
  if (filter.search && query === null) conditions.push('false');
  if (query !== null) {
    // Titles live on budget lines: the lines whose title matches widen the search to their movements.
    const lines = await db.query<{ kae: string }>(
      `SELECT DISTINCT kae FROM ${table(schema, BUDGET_LINES)} WHERE search @@ to_tsquery('simple', $1) LIMIT 200`,
      [query],
    );
    params.push(query);
    const q = `$${params.length}`;
    const matched = lines.map((l) => parseKae(l.kae));
    params.push(matched.map((k) => (k.service === null ? k.code : `${k.service}-${k.code}`)), matched.map((k) => k.kae));
    // `line` is indexed, so the planner can OR the two index scans instead of reading every row.
    conditions.push(`(search @@ to_tsquery('simple', ${q}) OR (line = ANY($${params.length - 1}::text[]) AND kae = ANY($${params.length}::text[])))`);
  }
  return conditions;
};

export interface TransactionPage {
  readonly nodes: TransactionView[];
  readonly cursors: string[];
  readonly hasNextPage: boolean;
  readonly totalCount: () => Promise<number>;
}

export interface TransactionQuery {
  readonly filter?: TransactionFilter | null;
  readonly after?: string | null;
  readonly orderBy?: TransactionOrder | null;
  /** A snapshot bound: rows projected after this position are left out (a long export sees one state). */
  readonly upTo?: number;
  /** Start counting at once, beside the page's own query, when the caller knows it will want the count. */
  readonly countNow?: boolean;
}

/** A page of any size: exports walk the whole filter with it; GraphQL and the site cap it (listTransactions). */
export const queryTransactions = async (db: SqlExecutor, schema: string, options: TransactionQuery & { limit: number }): Promise<TransactionPage> => {
  const order = ORDERS[options.orderBy ?? 'NEWEST'];
  const limit = options.limit;
  const params: unknown[] = [];
  const conditions = await transactionConditions(db, schema, options.filter ?? {}, params);
  if (options.upTo !== undefined) {
    params.push(options.upTo);
    conditions.push(`t.position <= $${params.length}`);
  }
  const filtered = [...conditions];
  const cursor = decodeCursor(options.after, order.shape);
  const cmp = order.desc ? '<' : '>';
  if (cursor) {
    params.push(...cursor);
    conditions.push(
      order.key
        ? `(t.${order.key}, t.position) ${cmp} ($${params.length - 1}${order.cast}, $${params.length})`
        : `t.position ${cmp} $${params.length}`,
    );
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const direction = order.desc ? 'DESC' : 'ASC';
  // Qualified: the select list renames amount and date to their text forms, which must not be what sorts.
  const orderBy = order.key ? `t.${order.key} ${direction}, t.position ${direction}` : `t.position ${direction}`;
  const rowsQuery = db.query<Row>(
    `SELECT ${TRANSACTION_COLUMNS} FROM ${table(schema, TRANSACTIONS)} t ${where} ORDER BY ${orderBy} LIMIT ${limit + 1}`,
    params,
  );
  const filterParams = params.slice(0, params.length - (cursor ? cursor.length : 0));
  let counting: Promise<number> | null = null;
  const totalCount = (): Promise<number> =>
    (counting ??= db
      .query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table(schema, TRANSACTIONS)} t ${filtered.length > 0 ? `WHERE ${filtered.join(' AND ')}` : ''}`, filterParams)
      .then(([count]) => toNumber(count?.n ?? 0)));
  if (options.countNow) void totalCount().catch(() => undefined); // whoever awaits it later sees the error
  const rows = await rowsQuery;
  const nodes = rows.slice(0, limit).map(toTransactionView);
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor(order.key === 'date' ? [n.date, n.position] : order.key === 'amount' ? [n.amount, n.position] : [n.position])),
    hasNextPage: rows.length > limit,
    totalCount,
  };
};

export const listTransactions = (db: SqlExecutor, schema: string, options: TransactionQuery & { first?: number | null }): Promise<TransactionPage> =>
  queryTransactions(db, schema, { ...options, limit: pageSize(options.first) });

export const transactionById = async (db: SqlExecutor, schema: string, id: string): Promise<TransactionView | null> => {
  const [row] = await db.query<Row>(`SELECT ${TRANSACTION_COLUMNS} FROM ${table(schema, TRANSACTIONS)} WHERE id = $1`, [id]);
  return row ? toTransactionView(row) : null;
};

/** Transactions after a position, oldest first: what the live feed announces. */
export const transactionsAfter = async (db: SqlExecutor, schema: string, position: number, limit: number): Promise<TransactionView[]> =>
  (await db.query<Row>(`SELECT ${TRANSACTION_COLUMNS} FROM ${table(schema, TRANSACTIONS)} WHERE position > $1 ORDER BY position LIMIT $2`, [position, limit])).map(
    toTransactionView,
  );
