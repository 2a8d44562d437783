// Suppliers (προμηθευτές): the legal entities the ledger pays, one stream per ΑΦΜ.
import { domainContext } from '../shared/context.ts';
import type { SupplierEvent } from './events.ts';

export * from './events.ts';
export * from './commands.ts';
export * from './supplier.ts';
export * from './notices.ts';

export const suppliersDomain = domainContext<SupplierEvent>({
  name: 'suppliers',
  eventSchemas: { SupplierRegistered: { version: 1 }, SupplierRenamed: { version: 1 } },
});
