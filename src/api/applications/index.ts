// Applications in the API: the session's own applications and their documents, and verification for anyone.
import type { ApiContext } from '../shared/apiContext.ts';
import { applicationsRoutes } from './routes.ts';
import type { ApplicationsServices } from './services.ts';

export type { ApplicationsServices } from './services.ts';
export type { DocumentContent, DocumentHolder, RenderDocument } from './documentContent.ts';
export type { Applicant, Submitted } from './submit.ts';
export type { CheckedAttachment } from './attachments.ts';
export type { StaffActor } from './decide.ts';
export type { Verification, UploadVerification } from './verify.ts';
export type { ApplicationJson } from './json.ts';
export { loadCatalogue, catalogueOf } from './catalogue.ts';
export { submit } from './submit.ts';
export { answer, approve, askForInformation, assign, mayHandle, reject, revoke, withdraw } from './decide.ts';
export { issuedPdf, takeProtocolNumber } from './issue.ts';
export { settlePaidFees, feeAssessmentOf } from './fees.ts';
export { verifyCode, verifyUpload } from './verify.ts';
export { applicationJson } from './json.ts';
export { applicantOf } from './routes.ts';
export { VERIFICATIONS_PER_MINUTE, verificationLimiter } from './services.ts';
export { applicationsMigrations, APPLICATION_FILES, ISSUED_FILES } from './tables.ts';
export { grouped, normalisedCode } from './verificationCode.ts';

export const applicationsApi = (services: ApplicationsServices): ApiContext => ({
  name: 'applications',
  sdl: '',
  resolvers: () => ({ resolvers: {} }),
  routes: applicationsRoutes(services),
});
