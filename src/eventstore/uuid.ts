// UUID v7 (RFC 9562): 48 bits of Unix milliseconds then randomness, so ids sort by creation time.
import { hash, randomBytes } from 'node:crypto';

let lastMillis = 0;
let sequence = 0;
// Random bytes are drawn 4 KiB at a time: one system call per 256 ids instead of one per id.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;

const randomSixteen = (): Uint8Array => {
  if (poolOffset + 16 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const bytes = Uint8Array.prototype.slice.call(pool, poolOffset, poolOffset + 16);
  poolOffset += 16;
  return bytes;
};

const format = (bytes: Uint8Array): string => {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const stamp = (bytes: Uint8Array, millis: number): void => {
  const ms = BigInt(millis);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
};

/** A fresh UUID v7; ids made in the same millisecond by this process still sort in creation order. */
export const uuidv7 = (): string => {
  const now = Date.now();
  sequence = now === lastMillis ? sequence + 1 : 0;
  lastMillis = now;
  const bytes = randomSixteen();
  stamp(bytes, now);
  // 12 bits of sequence right after the version nibble keep same-millisecond ids ordered.
  bytes[6] = 0x70 | ((sequence >> 8) & 0x0f);
  bytes[7] = sequence & 0xff;
  return format(bytes);
};

const TIME_RANGE = 2 ** 48;
const VARIANT = ['8', '9', 'a', 'b'] as const;

/**
 * A UUID v7 that is a pure function of its inputs: the time part from `millis`, the rest from a SHA-256 of
 * `key`. Used where a retried write must produce the very same ids (imports on EventStoreDB converge so).
 * Built on the digest's hex text: an import makes one per event, and a Hash object each costs more than the hashing.
 */
export const deterministicUuidv7 = (millis: number, key: string): string => {
  const ms = Math.max(0, Math.floor(millis));
  if (!Number.isFinite(ms)) throw new RangeError(`The time of a UUID v7 must be a number of milliseconds, not ${millis}`);
  const time = (ms % TIME_RANGE).toString(16).padStart(12, '0');
  const digest = hash('sha256', key, 'hex');
  // Version 7 in the 13th digit, the RFC 9562 variant (10xx) in the 17th.
  const variant = VARIANT[Number.parseInt(digest[16]!, 16) & 0x3]!;
  return `${time.slice(0, 8)}-${time.slice(8)}-7${digest.slice(13, 16)}-${variant}${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
};

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);
