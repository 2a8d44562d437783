// The document signer of a process (issue 17 item 4): the municipality's PKCS#12 when both settings are
// given, else the development certificate made once in the data directory, mode 0600, and reused after,
// so what was signed before a restart still names the same certificate.
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDocumentSigner, SIGNING_DEVELOPMENT_P12, SIGNING_DEVELOPMENT_PASSPHRASE } from '../../src/cli/signingSetup.ts';
import { developmentCertificate, isSigningError, verifySignedPdf } from '../../src/integrations/signing/index.ts';

const test = suite<{ dir: string }>('signing setup');

test.before.each(async (context) => {
  context.dir = await mkdtemp(join(tmpdir(), 'od-signing-'));
});
test.after.each(async ({ dir }) => rm(dir, { recursive: true, force: true }));

const NONE = { p12Path: null, passphrase: null };

const rejection = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a SigningError');
    },
    (error: unknown) => error,
  );

test('no settings: the development certificate, made once with mode 0600, reused after', async ({ dir }) => {
  const data = join(dir, 'data');
  const first = await loadDocumentSigner(NONE, data);
  assert.is(first.development, true);
  assert.match(first.signer.commonName, 'development certificate');
  assert.equal((await readdir(data)).sort(), [SIGNING_DEVELOPMENT_P12, SIGNING_DEVELOPMENT_PASSPHRASE]);
  for (const name of [SIGNING_DEVELOPMENT_P12, SIGNING_DEVELOPMENT_PASSPHRASE]) assert.is((await stat(join(data, name))).mode & 0o777, 0o600, name);
  const made = (await stat(join(data, SIGNING_DEVELOPMENT_P12))).mtimeMs;
  const second = await loadDocumentSigner(NONE, data);
  assert.is(second.signer.fingerprint, first.signer.fingerprint);
  assert.is((await stat(join(data, SIGNING_DEVELOPMENT_P12))).mtimeMs, made);
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage();
  const signed = await second.sign(await doc.save(), { reason: 'test', location: 'Ληξούρι', name: 'Δήμος Ληξουρίου' });
  const result = verifySignedPdf(signed);
  assert.ok(result.signed && result.intact && result.signer.fingerprint === first.signer.fingerprint);
});

test('two processes starting at once end with one certificate', async ({ dir }) => {
  const [a, b] = await Promise.all([loadDocumentSigner(NONE, dir), loadDocumentSigner(NONE, dir)]);
  assert.is(a.signer.fingerprint, b.signer.fingerprint);
});

test('both settings: that PKCS#12, not a development one, and no development files', async ({ dir }) => {
  const { p12, passphrase } = developmentCertificate();
  const path = join(dir, 'dimos.p12');
  await writeFile(path, p12);
  const signer = await loadDocumentSigner({ p12Path: path, passphrase }, join(dir, 'data'));
  assert.is(signer.development, false);
  assert.is((await readdir(dir)).includes('data'), false);
  const wrong = await rejection(loadDocumentSigner({ p12Path: path, passphrase: 'wrong' }, dir));
  assert.ok(isSigningError(wrong) && wrong.code === 'OD_SIGNING_BAD_PASSPHRASE');
  const missing = await rejection(loadDocumentSigner({ p12Path: join(dir, 'absent.p12'), passphrase }, dir));
  assert.ok(isSigningError(missing) && missing.code === 'OD_SIGNING_UNREADABLE');
  assert.match(missing.en, 'OPENDIMOS_SIGNING_P12');
});

test('only one of the two settings: refused, naming both', async ({ dir }) => {
  for (const settings of [{ p12Path: join(dir, 'x.p12'), passphrase: null }, { p12Path: null, passphrase: 'secret' }]) {
    const error = await rejection(loadDocumentSigner(settings, dir));
    assert.ok(isSigningError(error) && error.code === 'OD_SIGNING_SETTINGS');
    assert.match(error.el, /OPENDIMOS_SIGNING_P12.*OPENDIMOS_SIGNING_PASSPHRASE/);
  }
  assert.equal(await readdir(dir), []);
});

test.run();
