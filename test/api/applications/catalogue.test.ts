// The catalogue read at start-up (issue 17 item 1): the real config/services folder loads, and a folder of
// broken files is refused with messages naming the file and the field, or the line of a YAML error.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { catalogueOf, loadCatalogue } from '../../../src/api/applications/catalogue.ts';
import type { CatalogueError } from '../../../src/domain/applications/index.ts';
import { feeOf, isCatalogueError, validateFields } from '../../../src/domain/applications/index.ts';

const SERVICES = join(import.meta.dirname, '..', '..', '..', 'config', 'services');

const test = suite<{ dir: string }>('applications: the catalogue from config/services', { dir: '' });

test.before.each(async (c) => {
  c.dir = await mkdtemp(join(tmpdir(), 'od-services-'));
});

test.after.each(async (c) => {
  await rm(c.dir, { recursive: true, force: true });
});

const refusal = async (dir: string): Promise<CatalogueError> => {
  try {
    await loadCatalogue(dir);
  } catch (error) {
    if (isCatalogueError(error)) return error;
    throw error;
  }
  return assert.unreachable('expected a CatalogueError') as never;
};

test('the real catalogue loads, sorted by code, with the fixed codes of the issue', async () => {
  const services = await loadCatalogue(SERVICES);
  assert.equal(services.map((s) => s.code), ['no-debt-certificate', 'payment-certificate', 'public-space-permit', 'social-water-tariff']);
  assert.equal(catalogueOf(services, 'no-debt-certificate')?.decision, { kind: 'instant', rule: 'no-debt' });
  assert.equal(catalogueOf(services, 'payment-certificate')?.decision, { kind: 'instant', rule: 'debt-paid' });
  assert.is(catalogueOf(services, 'public-space-permit')?.department, 'technical-services');
  assert.is(catalogueOf(services, 'social-water-tariff')?.attachments.filter((a) => a.required).length, 2);
  assert.is(catalogueOf(services, 'nothing'), undefined);
  for (const s of services) assert.ok(s.title.el !== s.title.en && s.description.el.includes('\n\n'), `${s.code}: Greek and English, paragraphs`);
});

test('the public space permit charges by its zone table: zone Α, 12 m², the whole of June', async () => {
  const permit = catalogueOf(await loadCatalogue(SERVICES), 'public-space-permit');
  if (!permit) return assert.unreachable('no public-space-permit');
  const { values, errors } = validateFields(permit, { location: '38.2017,20.4386', address: 'Πλατεία Πετριτσή, Ληξούρι', purpose: 'tables-chairs', zone: 'a', squareMetres: '12', from: '2026-06-01', to: '2026-06-30' });
  assert.equal(errors, []);
  assert.is(feeOf(permit, values)?.toFixed(2), '180.00');
  assert.is(permit.fee?.kae, '0461.001');
});

test('a broken field (squareMetres, the fifth, of an unknown type) names the file and the field', async (c) => {
  const file = join(c.dir, 'public-space-permit.yaml');
  await copyFile(join(SERVICES, 'public-space-permit.yaml'), file);
  await writeFile(file, (await readFile(file, 'utf8')).replace('type: number', 'type: integer'));
  const error = await refusal(c.dir);
  assert.is(error.file, file);
  assert.is(error.field, 'fields[4].type');
  assert.match(error.message, new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}: fields\\[4\\]\\.type: άγνωστη τιμή «integer».* / unknown value "integer"`));
});

test('a YAML syntax error names the file and the line', async (c) => {
  const file = join(c.dir, 'no-debt-certificate.yaml');
  await writeFile(file, 'code: no-debt-certificate\ntitle:\n  el: Βεβαίωση\n en: Certificate\n');
  const error = await refusal(c.dir);
  assert.is(error.file, file);
  assert.match(error.field, /^line 4, column \d+$/);
  assert.match(error.en, /YAML syntax error/);
  assert.match(error.el, /σφάλμα σύνταξης YAML/);
});

test('a duplicate key is a YAML error, not a silent override', async (c) => {
  await writeFile(join(c.dir, 'x.yaml'), 'code: x\ncode: y\n');
  assert.match((await refusal(c.dir)).field, /^line 2/);
});

test('a code not matching its file name, and an empty file, are refused naming the file', async (c) => {
  await copyFile(join(SERVICES, 'no-debt-certificate.yaml'), join(c.dir, 'certificate.yaml'));
  const error = await refusal(c.dir);
  assert.equal([error.file, error.field], [join(c.dir, 'certificate.yaml'), 'code']);
  await rm(join(c.dir, 'certificate.yaml'));
  await writeFile(join(c.dir, 'empty.yaml'), '');
  assert.equal([(await refusal(c.dir)).field], ['(file)']);
});

test('only *.yaml files are read; a missing folder is refused naming it', async (c) => {
  await copyFile(join(SERVICES, 'payment-certificate.yaml'), join(c.dir, 'payment-certificate.yaml'));
  await writeFile(join(c.dir, 'README.md'), '# not a service');
  await writeFile(join(c.dir, 'draft.yaml.bak'), 'broken: [');
  assert.equal((await loadCatalogue(c.dir)).map((s) => s.code), ['payment-certificate']);
  const missing = await refusal(join(c.dir, 'nowhere'));
  assert.equal([missing.file, missing.field], [join(c.dir, 'nowhere'), '(folder)']);
});

test.run();
