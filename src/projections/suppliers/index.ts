// The suppliers' read side: every legal entity the municipality deals with, its totals overall and per year.
import type { ProjectionsContext } from '../shared/projection.ts';
import { suppliersProjection } from './suppliersProjection.ts';

export * from './views.ts';
export * from './supplierQueries.ts';
export { SUPPLIERS, SUPPLIER_DOCUMENTS, SUPPLIER_YEARS, suppliersProjection } from './suppliersProjection.ts';

export const suppliersProjections: ProjectionsContext = { name: 'suppliers', projections: [suppliersProjection] };

// The supplier's own statement, and the personal read model of its notices (subscriptions, webhooks).
export * from './statementQueries.ts';
export * from './noticeQueries.ts';
export { SUPPLIER_NOTICES_PROJECTION, SUPPLIER_SUBSCRIPTIONS, SUPPLIER_WEBHOOKS, SUPPLIER_DIGEST_ITEMS, supplierNoticesProjection } from './noticesProjection.ts';
export type { SealedSubscription, SealedWebhook } from './noticesProjection.ts';
export type { SupplierNotice } from './notifications.ts';
export { athensDay, noticeLines, supplierAccountNotifications, supplierEmail, supplierNotifications } from './notifications.ts';
