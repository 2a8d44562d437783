// Event ids that are a pure function of what the row records, so that a retried import writes the very
// same ids: PostgreSQL skips what it has; EventStoreDB, without multi-stream transactions, converges.
import { deterministicUuidv7 } from '../eventstore/uuid.ts';

// Rows come mostly in date order: the last date's time is kept.
let lastDate = '';
let lastMillis = Number.NaN;

/** Time part from the document's date, so ids sort roughly by when things happened. */
export const eventId = (isoDate: string, key: string): string => {
  if (isoDate !== lastDate) {
    lastMillis = Date.parse(isoDate);
    lastDate = isoDate;
  }
  return deterministicUuidv7(lastMillis, key);
};
