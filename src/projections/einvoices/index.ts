// The e-invoices' read side (personal): each company's invoices, tracked through the public ledger.
import type { ProjectionsContext } from '../shared/projection.ts';
import { einvoicesProjection } from './einvoicesProjection.ts';

export { EINVOICE_LEDGER, EINVOICES, EINVOICES_PROJECTION, einvoicesProjection } from './einvoicesProjection.ts';
export * from './invoiceQueries.ts';

export const einvoicesProjections: ProjectionsContext = { name: 'einvoices', projections: [einvoicesProjection] };
