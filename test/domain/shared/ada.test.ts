import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidAda, normalizeAda } from '../../../src/domain/shared/codes/ada.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const diavgeia = join(import.meta.dirname, '../../../fixtures/real/diavgeia');

test('ΑΔΑ: Diavgeia numbers in Greek capitals are kept', () => {
  assert.is(normalizeAda('7394ΩΞΧ-ΠΔΖ'), '7394ΩΞΧ-ΠΔΖ');
  assert.is(normalizeAda('ΩΧΜ9469ΗΖΞ-7Γ4'), 'ΩΧΜ9469ΗΖΞ-7Γ4');
  assert.is(normalizeAda(' Ω97ΤΩΞΧ-8ΚΛ '), 'Ω97ΤΩΞΧ-8ΚΛ');
});

test('ΑΔΑ: Latin look-alikes become Greek letters, lower case becomes upper case', () => {
  // Latin X, Z, H, M, T, K typed for the Greek letters they look like.
  const latin = 'ΩXM9469HZΞ-7Γ4';
  assert.is.not(latin, 'ΩΧΜ9469ΗΖΞ-7Γ4');
  assert.is(normalizeAda(latin), 'ΩΧΜ9469ΗΖΞ-7Γ4');
  assert.is(normalizeAda('Ω97TΩΞX-8KΛ'), 'Ω97ΤΩΞΧ-8ΚΛ');
  assert.is(normalizeAda('ωχμ9469ηζξ-7γ4'), 'ΩΧΜ9469ΗΖΞ-7Γ4');
  // All fourteen look-alikes, in lower case too.
  assert.is(normalizeAda('abezhikmnop-1'), 'ΑΒΕΖΗΙΚΜΝΟΡ-1');
  assert.is(normalizeAda('TYX9-2'), 'ΤΥΧ9-2');
});

test('ΑΔΑ: what is not an ΑΔΑ is refused', () => {
  for (const raw of ['', '7394ΩΞΧΠΔΖ', '7394ΩΞΧ--ΠΔΖ', '7394ΩΞΧ-ΠΔΖ-1', '7394ΩΞC-ΠΔΖ', '1234567-890', 'ΩΞ-ΠΔΖ', '7394ΩΞΧ-ΠΔΖΞ5']) {
    assert.not.ok(isValidAda(raw), raw);
    expectDomainError(() => normalizeAda(raw), 'OD_ADA_INVALID', 'ada');
  }
});

test('ΑΔΑ: every ΑΔΑ in the recorded Diavgeia responses is valid', () => {
  const adas = readdirSync(diavgeia)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => [...readFileSync(join(diavgeia, file), 'utf8').matchAll(/"ada"\s*:\s*"([^"]+)"/g)].map((match) => match[1] ?? ''));
  assert.ok(adas.length > 100, `found ${adas.length}`);
  for (const ada of adas) assert.is(normalizeAda(ada), ada);
});

test.run();
