// Filing an application: the form checked against its service (nothing filed while anything is wrong), the
// attachments kept, the application recorded once however often it is sent, then carried as far as it can
// go at once: an instant service decided by its rule and its document issued within the same request; a
// service with a fee has the fee entered as a debt of the applicant, payable like any other.
import { createHash } from 'node:crypto';
import type { ApplicationStatus, FieldError, ServiceDefinition, SubmittedDetails } from '../../domain/index.ts';
import { addWorkingDays, applicationsErrors, feeOf, initialApplication, requestFee, submitApplication, validateFields } from '../../domain/index.ts';
import { isExpectedRevisionConflict } from '../../eventstore/errors.ts';
import { athensDateOf } from '../debts/index.ts';
import type { CheckedAttachment } from './attachments.ts';
import { keepAttachments } from './attachments.ts';
import { catalogueOf } from './catalogue.ts';
import { approveByRule } from './decide.ts';
import { enterFeeDebt } from './fees.ts';
import type { Applicant, ApplicationsServices } from './services.ts';
import { nowOf } from './services.ts';
import { decideOn, loadApplication } from './stream.ts';


export type { Applicant } from './services.ts';

export type Submitted =
  | { readonly kind: 'filed'; readonly id: string; readonly status: Exclude<ApplicationStatus, 'none'> }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[]; readonly values: Readonly<Record<string, string>> };

/** An application's id from what makes a submission the same one: a retry or a second click lands on it. */
const applicationIdOf = (services: ApplicationsServices, applicant: Applicant, service: string, key: string): string => {
  const hex = services.keyring.lookupHash('application-submission', `${applicant.subjectId}\n${service}\n${key}`).slice(0, 32);
  // Shaped as a UUID (version 8, "custom"), so ids look alike wherever they are shown.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** Without a key from the client, the same form sent within ten minutes is the same submission. */
const implicitKey = (values: Readonly<Record<string, string>>, attachments: readonly CheckedAttachment[], at: Date): string => {
  const content = createHash('sha256')
    .update(JSON.stringify(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1))))
    .update(attachments.map((a) => `${a.kind}:${a.sha256}`).join(','))
    .digest('hex');
  return `${content}@${Math.floor(at.getTime() / 600_000)}`;
};

const attachmentErrors = (service: ServiceDefinition, attachments: readonly CheckedAttachment[]): FieldError[] => {
  const errors: FieldError[] = [];
  for (const a of attachments) {
    const spec = service.attachments.find((s) => s.kind === a.kind);
    if (!spec) errors.push({ field: `attachment:${a.kind}`, el: 'Η υπηρεσία δεν δέχεται αυτό το συνημμένο', en: 'This service takes no such attachment' });
    else if (!spec.formats.includes(a.format)) errors.push({ field: `attachment:${a.kind}`, el: 'Μη αποδεκτή μορφή αρχείου', en: 'File format not accepted' });
    else if (a.bytes.length > spec.maxBytes) errors.push({ field: `attachment:${a.kind}`, el: 'Το αρχείο είναι πολύ μεγάλο', en: 'The file is too large' });
  }
  for (const spec of service.attachments) {
    if (spec.required && !attachments.some((a) => a.kind === spec.kind)) {
      errors.push({ field: `attachment:${spec.kind}`, el: `Επισυνάψτε: ${spec.label.el}`, en: `Attach: ${spec.label.en}` });
    }
  }
  return errors;
};

export const submit = async (
  services: ApplicationsServices,
  applicant: Applicant,
  input: { readonly service: string; readonly fields: Readonly<Record<string, unknown>>; readonly attachments: readonly CheckedAttachment[]; readonly key: string | null },
): Promise<Submitted> => {
  const service = catalogueOf(services.catalogue, input.service);
  if (!service) throw applicationsErrors.OD_SERVICE_UNKNOWN();
  if (service.applicants !== 'both' && service.applicants !== applicant.kind) throw applicationsErrors.OD_APPLICANT_NOT_ELIGIBLE({ applicants: service.applicants });
  const checked = validateFields(service, { ...input.fields });
  const errors = [...checked.errors, ...attachmentErrors(service, input.attachments)];
  if (errors.length > 0) return { kind: 'invalid', errors, values: checked.values };

  const now = nowOf(services);
  const applicationId = applicationIdOf(services, applicant, service.code, input.key ?? implicitKey(checked.values, input.attachments, now));
  const existing = await loadApplication(services.store, applicationId);
  // A retry of an instant application approved by a process that died before its document was issued: issued now.
  if (existing.state.status === 'approved' && service.decision.kind === 'instant') {
    return { kind: 'filed', id: applicationId, status: await approveByRule(services, service, applicationId, applicant.subjectId, checked.values) };
  }
  if (existing.state.status !== 'none') return { kind: 'filed', id: applicationId, status: existing.state.status };

  const today = athensDateOf(now);
  const details: SubmittedDetails = { fields: checked.values };
  const events = submitApplication(initialApplication(), {
    applicationId,
    subjectId: applicant.subjectId,
    applicantKind: applicant.kind,
    service: service.code,
    department: service.department,
    submittedAt: now.toISOString(),
    dueOn: addWorkingDays(today, service.deadlineDays, services.localHolidays ?? []),
    attachments: await keepAttachments(services, applicant.subjectId, input.attachments),
    sealed: await services.keyring.seal(applicant.subjectId, details),
  });
  try {
    await services.store.append(`application-${applicationId}`, events.map((e) => ({ type: e.type, data: e.data, metadata: { actor: applicant.actor } })), { expectedRevision: 'no_stream' });
  } catch (error) {
    // The same submission at the same moment (two clicks): the other one filed it.
    if (!isExpectedRevisionConflict(error)) throw error;
    const filed = await loadApplication(services.store, applicationId);
    return { kind: 'filed', id: applicationId, status: filed.state.status as Exclude<ApplicationStatus, 'none'> };
  }

  const fee = feeOf(service, checked.values);
  if (fee !== null && service.fee !== null && fee.isPositive()) {
    const debt = await enterFeeDebt(services, applicant, service, applicationId, fee, now);
    const state = await decideOn(services.store, applicationId, applicant.actor, (s) =>
      requestFee(s, { amount: fee.toFixed(2), kae: service.fee!.kae, year: debt.year, assessment: debt.assessment, at: now.toISOString() }),
    );
    return { kind: 'filed', id: applicationId, status: state.status as Exclude<ApplicationStatus, 'none'> };
  }
  if (service.decision.kind === 'instant') {
    const status = await approveByRule(services, service, applicationId, applicant.subjectId, checked.values);
    return { kind: 'filed', id: applicationId, status };
  }
  return { kind: 'filed', id: applicationId, status: 'submitted' };
};

