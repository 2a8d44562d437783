// The e-invoices' read side (personal): invoices tracked through the public ledger, and the suppliers' threads.
import type { Keyring } from '../../eventstore/keyring.ts';
import type { ProjectionsContext } from '../shared/projection.ts';
import { einvoicesProjection } from './einvoicesProjection.ts';

export { EINVOICE_LEDGER, EINVOICES, EINVOICES_PROJECTION, einvoicesProjection, SUPPLIER_THREAD_MESSAGES, SUPPLIER_THREADS } from './einvoicesProjection.ts';
export * from './invoiceQueries.ts';
export { supplierThreadNotifications } from './notifications.ts';

export const einvoicesProjections = (keyring: Keyring): ProjectionsContext => ({ name: 'einvoices', projections: [einvoicesProjection(keyring)] });
