import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { domainContexts, eventSchemas, eventTypes, personalEventTypes } from '../../src/domain/contexts.ts';

test('event schemas: every event type is at version 1 with no upcaster, but RequestStatusChanged (v2 added the stage)', () => {
  assert.is(eventTypes.length, 104);
  for (const type of eventTypes.filter((t) => t !== 'RequestStatusChanged')) {
    assert.is(eventSchemas[type]?.version, 1, type);
    assert.is(eventSchemas[type]?.upcasters, undefined, type);
  }
  assert.is(eventSchemas['RequestStatusChanged']?.version, 2);
  const upcast = eventSchemas['RequestStatusChanged']?.upcasters?.[1]?.({ requestId: 'r', status: 'closed', statusNotes: null, agency: 'a', at: 't' });
  assert.equal(upcast, { requestId: 'r', status: 'closed', statusNotes: null, agency: 'a', at: 't', stage: 'closed' });
  assert.ok(eventTypes.includes('DocumentReversed') && eventTypes.includes('ImportRecorded'));
  // The identity, debts and applications contexts' streams are personal, and only theirs.
  assert.equal(domainContexts.filter((c) => 'personal' in c && c.personal).map((c) => c.name), ['identity', 'debts', 'applications', 'reporters', 'request-notes', 'supplierNotices', 'einvoices', 'supplierThreads']);
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
  assert.equal(domainContexts.map((c) => c.name), ['ledger', 'suppliers', 'assets', 'imports', 'identity', 'debts', 'applications', 'documents', 'requests', 'reporters', 'request-notes', 'diavgeia', 'council', 'supplierNotices', 'einvoices', 'supplierThreads']);
});

test.run();
