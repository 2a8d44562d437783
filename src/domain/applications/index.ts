// Applications (αιτήσεις) and the documents they end in: the catalogue of services, the workflow of each
// application (personal streams) and the public register of issued documents (public streams).
import { domainContext } from '../shared/context.ts';
import type { DocumentEvent } from './documents.ts';
import type { ApplicationEvent } from './events.ts';

export * from './events.ts';
export * from './application.ts';
export * from './documents.ts';
export * from './catalogue.ts';
export * from './fields.ts';
export * from './workingDays.ts';
export { applicationsErrors } from './errors.ts';

export const applicationsDomain = domainContext<ApplicationEvent>({
  name: 'applications',
  personal: true,
  eventSchemas: {
    ApplicationSubmitted: { version: 1 },
    FeeRequested: { version: 1 },
    FeePaid: { version: 1 },
    ApplicationAssigned: { version: 1 },
    InformationRequested: { version: 1 },
    InformationProvided: { version: 1 },
    ApplicationApproved: { version: 1 },
    ApplicationRejected: { version: 1 },
    ApplicationDocumentIssued: { version: 1 },
    ApplicationWithdrawn: { version: 1 },
  },
});

/** The documents' public register: in the verifiable log, with no personal data. */
export const documentsDomain = domainContext<DocumentEvent>({
  name: 'documents',
  eventSchemas: {
    ProtocolNumberAssigned: { version: 1 },
    DocumentIssued: { version: 1 },
    DocumentRevoked: { version: 1 },
  },
});
