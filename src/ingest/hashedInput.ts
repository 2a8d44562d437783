// The uploaded bytes, hashed (SHA-256) as they stream by. The import may stop reading early (bytes that
// are not text); `drain` then reads the rest so the audit trail holds the hash of the whole file.
import { createHash } from 'node:crypto';

export interface HashedInput {
  readonly chunks: AsyncIterable<Uint8Array>;
  drain(): Promise<void>;
  sha256(): string;
}

export const hashedInput = (input: AsyncIterable<Uint8Array>): HashedInput => {
  const hash = createHash('sha256');
  // Not for-await: abandoning `chunks` must not close the input before `drain` has read it.
  const iterator = input[Symbol.asyncIterator]();
  const next = async (): Promise<Uint8Array | null> => {
    const step = await iterator.next();
    if (step.done) return null;
    hash.update(step.value);
    return step.value;
  };
  return {
    chunks: {
      async *[Symbol.asyncIterator]() {
        for (let chunk = await next(); chunk !== null; chunk = await next()) yield chunk;
      },
    },
    async drain() {
      while ((await next()) !== null);
    },
    sha256: () => hash.digest('hex'),
  };
};
