// Commands to an asset's stream: one per row of the assets export, already parsed by the import.
import type { Decimal } from 'decimal.js';
import type { Counterparty } from '../shared/counterparty.ts';
import type { GeoPoint } from './events.ts';

export type AssetAction = 'register' | 'revalue' | 'lease' | 'transfer' | 'dispose';

/** One row of the assets export. Which fields are required depends on the action. */
export interface RecordAssetAction {
  readonly type: 'RecordAssetAction';
  readonly data: {
    readonly action: AssetAction;
    readonly asset: string;
    readonly date: string;
    readonly category: string | null;
    readonly name: string | null;
    readonly kaek: string | null;
    readonly address: string | null;
    readonly location: GeoPoint | null;
    readonly value: Decimal | null;
    readonly counterparty: Counterparty | null;
    readonly amount: Decimal | null;
    readonly ada: string | null;
    readonly description: string | null;
  };
}
export type AssetCommand = RecordAssetAction;
