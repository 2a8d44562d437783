// One call of od_append for one or more requests: the database decides conflicts, positions and hashes
// under the ledger's append lock; here we only marshal arrays and turn the outcome into results or errors.
import { EventIdConflict, ExpectedRevisionConflict } from '../errors.ts';
import type { AppendResult } from '../port.ts';
import type { PreparedPart } from '../prepareAppend.ts';
import type { SqlExecutor } from './client.ts';
import { toNumber } from './client.ts';
import type { LedgerNames } from './ledgerSchema.ts';

type PartStatus = 'ok' | 'duplicate' | 'conflict' | 'id_conflict' | 'aborted';

/** od_append answers with one array per field, one element per part, in the order the parts were sent. */
interface AppendRow {
  statuses: PartStatus[];
  revisions: unknown[];
  first_positions: unknown[] | null;
}

interface PartOutcome {
  readonly status: PartStatus;
  readonly revision: number;
  readonly firstPosition: number | null;
}

/** The outcome of one request: its results, or the error that refused it (and with it all its parts). */
export type RequestOutcome = { readonly ok: true; readonly results: AppendResult[] } | { readonly ok: false; readonly error: Error };

// A single event has no other part to be aborted by: od_append_event never answers 'aborted'.
const EVENT_STATUSES: readonly PartStatus[] = ['ok', 'duplicate', 'conflict', 'id_conflict'];

/** od_append_event's answer: status, revision and first position (nothing when none), e.g. `ok 0 42`, `duplicate 3 `. */
export const parseAppendEvent = (text: string | null): PartOutcome => {
  const match = text === null ? null : /^([a-z_]+) (-?\d+) (\d*)$/.exec(text);
  const status = match?.[1] as PartStatus | undefined;
  if (!match || !status || !EVENT_STATUSES.includes(status)) throw new Error(`Unexpected answer from od_append_event: ${text}`);
  return { status, revision: Number(match[2]), firstPosition: match[3] === '' ? null : Number(match[3]) };
};

/** One event to one stream, the commonest append (one writer appending as it goes), through od_append_event. */
const appendOne = async (db: SqlExecutor, names: LedgerNames, part: PreparedPart): Promise<PartOutcome> => {
  const event = part.events[0]!;
  // One text value: the driver parses no row description and builds no result object for it.
  const answer = await db.value(
    `SELECT ${names.appendEvent}($1, $2, $3::uuid, $4, $5::int, $6::json, $7::json)`,
    [part.stream, String(part.expected), event.id, event.type, String(event.schemaVersion), event.dataText, event.metadataText],
    { name: `od_append_event_${names.schema}` },
  );
  return parseAppendEvent(answer);
};

export const appendToStream = async (
  db: SqlExecutor,
  names: LedgerNames,
  requests: readonly (readonly PreparedPart[])[],
): Promise<RequestOutcome[]> => {
  const only = requests.length === 1 && requests[0]!.length === 1 ? requests[0]![0]! : null;
  if (only && only.events.length === 1) return interpret(requests, [await appendOne(db, names, only)]);
  const partRequest: number[] = [];
  const partStream: string[] = [];
  const partExpected: string[] = [];
  const partSize: number[] = [];
  const eventPart: number[] = [];
  const eventId: string[] = [];
  const eventType: string[] = [];
  const eventVersion: number[] = [];
  const eventData: string[] = [];
  const eventMetadata: string[] = [];
  requests.forEach((parts, request) => {
    for (const part of parts) {
      partRequest.push(request);
      partStream.push(part.stream);
      partExpected.push(String(part.expected));
      partSize.push(part.events.length);
      const ordinal = partStream.length; // SQL arrays are 1-based
      for (const event of part.events) {
        eventPart.push(ordinal);
        eventId.push(event.id);
        eventType.push(event.type);
        eventVersion.push(event.schemaVersion);
        eventData.push(event.dataText);
        eventMetadata.push(event.metadataText);
      }
    }
  });
  const [row] = await db.query<AppendRow>(
    `SELECT statuses, revisions, first_positions
       FROM ${names.append}($1::int[], $2::text[], $3::text[], $4::int[], $5::int[], $6::uuid[], $7::text[], $8::int[], $9::json, $10::json)`,
    // Data and metadata go as one JSON array each: the database keeps each element's text exactly, and the
    // driver need not escape every event as an array element.
    [partRequest, partStream, partExpected, partSize, eventPart, eventId, eventType, eventVersion, `[${eventData.join(',')}]`, `[${eventMetadata.join(',')}]`],
    // Prepared once per connection: parsing and planning this call is a tenth of a single append's time.
    { name: `od_append_${names.schema}` },
  );
  const rows: PartOutcome[] = row!.statuses.map((status, i) => {
    const first = row!.first_positions?.[i];
    return { status, revision: toNumber(row!.revisions[i]), firstPosition: first === null || first === undefined ? null : toNumber(first) };
  });
  return interpret(requests, rows);
};

/** One request's outcome from its parts' rows: the first failing part refuses the whole request. */
const outcomeOf = (parts: readonly PreparedPart[], rows: readonly PartOutcome[], first: number): RequestOutcome => {
  const results: AppendResult[] = [];
  for (let i = 0; i < parts.length; i++) {
    const row = rows[first + i]!;
    const part = parts[i]!;
    if (row.status === 'conflict') return { ok: false, error: new ExpectedRevisionConflict(part.stream, part.expected, row.revision) };
    if (row.status === 'id_conflict') return { ok: false, error: new EventIdConflict(part.stream) };
    results.push({
      stream: part.stream,
      revision: row.revision,
      firstPosition: row.firstPosition,
      lastPosition: row.firstPosition === null ? null : row.firstPosition + part.events.length - 1,
      duplicate: row.status === 'duplicate',
    });
  }
  return { ok: true, results };
};

const interpret = (requests: readonly (readonly PreparedPart[])[], rows: readonly PartOutcome[]): RequestOutcome[] => {
  const outcomes: RequestOutcome[] = [];
  let next = 0;
  for (const parts of requests) {
    outcomes.push(outcomeOf(parts, rows, next));
    next += parts.length;
  }
  return outcomes;
};

export const unwrap = (outcome: RequestOutcome): AppendResult[] => {
  if (!outcome.ok) throw outcome.error;
  return outcome.results;
};
