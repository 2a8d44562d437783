// Turns append requests into exactly what is stored: checked names, ids, schema versions and JSON text.
// Shared by every adapter so that they refuse the same bad requests with the same errors.
import { InvalidAppend } from './errors.ts';
import type { EventSchemas } from './upcasting.ts';
import { currentVersion } from './upcasting.ts';
import type { EventToAppend, ExpectedRevision, StreamAppend } from './port.ts';
import { isUuid, uuidv7 } from './uuid.ts';

export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly dataText: string;
  readonly metadataText: string;
}

export interface PreparedPart {
  readonly stream: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly PreparedEvent[];
}

// Names are shown in the public log and hashed with newlines as separators: no control characters.
const NAME = /^[^\p{Cc}]{1,200}$/u;

const checkName = (kind: string, value: string): void => {
  if (!NAME.test(value)) throw new InvalidAppend(`Invalid ${kind} "${value}": 1-200 characters, no control characters`);
};

const checkExpected = (expected: ExpectedRevision): void => {
  if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new InvalidAppend(`Invalid expected revision ${expected}: a revision is a whole number from 0`);
  }
};

const jsonText = (what: 'Data' | 'Metadata', type: string, value: unknown): string => {
  const text = JSON.stringify(value);
  if (text === undefined) throw new InvalidAppend(`${what} of ${type} is not JSON data`);
  return text;
};

const UNSET = Symbol('unset');

/** Checks and prepares one all-or-nothing request; `recordedAt` is the same for all its events. */
// Plain loops, no closures made per call: this runs on every append, and one writer appending as it goes
// waits for it each time.
export const prepareAppend = (appends: readonly StreamAppend[], schemas: EventSchemas, recordedAt: string): PreparedPart[] => {
  const single = appends.length === 1 && appends[0]!.events.length <= 1;
  const streams = single ? null : new Set<string>();
  const ids = single ? null : new Set<string>();
  // The events of a request mostly share one metadata object (an import's): written out once.
  let lastMetadata: EventToAppend['metadata'] | typeof UNSET = UNSET;
  let lastMetadataText = '';
  const parts: PreparedPart[] = [];
  for (const { stream, events, expectedRevision = 'any' } of appends) {
    checkName('stream name', stream);
    checkExpected(expectedRevision);
    if (streams) {
      if (streams.has(stream)) throw new InvalidAppend(`Stream "${stream}" appears twice in one append`);
      streams.add(stream);
    }
    const prepared: PreparedEvent[] = [];
    for (const event of events) {
      checkName('event type', event.type);
      let id: string;
      if (event.id === undefined) {
        id = uuidv7();
      } else {
        id = event.id.toLowerCase();
        if (!isUuid(id)) throw new InvalidAppend(`Invalid event id "${event.id}": a UUID is required`);
      }
      if (ids) {
        if (ids.has(id)) throw new InvalidAppend(`Event id ${id} appears twice in one append`);
        ids.add(id);
      }
      const schemaVersion = event.schemaVersion ?? currentVersion(schemas, event.type);
      if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) throw new InvalidAppend(`Invalid schema version for ${event.type}`);
      if (event.metadata !== lastMetadata) {
        lastMetadataText = jsonText('Metadata', event.type, { ...event.metadata, recordedAt });
        lastMetadata = event.metadata;
      }
      prepared.push({ id, type: event.type, schemaVersion, dataText: jsonText('Data', event.type, event.data), metadataText: lastMetadataText });
    }
    parts.push({ stream, expected: expectedRevision, events: prepared });
  }
  return parts;
};
