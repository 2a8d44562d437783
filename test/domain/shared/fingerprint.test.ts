// The content fingerprint the fiscal year keeps per document: same content, same number, whatever the key
// order; any other content, another number.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fingerprintOf } from '../../../src/domain/shared/fingerprint.ts';

const event = {
  type: 'PaymentMade',
  data: {
    year: 2025,
    kae: '20-6011.001',
    document: 'ΧΕ-1',
    date: '2025-03-04',
    amount: '1234.50',
    ada: null,
    description: 'Προμήθεια υλικών',
    order: 'Ε-1',
    counterparty: { naturalPerson: false, afm: '094014201', name: 'ΕΤΑΙΡΕΙΑ Α.Ε.' },
  },
};

const reversedKeys = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).reverse().map(([key, field]) => [key, reversedKeys(field)]))
    : value;

test('fingerprint: the same content in any key order, at any depth, gives the same number', () => {
  assert.is(fingerprintOf({ data: reversedKeys(event.data), type: event.type }), fingerprintOf(event));
  assert.is(fingerprintOf(JSON.parse(JSON.stringify(event)) as typeof event), fingerprintOf(event));
});

test('fingerprint: undefined fields are not content, as in JSON', () => {
  assert.is(fingerprintOf({ ...event, data: { ...event.data, extra: undefined } }), fingerprintOf(event));
});

test('fingerprint: any other content gives another number', () => {
  const variants: unknown[] = [
    { ...event.data, amount: '1234.51' },
    { ...event.data, ada: '' },
    { ...event.data, year: '2025' },
    { ...event.data, year: 2025.5 },
    { ...event.data, description: null },
    { ...event.data, counterparty: { ...event.data.counterparty, name: 'ΕΤΑΙΡΕΙΑ Α.Ε' } },
    { ...event.data, counterparty: { ...event.data.counterparty, naturalPerson: true } },
    { ...event.data, counterparty: null },
    { ...event.data, extra: null },
    // A field's value moved to another key.
    { ...event.data, kae: '20-6011.002', document: '20-6011.001' },
    { ...event.data, order: ['Ε-1'] },
  ];
  const fingerprints = new Set([fingerprintOf(event), ...variants.map((data) => fingerprintOf({ type: event.type, data }))]);
  fingerprints.add(fingerprintOf({ type: 'PaymentOrdered', data: event.data }));
  assert.is(fingerprints.size, variants.length + 2);
  assert.is.not(fingerprintOf({ type: 'T', data: ['a', 'b'] }), fingerprintOf({ type: 'T', data: ['b', 'a'] }));
  assert.is.not(fingerprintOf({ type: 'T', data: ['ab'] }), fingerprintOf({ type: 'T', data: ['a', 'b'] }));
});

test('fingerprint: 53 bits, and only of JSON data', () => {
  assert.ok(Number.isSafeInteger(fingerprintOf(event)) && fingerprintOf(event) >= 0);
  assert.throws(() => fingerprintOf({ type: 'T', data: { at: 1n } }), TypeError);
});

test.run();
