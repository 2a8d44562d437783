// The decisions on an application after it is filed: an instant service's rule; staff assigning, asking,
// approving (the document is issued at once) and rejecting; the applicant answering and withdrawing. Each
// staff action carries its actor (`staff:<id>`) in the event and its metadata; a citizen's only their own.
import type { ApplicationStatus, DocumentIssued, DocumentRevoked, RevocationReason, ServiceDefinition, SubmittedDetails } from '../../domain/index.ts';
import {
  applicationsErrors,
  approveApplication,
  assignApplication,
  evolveDocument,
  initialDocument,
  revokeDocument,
  streams,
  provideInformation,
  rejectApplication,
  requestInformation,
  withdrawApplication,
} from '../../domain/index.ts';
import { catalogueOf } from './catalogue.ts';
import type { DocumentContent } from './documentContent.ts';
import { issueDocument } from './issue.ts';
import { applyRule } from './rules.ts';
import type { ApplicationsServices } from './services.ts';
import { nowOf } from './services.ts';
import type { CheckedAttachment } from './attachments.ts';
import { keepAttachments } from './attachments.ts';
import { decideOn, loadApplication } from './stream.ts';

type Status = Exclude<ApplicationStatus, 'none'>;

const at = (services: ApplicationsServices): string => nowOf(services).toISOString();

/** An instant service: its rule decides, and a granted application gets its document in the same request. */
export const approveByRule = async (services: ApplicationsServices, service: ServiceDefinition, applicationId: string, subjectId: string, values: Readonly<Record<string, string>>): Promise<Status> => {
  if (service.decision.kind !== 'instant') throw new Error(`${service.code} is not an instant service`);
  const rule = service.decision.rule;
  const answer = await applyRule(services.debts, rule, subjectId, values);
  const actor = `rule:${rule}`;
  if (!answer.granted) {
    const sealed = await services.keyring.seal(subjectId, { text: `${answer.reason.el}\n${answer.reason.en}` });
    await decideOn(services.store, applicationId, actor, (s) => rejectApplication(s, { at: at(services), actor, code: answer.code, sealed }));
    return 'rejected';
  }
  await decideOn(services.store, applicationId, actor, (s) => approveApplication(s, { at: at(services), actor, byRule: true }));
  await issueDocument(services, service, applicationId, values, answer.facts);
  return 'issued';
};

/** A member of staff, as the office knows them. */
export interface StaffActor {
  readonly staffId: string;
  readonly roles: readonly string[];
}

const actorOf = (staff: StaffActor): string => `staff:${staff.staffId}`;

/** Staff of the deciding department (`clerk:<department>`) and administrators handle a service's applications. */
export const mayHandle = (staff: StaffActor, department: string): boolean => staff.roles.includes('admin') || staff.roles.includes(`clerk:${department}`);

const handled = async (services: ApplicationsServices, staff: StaffActor, applicationId: string) => {
  const loaded = await loadApplication(services.store, applicationId);
  const submitted = loaded.state.submitted;
  // Another department's application is not found, as one that does not exist.
  if (submitted === null || !mayHandle(staff, submitted.department)) throw applicationsErrors.OD_APPLICATION_UNKNOWN();
  return submitted;
};

export const assign = async (services: ApplicationsServices, staff: StaffActor, applicationId: string, to: string): Promise<Status> => {
  await handled(services, staff, applicationId);
  const actor = actorOf(staff);
  return (await decideOn(services.store, applicationId, actor, (s) => assignApplication(s, { staffId: to, at: at(services), actor }))).status as Status;
};

export const askForInformation = async (services: ApplicationsServices, staff: StaffActor, applicationId: string, question: string): Promise<Status> => {
  const submitted = await handled(services, staff, applicationId);
  if (question.trim().length === 0) throw applicationsErrors.OD_APPLICATION_REASON_REQUIRED();
  const actor = actorOf(staff);
  const sealed = await services.keyring.seal(submitted.subjectId, { text: question.trim() });
  return (await decideOn(services.store, applicationId, actor, (s) => requestInformation(s, { at: at(services), actor, sealed }))).status as Status;
};

export const reject = async (services: ApplicationsServices, staff: StaffActor, applicationId: string, reason: string): Promise<Status> => {
  const submitted = await handled(services, staff, applicationId);
  const actor = actorOf(staff);
  const sealed = reason.trim().length === 0 ? null : await services.keyring.seal(submitted.subjectId, { text: reason.trim() });
  return (await decideOn(services.store, applicationId, actor, (s) => rejectApplication(s, { at: at(services), actor, code: 'staff', sealed }))).status as Status;
};

/** Approval by staff issues the document at once: the permit's text with the form's values. */
export const approve = async (services: ApplicationsServices, staff: StaffActor, applicationId: string): Promise<Status> => {
  const submitted = await handled(services, staff, applicationId);
  const service = catalogueOf(services.catalogue, submitted.service);
  if (!service) throw applicationsErrors.OD_SERVICE_UNKNOWN();
  const actor = actorOf(staff);
  await decideOn(services.store, applicationId, actor, (s) => approveApplication(s, { at: at(services), actor, byRule: false }));
  const values = (await services.keyring.open<SubmittedDetails>(submitted.subjectId, submitted.sealed))?.fields ?? {};
  const facts: DocumentContent['facts'] = [];
  await issueDocument(services, service, applicationId, values, facts);
  return 'issued';
};

/** The applicant's own application only: another's is not found. */
const own = async (services: ApplicationsServices, subjectId: string, applicationId: string) => {
  const loaded = await loadApplication(services.store, applicationId);
  if (loaded.state.submitted === null || loaded.state.submitted.subjectId !== subjectId) throw applicationsErrors.OD_APPLICATION_UNKNOWN();
  return loaded.state.submitted;
};

export const answer = async (
  services: ApplicationsServices,
  applicant: { readonly subjectId: string; readonly actor: string },
  applicationId: string,
  text: string,
  attachments: readonly CheckedAttachment[],
): Promise<Status> => {
  await own(services, applicant.subjectId, applicationId);
  const refs = await keepAttachments(services, applicant.subjectId, attachments);
  const sealed = await services.keyring.seal(applicant.subjectId, { text: text.trim() });
  return (await decideOn(services.store, applicationId, applicant.actor, (s) => provideInformation(s, { at: at(services), attachments: refs, sealed }))).status as Status;
};

export const withdraw = async (services: ApplicationsServices, applicant: { readonly subjectId: string; readonly actor: string }, applicationId: string): Promise<Status> => {
  await own(services, applicant.subjectId, applicationId);
  return (await decideOn(services.store, applicationId, applicant.actor, (s) => withdrawApplication(s, at(services)))).status as Status;
};

/** Revokes an issued document (staff of its department): its public record says so at once, everywhere. */
export const revoke = async (services: ApplicationsServices, staff: StaffActor, applicationId: string, reason: RevocationReason): Promise<void> => {
  await handled(services, staff, applicationId);
  const { state } = await loadApplication(services.store, applicationId);
  if (state.documentId === null) throw applicationsErrors.OD_DOCUMENT_UNKNOWN();
  const stream = streams.document(state.documentId);
  const events = await services.store.readStream(stream);
  let document = initialDocument();
  for (const e of events) document = evolveDocument(document, { type: e.type, data: e.data } as DocumentIssued | DocumentRevoked);
  const revoked = revokeDocument(document, reason, at(services));
  if (revoked.length === 0) return;
  await services.store.append(stream, revoked.map((e) => ({ type: e.type, data: e.data, metadata: { actor: actorOf(staff) } })), { expectedRevision: events.at(-1)!.revision });
};
