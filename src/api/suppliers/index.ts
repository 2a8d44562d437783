// Suppliers in the API: the public view of the legal entities the municipality pays, in GraphQL.
import type { ApiContext } from '../shared/apiContext.ts';
import { loadSdl } from '../shared/apiContext.ts';
import { suppliersResolvers } from './resolvers.ts';
import type { SupplierPortalServices } from './portalServices.ts';
import { supplierPortalRoutes } from './portalRoutes.ts';


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
