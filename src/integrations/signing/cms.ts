// The CMS SignedData of a PAdES baseline signature (ETSI EN 319 142-1, B-B level), written here because
// @signpdf/signer-p12 makes an adbe.pkcs7.detached one: its signed attributes are content type, signing
// time and digest, without the ESS signing-certificate-v2 that binds the signature to its certificate,
// and with signing-time, which B-B forbids (the time is the dictionary's /M). Forge only assembles the
// ASN.1; node:crypto makes the signature.
import { createHash, sign as signBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { asn1Of, derOf, tbsFieldsOf } from './certificate.ts';

const { asn1 } = forge;
const { Class, Type } = asn1;

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
} as const;

const seq = (...items: forge.asn1.Asn1[]): forge.asn1.Asn1 => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const oid = (value: string): forge.asn1.Asn1 => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(value).getBytes());
const octets = (bytes: Uint8Array): forge.asn1.Asn1 => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, Buffer.from(bytes).toString('binary'));
const integer = (value: number): forge.asn1.Asn1 => asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(value).getBytes());
const nul = (): forge.asn1.Asn1 => asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
const algorithm = (value: string): forge.asn1.Asn1 => seq(oid(value), nul());
const explicit = (tag: number, item: forge.asn1.Asn1): forge.asn1.Asn1 => asn1.create(Class.CONTEXT_SPECIFIC, tag, true, [item]);

/** A DER SET OF: its members ordered by their encodings (X.690 11.6), so the signed bytes are canonical. */
const setOf = (items: forge.asn1.Asn1[], tagClass: number = Class.UNIVERSAL, tag: number = Type.SET): forge.asn1.Asn1 => {
  const sorted = items.map((item) => ({ item, der: derOf(item) })).sort((a, b) => Buffer.compare(a.der, b.der));
  return asn1.create(tagClass, tag, true, sorted.map(({ item }) => item));
};

const attribute = (type: string, value: forge.asn1.Asn1): forge.asn1.Asn1 => seq(oid(type), setOf([value]));

/** ESSCertIDv2 with the default hash (SHA-256, so omitted) and the issuer and serial (RFC 5035). */
const signingCertificateV2 = (certificate: Uint8Array): forge.asn1.Asn1 => {
  const { issuer, serial } = tbsFieldsOf(asn1Of(certificate));
  const issuerSerial = seq(seq(explicit(4, issuer)), serial);
  return seq(seq(seq(octets(createHash('sha256').update(certificate).digest()), issuerSerial)));
};

export interface CmsSigner {
  readonly key: KeyObject;
  /** The signer's certificate first, then any chain the P12 holds. */
  readonly certificates: readonly Uint8Array[];
}

/** SignedData over `content` (detached: the content is not inside), DER. */
export const signedData = (content: Uint8Array, { key, certificates }: CmsSigner): Buffer => {
  const [own] = certificates;
  if (!own) throw new Error('no signing certificate');
  const signedAttributes = setOf([
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    attribute(OID.signingCertificateV2, signingCertificateV2(own)),
  ]);
  // The signature is over the attributes' DER as a SET; in SignerInfo they are [0] IMPLICIT.
  const signature = signBytes('sha256', derOf(signedAttributes), key);
  signedAttributes.tagClass = Class.CONTEXT_SPECIFIC;
  signedAttributes.type = 0;
  const { issuer, serial } = tbsFieldsOf(asn1Of(own));
  const signerInfo = seq(integer(1), seq(issuer, serial), algorithm(OID.sha256), signedAttributes, algorithm(OID.sha256WithRSA), octets(signature));
  const data = seq(
    integer(1),
    setOf([algorithm(OID.sha256)]),
    seq(oid(OID.data)),
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, certificates.map((der) => asn1Of(der))),
    setOf([signerInfo]),
  );
  return derOf(seq(oid(OID.signedData), explicit(0, data)));
};
