// The master key that wraps every subject's data key: from OPENDIMOS_MASTER_KEY (32 bytes as 64 hex digits
// or base64), or else from a key file in the data directory, made at first start with mode 0600. Several
// nodes on one PostgreSQL must share the same key (set the variable on all of them); the keyring refuses a
// node whose key differs from the one the database was first sealed with.
import { randomBytes } from 'node:crypto';
import { ConfigError } from './config.ts';
import { readOrCreateSecretFile } from './secretFile.ts';

export const MASTER_KEY_FILE = 'master.key';

/** 32 bytes from 64 hex digits or from base64 / base64url text; anything else is refused. */
export const parseMasterKey = (text: string, source: string): Buffer => {
  const value = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(value)
      ? Buffer.from(value.replace(/=$/, ''), 'base64url')
      : null;
  if (!bytes || bytes.length !== 32) {
    throw new ConfigError(`${source} must be 32 bytes, as 64 hex digits or base64 (e.g. openssl rand -base64 32)`);
  }
  return bytes;
};

export interface MasterKey {
  readonly key: Buffer;
  /** Where it came from, for the start-up line: the variable, an existing file, or a file made now. */
  readonly source: 'environment' | 'file' | 'new file';
}

export const loadMasterKey = async (fromEnvironment: string | null, dataDir: string): Promise<MasterKey> => {
  if (fromEnvironment !== null) return { key: parseMasterKey(fromEnvironment, 'OPENDIMOS_MASTER_KEY'), source: 'environment' };
  const file = await readOrCreateSecretFile(dataDir, MASTER_KEY_FILE, () => `${randomBytes(32).toString('base64')}\n`);
  return { key: parseMasterKey(file.text, file.path), source: file.created ? 'new file' : 'file' };
};
