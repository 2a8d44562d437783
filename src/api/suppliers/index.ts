// Suppliers in the API: the public view of the legal entities the municipality pays, in GraphQL.
import type { ApiContext } from '../shared/apiContext.ts';
import { loadSdl } from '../shared/apiContext.ts';
import { suppliersResolvers } from './resolvers.ts';
import type { SupplierPortalServices } from './portalServices.ts';
import { supplierPortalRoutes } from './portalRoutes.ts';
import type { SupplierInvoicesServices } from './invoiceServices.ts';
import { supplierInvoiceRoutes } from './invoiceRoutes.ts';


export const suppliersApi: ApiContext = { name: 'suppliers', sdl: loadSdl(import.meta.url, './suppliers.graphql'), resolvers: suppliersResolvers };

// The supplier's own portal (personal): the statement, its e-mail subscriptions and webhook endpoints.
export type { SupplierPortalServices, SupplierSession } from './portalServices.ts';
export { supplierOf } from './portalServices.ts';
export { cancelSubscription, confirmSubscription, disableFailingWebhooks, MAX_PER_KIND, pingWebhook, registerWebhook, removeWebhook, sendDigests, subscribe, WEBHOOK_GIVE_UP_MS } from './notices.ts';

export const supplierPortalApi = (services: SupplierPortalServices, options: { readonly sweep?: boolean } = {}): ApiContext => ({
  name: 'supplier-portal',
  sdl: '',
  resolvers: () => ({ resolvers: {} }),
  routes: supplierPortalRoutes(services, options),
});

// The supplier's e-invoices (personal): uploaded as UBL, checked, and tracked through the ledger.
export type { SupplierCompany, SupplierInvoicesServices } from './invoiceServices.ts';
export { LIXOURI_TAXID, supplierCompanyOf } from './invoiceServices.ts';
export { invoiceIdOf, invoiceXmlOf, isInvoiceRejected, receiveInvoice } from './invoices.ts';
export { einvoicesMigrations, EINVOICE_FILES } from './invoiceTables.ts';
export { invoiceJson } from './invoiceRoutes.ts';
/** The largest XML an invoice may be (the reader's limit), for the site's upload form. */
export { MAX_XML_BYTES as MAX_INVOICE_BYTES } from '../../integrations/einvoicing/index.ts';

export const supplierInvoicesApi = (services: SupplierInvoicesServices): ApiContext => ({
  name: 'supplier-invoices',
  sdl: '',
  resolvers: () => ({ resolvers: {} }),
  routes: supplierInvoiceRoutes(services),
});
