// A document's verification code: 100 random bits in Crockford's base32 (no I, L, O, U: nothing to mistake
// when read aloud over the phone), 20 symbols in five groups of four. Unguessable: the verify routes are
// rate-limited besides, so that nobody walks the space; a code is looked up by its keyed hash alone.
import { randomBytes } from 'node:crypto';
import type { Keyring } from '../../eventstore/keyring.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 20;
const FORMAT = /^[0-9A-HJKMNP-TV-Z]{20}$/;

export const newVerificationCode = (): string => {
  const bytes = randomBytes(13); // 104 bits, of which the first 100 are used
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  bits >>= 4n;
  let code = '';
  for (let i = SYMBOLS - 1; i >= 0; i -= 1) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return grouped(code);
};

/** «7KQ2M9XD…» → «7KQ2-M9XD-…». */
export const grouped = (code: string): string => code.match(/.{1,4}/g)!.join('-');

/**
 * What a person typed, as the code: case, spaces and hyphens ignored, and the letters Crockford maps (O → 0,
 * I and L → 1); null when it cannot be a code at all (then nothing is looked up).
 */
export const normalisedCode = (typed: string): string | null => {
  const plain = typed.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return FORMAT.test(plain) ? plain : null;
};

export const codeHashOf = (keyring: Pick<Keyring, 'lookupHash'>, normalised: string): string => keyring.lookupHash('document-verification-code', normalised);
