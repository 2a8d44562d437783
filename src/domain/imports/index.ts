// Imports (εισαγωγές): each import of a file is itself a stream, the audit trail of who imported what.
import { domainContext } from '../shared/context.ts';
import type { ImportEvent } from './events.ts';

export * from './events.ts';

export const importsDomain = domainContext<ImportEvent>({ name: 'imports', eventSchemas: { ImportRecorded: { version: 1 } } });
