// The suppliers' line to the finance department, read side (personal): threads, messages, the reply e-mails.
import type { Keyring } from '../../eventstore/keyring.ts';
import type { ProjectionsContext } from '../shared/projection.ts';
import { supplierThreadsProjection } from './threadsProjection.ts';

export { SUPPLIER_THREADS_PROJECTION, supplierThreadsProjection, THREAD_MESSAGES, THREADS } from './threadsProjection.ts';
export * from './threadQueries.ts';
export { supplierThreadNotices, topicWords } from './notifications.ts';

export const supplierThreadsProjections = (keyring: Keyring): ProjectionsContext => ({ name: 'supplier-threads', projections: [supplierThreadsProjection(keyring)] });
