// Checks on the fields of an assets row; which are required depends on the action (see asset.ts).
import type { Decimal } from 'decimal.js';
import type { Counterparty } from '../shared/counterparty.ts';
import type { GeoPoint } from './events.ts';
import { checkCounterparty } from '../shared/counterparty.ts';
import type { DomainError } from '../shared/errors.ts';
import { formatMoney, parseMoney } from '../shared/money.ts';
import { sharedErrors } from '../shared/sharedErrors.ts';
import { assetsErrors } from './errors.ts';

export const requireText = (text: string | null, missing: () => DomainError): string => {
  const tidy = text?.trim() ?? '';
  if (tidy === '') throw missing();
  return tidy;
};

/** A value or price: present unless a default is given, at least zero (or above zero when `positive`). */
export const amountOf = (amount: Decimal | null, column: 'value' | 'amount', rule: { positive: boolean; default?: string }): string => {
  if (amount === null) {
    if (rule.default !== undefined) return rule.default;
    throw column === 'value' ? assetsErrors.OD_ASSET_VALUE_MISSING() : sharedErrors.OD_AMOUNT_MISSING();
  }
  const checked = parseMoney(amount, column);
  if (checked.lt(0) || (rule.positive && checked.isZero())) {
    throw rule.positive ? sharedErrors.OD_AMOUNT_NOT_POSITIVE({ column }) : sharedErrors.OD_AMOUNT_NEGATIVE({ column });
  }
  return formatMoney(checked);
};

export const requireCounterparty = (counterparty: Counterparty | null): Counterparty => {
  if (counterparty === null) throw assetsErrors.OD_COUNTERPARTY_MISSING();
  return checkCounterparty(counterparty);
};

/** WGS84 degrees; a mistyped coordinate (382019 for 38.2019) is refused rather than drawn off the map. */
export const checkLocation = (location: GeoPoint | null): GeoPoint | null => {
  if (location === null) return null;
  if (!Number.isFinite(location.lat) || Math.abs(location.lat) > 90) throw assetsErrors.OD_LATITUDE_INVALID({ lat: location.lat });
  if (!Number.isFinite(location.lon) || Math.abs(location.lon) > 180) throw assetsErrors.OD_LONGITUDE_INVALID({ lon: location.lon });
  return { lat: location.lat, lon: location.lon };
};
