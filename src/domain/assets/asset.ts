// Municipal property (δημοτική περιουσία), one stream per asset (`asset-<id>`): registered, revalued,
// leased, transferred, disposed. Disposal is final. Re-importing an assets file adds nothing: an action
// identical to one already recorded (same event, every field) is a duplicate.
import type { AssetCommand, RecordAssetAction } from './commands.ts';
import type { AssetEvent, AssetFields, AssetRegistered } from './events.ts';
import { normalizeAda } from '../shared/codes/ada.ts';
import { normalizeKaek } from '../shared/codes/kaek.ts';
import { yearOfIsoDate } from '../shared/date.ts';
import { fingerprintOf } from '../shared/fingerprint.ts';
import { blankToNull } from '../shared/text.ts';
import { amountOf, checkLocation, requireCounterparty, requireText } from './assetFields.ts';
import { assetsErrors } from './errors.ts';

export type AssetStatus = 'registered' | 'leased' | 'transferred' | 'disposed';

export type Asset =
  | { readonly status: 'unregistered' }
  | {
      readonly status: AssetStatus;
      readonly asset: string;
      /** Book value, a decimal string. */
      readonly value: string;
      /** Fingerprints of every event so far: an asset has few, so all are kept. */
      readonly recorded: ReadonlySet<number>;
    };

type Row = RecordAssetAction['data'];

export const initialAsset = (): Asset => ({ status: 'unregistered' });

export const decideAsset = (command: AssetCommand, state: Asset): AssetEvent[] => {
  switch (command.type) {
    case 'RecordAssetAction':
      return unlessRepeated(state, eventOf(command.data), () => checkAction(command.data, state));
    default: {
      const _exhaustive: never = command.type;
      throw new Error(`Unknown asset command ${String(_exhaustive)}`);
    }
  }
};

const unlessRepeated = (state: Asset, event: AssetEvent, check: () => void): AssetEvent[] => {
  if (state.status !== 'unregistered' && state.recorded.has(fingerprintOf(event))) return [];
  check();
  return [event];
};

/** The event the row asks for, its fields checked; whether the asset's state allows it is checkAction's. */
const eventOf = (row: Row): AssetEvent => {
  switch (row.action) {
    case 'register':
      return register(row);
    case 'revalue':
      return { type: 'AssetRevalued', data: { ...fieldsOf(row), value: amountOf(row.value, 'value', { positive: false }) } };
    case 'lease':
      return { type: 'AssetLeased', data: { ...fieldsOf(row), lessee: requireCounterparty(row.counterparty), amount: amountOf(row.amount, 'amount', { positive: true }) } };
    case 'transfer':
      return { type: 'AssetTransferred', data: { ...fieldsOf(row), to: requireCounterparty(row.counterparty), amount: amountOf(row.amount, 'amount', { positive: false, default: '0.00' }) } };
    case 'dispose':
      return { type: 'AssetDisposed', data: { ...fieldsOf(row), amount: amountOf(row.amount, 'amount', { positive: false, default: '0.00' }) } };
    default: {
      const _exhaustive: never = row.action;
      throw new Error(`Unknown asset action ${String(_exhaustive)}`);
    }
  }
};

const fieldsOf = (row: Row): AssetFields => {
  yearOfIsoDate(row.date);
  return {
    asset: requireText(row.asset, assetsErrors.OD_ASSET_MISSING),
    date: row.date,
    ada: row.ada === null ? null : normalizeAda(row.ada),
    description: blankToNull(row.description),
  };
};

const register = (row: Row): AssetRegistered => ({
  type: 'AssetRegistered',
  data: {
    ...fieldsOf(row),
    category: requireText(row.category, assetsErrors.OD_ASSET_CATEGORY_MISSING),
    name: requireText(row.name, assetsErrors.OD_ASSET_NAME_MISSING),
    kaek: row.kaek === null ? null : normalizeKaek(row.kaek),
    address: blankToNull(row.address),
    location: checkLocation(row.location),
    value: amountOf(row.value, 'value', { positive: false }),
  },
});

const checkAction = (row: Row, state: Asset): void => {
  if (row.action === 'register') {
    if (state.status !== 'unregistered') throw assetsErrors.OD_ASSET_ALREADY_REGISTERED({ asset: row.asset });
    return;
  }
  if (state.status === 'unregistered') throw assetsErrors.OD_ASSET_UNKNOWN({ asset: row.asset });
  if (state.status === 'disposed') throw assetsErrors.OD_ASSET_DISPOSED({ asset: row.asset });
};

export const evolveAsset = (state: Asset, event: AssetEvent): Asset => {
  const recorded = new Set(state.status === 'unregistered' ? [] : state.recorded).add(fingerprintOf(event));
  switch (event.type) {
    case 'AssetRegistered':
      return { status: 'registered', asset: event.data.asset, value: event.data.value, recorded };
    case 'AssetRevalued':
      return { ...registered(state), value: event.data.value, recorded };
    case 'AssetLeased':
      return { ...registered(state), status: 'leased', recorded };
    case 'AssetTransferred':
      return { ...registered(state), status: 'transferred', recorded };
    case 'AssetDisposed':
      return { ...registered(state), status: 'disposed', recorded };
    default: {
      const _exhaustive: never = event;
      throw new Error(`Unknown asset event ${JSON.stringify(_exhaustive)}`);
    }
  }
};

// decideAsset registers before anything else, so only a corrupt stream gets here unregistered.
const registered = (state: Asset): Exclude<Asset, { status: 'unregistered' }> => {
  if (state.status === 'unregistered') throw new Error('Asset event before its registration');
  return state;
};
