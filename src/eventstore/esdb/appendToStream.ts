// Appends prepared parts. EventStoreDB has no multi-stream transaction: every part's expected revision and
// ids are checked first, then streams are written one by one. A crash in between leaves the earlier streams
// written; imports use deterministic event ids, so running the same import again finds those as duplicates
// and appends only the rest.
import { ANY, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError, jsonEvent } from '@eventstore/db-client';
import type { AppendExpectedRevision } from '@eventstore/db-client';
import { EventIdConflict, ExpectedRevisionConflict } from '../errors.ts';
import { GENESIS_HASH, chainHash } from '../hashChain.ts';
import type { AppendResult, EventMetadata, ExpectedRevision } from '../port.ts';
import type { PreparedPart } from '../prepareAppend.ts';
import type { EsdbConnection } from './connection.ts';
import { streamName } from './connection.ts';
import { lastEvent, readStream } from './readStream.ts';

const toExpected = (expected: ExpectedRevision): AppendExpectedRevision =>
  expected === 'any' ? ANY : expected === 'no_stream' ? NO_STREAM : expected === 'stream_exists' ? STREAM_EXISTS : BigInt(expected);

const matches = (expected: ExpectedRevision, actual: number): boolean =>
  expected === 'any' || (expected === 'no_stream' ? actual === -1 : expected === 'stream_exists' ? actual >= 0 : expected === actual);

/** Checks every part against the server before anything is written; returns the parts already written whole. */
const checkParts = async (connection: EsdbConnection, parts: readonly PreparedPart[]): Promise<Map<string, number>> => {
  const duplicates = new Map<string, number>();
  for (const part of parts) {
    const last = await lastEvent(connection, part.stream);
    const actual = last ? last.revision : -1;
    const existing = new Set((await readStream(connection, part.stream, 'backwards', undefined, 10_000)).map((e) => e.id));
    const known = part.events.filter((e) => existing.has(e.id)).length;
    if (known > 0 && known === part.events.length) duplicates.set(part.stream, actual);
    else if (known > 0) throw new EventIdConflict(part.stream);
    else if (!matches(part.expected, actual)) throw new ExpectedRevisionConflict(part.stream, part.expected, actual);
  }
  return duplicates;
};

const actualRevision = (error: WrongExpectedVersionError): number => (typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : -1);

const appendPart = async (connection: EsdbConnection, part: PreparedPart): Promise<AppendResult> => {
  const last = await lastEvent(connection, part.stream);
  let previous = last?.hash ?? GENESIS_HASH;
  let revision = last ? last.revision : -1;
  const events = part.events.map((e) => {
    revision++;
    const metadata = JSON.parse(e.metadataText) as EventMetadata;
    previous = chainHash(previous, { position: 0, id: e.id, stream: part.stream, revision, type: e.type, schemaVersion: e.schemaVersion, dataText: e.dataText, metadataText: e.metadataText });
    return jsonEvent({ id: e.id, type: e.type, data: JSON.parse(e.dataText) as Record<string, unknown>, metadata: { ...metadata, odSchemaVersion: e.schemaVersion, odHash: previous } });
  });
  try {
    const result = await connection.client.appendToStream(streamName(connection, part.stream), events, { expectedRevision: toExpected(part.expected) });
    const position = Number(result.position?.commit ?? 0n);
    return { stream: part.stream, revision: Number(result.nextExpectedRevision), firstPosition: position, lastPosition: position, duplicate: false };
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) throw new ExpectedRevisionConflict(part.stream, part.expected, actualRevision(error));
    throw error;
  }
};

export const appendToStream = async (connection: EsdbConnection, parts: readonly PreparedPart[]): Promise<AppendResult[]> => {
  const duplicates = await checkParts(connection, parts);
  const results: AppendResult[] = [];
  for (const part of parts) {
    const duplicateRevision = duplicates.get(part.stream);
    results.push(
      duplicateRevision === undefined
        ? await appendPart(connection, part)
        : { stream: part.stream, revision: duplicateRevision, firstPosition: null, lastPosition: null, duplicate: true },
    );
  }
  return results;
};
