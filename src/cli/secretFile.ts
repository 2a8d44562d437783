// A secret kept in a file of the data directory (the master key, the log's signing key, the development
// signing certificate): read when it is there, else made once with mode 0600. Two processes starting at
// once must not each write a different secret, nor read the other's file before it is complete: the
// secret is written whole to a file of this process's own, then linked into place, which fails if one is
// already there (the loser reads the winner's).
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SecretFile {
  readonly text: string;
  readonly path: string;
  readonly created: boolean;
}

/** The same for a binary secret (the development signing certificate's PKCS#12). */
export interface SecretBytes {
  readonly bytes: Buffer;
  readonly path: string;
  readonly created: boolean;
}

export const readOrCreateSecretFile = async (dataDir: string, name: string, make: () => string): Promise<SecretFile> => {
  const { bytes, path, created } = await readOrCreateSecretBytes(dataDir, name, () => Buffer.from(make(), 'utf8'));
  return { text: bytes.toString('utf8'), path, created };
};

export const readOrCreateSecretBytes = async (dataDir: string, name: string, make: () => Buffer): Promise<SecretBytes> => {
  const path = join(dataDir, name);
  try {
    const bytes = await readFile(path);
    await chmod(path, 0o600);
    return { bytes, path, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const bytes = make();
  const own = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    await writeFile(own, bytes, { mode: 0o600, flag: 'wx' });
    await link(own, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateSecretBytes(dataDir, name, make);
    throw error;
  } finally {
    await rm(own, { force: true });
  }
  return { bytes, path, created: true };
};
