// The property register's views: an asset as it stands, and its history.
import type { CounterpartyView } from '../shared/views.ts';

export interface AssetView {
  readonly id: string;
  readonly category: string;
  readonly name: string;
  readonly kaek: string | null;
  readonly address: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly value: string;
  readonly status: 'REGISTERED' | 'LEASED' | 'TRANSFERRED' | 'DISPOSED';
  readonly holder: CounterpartyView | null;
  readonly amount: string | null;
  readonly registeredOn: string;
  readonly updatedOn: string;
}

export interface AssetEventView {
  readonly position: number;
  readonly date: string;
  readonly action: 'REGISTER' | 'REVALUE' | 'LEASE' | 'TRANSFER' | 'DISPOSE';
  readonly value: string | null;
  readonly amount: string | null;
  readonly counterparty: CounterpartyView | null;
  readonly ada: string | null;
  readonly description: string | null;
}
