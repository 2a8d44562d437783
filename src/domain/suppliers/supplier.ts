// Suppliers (προμηθευτές): legal entities the municipality deals with, one stream per ΑΦΜ
// (`supplier-<ΑΦΜ>`). The import records every legal-entity counterparty; a new name is a rename.
import type { RecordSupplier, SupplierCommand } from './commands.ts';
import type { SupplierEvent } from './events.ts';
import { requireAfm, requireName } from '../shared/counterparty.ts';
import { yearOfIsoDate } from '../shared/date.ts';

export type Supplier =
  | { readonly status: 'unknown' }
  | { readonly status: 'registered'; readonly afm: string; readonly name: string };

export const initialSupplier = (): Supplier => ({ status: 'unknown' });

export const decideSupplier = (command: SupplierCommand, state: Supplier): SupplierEvent[] => {
  switch (command.type) {
    case 'RecordSupplier':
      return recordSupplier(command.data, state);
    default: {
      const _exhaustive: never = command.type;
      throw new Error(`Unknown supplier command ${String(_exhaustive)}`);
    }
  }
};

const recordSupplier = (data: RecordSupplier['data'], state: Supplier): SupplierEvent[] => {
  yearOfIsoDate(data.date);
  const event = { afm: requireAfm(data.afm), name: requireName(data.name), date: data.date };
  if (state.status === 'unknown') return [{ type: 'SupplierRegistered', data: event }];
  return state.name === event.name ? [] : [{ type: 'SupplierRenamed', data: event }];
};

export const evolveSupplier = (_state: Supplier, event: SupplierEvent): Supplier => {
  switch (event.type) {
    case 'SupplierRegistered':
    case 'SupplierRenamed':
      return { status: 'registered', afm: event.data.afm, name: event.data.name };
    default: {
      const _exhaustive: never = event;
      throw new Error(`Unknown supplier event ${JSON.stringify(_exhaustive)}`);
    }
  }
};
