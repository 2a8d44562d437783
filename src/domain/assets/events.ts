// The events of an asset's stream (`asset-<id>`): municipal property (δημοτική περιουσία).
import type { Counterparty } from '../shared/counterparty.ts';

export interface AssetFields {
  readonly asset: string;
  readonly date: string;
  readonly ada: string | null;
  readonly description: string | null;
}
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}
export interface AssetRegistered {
  readonly type: 'AssetRegistered';
  readonly data: AssetFields & {
    readonly category: string;
    readonly name: string;
    /** ΚΑΕΚ: the 12-digit Hellenic Cadastre code (Κωδικός Αριθμός Εγγραφής Κτηματολογίου), when registered. */
    readonly kaek: string | null;
    readonly address: string | null;
    readonly location: GeoPoint | null;
    readonly value: string;
  };
}
export interface AssetRevalued {
  readonly type: 'AssetRevalued';
  readonly data: AssetFields & { readonly value: string };
}
export interface AssetLeased {
  readonly type: 'AssetLeased';
  /** `amount`: the agreed rent. */
  readonly data: AssetFields & { readonly lessee: Counterparty; readonly amount: string };
}
export interface AssetTransferred {
  readonly type: 'AssetTransferred';
  readonly data: AssetFields & { readonly to: Counterparty; readonly amount: string };
}
export interface AssetDisposed {
  readonly type: 'AssetDisposed';
  /** `amount`: proceeds of the disposal (may be "0.00" for a demolition). */
  readonly data: AssetFields & { readonly amount: string };
}
export type AssetEvent = AssetRegistered | AssetRevalued | AssetLeased | AssetTransferred | AssetDisposed;

export const assetStream = (asset: string) => `asset-${asset}`;
