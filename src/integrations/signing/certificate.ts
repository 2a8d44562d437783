// What a certificate says about its holder, read from its DER with forge's ASN.1 reader alone: forge's
// own certificate parser refuses every key that is not RSA, and node's X509Certificate gives the subject
// as escaped text. Names are UTF8String or PrintableString in practice; both decode as UTF-8.
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import type { SignerIdentity } from './port.ts';

const CN = '2.5.4.3';
const O = '2.5.4.10';

export const fingerprintOf = (der: Uint8Array): string => createHash('sha256').update(der).digest('hex');

export const derOf = (node: forge.asn1.Asn1): Buffer => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');

// Forge's types know only the old boolean argument; its options object is what lets the zero padding of
// a signature's /Contents follow the DER (parseAllBytes: false).
type FromDer = (bytes: forge.util.ByteStringBuffer, options: { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean }) => forge.asn1.Asn1;

export const asn1Of = (der: Uint8Array): forge.asn1.Asn1 =>
  (forge.asn1.fromDer as unknown as FromDer)(forge.util.createBuffer(Buffer.from(der).toString('binary')), { strict: true, parseAllBytes: false, decodeBitStrings: false });

const children = (node: forge.asn1.Asn1): forge.asn1.Asn1[] => {
  if (!Array.isArray(node.value)) throw new Error('expected a constructed ASN.1 value');
  return node.value;
};

/** tbsCertificate's fields after the optional [0] version: serial, signature, issuer, validity, subject. */
export const tbsFieldsOf = (certificate: forge.asn1.Asn1): { serial: forge.asn1.Asn1; issuer: forge.asn1.Asn1; subject: forge.asn1.Asn1 } => {
  const tbs = children(children(certificate)[0]!);
  const start = tbs[0]!.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const [serial, , issuer, , subject] = tbs.slice(start);
  if (!serial || !issuer || !subject) throw new Error('a certificate without serial, issuer or subject');
  return { serial, issuer, subject };
};

const attribute = (name: forge.asn1.Asn1, oid: string): string | null => {
  for (const rdn of children(name)) {
    for (const pair of children(rdn)) {
      const [type, value] = children(pair);
      if (type && value && typeof type.value === 'string' && forge.asn1.derToOid(type.value) === oid && typeof value.value === 'string') {
        return forge.util.decodeUtf8(value.value);
      }
    }
  }
  return null;
};

export const identityOf = (der: Uint8Array): SignerIdentity => {
  const { subject } = tbsFieldsOf(asn1Of(der));
  return { commonName: attribute(subject, CN) ?? '', organization: attribute(subject, O), fingerprint: fingerprintOf(der) };
};
