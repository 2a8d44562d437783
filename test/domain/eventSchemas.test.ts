import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { domainContexts, eventSchemas, eventTypes, personalEventTypes } from '../../src/domain/contexts.ts';

test('event schemas: every event type of every context is at version 1, with no upcaster yet', () => {
  assert.is(eventTypes.length, 62);
  for (const type of eventTypes) {
    assert.is(eventSchemas[type]?.version, 1, type);
    assert.is(eventSchemas[type]?.upcasters, undefined, type);
  }
  assert.ok(eventTypes.includes('DocumentReversed') && eventTypes.includes('ImportRecorded'));
  // The identity, debts and applications contexts' streams are personal, and only theirs.
  assert.equal(domainContexts.filter((c) => 'personal' in c && c.personal).map((c) => c.name), ['identity', 'debts', 'applications', 'reporters']);
  assert.ok(personalEventTypes.has('CitizenRegistered') && personalEventTypes.has('StaffLoggedIn') && !personalEventTypes.has('ImportRecorded'));
  assert.ok(personalEventTypes.has('DebtAssessed') && personalEventTypes.has('PaymentStarted') && !personalEventTypes.has('RevenueCollected'));
  // An application is personal; the register of the documents it ends in is public (it is in the verifiable log).
  assert.ok(personalEventTypes.has('ApplicationSubmitted') && personalEventTypes.has('ApplicationDocumentIssued') && !personalEventTypes.has('DocumentIssued'));
  // A service request is public; who reported it is personal.
  assert.ok(personalEventTypes.has('ReporterRecorded') && !personalEventTypes.has('RequestSubmitted') && !personalEventTypes.has('RequestSupported'));
});

test('event schemas: the contexts compose without two claiming one event type', () => {
  const claimed = domainContexts.flatMap((c) => Object.keys(c.eventSchemas));
  assert.is(new Set(claimed).size, claimed.length);
  assert.equal(domainContexts.map((c) => c.name), ['ledger', 'suppliers', 'assets', 'imports', 'identity', 'debts', 'applications', 'documents', 'requests', 'reporters']);
});

test.run();
