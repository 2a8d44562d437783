// The self-signed certificate made at first start when no OPENDIMOS_SIGNING_P12 is given, so development
// and tests sign exactly as production does. RSA-2048: forge (which writes the certificate and the P12)
// signs with RSA keys only; node:crypto makes the key, in a fraction of forge's time.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

const YEARS = 3;

const NAME: forge.pki.CertificateField[] = [
  { shortName: 'CN', value: 'Δήμος Ληξουρίου — ΠΙΣΤΟΠΟΙΗΤΙΚΟ ΑΝΑΠΤΥΞΗΣ / development certificate', valueTagClass: forge.asn1.Type.UTF8 },
  { shortName: 'O', value: 'Δήμος Ληξουρίου', valueTagClass: forge.asn1.Type.UTF8 },
  { shortName: 'C', value: 'GR' },
] as forge.pki.CertificateField[];

/** `passphrase`: one already kept on disk (src/cli/signingSetup.ts); by default a new random one. */
export const developmentCertificate = (passphrase = randomBytes(24).toString('base64url')): { p12: Buffer; passphrase: string } => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial of 64 random bits or more (CA/B Forum's floor, kept here too).
  certificate.serialNumber = `01${randomBytes(16).toString('hex')}`;
  const now = new Date();
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = new Date(now);
  certificate.validity.notAfter.setFullYear(now.getFullYear() + YEARS);
  certificate.setSubject(NAME);
  certificate.setIssuer(NAME);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(key, forge.md.sha256.create());
  const pfx = forge.pkcs12.toPkcs12Asn1(key, [certificate], passphrase, { algorithm: 'aes256', friendlyName: 'OpenDimos development' });
  return { p12: Buffer.from(forge.asn1.toDer(pfx).getBytes(), 'binary'), passphrase };
};
