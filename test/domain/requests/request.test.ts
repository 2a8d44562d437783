// A service request's life (issue 18): given its events, when a command, then its events or the refusal.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RequestEvent, ServiceRequest, SubmitRequest } from '../../../src/domain/requests/index.ts';
import { changeRequestStatus, evolveRequest, initialRequest, submitRequest, supportRequest } from '../../../src/domain/requests/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const test = suite('requests: the decider');

const AT = '2026-05-04T08:00:00.000Z';
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
  assert.is(given(...submitted).status, 'open');
  assert.equal(submitRequest(given(...submitted), submitting), []);
});

test('closed with notes, reopened; the same status and notes again decide nothing', () => {
  const closed = changeRequestStatus(given(...submitted), { status: 'closed', statusNotes: 'Επιδιορθώθηκε', at: AT });
  assert.equal(closed, [{ type: 'RequestStatusChanged', data: { requestId: 'r-1', status: 'closed', statusNotes: 'Επιδιορθώθηκε', agency: 'Technical Services', at: AT } }]);
  const state = given(...submitted, ...closed);
  assert.is(state.status, 'closed');
  assert.equal(changeRequestStatus(state, { status: 'closed', statusNotes: 'Επιδιορθώθηκε', at: AT }), []);
  const reopened = changeRequestStatus(state, { status: 'open', statusNotes: null, agency: 'Lixouri Water Utility', at: AT });
  assert.is(reopened[0]?.type === 'RequestStatusChanged' && reopened[0].data.agency, 'Lixouri Water Utility');
});

test('supports count while open; a closed request takes none; an unknown one is refused', () => {
  const plusOne = supportRequest(given(...submitted), { at: AT });
  assert.equal(plusOne, [{ type: 'RequestSupported', data: { requestId: 'r-1', at: AT } }]);
  assert.is(given(...submitted, ...plusOne, ...plusOne).supports, 2);
  const closed = changeRequestStatus(given(...submitted), { status: 'closed', statusNotes: null, at: AT });
  expectDomainError(() => supportRequest(given(...submitted, ...closed), { at: AT }), 'OD_REQUEST_CLOSED');
  expectDomainError(() => supportRequest(initialRequest(), { at: AT }), 'OD_REQUEST_UNKNOWN');
  expectDomainError(() => changeRequestStatus(initialRequest(), { status: 'closed', statusNotes: null, at: AT }), 'OD_REQUEST_UNKNOWN');
  expectDomainError(() => changeRequestStatus(given(...submitted), { status: 'fixed' as 'closed', statusNotes: null, at: AT }), 'OD_REQUEST_STATUS_INVALID');
});

test.run();
