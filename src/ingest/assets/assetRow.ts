// A row of the assets export → the command for its asset. Which fields an action needs, and what they
// may be, is the domain's to say (asset.ts); here they are only read.
import type { GeoPoint, RecordAssetAction } from '../../domain/index.ts';
import { counterpartyOf } from '../counterpartyCells.ts';
import { ingestErrors } from '../ingestErrors.ts';
import { parseAmount } from '../parseAmount.ts';
import { parseCoordinate } from './parseCoordinate.ts';
import { parseDate } from '../parseDate.ts';
import type { Row } from '../row.ts';
import { asText } from '../row.ts';
import { assetActions } from './assetActions.ts';

const locationOf = (row: Row): GeoPoint | null => {
  const lat = row.optional('lat', parseCoordinate);
  const lon = row.optional('lon', parseCoordinate);
  const latGiven = row.text('lat') !== null;
  if (latGiven !== (row.text('lon') !== null)) row.refuse(ingestErrors.OD_COORDINATES_INCOMPLETE({ column: latGiven ? 'lon' : 'lat' }));
  return lat !== null && lon !== null ? { lat, lon } : null;
};

/** Null when a cell is refused (the row's refusals say why). */
export const assetCommand = (row: Row): RecordAssetAction | null => {
  const date = row.required('date', parseDate);
  const action = row.required('action', assetActions.read);
  const asset = row.required('asset', asText);
  const location = locationOf(row);
  const value = row.optional('value', parseAmount);
  const amount = row.optional('amount', parseAmount);
  const counterparty = counterpartyOf(row, 'counterparty_name');
  if (date === null || action === null || asset === null || row.refusals.length > 0) return null;
  return {
    type: 'RecordAssetAction',
    data: {
      action,
      asset,
      date,
      category: row.text('category'),
      name: row.text('name'),
      kaek: row.text('kaek'),
      address: row.text('address'),
      location,
      value,
      counterparty,
      amount,
      ada: row.text('ada'),
      description: row.text('description'),
    },
  };
};
