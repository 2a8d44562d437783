// How many rows the read models hold, for the cost limit: counted at start and again, at most once a
// minute, while the ledger moves. In between, every event past the last count is taken for one more
// transaction (an event makes at most one), so the estimate never lags behind an import.
import type { SqlExecutor } from '../../../eventstore/sql/client.ts';
import { toNumber } from '../../../eventstore/sql/client.ts';
import { ASSETS } from '../../../projections/assets/index.ts';
import { IMPORTS } from '../../../projections/imports/index.ts';
import { SUPPLIERS, SUPPLIER_YEARS } from '../../../projections/suppliers/index.ts';
import { TRANSACTIONS } from '../../../projections/ledger/index.ts';
import { table } from '../../../projections/shared/tables.ts';
import type { RowEstimates } from './limits.ts';
import { NO_ROWS } from './limits.ts';

export interface RowEstimateOptions {
  readonly client: SqlExecutor;
  readonly schema: string;
  /** The read models' position: how far the ledger has moved since the last count. */
  readonly position: () => number;
  readonly refreshMs?: number;
}

export interface RowEstimator {
  readonly current: () => RowEstimates;
}

const countRows = async (client: SqlExecutor, schema: string): Promise<RowEstimates> => {
  const count = (base: string) => `(SELECT count(*) FROM ${table(schema, base)})`;
  const [row] = await client.query<Record<keyof RowEstimates, unknown>>(
    `SELECT ${count(TRANSACTIONS)} AS transactions, ${count(SUPPLIERS)} AS suppliers, ${count(SUPPLIER_YEARS)} AS "supplierYears",
            ${count(ASSETS)} AS assets, ${count(IMPORTS)} AS imports`,
  );
  if (!row) return NO_ROWS;
  return {
    transactions: toNumber(row.transactions),
    suppliers: toNumber(row.suppliers),
    supplierYears: toNumber(row.supplierYears),
    assets: toNumber(row.assets),
    imports: toNumber(row.imports),
  };
};

export const trackRowEstimates = async ({ client, schema, position, refreshMs = 60_000 }: RowEstimateOptions): Promise<RowEstimator> => {
  let counted = NO_ROWS;
  let countedAt = 0;
  let lastCount = 0;
  let counting = false;
  const recount = async (): Promise<void> => {
    counting = true;
    const at = position();
    try {
      counted = await countRows(client, schema);
      countedAt = at;
    } catch {
      // Tables not there yet (a rebuild in progress): the growth since the last count keeps it conservative.
    } finally {
      lastCount = Date.now();
      counting = false;
    }
  };
  await recount();
  return {
    current: () => {
      const grown = Math.max(0, position() - countedAt);
      if (grown > 0 && !counting && Date.now() - lastCount >= refreshMs) void recount();
      return grown === 0 ? counted : { ...counted, transactions: counted.transactions + grown };
    },
  };
};
