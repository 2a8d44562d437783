// The town hall, one line per context: what each brings to the read side, the API and the site. The
// composition root (src/cli) hands these to the layers; no layer imports this file. Public contexts are
// listed as they are; personal ones (personalContexts) are made with the installation's services. The domain composes
// its own list (src/domain/contexts.ts), since it imports nothing outside itself.
import type { ApplicationsServices } from './api/applications/index.ts';
import { applicationsApi, verificationLimiter } from './api/applications/index.ts';
import { APPLICATIONS_PROJECTION, applicationsNotifications, applicationsProjections, documentsProjections } from './projections/applications/index.ts';
import type { ServiceDefinition } from './domain/index.ts';
import type { DocumentSigner } from './integrations/signing/index.ts';
import { applicationsWeb, renderDocument } from './web/applications/index.ts';
import { assetsApi } from './api/assets/index.ts';
import type { DebtsPayments, DebtsServices } from './api/debts/index.ts';
import { diavgeiaApi } from './api/diavgeia/index.ts';
import { diavgeiaProjections } from './projections/diavgeia/index.ts';
import { diavgeiaWeb } from './web/diavgeia/index.ts';
import { councilProjections } from './projections/council/index.ts';
import { councilApi } from './api/council/index.ts';
import { councilWeb } from './web/council/index.ts';
import { debtsApi, lixouriPayments } from './api/debts/index.ts';
import { BANK_CREDITS_PROJECTION, DEBTS_PROJECTION, debtsNotifications, debtsProjections } from './projections/debts/index.ts';
import { debtsWeb } from './web/debts/index.ts';
import { importsApi } from './api/imports/index.ts';
import type { LogServices } from './api/log/index.ts';
import { logApi } from './api/log/index.ts';
import { logProjections } from './projections/log/index.ts';
import { ledgerApi } from './api/ledger/index.ts';
import type { CitizenServices } from './api/identity/index.ts';
import { identityApi } from './api/identity/index.ts';
import type { ApiContext } from './api/shared/apiContext.ts';
import { LIXOURI_TAXID, supplierInvoicesApi, supplierPortalApi, suppliersApi } from './api/suppliers/index.ts';
import type { SupplierInvoicesServices } from './api/suppliers/index.ts';
import { EINVOICES_PROJECTION, einvoicesProjections } from './projections/einvoices/index.ts';
import type { Projection, ProjectionsContext } from './projections/shared/projection.ts';
import { assetsProjections } from './projections/assets/index.ts';
import { CITIZENS_PROJECTION, identityNotifications, identityProjections, REPRESENTATIONS_PROJECTION } from './projections/identity/index.ts';
import type { NotificationRule } from './notify/index.ts';
import { notifyProjection } from './notify/index.ts';
import { importsProjections } from './projections/imports/index.ts';
import { loadRequestTypes, requestsApi } from './api/requests/index.ts';
import { LIXOURI_BOUNDS } from './domain/index.ts';
import { REQUEST_REPORTERS_PROJECTION, requestReportersProjections, requestsNotifications, requestsProjections } from './projections/requests/index.ts';
import type { Requesting } from './web/requests/index.ts';
import { requestsWeb } from './web/requests/index.ts';
import { OSM_TILES } from './web/shared/map.ts';
import { ledgerProjections } from './projections/ledger/index.ts';
import { SUPPLIER_NOTICES_PROJECTION, supplierAccountNotifications, supplierNoticesProjection, supplierNotifications, suppliersProjections } from './projections/suppliers/index.ts';
import { assetsWeb } from './web/assets/index.ts';
import { identityWeb } from './web/identity/index.ts';
import { officeWeb } from './web/office/index.ts';
import { ledgerWeb } from './web/ledger/index.ts';
import { logWeb } from './web/log/index.ts';
import type { WebContext } from './web/shared/pageRoutes.ts';
import { supplierInvoicesWeb, supplierPortalWeb, suppliersWeb } from './web/suppliers/index.ts';
import { publicEndpointRefusal, publicEndpointsOnly } from './integrations/webhooks/index.ts';
import { supplierThreadsApi } from './api/supplierThreads/index.ts';
import { SUPPLIER_THREADS_PROJECTION, supplierThreadNotices, supplierThreadsProjections } from './projections/supplierThreads/index.ts';
import { supplierThreadsWeb } from './web/supplierThreads/index.ts';
import { officeSupplierThreadsWeb } from './web/office/index.ts';

/** The shipped request types (config/requests.yaml, read and checked once), Lixouri's bounds, OpenStreetMap. */
export function shippedRequesting(): Requesting {
  shipped ??= { types: loadRequestTypes(), bounds: LIXOURI_BOUNDS, mapTiles: OSM_TILES };
  return shipped;
}
let shipped: Requesting | undefined;

export interface Context {
  readonly name: string;
  readonly projections?: ProjectionsContext;
  readonly api?: ApiContext;
  readonly web?: WebContext;
  /** Messages its events call for (e-mails, webhooks): the outbox's projection runs them all. */
  readonly notifications?: readonly NotificationRule[];
}

export const contexts: readonly Context[] = [
  { name: 'ledger', projections: ledgerProjections, api: ledgerApi, web: ledgerWeb },
  { name: 'suppliers', projections: suppliersProjections, api: suppliersApi, web: suppliersWeb },
  { name: 'assets', projections: assetsProjections, api: assetsApi, web: assetsWeb },
  { name: 'imports', projections: importsProjections, api: importsApi },
  // The register of issued documents is public (in the verifiable log); the applications it comes from are personal.
  { name: 'documents', projections: documentsProjections },
  // Service requests (Open311): their public face; the reporters' contacts are sealed in personal streams.
  // Here with the shipped request types; townHall makes its API from the installation's (OPENDIMOS_REQUESTS).
  { name: 'requests', projections: requestsProjections, api: requestsApi(shippedRequesting()) },
  // The municipality's decisions on Diavgeia, and every movement with an ΑΔΑ checked against its decision.
  { name: 'diavgeia', projections: diavgeiaProjections, api: diavgeiaApi, web: diavgeiaWeb },
  // Council and committee sessions (Popolo): bodies, members, sessions, votes, decisions; public.
  { name: 'council', projections: councilProjections, api: councilApi, web: councilWeb },
];

/** Every projection, in the order a batch is applied to them: the contexts' order, then each context's own. */
export const allProjections: readonly Projection[] = contexts.flatMap((c) => c.projections?.projections ?? []);

/** The API's contexts: their GraphQL fragments make schema.graphql, in this order. */
export const apiContexts: readonly ApiContext[] = contexts.flatMap((c) => (c.api ? [c.api] : []));

/** The site's contexts, in the order of the header's links. */
export const webContexts: readonly WebContext[] = contexts.flatMap((c) => (c.web ? [c.web] : []));

/**
 * The verifiable log: public, but made with the installation's signing key and event table, so by the
 * composition root too. Only where events are kept in SQL: its tree is built from the events as stored.
 */
export const logContext = (log: LogServices): Context => ({ name: 'log', projections: logProjections(log.tables.events), api: logApi(log), web: logWeb(log) });

/**
 * The personal contexts, which need the installation's services (the keyring, TaxisNet, the sessions) and so
 * are made by the composition root once it has them: one line each, as the public ones.
 */
/** What applying needs beyond the citizen platform: the catalogue (config/services/) and the document signer. */
export interface Applying {
  readonly catalogue: readonly ServiceDefinition[];
  readonly signer: DocumentSigner;
  readonly localHolidays?: readonly string[];
}

/** The citizen platform, and the municipality's ΑΦΜ (OPENDIMOS_MUNICIPALITY_TAXID): every e-invoice's buyer; default LIXOURI_TAXID. */
export interface TownHallServices extends CitizenServices {
  readonly municipalityTaxid?: string;
}

export const personalContexts = (services: TownHallServices, paying: DebtsPayments = lixouriPayments, applying?: Applying, requesting: Requesting = shippedRequesting()): readonly Context[] => {
  const debts: DebtsServices = { ...paying, store: services.store, client: services.client, schema: services.schema, keyring: services.keyring, ...(services.now ? { now: services.now } : {}) };
  const applications: ApplicationsServices | null = applying
    ? {
        store: services.store,
        client: services.client,
        schema: services.schema,
        keyring: services.keyring,
        catalogue: applying.catalogue,
        signer: applying.signer,
        render: renderDocument,
        debts,
        publicUrl: services.publicUrl,
        ...(applying.localHolidays ? { localHolidays: applying.localHolidays } : {}),
        ...(services.now ? { now: services.now } : {}),
        // One count per address for the API's and the pages' lookups together.
        verificationAllowed: verificationLimiter(services),
      }
    : null;
  // In production a webhook goes only to https on public addresses (SSRF), checked when it is registered too.
  const supplierPortal = { ...services, ...(publicEndpointsOnly() ? { endpointRefusal: (url: string) => publicEndpointRefusal(url) } : {}) };
  const invoicing: SupplierInvoicesServices = { store: services.store, client: services.client, schema: services.schema, keyring: services.keyring, publicUrl: services.publicUrl, buyerTaxid: services.municipalityTaxid ?? LIXOURI_TAXID, ...(services.now ? { now: services.now } : {}) };
  return [
  {
    name: 'identity',
    projections: identityProjections(services.keyring),
    api: identityApi(services),
    web: identityWeb(services),
    notifications: [identityNotifications(services.keyring, services.publicUrl)],
  },
  { name: 'office', web: officeWeb({ client: services.client, schema: services.schema, store: services.store, keyring: services.keyring, now: services.now, ...(applications ? { applications } : {}), requests: { store: services.store, client: services.client, schema: services.schema, types: requesting.types, ...(services.now ? { now: services.now } : {}) }, council: { store: services.store, client: services.client, schema: services.schema, ...(services.now ? { now: services.now } : {}) } }) },
  { name: 'debts', projections: debtsProjections(services.keyring), api: debtsApi(debts), web: debtsWeb(debts), notifications: [debtsNotifications(services.schema, services.publicUrl)] },
  // Without a catalogue and a signer (a rebuild, a test of another context), the read models alone.
  applications
    ? {
        name: 'applications',
        projections: applicationsProjections(services.keyring),
        api: applicationsApi(applications),
        web: applicationsWeb(applications),
        notifications: [applicationsNotifications(services.schema, services.publicUrl, applications.catalogue, services.now)],
      }
    : { name: 'applications', projections: applicationsProjections(services.keyring) },
  // Reporting a problem and following it: the pages need the keyring (the reporter's contact is sealed).
  // Who reported which request (personal), and the e-mails that tell them of its progress.
  {
    name: 'reporting',
    projections: requestReportersProjections,
    web: requestsWeb({ ...services, ...requesting }),
    notifications: [requestsNotifications({ schema: services.schema, keyring: services.keyring, publicUrl: services.publicUrl, types: requesting.types, ...(services.now ? { now: services.now } : {}) })],
  },
  // A supplier's own statement and its notices (e-mail subscriptions, webhooks), on the company's session.
  { name: 'supplier-portal', projections: { name: 'supplier-portal', projections: [supplierNoticesProjection(services.keyring)] }, api: supplierPortalApi(supplierPortal), web: supplierPortalWeb(supplierPortal), notifications: [supplierNotifications(services.schema, services.publicUrl, services.now), supplierAccountNotifications(services.schema, services.publicUrl, services.keyring)] },
  // The line to the service: a supplier's threads with the finance department about its documents, and the department's queue.
  { name: 'supplier-threads', projections: supplierThreadsProjections(services.keyring), api: supplierThreadsApi(supplierPortal), web: supplierThreadsWeb(supplierPortal), notifications: [supplierThreadNotices(services.schema, services.publicUrl, services.now)] },
  { name: 'office-supplier-threads', web: officeSupplierThreadsWeb(supplierPortal) },
  // A supplier's e-invoices: uploaded as UBL, checked against the session's company and the municipality, tracked through the ledger.
  { name: 'einvoices', projections: einvoicesProjections, api: supplierInvoicesApi(invoicing), web: supplierInvoicesWeb(invoicing) },
  ];
};

/** The whole town hall for a process: the public contexts, then the personal ones. */
export const townHall = (services: TownHallServices, paying?: DebtsPayments, log?: LogServices, applying?: Applying, requesting: Requesting = shippedRequesting()) => {
  // The installation's request types and bounds answer Open311, in place of the shipped ones.
  const publicOnes = contexts.map((c) => (c.name === 'requests' ? { ...c, api: requestsApi(requesting) } : c));
  const all = [...publicOnes, ...(log ? [logContext(log)] : []), ...personalContexts(services, paying, applying, requesting)];
  return {
    // The outbox's projection last: its rules may read what the contexts' projections just wrote.
    projections: [...all.flatMap((c) => c.projections?.projections ?? []), notifyProjection(all.flatMap((c) => c.notifications ?? []))],
    api: all.flatMap((c) => (c.api ? [c.api] : [])),
    web: all.flatMap((c) => (c.web ? [c.web] : [])),
  };
};

export const projectionNamed = (name: string): Projection | undefined => allProjections.find((p) => p.name === name);

/** The personal contexts' projections by name, known before the services that make them exist. */
export const personalProjectionNames: readonly string[] = [CITIZENS_PROJECTION, REPRESENTATIONS_PROJECTION, DEBTS_PROJECTION, BANK_CREDITS_PROJECTION, APPLICATIONS_PROJECTION, SUPPLIER_NOTICES_PROJECTION, REQUEST_REPORTERS_PROJECTION, SUPPLIER_THREADS_PROJECTION, EINVOICES_PROJECTION];
