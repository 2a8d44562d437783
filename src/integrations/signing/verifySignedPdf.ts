// The check behind "upload the PDF to check it": the last signature of a PDF, verified from its bytes
// alone. Only the byte ranges, the CMS and the key of the certificate inside it are believed; whether that
// certificate is the municipality's is the caller's comparison of fingerprints. A file that is not what
// it claims answers signed:false (no signature we can name a signer for) or intact:false, never throws.
import { createHash, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { asn1Of, derOf, identityOf, tbsFieldsOf } from './certificate.ts';
import { OID } from './cms.ts';
import type { VerifiedSignature } from './port.ts';

type Asn1 = forge.asn1.Asn1;

const HASHES: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

const list = (node: Asn1 | undefined): Asn1[] => (node && Array.isArray(node.value) ? node.value : []);
const bytes = (node: Asn1 | undefined): Buffer => Buffer.from(node && typeof node.value === 'string' ? node.value : '', 'binary');
const oidOf = (node: Asn1 | undefined): string => (node && typeof node.value === 'string' && node.type === forge.asn1.Type.OID ? forge.asn1.derToOid(node.value) : '');

interface SignatureField {
  readonly ranges: readonly [number, number, number, number];
  readonly contents: Buffer;
  readonly signedAt: string | null;
}

/** The last /ByteRange of the file and the /Contents hole it leaves; null when there is none usable. */
const lastSignatureField = (file: Buffer): SignatureField | null => {
  const text = file.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  if (at < 0) return null;
  const match = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 120));
  if (!match) return null;
  const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
  if (!(a <= b && b < c && c <= file.length && c + d <= file.length) || text[b] !== '<' || text[c - 1] !== '>') return null;
  const hex = text.slice(b + 1, c - 1);
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0 || !/\/Contents\s*$/.test(text.slice(Math.max(0, b - 40), b))) return null;
  const end = text.indexOf('endobj', c);
  const dictionary = text.slice(text.lastIndexOf('obj', at), at) + text.slice(c, end < 0 ? c + 4000 : end);
  return { ranges: [a, b, c, d], contents: Buffer.from(hex, 'hex'), signedAt: pdfDateOf(dictionary) };
};

/** /M (D:YYYYMMDDHHmmSS+HH'mm') as ISO 8601, or null. */
const pdfDateOf = (dictionary: string): string | null => {
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(dictionary);
  if (!m) return null;
  const zone = m[7] === undefined || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

// [0]: the certificates of SignedData, the signed attributes of SignerInfo (forge types a tag as its enum).
const isTagged0 = (node: Asn1 | undefined): boolean => node?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && (node.type as number) === 0;

const sameDer = (x: Asn1 | undefined, y: Asn1 | undefined): boolean => x !== undefined && y !== undefined && derOf(x).equals(derOf(y));

/** The certificate named by the SignerInfo's issuer and serial, among those the CMS carries. */
const signerCertificate = (certificates: Asn1[], sid: Asn1 | undefined): Buffer | null => {
  const [issuer, serial] = list(sid);
  const found = certificates.find((certificate) => {
    const fields = tbsFieldsOf(certificate);
    return sameDer(fields.issuer, issuer) && sameDer(fields.serial, serial);
  });
  return found ? derOf(found) : null;
};

const attributeValue = (attributes: Asn1[], type: string): Asn1 | undefined => {
  const found = attributes.filter((attribute) => oidOf(list(attribute)[0]) === type);
  return found.length === 1 ? list(list(found[0])[1])[0] : undefined;
};

/** The ESS signing-certificate-v2, when present, must name this very certificate (SHA-256 by default). */
const bindsCertificate = (attributes: Asn1[], certificate: Buffer): boolean => {
  const present = attributes.some((attribute) => oidOf(list(attribute)[0]) === OID.signingCertificateV2);
  if (!present) return true;
  const first = list(list(attributeValue(attributes, OID.signingCertificateV2))[0])[0];
  const fields = list(first);
  const algorithm = fields[0]?.type === forge.asn1.Type.SEQUENCE ? oidOf(list(fields[0])[0]) : OID.sha256;
  const hash = fields[0]?.type === forge.asn1.Type.SEQUENCE ? fields[1] : fields[0];
  const name = HASHES[algorithm];
  return name !== undefined && bytes(hash).equals(createHash(name).update(certificate).digest());
};

export const verifySignedPdf = (pdf: Uint8Array): VerifiedSignature => {
  try {
    const file = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    const field = lastSignatureField(file);
    if (!field) return { signed: false };
    const [a, b, c, d] = field.ranges;
    const contentInfo = asn1Of(field.contents);
    if (oidOf(list(contentInfo)[0]) !== OID.signedData) return { signed: false };
    const signedData = list(list(contentInfo)[1])[0];
    const parts = list(signedData);
    const certificates = list(parts.find(isTagged0));
    const signerInfos = list(parts[parts.length - 1]);
    const signerInfo = list(signerInfos[0]);
    const [, sid, digestAlgorithm, signedAttributes, , signature] = signerInfo;
    const certificate = signerCertificate(certificates, sid);
    if (!certificate || signerInfos.length !== 1) return { signed: false };
    const signer = identityOf(certificate);
    const coversWholeFile = a === 0 && c + d === file.length;
    const hashName = HASHES[oidOf(list(digestAlgorithm)[0])];
    const attributes = list(signedAttributes);
    const intact = ((): boolean => {
      if (!hashName || !isTagged0(signedAttributes)) return false;
      if (oidOf(attributeValue(attributes, OID.contentType)) !== OID.data) return false;
      const digest = createHash(hashName).update(file.subarray(a, a + b)).update(file.subarray(c, c + d)).digest();
      if (!bytes(attributeValue(attributes, OID.messageDigest)).equals(digest)) return false;
      if (!bindsCertificate(attributes, certificate)) return false;
      // What was signed is the attributes' DER with the SET tag, not the [0] they are stored under.
      const signedBytes = derOf(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes));
      return verify(hashName, signedBytes, new X509Certificate(certificate).publicKey, bytes(signature));
    })();
    return { signed: true, intact, coversWholeFile, signer, signedAt: field.signedAt };
  } catch {
    return { signed: false };
  }
};

