// UUID v7 (RFC 9562): 48 bits of Unix milliseconds then randomness, so ids sort by creation time.
import { hash, randomBytes } from 'node:crypto';

const TIME_RANGE = 2 ** 48;
const VARIANT = ['8', '9', 'a', 'b'] as const;

/**
 * The text of a UUID v7 from its parts, in hex digits: the time (milliseconds), 3 digits after the version,
 * then 16 digits whose first gives the variant's two free bits (RFC 9562: 10xx) and whose other 15 follow it.
 */
const layoutV7 = (millis: number, afterVersion: string, tail: string): string => {
  const time = (millis % TIME_RANGE).toString(16).padStart(12, '0');
  const variant = VARIANT[Number.parseInt(tail[0]!, 16) & 0x3]!;
  return `${time.slice(0, 8)}-${time.slice(8)}-7${afterVersion}-${variant}${tail.slice(1, 4)}-${tail.slice(4, 16)}`;
};

let lastMillis = 0;
let sequence = 0;
// Random bytes are drawn 4 KiB at a time: one system call per 512 ids instead of one per id.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;

/**
 * A fresh UUID v7; ids made in the same millisecond by this process still sort in creation order. Written
 * as text directly (one per append on the hot path): 48 bits of Unix milliseconds, version 7, 12 bits of
 * sequence, the variant and 62 random bits.
 */
export const uuidv7 = (): string => {
  const now = Date.now();
  sequence = now === lastMillis ? sequence + 1 : 0;
  lastMillis = now;
  if (poolOffset + 8 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const random = pool.toString('hex', poolOffset, poolOffset + 8);
  poolOffset += 8;
  return layoutV7(now, (sequence & 0xfff).toString(16).padStart(3, '0'), random);
};

/**
 * A UUID v7 that is a pure function of its inputs: the time part from `millis`, the rest from a SHA-256 of
 * `key`. Used where a retried write must produce the very same ids (imports on EventStoreDB converge so).
 * Built on the digest's hex text: an import makes one per event, and a Hash object each costs more than the hashing.
 */
export const deterministicUuidv7 = (millis: number, key: string): string => {
  const ms = Math.max(0, Math.floor(millis));
  if (!Number.isFinite(ms)) throw new RangeError(`The time of a UUID v7 must be a number of milliseconds, not ${millis}`);
  const digest = hash('sha256', key, 'hex');
  // The digest's digits stand where they would in a UUID: 13-15 after the version, 16-31 from the variant on.
  return layoutV7(ms, digest.slice(13, 16), digest.slice(16, 32));
};

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);
