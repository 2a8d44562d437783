// Signing the municipality's documents (PAdES with its PKCS#12) and checking a signed PDF: the port the
// applications context owns, its one adapter, the development certificate and the check. Imported only
// by the composition root and the applications routes and pages (eslint.config.js, od/boundaries).
export type { DocumentSigner, SignatureMeta, SignerIdentity, VerifiedSignature } from './port.ts';
export type { SigningErrorCode } from './errors.ts';
export { SigningError, isSigningError } from './errors.ts';
export { p12Signer } from './p12Signer.ts';
export { developmentCertificate } from './developmentCertificate.ts';
export { verifySignedPdf } from './verifySignedPdf.ts';
