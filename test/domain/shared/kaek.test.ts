import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isValidKaek, normalizeKaek } from '../../../src/domain/shared/codes/kaek.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

test('ΚΑΕΚ: 12 digits, grouped with spaces or hyphens or not at all', () => {
  assert.is(normalizeKaek('050681526003'), '050681526003');
  assert.is(normalizeKaek('05 068 15 26003'), '050681526003');
  assert.is(normalizeKaek('050681-526003'), '050681526003');
  assert.ok(isValidKaek(' 05-068-15-26003 '));
});

test('ΚΑΕΚ: anything but 12 digits is refused', () => {
  for (const raw of ['', '05068152600', '0506815260031', '05068152600A', '050681526003/0/0', '05.068.15.26003']) {
    assert.not.ok(isValidKaek(raw), raw);
    expectDomainError(() => normalizeKaek(raw), 'OD_KAEK_INVALID', 'kaek');
  }
});

test.run();
