// The records of an uploaded file, header first: decoded (decode.ts) and parsed (readRecords.ts) on this
// thread for a small file, on a worker thread for a large one (workerRecords.ts), where starting a thread
// costs less than the parsing it takes off this one. The first bytes are held until the size is known.
import { decodeText } from './decode.ts';
import type { CsvRecord } from './readRecords.ts';
import { readRecords } from './readRecords.ts';
import { workerRecords } from './workerRecords.ts';

/** About 40,000 rows. */
export const WORKER_FROM_BYTES = 8 * 1_048_576;

/** The records, header first, as many at a time as are read. */
export async function* fileRecords(chunks: AsyncIterable<Uint8Array>, workerFromBytes = WORKER_FROM_BYTES): AsyncGenerator<readonly CsvRecord[]> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (!ended && size < workerFromBytes) {
    const next = await iterator.next();
    if (next.done) ended = true;
    else {
      head.push(next.value);
      size += next.value.length;
    }
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* head.splice(0);
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (ended) yield* (await readRecords(decodeText(all()))).records;
  else yield* workerRecords(all());
}
