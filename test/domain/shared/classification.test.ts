import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassificationFile } from '../../../src/domain/shared/classification.ts';
import {
  classificationsFor,
  kae2014Url,
  parseClassification,
  registerClassification,
  titleFor,
} from '../../../src/domain/shared/classification.ts';
import { convertSkos, formatClassificationFile } from '../../../src/domain/shared/classification/skos.ts';
import { kae2014Source } from '../../../src/domain/shared/classification/kae2014Source.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const committed = readFileSync(kae2014Url, 'utf8');
const kae2014 = parseClassification(committed);
const turtle = readFileSync(join(import.meta.dirname, '../../../fixtures/real/kae/KAE_OTA_2014.ttl'), 'utf8');

test('classification: the committed 2014 list is exactly the conversion of the SKOS source', () => {
  assert.fixture(formatClassificationFile(convertSkos(turtle, kae2014Source)), committed);
});

test('classification: all 2,056 concepts of the source are in the list', () => {
  const file = JSON.parse(committed) as ClassificationFile;
  assert.is(Object.keys(file.services).length + Object.keys(file.codes).length, 2056);
  // The source's one slip (concept "70627" for 70.627) is read as the subgroup it is.
  assert.is(file.codes['70-627'], 'ΥΔΡΕΥΣΗ , ΦΩΤΙΣΜΟΣ , ΚΑΘΑΡΙΟΤΗΤΑ (ΛΟΙΠΕΣ ΠΑΡΟΧΕΣ ΤΡΙΤΩΝ)');
});

test('classification: the 2014 list covers fiscal years 2014 to 2025', () => {
  assert.equal(kae2014.fiscalYears, { from: 2014, to: 2025 });
});

test('classification: a code with service and sub-code falls back to its code, then subgroup, group, class', () => {
  const ordinaryPay = 'Τακτικές αποδοχες (περιλαμβάνονται βασικός μισθός, δώρα εορτών, γενικά και ειδικά τακτικά επιδόματα)';
  assert.is(kae2014.titleOf('20-6011'), ordinaryPay);
  assert.is(kae2014.titleOf('20.6011.001'), ordinaryPay);
  assert.is(kae2014.titleOf('15-6277.01'), 'Δαπάνες συλλογής και μεταφοράς στερεών αποβλήτων και ανακυκλώσιμων υλικών μέσω δημοσίων συμβάσεων (άρθρο 61 Ν 3979/2011)');
  assert.is(kae2014.titleOf('25-6263.013'), 'Συντήρηση και επισκευή μεταφορικών μέσων');
  assert.is(kae2014.titleOf('00.8229.0006'), 'ΑΠΟΔΟΣΗ ΦΟΡΩΝ ΚΑΙ ΛΟΙΠΩΝ ΕΠΙΒΑΡΥΝΣΕΩΝ');
  // 6099 is not listed and neither is 609: the group 60 answers.
  assert.is(kae2014.titleOf('20-6099.5'), 'ΑΜΟΙΒΕΣ ΚΑΙ ΕΞΟΔΑ ΠΡΟΣΩΠΙΚΟΥ');
});

test('classification: a service keeps its own wording where the list gives one', () => {
  assert.is(kae2014.titleOf('50-6072'), 'Δαπάνες εκπαίδευσης προσωπικού δημοτικής αστυνομίας (άρθρο 16 ΠΔ.23/2002)');
  assert.is(kae2014.serviceTitleOf('20'), 'ΥΠΗΡΕΣΙΕΣ ΚΑΘΑΡΙΟΤΗΤΑΣ ΚΑΙ ΗΛΕΚΤΡΟΦΩΤΙΣΜΟΥ');
  assert.is(kae2014.serviceTitleOf('99'), null);
});

test('classification: a code without service (the Athens export) takes the lowest service title', () => {
  assert.is(kae2014.titleOf('6142.022'), 'Αμοιβές νομικών προσώπων ιδιωτικού Δικαίου');
  assert.is(kae2014.titleOf('9111.001'), 'Αποθεματικό');
  assert.is(kae2014.titleOf('6031'), 'Τακτικές αποδοχές (περιλαμβάνονται βασικός μισθός, δώρα εορτών, γενικά και ειδικά τακτικά επιδόματα)');
});

test('classification: revenue codes are not in the expense list; the class title stands in', () => {
  assert.is(kae2014.find('0311'), null);
  assert.is(kae2014.titleOf('0311'), 'Τακτικά έσοδα');
  expectDomainError(() => kae2014.titleOf('03/11'), 'OD_KAE_INVALID', 'kae');
});

test('classification: lists are registered per fiscal year; another list serves FY2026 on', () => {
  const pd54 = parseClassification(
    JSON.stringify({ name: 'π.δ. 54/2018 (test list)', source: 'test', fiscalYears: { from: 2026, to: null }, services: {}, codes: { '6011': 'Βασικές αποδοχές' } }),
  );
  const registry = registerClassification(registerClassification([], kae2014), pd54);
  assert.equal(classificationsFor(registry, 2025).map((list) => list.name), [kae2014.name]);
  assert.equal(classificationsFor(registry, 2031).map((list) => list.name), ['π.δ. 54/2018 (test list)']);
  assert.equal(classificationsFor(registry, 2013), []);
  assert.is(titleFor(registry, 2026, '20-6011'), 'Βασικές αποδοχές');
  assert.is(titleFor(registry, 2025, '20-6011').startsWith('Τακτικές αποδοχες'), true);
  assert.is(titleFor(registry, 2013, '20-6011'), 'Έξοδα χρήσης');
});

test('classification: a malformed list is refused', () => {
  const valid = { name: 'x', source: 'y', fiscalYears: { from: 2026, to: null }, services: {}, codes: {} };
  expectDomainError(() => parseClassification('{"name": '), 'OD_CLASSIFICATION_INVALID', null);
  expectDomainError(() => parseClassification('null'), 'OD_CLASSIFICATION_INVALID');
  expectDomainError(() => parseClassification(JSON.stringify({ ...valid, codes: { '6.01': 'x' } })), 'OD_CLASSIFICATION_INVALID');
  expectDomainError(() => parseClassification(JSON.stringify({ ...valid, name: undefined })), 'OD_CLASSIFICATION_INVALID', null);
  expectDomainError(() => parseClassification(JSON.stringify({ ...valid, fiscalYears: { from: 2026, to: '2030' } })), 'OD_CLASSIFICATION_INVALID');
  expectDomainError(() => parseClassification(JSON.stringify({ ...valid, codes: { '6-011': 'x' } })), 'OD_CLASSIFICATION_INVALID');
  expectDomainError(() => parseClassification(JSON.stringify({ ...valid, codes: { '6011': ' ' } })), 'OD_CLASSIFICATION_INVALID');
  expectDomainError(() => parseClassification(JSON.stringify({ ...valid, services: { '200': 'x' } })), 'OD_CLASSIFICATION_INVALID');
});

test.run();
