// Event ids that are a pure function of what the row records, so that a retried import writes the very
// same ids: PostgreSQL skips what it has; EventStoreDB, without multi-stream transactions, converges.
import { deterministicUuidv7 } from '../eventstore/uuid.ts';

/** Time part from the document's date, so ids sort roughly by when things happened. */
export const eventId = (isoDate: string, key: string): string => deterministicUuidv7(Date.parse(isoDate), key);
