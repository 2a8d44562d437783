// The whole log in EventStoreDB's order, from a position (its log positions increase but are not dense).
import { BACKWARDS, END, FORWARDS, START } from '@eventstore/db-client';
import type { ReadAllOptions, RecordedEvent } from '../port.ts';
import type { EsdbConnection } from './connection.ts';
import { toRecorded } from './connection.ts';

export const readAll = async (connection: EsdbConnection, { fromPosition = 0, maxCount = 1_000 }: ReadAllOptions = {}, asStored = false): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  const from = fromPosition > 0 ? { commit: BigInt(fromPosition), prepare: BigInt(fromPosition) } : START;
  // A few more than asked for: system events and other ledgers' events in between are skipped.
  for await (const resolved of connection.client.readAll({ fromPosition: from, direction: FORWARDS, maxCount: maxCount + 64 })) {
    const recorded = toRecorded(connection, resolved, asStored);
    if (recorded && recorded.position > fromPosition) events.push(recorded);
    if (events.length >= maxCount) break;
  }
  return events;
};

export const headPosition = async (connection: EsdbConnection): Promise<number> => {
  for await (const resolved of connection.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1_000 })) {
    const recorded = toRecorded(connection, resolved);
    if (recorded) return recorded.position;
  }
  return 0;
};
