// Typed errors of the event store: callers branch on the class (or its guard), never on message text.
import type { ExpectedRevision } from './port.ts';

export class ExpectedRevisionConflict extends Error {
  readonly code = 'OD_REVISION_CONFLICT';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Stream "${stream}" expected at revision ${String(expected)}, found ${actual === -1 ? 'no stream' : actual}`);
    this.name = 'ExpectedRevisionConflict';
  }
}
export const isExpectedRevisionConflict = (e: unknown): e is ExpectedRevisionConflict => e instanceof ExpectedRevisionConflict;

/** An event id already used by a different event: ids are global and never reused. */
export class EventIdConflict extends Error {
  readonly code = 'OD_EVENT_ID_CONFLICT';
  constructor(readonly stream: string) {
    super(`Events for stream "${stream}" reuse ids that belong to other events (or only part of an earlier append)`);
    this.name = 'EventIdConflict';
  }
}
export const isEventIdConflict = (e: unknown): e is EventIdConflict => e instanceof EventIdConflict;

/** A request the store refuses before touching the database: empty stream name, duplicate stream, bad id. */
export class InvalidAppend extends Error {
  readonly code = 'OD_INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppend';
  }
}
export const isInvalidAppend = (e: unknown): e is InvalidAppend => e instanceof InvalidAppend;
