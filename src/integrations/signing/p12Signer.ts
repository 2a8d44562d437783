// The adapter: the municipality's PKCS#12 opened once at start-up (so a wrong passphrase stops the start,
// not the first citizen's certificate), then each PDF given a signature placeholder by pdf-lib and signed
// by @signpdf with our own PAdES CMS (cms.ts).
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { DEFAULT_SIGNATURE_LENGTH, Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { derOf, identityOf } from './certificate.ts';
import type { CmsSigner } from './cms.ts';
import { signedData } from './cms.ts';
import { SigningError } from './errors.ts';
import type { DocumentSigner } from './port.ts';

class PadesSigner extends Signer {
  constructor(private readonly cms: CmsSigner) {
    super();
  }

  // signingTime is not signed: PAdES B-B keeps the claimed time in the dictionary's /M only.
  override sign(content: Buffer): Promise<Buffer> {
    return Promise.resolve(signedData(content, this.cms));
  }
}

const openP12 = (p12: Buffer, passphrase: string): forge.pkcs12.Pkcs12Pfx => {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  } catch (error) {
    throw new SigningError('OD_SIGNING_BAD_P12', error);
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    // Forge says "Invalid password?" for a failed MAC and for a key it cannot decrypt alike.
    const message = error instanceof Error ? error.message : String(error);
    throw new SigningError(/password|mac|decrypt/i.test(message) ? 'OD_SIGNING_BAD_PASSPHRASE' : 'OD_SIGNING_BAD_P12', error);
  }
};

const BAG = { shroudedKey: '1.2.840.113549.1.12.10.1.2', key: '1.2.840.113549.1.12.10.1.1', certificate: '1.2.840.113549.1.12.10.1.3' } as const;

const bagsOf = (pfx: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] => pfx.getBags({ bagType })[bagType] ?? [];

const keyOf = (pfx: forge.pkcs12.Pkcs12Pfx): KeyObject => {
  const key = [...bagsOf(pfx, BAG.shroudedKey), ...bagsOf(pfx, BAG.key)].find((bag) => bag.key)?.key;
  if (!key) throw new SigningError('OD_SIGNING_NO_KEY');
  return createPrivateKey(forge.pki.privateKeyToPem(key));
};

const certificatesOf = (pfx: forge.pkcs12.Pkcs12Pfx, key: KeyObject): Uint8Array[] => {
  const ders = bagsOf(pfx, BAG.certificate).flatMap((bag) => (bag.cert ? [derOf(forge.pki.certificateToAsn1(bag.cert))] : []));
  const spki = (k: KeyObject): Buffer => k.export({ type: 'spki', format: 'der' });
  const own = spki(createPublicKey(key));
  const index = ders.findIndex((der) => spki(new X509Certificate(der).publicKey).equals(own));
  if (index < 0) throw new SigningError('OD_SIGNING_NO_CERTIFICATE');
  return [ders[index]!, ...ders.filter((_, i) => i !== index)];
};

export const p12Signer = async (p12: Buffer, passphrase: string): Promise<DocumentSigner> => {
  const pfx = openP12(p12, passphrase);
  const key = keyOf(pfx);
  const certificates = certificatesOf(pfx, key);
  const signer = new PadesSigner({ key, certificates });
  // Room for the CMS: the certificates, the signature and the attributes, with a margin; twice in hex.
  const signatureLength = Math.max(DEFAULT_SIGNATURE_LENGTH, certificates.reduce((sum, der) => sum + der.length, 0) + 4096);
  const signPdf = new SignPdf();
  return {
    development: false,
    signer: identityOf(certificates[0]!),
    async sign(pdf, { reason, location, name }) {
      let pdfDoc: PDFDocument;
      try {
        pdfDoc = await PDFDocument.load(pdf);
      } catch (error) {
        throw new SigningError('OD_SIGNING_BAD_PDF', error);
      }
      const signingTime = new Date();
      pdflibAddPlaceholder({
        pdfDoc,
        reason,
        location,
        name,
        contactInfo: '',
        signingTime,
        signatureLength,
        subFilter: SUBFILTER_ETSI_CADES_DETACHED,
        widgetRect: [0, 0, 0, 0],
        appName: 'OpenDimos',
      });
      // @signpdf finds the placeholder by text: the signature dictionary must not sit in an object stream.
      const prepared = Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
      return new Uint8Array(await signPdf.sign(prepared, signer, signingTime));
    },
  };
};
