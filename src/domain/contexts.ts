// The contexts of the domain, one line each: their event schemas and event types compose here.
import { applicationsDomain, applicationsErrors, applicationStream, documentsDomain, documentStream, protocolStream } from './applications/index.ts';
import { assetStream, assetsDomain, assetsErrors } from './assets/index.ts';
import { councilBodyStream, councilDomain, councilErrors, councilSessionStream } from './council/index.ts';
import { decisionStream, diavgeiaDomain, diavgeiaSyncStream } from './diavgeia/index.ts';
import { debtsDomain, debtsErrors, debtStream, paymentStream, rfErrors } from './debts/index.ts';
import { citizenStream, identityDomain, identityErrors } from './identity/index.ts';
import { importStream, importsDomain } from './imports/index.ts';
import { fiscalYearStream, ledgerDomain, ledgerErrors } from './ledger/index.ts';
import { einvoicesDomain, einvoicesErrors, invoiceStream, supplierThreadErrors, supplierThreadsDomain, supplierThreadStream } from './einvoices/index.ts';
import type { EventOf, EventSchema, EventSchemas } from './shared/context.ts';
import type { DuplicateCodes } from './shared/errors.ts';
import { refusalTable } from './shared/errors.ts';
import { sharedErrors } from './shared/sharedErrors.ts';
import { reportersDomain, reporterStream, requestNotesDomain, requestNotesStream, requestsDomain, requestsErrors, requestStream } from './requests/index.ts';
import { supplierNoticesDomain, supplierNoticesErrors, supplierNoticesStream, supplierStream, suppliersDomain } from './suppliers/index.ts';

export const domainContexts = [ledgerDomain, suppliersDomain, assetsDomain, importsDomain, identityDomain, debtsDomain, applicationsDomain, documentsDomain, requestsDomain, reportersDomain, requestNotesDomain, diavgeiaDomain, councilDomain, supplierNoticesDomain, einvoicesDomain, supplierThreadsDomain] as const;

/** Every event of every context. */
export type DomainEvent = EventOf<(typeof domainContexts)[number]>;
export type DomainEventType = DomainEvent['type'];

export const eventSchemas: EventSchemas = Object.fromEntries(domainContexts.flatMap((c) => Object.entries<EventSchema>(c.eventSchemas)));
export const eventTypes = Object.keys(eventSchemas) as DomainEventType[];

/** The refusal catalogues: what all contexts share, then one per context that refuses anything. */
export const domainErrorCatalogues = [sharedErrors, ledgerErrors, assetsErrors, identityErrors, debtsErrors, rfErrors, applicationsErrors, requestsErrors, councilErrors, supplierNoticesErrors, einvoicesErrors, supplierThreadErrors] as const;

// A code defined in two catalogues fails to compile here, and the error names it.
const _eachCodeOnce: [DuplicateCodes<typeof domainErrorCatalogues>] extends [never] ? true : DuplicateCodes<typeof domainErrorCatalogues> = true;

/** Every code of the domain → its HTTP status and column, for the API and the documentation. */
export const domainRefusals = refusalTable(...domainErrorCatalogues);

/** Stream names, by context. */
export const streams = { fiscalYear: fiscalYearStream, supplier: supplierStream, asset: assetStream, import: importStream, citizen: citizenStream, debt: debtStream, payment: paymentStream, application: applicationStream, document: documentStream, protocol: protocolStream, request: requestStream, reporter: reporterStream, requestNotes: requestNotesStream, decision: decisionStream, diavgeiaSync: diavgeiaSyncStream, councilBody: councilBodyStream, councilSession: councilSessionStream, supplierNotices: supplierNoticesStream, invoice: invoiceStream, supplierThread: supplierThreadStream } as const;

/** Event types of personal streams: never in a public read model, export, feed or the public log. */
export const personalEventTypes: ReadonlySet<string> = new Set(domainContexts.flatMap((c) => ('personal' in c && c.personal ? Object.keys(c.eventSchemas) : [])));

// Names from before the contexts split, for the layers not yet moved to the new ones.
export type LedgerEvent = DomainEvent;
export type LedgerEventType = DomainEventType;
export const ledgerEventSchemas = eventSchemas;
export const ledgerEventTypes = eventTypes;
