// The applications context's read side: applications and their steps (personal), and the public register
// of the documents they end in.
import type { Keyring } from '../../eventstore/keyring.ts';
import type { ProjectionsContext } from '../shared/projection.ts';
import { applicationsProjection } from './applicationsProjection.ts';
import { documentsProjection } from './documentsProjection.ts';

export { APPLICATION_STEPS, APPLICATIONS, APPLICATIONS_PROJECTION, DOCUMENT_CODES } from './applicationsProjection.ts';
export type { PublicDocument } from './documentsProjection.ts';
export { DOCUMENTS, DOCUMENTS_PROJECTION, documentsProjection } from './documentsProjection.ts';
export { maskedHolder } from './maskedHolder.ts';
export * from './applicationQueries.ts';

export const applicationsProjections = (keyring: Keyring): ProjectionsContext => ({ name: 'applications', projections: [applicationsProjection(keyring)] });

/** The documents' register is public: it is a context's projection like the ledger's, made without the keyring. */
export const documentsProjections: ProjectionsContext = { name: 'documents', projections: [documentsProjection] };
export { applicationsNotifications } from './notifications.ts';
