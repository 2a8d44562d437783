// The municipality's document signer for a process: its PKCS#12 (OPENDIMOS_SIGNING_P12 with
// OPENDIMOS_SIGNING_PASSPHRASE), else the self-signed development certificate of the data directory, made
// at first start with mode 0600 and reused after, so documents issued before a restart still verify. The
// passphrase file is made first: two processes starting at once then both encrypt with the winner's, so
// whichever P12 wins opens with it.
import { readFile } from 'node:fs/promises';
import type { DocumentSigner } from '../integrations/signing/index.ts';
import { developmentCertificate, p12Signer, SigningError } from '../integrations/signing/index.ts';
import type { SigningSettings } from './config.ts';
import { readOrCreateSecretBytes, readOrCreateSecretFile } from './secretFile.ts';

export const SIGNING_DEVELOPMENT_P12 = 'signing-development.p12';
export const SIGNING_DEVELOPMENT_PASSPHRASE = 'signing-development.passphrase';

export type { DocumentSigner, SigningSettings };

const productionSigner = async (p12Path: string, passphrase: string): Promise<DocumentSigner> => {
  let p12: Buffer;
  try {
    p12 = await readFile(p12Path);
  } catch (error) {
    throw new SigningError('OD_SIGNING_UNREADABLE', error);
  }
  return p12Signer(p12, passphrase);
};

const developmentSigner = async (dataDir: string): Promise<DocumentSigner> => {
  // One certificate made for both files when neither is there; a passphrase kept from an earlier start
  // gets a P12 of its own.
  let made: { p12: Buffer; passphrase: string } | null = null;
  const make = (): { p12: Buffer; passphrase: string } => (made ??= developmentCertificate());
  const passphrase = (await readOrCreateSecretFile(dataDir, SIGNING_DEVELOPMENT_PASSPHRASE, () => make().passphrase)).text;
  const p12 = await readOrCreateSecretBytes(dataDir, SIGNING_DEVELOPMENT_P12, () => {
    const certificate = make();
    return certificate.passphrase === passphrase ? certificate.p12 : developmentCertificate(passphrase).p12;
  });
  return { ...(await p12Signer(p12.bytes, passphrase)), development: true };
};

export const loadDocumentSigner = async (settings: SigningSettings, dataDir: string): Promise<DocumentSigner> => {
  const { p12Path, passphrase } = settings;
  if (p12Path !== null && passphrase !== null) return productionSigner(p12Path, passphrase);
  if (p12Path !== null || passphrase !== null) throw new SigningError('OD_SIGNING_SETTINGS');
  return developmentSigner(dataDir);
};
