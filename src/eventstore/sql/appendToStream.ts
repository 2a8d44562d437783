// One call of od_append for one or more requests: the database decides conflicts, positions and hashes
// under the ledger's append lock; here we only marshal arrays and turn the outcome into results or errors.
import { EventIdConflict, ExpectedRevisionConflict } from '../errors.ts';
import type { AppendResult } from '../port.ts';
import type { PreparedPart } from '../prepareAppend.ts';
import type { SqlExecutor } from './client.ts';
import { toNumber } from './client.ts';
import type { LedgerNames } from './ledgerSchema.ts';

type PartStatus = 'ok' | 'duplicate' | 'conflict' | 'id_conflict' | 'aborted';

interface PartRow {
  part: number;
  status: PartStatus;
  revision: unknown;
  first_position: unknown;
  last_position: unknown;
}

/** The outcome of one request: its results, or the error that refused it (and with it all its parts). */
export type RequestOutcome = { readonly ok: true; readonly results: AppendResult[] } | { readonly ok: false; readonly error: Error };

export const appendRequests = async (
  db: SqlExecutor,
  names: LedgerNames,
  requests: readonly (readonly PreparedPart[])[],
): Promise<RequestOutcome[]> => {
  const partRequest: number[] = [];
  const partStream: string[] = [];
  const partExpected: string[] = [];
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
  const rows = await db.query<PartRow>(
    `SELECT part, status, revision, first_position, last_position
       FROM ${names.append}($1::int[], $2::text[], $3::text[], $4::int[], $5::uuid[], $6::text[], $7::int[], $8::text[], $9::text[])`,
    [partRequest, partStream, partExpected, eventPart, eventId, eventType, eventVersion, eventData, eventMetadata],
  );
  return interpret(requests, rows);
};

const interpret = (requests: readonly (readonly PreparedPart[])[], rows: readonly PartRow[]): RequestOutcome[] => {
  let next = 0;
  return requests.map((parts) => {
    const mine = rows.slice(next, next + parts.length);
    next += parts.length;
    const failure = mine.findIndex((row) => row.status === 'conflict' || row.status === 'id_conflict');
    if (failure >= 0) {
      const row = mine[failure]!;
      const part = parts[failure]!;
      const error =
        row.status === 'conflict'
          ? new ExpectedRevisionConflict(part.stream, part.expected, toNumber(row.revision))
          : new EventIdConflict(part.stream);
      return { ok: false, error };
    }
    return {
      ok: true,
      results: mine.map((row, i) => ({
        stream: parts[i]!.stream,
        revision: toNumber(row.revision),
        firstPosition: row.first_position === null ? null : toNumber(row.first_position),
        lastPosition: row.last_position === null ? null : toNumber(row.last_position),
        duplicate: row.status === 'duplicate',
      })),
    };
  });
};

export const unwrap = (outcome: RequestOutcome): AppendResult[] => {
  if (!outcome.ok) throw outcome.error;
  return outcome.results;
};
