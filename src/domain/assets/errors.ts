// The assets context's refusals; amounts and codes it shares with the ledger are in shared/sharedErrors.ts.
import { refusals } from '../shared/errors.ts';

interface OfAsset {
  readonly asset: string;
}

export const assetsErrors = refusals({
  OD_ASSET_MISSING: {
    column: 'asset',
    el: () => 'Λείπει ο κωδικός του περιουσιακού στοιχείου',
    en: () => 'The asset identifier is missing',
  },
  OD_ASSET_CATEGORY_MISSING: { column: 'category', el: () => 'Λείπει η κατηγορία', en: () => 'The category is missing' },
  OD_ASSET_NAME_MISSING: {
    column: 'name',
    el: () => 'Λείπει η ονομασία του περιουσιακού στοιχείου',
    en: () => 'The asset name is missing',
  },
  OD_ASSET_VALUE_MISSING: {
    column: 'value',
    el: () => 'Λείπει η αξία του περιουσιακού στοιχείου',
    en: () => 'The asset value is missing',
  },
  OD_COUNTERPARTY_MISSING: {
    column: 'afm',
    el: () => 'Λείπει ο αντισυμβαλλόμενος (ΑΦΜ και επωνυμία ή φυσικό πρόσωπο)',
    en: () => 'The counterparty is missing (ΑΦΜ and name, or natural person)',
  },
  OD_LATITUDE_INVALID: {
    column: 'lat',
    el: (p: { readonly lat: number }) => `Μη έγκυρο γεωγραφικό πλάτος: ${p.lat}`,
    en: (p: { readonly lat: number }) => `Invalid latitude: ${p.lat}`,
  },
  OD_LONGITUDE_INVALID: {
    column: 'lon',
    el: (p: { readonly lon: number }) => `Μη έγκυρο γεωγραφικό μήκος: ${p.lon}`,
    en: (p: { readonly lon: number }) => `Invalid longitude: ${p.lon}`,
  },
  OD_ASSET_ALREADY_REGISTERED: {
    status: 409,
    column: 'asset',
    el: (p: OfAsset) => `Το περιουσιακό στοιχείο ${p.asset} είναι ήδη καταχωρισμένο με άλλα στοιχεία`,
    en: (p: OfAsset) => `Asset ${p.asset} is already registered with other details`,
  },
  OD_ASSET_UNKNOWN: {
    column: 'asset',
    el: (p: OfAsset) => `Το περιουσιακό στοιχείο ${p.asset} δεν έχει καταχωριστεί`,
    en: (p: OfAsset) => `Asset ${p.asset} is not registered`,
  },
  OD_ASSET_DISPOSED: {
    column: 'asset',
    el: (p: OfAsset) => `Το περιουσιακό στοιχείο ${p.asset} έχει διατεθεί· δεν δέχεται άλλες πράξεις`,
    en: (p: OfAsset) => `Asset ${p.asset} has been disposed of; nothing more can be recorded`,
  },
});
