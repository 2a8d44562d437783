import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { domainContexts, eventSchemas, eventTypes } from '../../src/domain/contexts.ts';

test('event schemas: every event type of every context is at version 1, with no upcaster yet', () => {
  assert.is(eventTypes.length, 16);
  for (const type of eventTypes) {
    assert.is(eventSchemas[type]?.version, 1, type);
    assert.is(eventSchemas[type]?.upcasters, undefined, type);
  }
  assert.ok(eventTypes.includes('DocumentReversed') && eventTypes.includes('ImportRecorded'));
});

test('event schemas: the contexts compose without two claiming one event type', () => {
  const claimed = domainContexts.flatMap((c) => Object.keys(c.eventSchemas));
  assert.is(new Set(claimed).size, claimed.length);
  assert.equal(domainContexts.map((c) => c.name), ['ledger', 'suppliers', 'assets', 'imports']);
});

test.run();
