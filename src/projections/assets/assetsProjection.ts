// Read models: the register of municipal property (δημοτική περιουσία) — each asset's current state — and
// its history. A lessee or buyer who is a natural person is shown only as «φυσικό πρόσωπο».
import type { AssetEvent, Counterparty } from '../../domain/index.ts';
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Projection, Tables } from '../shared/projection.ts';
import { searchDocument } from '../shared/searchText.ts';

export const ASSETS = 'od_assets';
export const ASSET_HISTORY = 'od_asset_history';

const ASSET_TYPES: ReadonlySet<string> = new Set<AssetEvent['type']>(['AssetRegistered', 'AssetRevalued', 'AssetLeased', 'AssetTransferred', 'AssetDisposed']);

const holder = (c: Counterparty) => (c.naturalPerson ? [null, null, true] : [c.afm, c.name, false]);

const applyAsset = async (tx: SqlExecutor, t: Tables, recorded: ProjectedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as AssetEvent;
  const d = event.data;
  let action: string;
  let counterparty: Counterparty | null = null;
  let amount: string | null = null;
  let value: string | null = null;
  switch (event.type) {
    case 'AssetRegistered': {
      const r = event.data;
      action = 'register';
      value = r.value;
      await tx.query(
        `INSERT INTO ${t[ASSETS]} (asset, category, name, kaek, address, lat, lon, value, status, registered_on, updated_on, changed_at, search)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'registered', $9, $9, $10, to_tsvector('simple', $11))
         ON CONFLICT (asset) DO NOTHING`,
        [r.asset, r.category, r.name, r.kaek, r.address, r.location?.lat ?? null, r.location?.lon ?? null, r.value, r.date, recorded.position,
         searchDocument(r.name, r.category, r.address, r.kaek, r.asset)],
      );
      break;
    }
    case 'AssetRevalued':
      action = 'revalue';
      value = event.data.value;
      await tx.query(`UPDATE ${t[ASSETS]} SET value = $2, updated_on = $3, changed_at = $4 WHERE asset = $1`, [d.asset, value, d.date, recorded.position]);
      break;
    case 'AssetLeased':
    case 'AssetTransferred': {
      action = event.type === 'AssetLeased' ? 'lease' : 'transfer';
      counterparty = event.type === 'AssetLeased' ? event.data.lessee : event.data.to;
      amount = event.data.amount;
      await tx.query(
        `UPDATE ${t[ASSETS]} SET status = $2, holder_afm = $3, holder_name = $4, holder_natural = $5, amount = $6, updated_on = $7, changed_at = $8
         WHERE asset = $1`,
        [d.asset, event.type === 'AssetLeased' ? 'leased' : 'transferred', ...holder(counterparty), amount, d.date, recorded.position],
      );
      break;
    }
    case 'AssetDisposed':
      action = 'dispose';
      amount = event.data.amount;
      await tx.query(`UPDATE ${t[ASSETS]} SET status = 'disposed', amount = $2, updated_on = $3, changed_at = $4 WHERE asset = $1`, [d.asset, amount, d.date, recorded.position]);
      break;
    default: {
      const _exhaustive: never = event;
      throw new Error(`unknown asset event ${String(_exhaustive)}`);
    }
  }
  await tx.query(
    `INSERT INTO ${t[ASSET_HISTORY]} (position, asset, date, action, value, amount, counterparty_afm, counterparty_name, natural_person, ada, description)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (position) DO NOTHING`,
    [recorded.position, d.asset, d.date, action, value, amount, ...(counterparty ? holder(counterparty) : [null, null, null]), d.ada, d.description],
  );
};

export const assetsProjection: Projection = {
  name: 'assets',
  version: 1,
  tables: [ASSETS, ASSET_HISTORY],
  create: (t: Tables) => `
CREATE TABLE ${t[ASSETS]} (
  asset text PRIMARY KEY,
  category text NOT NULL,
  name text NOT NULL,
  kaek text,
  address text,
  lat double precision,
  lon double precision,
  value numeric(16,2) NOT NULL,
  status text NOT NULL,
  holder_afm text,
  holder_name text,
  holder_natural boolean,
  amount numeric(16,2),
  registered_on date NOT NULL,
  updated_on date NOT NULL,
  changed_at bigint NOT NULL,
  search tsvector NOT NULL
);
CREATE TABLE ${t[ASSET_HISTORY]} (
  position bigint PRIMARY KEY,
  asset text NOT NULL,
  date date NOT NULL,
  action text NOT NULL,
  value numeric(16,2),
  amount numeric(16,2),
  counterparty_afm text,
  counterparty_name text,
  natural_person boolean,
  ada text,
  description text
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[ASSETS]} (category, asset);
CREATE INDEX ON ${t[ASSETS]} USING gin (search);
CREATE INDEX ON ${t[ASSET_HISTORY]} (asset, position);`,
  async apply(tx, t, events) {
    for (const recorded of events) if (ASSET_TYPES.has(recorded.type)) await applyAsset(tx, t, recorded);
  },
};
