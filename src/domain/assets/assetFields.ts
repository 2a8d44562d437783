// Checks on the fields of an assets row; which are required depends on the action (see asset.ts).
import type { Decimal } from 'decimal.js';
import type { Counterparty } from '../shared/counterparty.ts';
import type { GeoPoint } from './events.ts';
import { checkCounterparty } from '../shared/counterparty.ts';
import { DomainError } from '../shared/errors.ts';
import { formatMoney, parseMoney } from '../shared/money.ts';

interface Missing {
  readonly code: string;
  readonly column: string;
  readonly el: string;
  readonly en: string;
}

export const requireText = (text: string | null, missing: Missing): string => {
  const tidy = text?.trim() ?? '';
  if (tidy === '') throw new DomainError(missing.code, `Λείπει ${missing.el}`, `The ${missing.en} is missing`, missing.column);
  return tidy;
};

/** A value or price: present unless a default is given, at least zero (or above zero when `positive`). */
export const amountOf = (amount: Decimal | null, column: 'value' | 'amount', rule: { positive: boolean; default?: string }): string => {
  if (amount === null) {
    if (rule.default !== undefined) return rule.default;
    throw column === 'value'
      ? new DomainError('OD_ASSET_VALUE_MISSING', 'Λείπει η αξία του περιουσιακού στοιχείου', 'The asset value is missing', column)
      : new DomainError('OD_AMOUNT_MISSING', 'Λείπει το ποσό', 'The amount is missing', column);
  }
  const checked = parseMoney(amount, column);
  if (checked.lt(0) || (rule.positive && checked.isZero())) {
    throw rule.positive
      ? new DomainError('OD_AMOUNT_NOT_POSITIVE', 'Το ποσό πρέπει να είναι θετικό', `The ${column} must be positive`, column)
      : new DomainError('OD_AMOUNT_NEGATIVE', 'Το ποσό δεν μπορεί να είναι αρνητικό', `The ${column} cannot be negative`, column);
  }
  return formatMoney(checked);
};

export const requireCounterparty = (counterparty: Counterparty | null): Counterparty => {
  if (counterparty === null) {
    throw new DomainError('OD_COUNTERPARTY_MISSING', 'Λείπει ο αντισυμβαλλόμενος (ΑΦΜ και επωνυμία ή φυσικό πρόσωπο)', 'The counterparty is missing (ΑΦΜ and name, or natural person)', 'afm');
  }
  return checkCounterparty(counterparty);
};

/** WGS84 degrees; a mistyped coordinate (382019 for 38.2019) is refused rather than drawn off the map. */
export const checkLocation = (location: GeoPoint | null): GeoPoint | null => {
  if (location === null) return null;
  if (!Number.isFinite(location.lat) || Math.abs(location.lat) > 90) {
    throw new DomainError('OD_LATITUDE_INVALID', `Μη έγκυρο γεωγραφικό πλάτος: ${location.lat}`, `Invalid latitude: ${location.lat}`, 'lat');
  }
  if (!Number.isFinite(location.lon) || Math.abs(location.lon) > 180) {
    throw new DomainError('OD_LONGITUDE_INVALID', `Μη έγκυρο γεωγραφικό μήκος: ${location.lon}`, `Invalid longitude: ${location.lon}`, 'lon');
  }
  return { lat: location.lat, lon: location.lon };
};
