// A login's `state` and PKCE pair (RFC 7636, S256): 32 random bytes each, so 43 base64url characters, the
// verifier's minimum length and 256 bits a guesser cannot reach.
import { createHash, randomBytes } from 'node:crypto';
import type { LoginAttempt } from './types.ts';

export const codeChallengeOf = (codeVerifier: string): string => createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');

export const newLoginAttempt = (): LoginAttempt => {
  const codeVerifier = randomBytes(32).toString('base64url');
  return { state: randomBytes(32).toString('base64url'), codeVerifier, codeChallenge: codeChallengeOf(codeVerifier) };
};

/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
export const isCodeVerifier = (value: string): boolean => /^[A-Za-z0-9\-._~]{43,128}$/.test(value);
