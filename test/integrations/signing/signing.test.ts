// PAdES signing with the development certificate and the check behind "upload the PDF to check it": a
// signed PDF is named, intact and whole; one changed byte, appended bytes, no signature or no PDF at all
// are each told apart, and never throw.
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DocumentSigner } from '../../../src/integrations/signing/index.ts';
import { developmentCertificate, isSigningError, p12Signer, verifySignedPdf } from '../../../src/integrations/signing/index.ts';
import { pdfPages } from '../../support/pdfText.ts';

interface Context {
  p12: Buffer;
  passphrase: string;
  signer: DocumentSigner;
  unsigned: Uint8Array;
  signed: Uint8Array;
}
const test = suite<Context>('signing: PAdES with the development certificate');

const META = { reason: 'Βεβαίωση μη οφειλής / No-debt certificate', location: 'Ληξούρι', name: 'Δήμος Ληξουρίου' };

const onePage = async (): Promise<Uint8Array> => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('No-debt certificate 2026/000123', { x: 50, y: 700, size: 14, font });
  return doc.save();
};

const refusal = async (p12: Buffer, passphrase: string): Promise<unknown> => {
  try {
    await p12Signer(p12, passphrase);
  } catch (error) {
    return error;
  }
  throw new Error('expected a SigningError');
};

test.before(async (context) => {
  Object.assign(context, developmentCertificate());
  context.signer = await p12Signer(context.p12, context.passphrase);
  context.unsigned = await onePage();
  const started = performance.now();
  context.signed = await context.signer.sign(context.unsigned, META);
  // For the applications bench (issue 17): printed, never asserted.
  console.log(`  sign() of a one-page PDF: ${(performance.now() - started).toFixed(1)} ms (first call)`);
  const again = performance.now();
  await context.signer.sign(context.unsigned, META);
  console.log(`  sign() of a one-page PDF: ${(performance.now() - again).toFixed(1)} ms (warm)`);
});

test('the development certificate names the municipality and is not the production one', ({ signer }) => {
  assert.is(signer.development, false, 'p12Signer alone does not know; loadDocumentSigner marks it');
  assert.is(signer.signer.commonName, 'Δήμος Ληξουρίου — ΠΙΣΤΟΠΟΙΗΤΙΚΟ ΑΝΑΠΤΥΞΗΣ / development certificate');
  assert.is(signer.signer.organization, 'Δήμος Ληξουρίου');
  assert.match(signer.signer.fingerprint, /^[0-9a-f]{64}$/);
});

test('two development certificates are two keys', ({ signer }) => {
  const other = developmentCertificate();
  assert.is.not(other.passphrase, developmentCertificate().passphrase);
  return p12Signer(other.p12, other.passphrase).then((second) => assert.is.not(second.signer.fingerprint, signer.signer.fingerprint));
});

test('a signed PDF is signed, intact, whole, by the certificate, at the time it claims', ({ signer, signed }) => {
  const result = verifySignedPdf(signed);
  assert.ok(result.signed);
  assert.is(result.intact, true);
  assert.is(result.coversWholeFile, true);
  assert.equal(result.signer, signer.signer);
  assert.ok(result.signedAt !== null && Math.abs(Date.parse(result.signedAt) - Date.now()) < 60_000);
});

test('the signature is PAdES baseline: ETSI.CAdES.detached, signing-certificate-v2, no signing-time', ({ signed }) => {
  const text = Buffer.from(signed).toString('latin1');
  assert.match(text, /\/SubFilter\s*\/ETSI\.CAdES\.detached/);
  const hex = /\/Contents\s*<([0-9a-f]+)>/i.exec(text)?.[1] ?? '';
  const cms = Buffer.from(hex, 'hex');
  // The DER of OID 1.2.840.113549.1.9.16.2.47 (id-aa-signingCertificateV2).
  assert.ok(cms.includes(Buffer.from('060b2a864886f70d010910022f', 'hex')), 'signing-certificate-v2 must be a signed attribute');
  assert.not.ok(cms.includes(Buffer.from('06092a864886f70d010905', 'hex')), 'signing-time must not be a signed attribute');
});

test('pdf.js still opens the signed PDF and reads its text', async ({ signed }) => {
  assert.equal(await pdfPages(signed), ['No-debt certificate 2026/000123']);
});

test('one byte changed inside the signed range: not intact', ({ signed }) => {
  const text = Buffer.from(signed).toString('latin1');
  // The page's size: a number a forger could change without breaking the file.
  const at = text.indexOf('/MediaBox');
  assert.ok(at > 0 && at < text.indexOf('/Contents <'));
  const forged = new Uint8Array(signed);
  const digit = text.slice(at).search(/[1-9]/) + at;
  forged[digit] = forged[digit] === 0x39 ? 0x38 : 0x39;
  const result = verifySignedPdf(forged);
  assert.ok(result.signed);
  assert.is(result.intact, false);
  assert.is(result.coversWholeFile, true);
});

test('a changed byte of the signature itself: not intact', ({ signed }) => {
  const text = Buffer.from(signed).toString('latin1');
  const at = text.indexOf('/Contents');
  const forged = new Uint8Array(signed);
  const digit = at + 400;
  forged[digit] = forged[digit] === 0x30 ? 0x31 : 0x30;
  const result = verifySignedPdf(forged);
  assert.ok(!result.signed || !result.intact);
});

test('bytes appended after the signature: intact, but it does not cover the whole file', ({ signed }) => {
  const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<< /Forged true >>\nendobj\n%%EOF\n')]);
  const result = verifySignedPdf(appended);
  assert.ok(result.signed);
  assert.is(result.intact, true);
  assert.is(result.coversWholeFile, false);
});

test('an unsigned PDF, garbage and nothing: not signed, never a throw', ({ unsigned }) => {
  assert.equal(verifySignedPdf(unsigned), { signed: false });
  assert.equal(verifySignedPdf(new Uint8Array(0)), { signed: false });
  assert.equal(verifySignedPdf(createHash('sha512').update('garbage').digest()), { signed: false });
  assert.equal(verifySignedPdf(Buffer.from('%PDF-1.7\n/ByteRange [0 10 20 30] /Contents <zz>')), { signed: false });
  assert.equal(verifySignedPdf(Buffer.from('%PDF-1.7\n/ByteRange [0 19 40 0] /Contents <3082ffff0000000000>')), { signed: false });
});

test('a truncated signed PDF: not whole, and not a throw', ({ signed }) => {
  const result = verifySignedPdf(signed.subarray(0, signed.length - 20));
  assert.ok(!result.signed || !result.coversWholeFile || !result.intact);
});

test('a wrong passphrase, a file that is no P12, a PDF that is no PDF: SigningError naming the setting', async ({ p12, signer }) => {
  const wrong = await refusal(p12, 'not the passphrase');
  assert.ok(isSigningError(wrong));
  assert.is(wrong.code, 'OD_SIGNING_BAD_PASSPHRASE');
  assert.match(wrong.el, 'OPENDIMOS_SIGNING_PASSPHRASE');
  assert.match(wrong.en, 'OPENDIMOS_SIGNING_PASSPHRASE');
  const notP12 = await refusal(Buffer.from('not a p12'), 'x');
  assert.ok(isSigningError(notP12));
  assert.is(notP12.code, 'OD_SIGNING_BAD_P12');
  assert.match(notP12.en, 'OPENDIMOS_SIGNING_P12');
  try {
    await signer.sign(Buffer.from('not a pdf'), META);
    assert.unreachable('a non-PDF was signed');
  } catch (error) {
    assert.ok(isSigningError(error));
    assert.is(error.code, 'OD_SIGNING_BAD_PDF');
  }
});

test('a PKCS#12 holding the certificate without its key: SigningError, not a signer', async ({ p12, passphrase }) => {
  const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), passphrase);
  const bagType = forge.pki.oids.certBag ?? '';
  const certificate = pfx.getBags({ bagType })[bagType]?.[0]?.cert;
  assert.ok(certificate);
  const keyless = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(null, [certificate], passphrase, { algorithm: 'aes256' })).getBytes(), 'binary');
  const error = await refusal(keyless, passphrase);
  assert.ok(isSigningError(error));
  assert.is(error.code, 'OD_SIGNING_NO_KEY');
  assert.match(error.en, 'OPENDIMOS_SIGNING_P12');
});

test.run();
