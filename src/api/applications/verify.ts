// Checking a document: by its verification code, or from the PDF itself (its SHA-256 against the public
// register, and its signature checked). The answer names the holder masked and nothing personal besides.
// The PDF is never opened beyond hashing it and reading its signature.
import { createHash } from 'node:crypto';
import type { VerifiedSignature } from '../../integrations/signing/index.ts';
import { verifySignedPdf } from '../../integrations/signing/index.ts';
import type { PublicDocument } from '../../projections/applications/index.ts';
import { documentByCode, documentBySha256 } from '../../projections/applications/index.ts';
import type { ApplicationsServices } from './services.ts';
import { codeHashOf, normalisedCode } from './verificationCode.ts';

/** GET /api/verify/<code>'s answer (issue 17's fixed shape). */
export interface Verification {
  readonly status: 'valid' | 'revoked' | 'unknown';
  readonly type: string | null;
  readonly issuedAt: string | null;
  /** «123/2026»: the number and the year of the protocol. */
  readonly protocolNumber: string | null;
  readonly sha256: string | null;
  readonly holder: string | null;
  /** Beyond the fixed shape: what a careful reader also wants. */
  readonly revokedAt: string | null;
  readonly revocationReason: string | null;
  readonly developmentSignature: boolean;
  /** The ledger's position of the digest: its leaf in the verifiable log. */
  readonly logPosition: number | null;
}

const UNKNOWN: Verification = {
  status: 'unknown',
  type: null,
  issuedAt: null,
  protocolNumber: null,
  sha256: null,
  holder: null,
  revokedAt: null,
  revocationReason: null,
  developmentSignature: false,
  logPosition: null,
};

const verificationOf = (d: PublicDocument, holder: string | null): Verification => ({
  status: d.status,
  type: d.service,
  issuedAt: d.issuedAt,
  protocolNumber: `${d.protocolNumber}/${d.year}`,
  sha256: d.sha256,
  holder,
  revokedAt: d.revokedAt,
  revocationReason: d.revocationReason,
  developmentSignature: d.development,
  logPosition: d.position,
});

export const verifyCode = async (services: Pick<ApplicationsServices, 'client' | 'schema' | 'keyring'>, typed: string): Promise<Verification> => {
  const code = normalisedCode(typed);
  if (code === null) return UNKNOWN;
  const found = await documentByCode(services.client, services.schema, codeHashOf(services.keyring, code));
  return found ? verificationOf(found, found.holderMasked) : UNKNOWN;
};

export interface UploadVerification extends Verification {
  /** The uploaded file is, byte for byte, the document the code (or the register) names. */
  readonly match: boolean;
  readonly uploadedSha256: string;
  readonly signature: VerifiedSignature;
}

/**
 * An uploaded PDF: found in the register by its digest (then `match`), or, with a code, compared with the
 * code's document; its signature checked either way, so that a copy re-saved by a reader (a different
 * digest, the same signature) is told from a forgery.
 */
export const verifyUpload = async (services: Pick<ApplicationsServices, 'client' | 'schema' | 'keyring'>, pdf: Uint8Array, typedCode: string | null): Promise<UploadVerification> => {
  const uploadedSha256 = createHash('sha256').update(pdf).digest('hex');
  const signature = verifySignedPdf(pdf);
  if (typedCode !== null && typedCode.trim().length > 0) {
    const byCode = await verifyCode(services, typedCode);
    return { ...byCode, match: byCode.sha256 === uploadedSha256, uploadedSha256, signature };
  }
  const found = await documentBySha256(services.client, services.schema, uploadedSha256);
  if (!found) return { ...UNKNOWN, match: false, uploadedSha256, signature };
  return { ...verificationOf(found, found.holderMasked), match: true, uploadedSha256, signature };
};
