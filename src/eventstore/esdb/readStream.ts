// One stream, forwards or backwards; a stream that does not exist reads as empty.
import { BACKWARDS, END, FORWARDS, START, StreamNotFoundError } from '@eventstore/db-client';
import type { RecordedEvent } from '../port.ts';
import type { EsdbConnection } from './connection.ts';
import { streamName, toRecorded } from './connection.ts';

export const readStream = async (
  connection: EsdbConnection,
  stream: string,
  direction: 'forwards' | 'backwards',
  fromRevision: number | undefined,
  maxCount: number,
): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  const from = fromRevision === undefined ? (direction === 'forwards' ? START : END) : BigInt(fromRevision);
  try {
    const reading = connection.client.readStream(streamName(connection, stream), { direction: direction === 'forwards' ? FORWARDS : BACKWARDS, fromRevision: from, maxCount });
    for await (const resolved of reading) {
      const recorded = toRecorded(connection, resolved);
      if (recorded) events.push(recorded);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
};

export const lastEvent = async (connection: EsdbConnection, stream: string): Promise<RecordedEvent | undefined> =>
  (await readStream(connection, stream, 'backwards', undefined, 1))[0];
