// A service request's life (issue 18): given its events, when a command, then its events or the refusal.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RequestEvent, ServiceRequest, SubmitRequest } from '../../../src/domain/requests/index.ts';
import {
  assignRequest,
  changeRequestStatus,
  evolveRequest,
  initialRequest,
  mergeRequest,
  noteOnRequest,
  reopenRequest,
  replyToRequest,
  setExpectedDate,
  submitRequest,
  supportRequest,
} from '../../../src/domain/requests/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const test = suite('requests: the decider');

const AT = '2026-05-04T08:00:00.000Z';
const LATER = '2026-05-20T10:00:00.000Z';
const submitting: SubmitRequest = {
  requestId: 'r-1',
  serviceCode: 'pothole',
  description: 'Λακκούβα μπροστά στο σχολείο',
  lat: 38.2,
  long: 20.43,
  address: null,
  addressId: null,
  mediaUrl: null,
  attributes: { size: ['large'] },
  agency: 'Technical Services',
  requestedAt: AT,
  expectedAt: null,
};
const given = (...events: RequestEvent[]): ServiceRequest => events.reduce(evolveRequest, initialRequest());
const submitted = submitRequest(initialRequest(), submitting);

test('a request is submitted open, once however often it is sent', () => {
  assert.equal(submitted, [{ type: 'RequestSubmitted', data: submitting }]);
  assert.is(given(...submitted).stage, 'open');
  assert.equal(submitRequest(given(...submitted), submitting), []);
});

test('the office moves it through its stages; Open311 status follows; the same stage and notes again decide nothing', () => {
  const acknowledged = changeRequestStatus(given(...submitted), { stage: 'acknowledged', statusNotes: null, at: AT });
  assert.equal(acknowledged, [{ type: 'RequestStatusChanged', data: { requestId: 'r-1', status: 'open', stage: 'acknowledged', statusNotes: null, agency: 'Technical Services', at: AT } }]);
  const fixed = changeRequestStatus(given(...submitted, ...acknowledged), { stage: 'fixed', statusNotes: 'Επιδιορθώθηκε', at: LATER });
  assert.is(fixed[0]?.type === 'RequestStatusChanged' && fixed[0].data.status, 'closed');
  const state = given(...submitted, ...acknowledged, ...fixed);
  assert.is(state.stage, 'fixed');
  assert.is(state.fixedAt, LATER);
  assert.equal(changeRequestStatus(state, { stage: 'fixed', statusNotes: 'Επιδιορθώθηκε', at: LATER }), []);
  assert.equal(changeRequestStatus(state, { stage: 'fixed', statusNotes: null, at: LATER }), [], 'no new notes: nothing to say');
});

test('closed and not municipal need a public reason; duplicate only by merging; an unknown stage is refused', () => {
  const open = given(...submitted);
  expectDomainError(() => changeRequestStatus(open, { stage: 'not_municipal', statusNotes: '  ', at: AT }), 'OD_REQUEST_REASON_REQUIRED');
  expectDomainError(() => changeRequestStatus(open, { stage: 'closed', statusNotes: null, at: AT }), 'OD_REQUEST_REASON_REQUIRED');
  expectDomainError(() => changeRequestStatus(open, { stage: 'duplicate', statusNotes: 'x', at: AT }), 'OD_REQUEST_DUPLICATE_BY_MERGE');
  expectDomainError(() => changeRequestStatus(open, { stage: 'done' as 'fixed', statusNotes: null, at: AT }), 'OD_REQUEST_STAGE_INVALID');
  expectDomainError(() => changeRequestStatus(open, { stage: 'fixed', statusNotes: 'x'.repeat(4001), at: AT }), 'OD_REQUEST_REPLY_TOO_LONG');
  const notOurs = changeRequestStatus(open, { stage: 'not_municipal', statusNotes: 'Αρμόδια η Περιφέρεια Ιονίων Νήσων', at: AT });
  assert.is(notOurs[0]?.type === 'RequestStatusChanged' && notOurs[0].data.status, 'closed');
});

test('assigned to a department, replied to, given an expected date (never before the request)', () => {
  const open = given(...submitted);
  const assigned = assignRequest(open, { department: 'water', agency: 'ΔΕΥΑ / Water Utility', at: AT });
  assert.equal(assigned, [{ type: 'RequestAssigned', data: { requestId: 'r-1', department: 'water', agency: 'ΔΕΥΑ / Water Utility', at: AT } }]);
  const state = given(...submitted, ...assigned);
  assert.equal(assignRequest(state, { department: 'water', agency: 'ΔΕΥΑ / Water Utility', at: AT }), []);
  const statusChange = changeRequestStatus(state, { stage: 'in_progress', statusNotes: null, at: AT });
  assert.is(statusChange[0]?.type === 'RequestStatusChanged' && statusChange[0].data.agency, 'ΔΕΥΑ / Water Utility', 'the new agency answers for it');
  assert.equal(replyToRequest(open, { text: ' Το συνεργείο έρχεται αύριο ', at: AT }), [{ type: 'RequestReplied', data: { requestId: 'r-1', text: 'Το συνεργείο έρχεται αύριο', at: AT } }]);
  expectDomainError(() => replyToRequest(open, { text: ' ', at: AT }), 'OD_REQUEST_REPLY_REQUIRED');
  const expected = setExpectedDate(open, { expectedAt: LATER, at: AT });
  assert.equal(expected, [{ type: 'RequestExpectedDateSet', data: { requestId: 'r-1', expectedAt: LATER, at: AT } }]);
  assert.equal(setExpectedDate(given(...submitted, ...expected), { expectedAt: LATER, at: AT }), []);
  expectDomainError(() => setExpectedDate(open, { expectedAt: '2026-05-01T00:00:00.000Z', at: AT }), 'OD_REQUEST_EXPECTED_BEFORE_REQUESTED');
});

test('merged into another: a duplicate, closed, which takes no support; no merging into itself or into a duplicate', () => {
  const other = given(...submitRequest(initialRequest(), { ...submitting, requestId: 'r-2' }));
  const merged = mergeRequest(given(...submitted), other, { at: AT });
  assert.equal(merged, [{ type: 'RequestMerged', data: { requestId: 'r-1', into: 'r-2', agency: 'Technical Services', at: AT } }]);
  const duplicate = given(...submitted, ...merged);
  assert.is(duplicate.stage, 'duplicate');
  assert.equal(mergeRequest(duplicate, other, { at: AT }), [], 'the same merge again');
  expectDomainError(() => supportRequest(duplicate, { at: AT }), 'OD_REQUEST_CLOSED');
  expectDomainError(() => mergeRequest(given(...submitted), given(...submitted), { at: AT }), 'OD_REQUEST_MERGE_INVALID');
  expectDomainError(() => mergeRequest(other, duplicate, { at: AT }), 'OD_REQUEST_MERGE_INVALID');
  expectDomainError(() => mergeRequest(given(...submitted), initialRequest(), { at: AT }), 'OD_REQUEST_UNKNOWN');
});

test('its reporter reopens a fix within 30 days, not after, and not what is not fixed', () => {
  const fixed = given(...submitted, ...changeRequestStatus(given(...submitted), { stage: 'fixed', statusNotes: 'Έγινε', at: AT }));
  const day29 = new Date(new Date(AT).getTime() + 29 * 86_400_000).toISOString();
  const day31 = new Date(new Date(AT).getTime() + 31 * 86_400_000).toISOString();
  const reopened = reopenRequest(fixed, { reason: 'Η λακκούβα ξανάνοιξε', at: day29 });
  assert.equal(reopened, [{ type: 'RequestReopened', data: { requestId: 'r-1', reason: 'Η λακκούβα ξανάνοιξε', at: day29 } }]);
  const open = given(...submitted, ...changeRequestStatus(given(...submitted), { stage: 'fixed', statusNotes: 'Έγινε', at: AT }), ...reopened);
  assert.is(open.stage, 'open');
  assert.is(open.fixedAt, null);
  expectDomainError(() => reopenRequest(fixed, { reason: null, at: day31 }), 'OD_REQUEST_REOPEN_TOO_LATE');
  expectDomainError(() => reopenRequest(open, { reason: null, at: day29 }), 'OD_REQUEST_NOT_FIXED');
});

test('supports count while open; a closed request takes none; an unknown one is refused', () => {
  const plusOne = supportRequest(given(...submitted), { at: AT });
  assert.equal(plusOne, [{ type: 'RequestSupported', data: { requestId: 'r-1', at: AT } }]);
  assert.is(given(...submitted, ...plusOne, ...plusOne).supports, 2);
  const closed = changeRequestStatus(given(...submitted), { stage: 'fixed', statusNotes: null, at: AT });
  expectDomainError(() => supportRequest(given(...submitted, ...closed), { at: AT }), 'OD_REQUEST_CLOSED');
  expectDomainError(() => supportRequest(initialRequest(), { at: AT }), 'OD_REQUEST_UNKNOWN');
  expectDomainError(() => changeRequestStatus(initialRequest(), { stage: 'closed', statusNotes: 'x', at: AT }), 'OD_REQUEST_UNKNOWN');
});

test('an internal note is staff-only and needs text', () => {
  assert.equal(noteOnRequest(given(...submitted), { text: 'Καλέσαμε τον εργολάβο', staffId: 'staff:7', at: AT }), [
    { type: 'RequestNoteAdded', data: { requestId: 'r-1', text: 'Καλέσαμε τον εργολάβο', staffId: 'staff:7', at: AT } },
  ]);
  expectDomainError(() => noteOnRequest(given(...submitted), { text: '', staffId: 'staff:7', at: AT }), 'OD_REQUEST_REPLY_REQUIRED');
});

test.run();
