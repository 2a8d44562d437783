// An application's workflow (issue 17 item 3), given its events, when a command, then its events or the
// refusal: submitted once however often it is sent; the fee stands before the handling until it is paid;
// staff assign, ask and decide; the applicant answers or withdraws while it is open; one document at most.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Application, ApplicationEvent, SubmitApplication } from '../../../src/domain/applications/index.ts';
import {
  approveApplication,
  assignApplication,
  evolveApplication,
  initialApplication,
  provideInformation,
  recordDocument,
  recordFeePaid,
  rejectApplication,
  requestFee,
  requestInformation,
  submitApplication,
  withdrawApplication,
} from '../../../src/domain/applications/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const test = suite('applications: the workflow');

const AT = '2026-05-04T08:00:00.000Z';

const submitting = (over: Partial<SubmitApplication> = {}): SubmitApplication => ({
  applicationId: 'app-1',
  subjectId: 'subject-1',
  applicantKind: 'person',
  service: 'public-space-permit',
  department: 'technical-services',
  submittedAt: AT,
  dueOn: '2026-06-02',
  attachments: [],
  sealed: 'sealed-fields',
  ...over,
});

const given = (...events: ApplicationEvent[]): Application => events.reduce(evolveApplication, initialApplication());
const fold = (state: Application, events: ApplicationEvent[]): Application => events.reduce(evolveApplication, state);

const submitted = () => given(...submitApplication(initialApplication(), submitting()));
const fee = { amount: '24.00', kae: '0431', year: 2026, assessment: 'APP-000001', at: AT };
const document = { documentId: 'doc-1', year: 2026, protocolNumber: 7, sha256: 'ab'.repeat(32), codeHash: 'cd'.repeat(32), issuedAt: AT, sealed: 's' };

test('a submission is recorded once: the same command again decides nothing', () => {
  const events = submitApplication(initialApplication(), submitting());
  assert.equal(events.map((e) => e.type), ['ApplicationSubmitted']);
  assert.equal(submitApplication(given(...events), submitting()), []);
  assert.is(given(...events).status, 'submitted');
});

test('an unpaid fee stops assignment and approval; once paid, the application goes on', () => {
  const withFee = fold(submitted(), requestFee(submitted(), fee));
  assert.is(withFee.status, 'fee-requested');
  assert.equal(requestFee(withFee, fee), [], 'a fee is requested once');
  expectDomainError(() => assignApplication(withFee, { staffId: 'staff-1', at: AT, actor: 'staff:lead' }), 'OD_APPLICATION_FEE_UNPAID');
  expectDomainError(() => approveApplication(withFee, { at: AT, actor: 'rule:no-debt', byRule: true }), 'OD_APPLICATION_FEE_UNPAID');
  const paid = fold(withFee, recordFeePaid(withFee, { receipt: 'R-1', at: AT }));
  assert.is(paid.status, 'submitted');
  assert.equal(recordFeePaid(paid, { receipt: 'R-1', at: AT }), [], 'paid once');
  assert.equal(assignApplication(paid, { staffId: 'staff-1', at: AT, actor: 'staff:lead' }).map((e) => e.type), ['ApplicationAssigned']);
});

test('staff approve only what is assigned to someone; a rule approves straight after submission', () => {
  expectDomainError(() => approveApplication(submitted(), { at: AT, actor: 'staff:staff-1', byRule: false }), 'OD_APPLICATION_NOT_ASSIGNED');
  assert.equal(approveApplication(submitted(), { at: AT, actor: 'rule:no-debt', byRule: true }).map((e) => e.type), ['ApplicationApproved']);
});

test('a question waits for the answer; the applicant answers only when asked', () => {
  const assigned = fold(submitted(), assignApplication(submitted(), { staffId: 'staff-1', at: AT, actor: 'staff:lead' }));
  expectDomainError(() => provideInformation(assigned, { at: AT, attachments: [], sealed: 'x' }), 'OD_APPLICATION_NO_QUESTION');
  const asked = fold(assigned, requestInformation(assigned, { at: AT, actor: 'staff:staff-1', sealed: 'q' }));
  assert.is(asked.status, 'information-requested');
  expectDomainError(() => approveApplication(asked, { at: AT, actor: 'staff:staff-1', byRule: false }), 'OD_APPLICATION_NOT_ASSIGNED');
  const answered = fold(asked, provideInformation(asked, { at: AT, attachments: [], sealed: 'a' }));
  assert.is(answered.status, 'assigned');
  assert.equal(approveApplication(answered, { at: AT, actor: 'staff:staff-1', byRule: false }).map((e) => e.type), ['ApplicationApproved']);
});

test('a rejection by staff needs their reason; a closed application takes no more steps', () => {
  const assigned = fold(submitted(), assignApplication(submitted(), { staffId: 'staff-1', at: AT, actor: 'staff:lead' }));
  expectDomainError(() => rejectApplication(assigned, { at: AT, actor: 'staff:staff-1', code: 'staff', sealed: null }), 'OD_APPLICATION_REASON_REQUIRED');
  const rejected = fold(assigned, rejectApplication(assigned, { at: AT, actor: 'staff:staff-1', code: 'staff', sealed: 'because' }));
  assert.is(rejected.status, 'rejected');
  expectDomainError(() => withdrawApplication(rejected, AT), 'OD_APPLICATION_CLOSED');
  expectDomainError(() => assignApplication(rejected, { staffId: 'staff-2', at: AT, actor: 'staff:lead' }), 'OD_APPLICATION_CLOSED');
  expectDomainError(() => recordDocument(rejected, document), 'OD_APPLICATION_CLOSED');
});

test('a document only for an approved application, and only once', () => {
  expectDomainError(() => recordDocument(submitted(), document), 'OD_APPLICATION_NOT_APPROVED');
  const approved = fold(submitted(), approveApplication(submitted(), { at: AT, actor: 'rule:no-debt', byRule: true }));
  const issued = fold(approved, recordDocument(approved, document));
  assert.is(issued.status, 'issued');
  assert.is(issued.documentId, 'doc-1');
  assert.equal(recordDocument(issued, document), []);
});

test('withdrawn by the applicant while open; a second withdrawal decides nothing', () => {
  const withdrawn = fold(submitted(), withdrawApplication(submitted(), AT));
  assert.is(withdrawn.status, 'withdrawn');
  assert.equal(withdrawApplication(withdrawn, AT), []);
  expectDomainError(() => withdrawApplication(initialApplication(), AT), 'OD_APPLICATION_UNKNOWN');
});

test.run();
