// Queries over the register of municipal property and each asset's history.
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { toNumber } from '../../eventstore/sql/client.ts';
import { ASSETS, ASSET_HISTORY } from './assetsProjection.ts';
import { searchQuery } from '../shared/searchText.ts';
import { decodeCursor, encodeCursor, pageSize } from '../shared/paging.ts';
import { table } from '../shared/tables.ts';
import type { AssetEventView, AssetView } from './views.ts';
import { counterpartyView } from '../shared/views.ts';

export interface AssetFilter {
  readonly category?: string | null;
  readonly status?: AssetView['status'] | null;
  readonly search?: string | null;
}

interface AssetRow {
  asset: string;
  category: string;
  name: string;
  kaek: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  value: string;
  status: string;
  holder_afm: string | null;
  holder_name: string | null;
  holder_natural: boolean | null;
  amount: string | null;
  registered_on: string;
  updated_on: string;
}

const ASSET_COLUMNS = `asset, category, name, kaek, address, lat, lon, value::text AS value, status, holder_afm, holder_name, holder_natural,
  amount::text AS amount, to_char(registered_on, 'YYYY-MM-DD') AS registered_on, to_char(updated_on, 'YYYY-MM-DD') AS updated_on`;

const toAsset = (r: AssetRow): AssetView => ({
  id: r.asset,
  category: r.category,
  name: r.name,
  kaek: r.kaek,
  address: r.address,
  lat: r.lat,
  lon: r.lon,
  value: r.value,
  status: r.status.toUpperCase() as AssetView['status'],
  holder: counterpartyView(r.holder_afm, r.holder_name, r.holder_natural),
  amount: r.amount,
  registeredOn: r.registered_on,
  updatedOn: r.updated_on,
});

export const assetById = async (db: SqlExecutor, schema: string, id: string): Promise<AssetView | null> => {
  const [row] = await db.query<AssetRow>(`SELECT ${ASSET_COLUMNS} FROM ${table(schema, ASSETS)} WHERE asset = $1`, [id]);
  return row ? toAsset(row) : null;
};

type HistoryRow = {
  asset: string;
  position: unknown;
  date: string;
  action: string;
  value: string | null;
  amount: string | null;
  counterparty_afm: string | null;
  counterparty_name: string | null;
  natural_person: boolean | null;
  ada: string | null;
  description: string | null;
};

const toAssetEvent = (r: HistoryRow): AssetEventView => ({
  position: toNumber(r.position),
  date: r.date,
  action: r.action.toUpperCase() as AssetEventView['action'],
  value: r.value,
  amount: r.amount,
  counterparty: counterpartyView(r.counterparty_afm, r.counterparty_name, r.natural_person),
  ada: r.ada,
  description: r.description,
});

/** The histories of several assets at once, in the order asked, each oldest first. */
export const assetHistories = async (db: SqlExecutor, schema: string, ids: readonly string[]): Promise<AssetEventView[][]> => {
  const rows = await db.query<HistoryRow>(
    `SELECT asset, position, to_char(date, 'YYYY-MM-DD') AS date, action, value::text AS value, amount::text AS amount,
            counterparty_afm, counterparty_name, natural_person, ada, description
     FROM ${table(schema, ASSET_HISTORY)} WHERE asset = ANY($1::text[]) ORDER BY position`,
    [ids],
  );
  return ids.map((id) => rows.filter((r) => r.asset === id).map(toAssetEvent));
};

export const assetHistory = async (db: SqlExecutor, schema: string, id: string): Promise<AssetEventView[]> => (await assetHistories(db, schema, [id]))[0]!;

export const assetCategories = async (db: SqlExecutor, schema: string): Promise<{ category: string; count: number; value: string }[]> =>
  (
    await db.query<{ category: string; count: unknown; value: string }>(
      `SELECT category, count(*) AS count, sum(value)::text AS value FROM ${table(schema, ASSETS)} WHERE status <> 'disposed' GROUP BY category ORDER BY category`,
    )
  ).map((r) => ({ category: r.category, count: toNumber(r.count), value: r.value }));

export const listAssets = async (
  db: SqlExecutor,
  schema: string,
  options: { filter?: AssetFilter | null; first?: number | null; after?: string | null },
) => {
  const limit = pageSize(options.first);
  const params: unknown[] = [];
  const conditions: string[] = [];
  const filter = options.filter ?? {};
  if (filter.category) {
    params.push(filter.category);
    conditions.push(`category = $${params.length}`);
  }
  if (filter.status) {
    params.push(filter.status.toLowerCase());
    conditions.push(`status = $${params.length}`);
  }
  const query = filter.search ? searchQuery(filter.search) : null;
  if (filter.search && query === null) conditions.push('false');
  if (query) {
    params.push(query);
    conditions.push(`search @@ to_tsquery('simple', $${params.length})`);
  }
  const filterCount = params.length;
  const countConditions = [...conditions];
  const cursor = decodeCursor(options.after, ['string']);
  if (cursor) {
    params.push(cursor[0]);
    conditions.push(`asset > $${params.length}`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = await db.query<AssetRow>(`SELECT ${ASSET_COLUMNS} FROM ${table(schema, ASSETS)} ${where} ORDER BY asset LIMIT ${limit + 1}`, params);
  const nodes = rows.slice(0, limit).map(toAsset);
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor([n.id])),
    hasNextPage: rows.length > limit,
    totalCount: async () => {
      const [count] = await db.query<{ n: unknown }>(
        `SELECT count(*) AS n FROM ${table(schema, ASSETS)} ${countConditions.length > 0 ? `WHERE ${countConditions.join(' AND ')}` : ''}`,
        params.slice(0, filterCount),
      );
      return toNumber(count?.n ?? 0);
    },
  };
};
