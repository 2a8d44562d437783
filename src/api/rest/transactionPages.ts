// Every transaction of a filter, oldest first, in keyset pages: memory holds one page, never the result.
// The export is a snapshot: rows projected after it started (positions beyond its head) are left out, so
// a long download never mixes two states of the ledger.
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { toNumber } from '../../eventstore/sql/client.ts';
import { table } from '../../projections/queries/tables.ts';
import type { TransactionFilter } from '../../projections/queries/transactions.ts';
import { TRANSACTION_COLUMNS, toTransactionView, transactionConditions } from '../../projections/queries/transactions.ts';
import type { TransactionView } from '../../projections/queries/views.ts';
import { TRANSACTIONS } from '../../projections/readModels/transactions.ts';

export const EXPORT_PAGE_SIZE = 5_000;

type TransactionRow = Parameters<typeof toTransactionView>[0];

/** Builds the query before anything is sent, so that a bad filter is still a clean error response. */
export const openTransactionPages = async (
  db: SqlExecutor,
  schema: string,
  filter: TransactionFilter,
  pageSize: number = EXPORT_PAGE_SIZE,
): Promise<AsyncIterable<readonly TransactionView[]>> => {
  const params: unknown[] = [];
  const conditions = await transactionConditions(db, schema, filter, params);
  const [row] = await db.query<{ head: unknown }>(`SELECT coalesce(max(position), 0) AS head FROM ${table(schema, TRANSACTIONS)}`);
  const head = toNumber(row?.head ?? 0);
  const sql = `SELECT ${TRANSACTION_COLUMNS} FROM ${table(schema, TRANSACTIONS)}
    WHERE ${[...conditions, `position > $${params.length + 1}`, `position <= $${params.length + 2}`].join(' AND ')}
    ORDER BY position LIMIT ${pageSize}`;
  return {
    async *[Symbol.asyncIterator]() {
      for (let after = 0; ; ) {
        const page = (await db.query<TransactionRow>(sql, [...params, after, head])).map(toTransactionView);
        if (page.length > 0) yield page;
        if (page.length < pageSize) return;
        after = page[page.length - 1]!.position;
      }
    },
  };
};
