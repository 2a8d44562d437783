import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ledgerEventSchemas, ledgerEventTypes } from '../../src/domain/eventSchemas.ts';

test('event schemas: every ledger event type is at version 1, with no upcaster yet', () => {
  assert.is(ledgerEventTypes.length, 16);
  for (const type of ledgerEventTypes) {
    assert.is(ledgerEventSchemas[type]?.version, 1, type);
    assert.is(ledgerEventSchemas[type]?.upcasters, undefined, type);
  }
  assert.ok(ledgerEventTypes.includes('DocumentReversed') && ledgerEventTypes.includes('ImportRecorded'));
});

test.run();
