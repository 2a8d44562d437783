// Staff passwords, hashed with argon2id (@node-rs/argon2). Parameters: 19 MiB, 2 passes, 1 lane, OWASP's
// recommended minimum for argon2id; about 40 ms on one core of the 2-core machine, cheap enough for a login
// and costly enough per guess for whoever steals the table. A login for an unknown e-mail verifies the same
// dummy hash, so its answer takes as long as a real account's.
import type { Algorithm, Options } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// `Algorithm` is a const enum, which isolated modules cannot read at run time: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const hashPassword = (password: string): Promise<string> => hash(password.normalize('NFC'), OPTIONS);

export const passwordMatches = async (hashed: string, password: string): Promise<boolean> => {
  try {
    return await verify(hashed, password.normalize('NFC'));
  } catch {
    return false;
  }
};

let dummy: Promise<string> | null = null;
/** A hash of nothing anyone knows, made once per process, verified for unknown e-mails. */
export const dummyHash = (): Promise<string> => (dummy ??= hash(randomBytes(32).toString('hex'), OPTIONS));
