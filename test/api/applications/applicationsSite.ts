// A running site with the applications context: the citizen platform (test/web/identity/citizenSite.ts) with
// the catalogue of config/services/ and a signer with the development certificate (made once per test process:
// an RSA key in pure JavaScript takes a second or more).
import { join } from 'node:path';
import { loadCatalogue } from '../../../src/api/applications/index.ts';
import type { Applying } from '../../../src/contexts.ts';
import type { DocumentSigner } from '../../../src/integrations/signing/index.ts';
import { developmentCertificate, p12Signer } from '../../../src/integrations/signing/index.ts';
import type { CitizenSite } from '../../web/identity/citizenSite.ts';
import { startCitizenSite } from '../../web/identity/citizenSite.ts';

export const SERVICES_DIR = join(import.meta.dirname, '../../../config/services');

let signer: Promise<DocumentSigner> | null = null;

/** The development signer, shared by every site of the test process. */
export const testSigner = (): Promise<DocumentSigner> => {
  signer ??= (async () => {
    const { p12, passphrase } = developmentCertificate();
    return p12Signer(p12, passphrase);
  })();
  return signer;
};

export const testApplying = async (): Promise<Applying> => ({ catalogue: await loadCatalogue(SERVICES_DIR), signer: await testSigner() });

export const startApplicationsSite = async (options: { now?: () => Date } = {}): Promise<CitizenSite> =>
  startCitizenSite({ applying: await testApplying(), ...options });
