// The worker thread that reads a large file for an import (see workerRecords.ts): bytes in, as the thread
// that decides asks for them; records out, packed, at most AHEAD batches ahead of that thread. It decodes
// and parses with the same code as the deciding thread would (decode.ts, readRecords.ts).
import { parentPort } from 'node:worker_threads';
import { decodeText } from './decode.ts';
import { isIngestError } from './errors.ts';
import { packRecords } from './packedRecords.ts';
import type { CsvRecord } from './readRecords.ts';
import { readRecords } from './readRecords.ts';
import type { FromRecordsWorker, ToRecordsWorker } from './workerRecords.ts';
import { AHEAD_BATCHES, BATCH_RECORDS, INPUT_AHEAD } from './workerRecords.ts';

if (parentPort === null) throw new Error('recordsWorker.ts runs on a worker thread');
const port = parentPort;
const post = (message: FromRecordsWorker): void => port.postMessage(message);

const chunks: Uint8Array[] = [];
let inputEnded = false;
let credits = AHEAD_BATCHES;
// Both the parser's reading ahead (for bytes) and the sending (for credit) may be waiting at once.
let waiting: (() => void)[] = [];
const waitForMessage = () => new Promise<void>((resolve) => waiting.push(resolve));

port.on('message', (message: ToRecordsWorker) => {
  if ('chunk' in message) chunks.push(message.chunk);
  else if ('end' in message) inputEnded = true;
  else credits++;
  const woken = waiting;
  waiting = [];
  for (const wake of woken) wake();
});

/** The file's bytes, asked for INPUT_AHEAD chunks ahead. */
async function* input(): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < INPUT_AHEAD; i++) post({ more: true });
  for (;;) {
    const chunk = chunks.shift();
    if (chunk !== undefined) {
      post({ more: true });
      yield chunk;
    } else if (inputEnded) {
      return;
    } else {
      await waitForMessage();
    }
  }
}

const send = async (batch: CsvRecord[]): Promise<void> => {
  while (credits === 0) await waitForMessage();
  credits--;
  post({ records: packRecords(batch) });
};

let batch: CsvRecord[] = [];
try {
  for await (const parsed of (await readRecords(decodeText(input()))).records) {
    batch.push(...parsed);
    if (batch.length >= BATCH_RECORDS) {
      await send(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await send(batch);
  post({ done: true });
} catch (error) {
  if (!isIngestError(error)) throw error;
  // The records read before the refusal are decided (and reported) as on the deciding thread.
  if (batch.length > 0) await send(batch);
  const { code, messageEl, messageEn, column, line, status } = error;
  post({ refused: { code, messageEl, messageEn, column, line, status } });
}
