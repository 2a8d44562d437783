// Read models of the applications context (personal): each application with its status, the form's values
// and its steps, opened with the applicant's key inside the runner's transaction; and the codes of issued
// documents, by their keyed hash, with the holder's name already masked. An erased applicant's rows go, and
// a rebuild cannot bring them back (their key is gone). Only the applicant's own session and staff read these.
import type { ApplicationEvent, CitizenErased, IssuedDetails, SubmittedDetails } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Projection, Tables } from '../shared/projection.ts';
import { maskedHolder } from './maskedHolder.ts';

export const APPLICATIONS = 'od_applications';
export const APPLICATION_STEPS = 'od_application_steps';
export const DOCUMENT_CODES = 'od_document_codes';
export const APPLICATIONS_PROJECTION = 'applications';

type Handled = ApplicationEvent | CitizenErased;

/** A step of the timeline the applicant and the office see; `detail` is opened text (a question, an answer, a reason). */
const step = (tx: SqlExecutor, t: Tables, applicationId: string, position: number, at: string, kind: string, actor: string | null, detail: string | null) =>
  tx.query(`INSERT INTO ${t[APPLICATION_STEPS]} (application_id, position, at, kind, actor, detail) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, [
    applicationId,
    position,
    at,
    kind,
    actor,
    detail,
  ]);

export const applicationsProjection = (keyring: Keyring): Projection => ({
  name: APPLICATIONS_PROJECTION,
  version: 1,
  tables: [APPLICATIONS, APPLICATION_STEPS, DOCUMENT_CODES],
  create: (t: Tables) => `
CREATE TABLE ${t[APPLICATIONS]} (
  application_id text PRIMARY KEY,
  subject_id text NOT NULL,
  applicant_kind text NOT NULL,
  service text NOT NULL,
  department text NOT NULL,
  status text NOT NULL,
  submitted_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  due_on date NOT NULL,
  fields jsonb NOT NULL,
  attachments jsonb NOT NULL,
  assigned_to text,
  fee_amount numeric(14,2),
  fee_year int,
  fee_assessment text,
  fee_paid boolean NOT NULL DEFAULT false,
  rejection_code text,
  reason text,
  question text,
  document_id text,
  year int,
  protocol_number int,
  sha256 text,
  verification_code text
);
CREATE TABLE ${t[APPLICATION_STEPS]} (
  application_id text NOT NULL,
  position bigint NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  actor text,
  detail text,
  PRIMARY KEY (application_id, position)
);
CREATE TABLE ${t[DOCUMENT_CODES]} (
  code_hash text PRIMARY KEY,
  document_id text NOT NULL,
  application_id text NOT NULL,
  subject_id text NOT NULL,
  service text NOT NULL,
  holder_masked text NOT NULL
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[APPLICATIONS]} (subject_id, submitted_at);
CREATE INDEX ON ${t[APPLICATIONS]} (department, status, due_on);
CREATE INDEX ON ${t[APPLICATIONS]} (fee_year, fee_assessment);
CREATE INDEX ON ${t[DOCUMENT_CODES]} (subject_id);`,
  async apply(tx, t, events) {
    const applications = t[APPLICATIONS]!;
    const status = (id: string, value: string, at: string, extra = '', params: readonly unknown[] = []) =>
      tx.query<{ subject_id: string }>(`UPDATE ${applications} SET status = $2, updated_at = $3${extra} WHERE application_id = $1 RETURNING subject_id`, [id, value, at, ...params]);
    const subjectOf = async (id: string): Promise<string | null> =>
      (await tx.query<{ subject_id: string }>(`SELECT subject_id FROM ${applications} WHERE application_id = $1`, [id]))[0]?.subject_id ?? null;
    const openText = async (id: string, sealed: string | null): Promise<string | null> => {
      if (sealed === null) return null;
      const subject = await subjectOf(id);
      return subject ? ((await keyring.open<{ text: string }>(subject, sealed, tx))?.text ?? null) : null;
    };
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as Handled;
      const position = Number(recorded.position);
      switch (event.type) {
        case 'ApplicationSubmitted': {
          const d = event.data;
          const details = await keyring.open<SubmittedDetails>(d.subjectId, d.sealed, tx);
          if (!details) continue;
          await tx.query(
            `INSERT INTO ${applications} (application_id, subject_id, applicant_kind, service, department, status, submitted_at, updated_at, due_on, fields, attachments)
             VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
            [d.applicationId, d.subjectId, d.applicantKind, d.service, d.department, d.submittedAt, d.dueOn, JSON.stringify(details.fields), JSON.stringify(d.attachments)],
          );
          await step(tx, t, d.applicationId, position, d.submittedAt, 'submitted', null, null);
          break;
        }
        case 'FeeRequested': {
          const d = event.data;
          const [row] = await status(d.applicationId, 'fee-requested', d.at, ', fee_amount = $4, fee_year = $5, fee_assessment = $6', [d.amount, d.year, d.assessment]);
          if (row) await step(tx, t, d.applicationId, position, d.at, 'fee-requested', null, d.amount);
          break;
        }
        case 'FeePaid': {
          const d = event.data;
          const [row] = await tx.query<{ subject_id: string }>(
            `UPDATE ${applications} SET fee_paid = true, updated_at = $2,
               status = CASE WHEN status = 'fee-requested' THEN (CASE WHEN assigned_to IS NULL THEN 'submitted' ELSE 'assigned' END) ELSE status END
             WHERE application_id = $1 RETURNING subject_id`,
            [d.applicationId, d.at],
          );
          if (row) await step(tx, t, d.applicationId, position, d.at, 'fee-paid', null, d.receipt);
          break;
        }
        case 'ApplicationAssigned': {
          const d = event.data;
          const [row] = await tx.query<{ subject_id: string }>(
            `UPDATE ${applications} SET assigned_to = $2, updated_at = $3, status = CASE WHEN status = 'submitted' THEN 'assigned' ELSE status END
             WHERE application_id = $1 RETURNING subject_id`,
            [d.applicationId, d.staffId, d.at],
          );
          if (row) await step(tx, t, d.applicationId, position, d.at, 'assigned', d.actor, d.staffId);
          break;
        }
        case 'InformationRequested': {
          const d = event.data;
          const text = await openText(d.applicationId, d.sealed);
          const [row] = await status(d.applicationId, 'information-requested', d.at, ', question = $4', [text]);
          if (row) await step(tx, t, d.applicationId, position, d.at, 'information-requested', d.actor, text);
          break;
        }
        case 'InformationProvided': {
          const d = event.data;
          const text = await openText(d.applicationId, d.sealed);
          const [row] = await status(d.applicationId, 'assigned', d.at, `, question = NULL, attachments = attachments || $4::jsonb`, [JSON.stringify(d.attachments)]);
          if (row) await step(tx, t, d.applicationId, position, d.at, 'information-provided', null, text);
          break;
        }
        case 'ApplicationApproved': {
          const d = event.data;
          const [row] = await status(d.applicationId, 'approved', d.at);
          if (row) await step(tx, t, d.applicationId, position, d.at, 'approved', d.actor, null);
          break;
        }
        case 'ApplicationRejected': {
          const d = event.data;
          const text = await openText(d.applicationId, d.sealed);
          const [row] = await status(d.applicationId, 'rejected', d.at, ', rejection_code = $4, reason = $5', [d.code, text]);
          if (row) await step(tx, t, d.applicationId, position, d.at, 'rejected', d.actor, text ?? d.code);
          break;
        }
        case 'ApplicationDocumentIssued': {
          const d = event.data;
          const subject = await subjectOf(d.applicationId);
          const issued = subject ? await keyring.open<IssuedDetails>(subject, d.sealed, tx) : null;
          if (!subject || !issued) continue;
          await status(d.applicationId, 'issued', d.issuedAt, ', document_id = $4, year = $5, protocol_number = $6, sha256 = $7, verification_code = $8', [
            d.documentId,
            d.year,
            d.protocolNumber,
            d.sha256,
            issued.verificationCode,
          ]);
          await tx.query(
            `INSERT INTO ${t[DOCUMENT_CODES]} (code_hash, document_id, application_id, subject_id, service, holder_masked)
             SELECT $1, $2, $3, subject_id, service, $4 FROM ${applications} WHERE application_id = $3 ON CONFLICT DO NOTHING`,
            [d.codeHash, d.documentId, d.applicationId, maskedHolder(issued.holder)],
          );
          await step(tx, t, d.applicationId, position, d.issuedAt, 'issued', null, `${d.protocolNumber}/${d.year}`);
          break;
        }
        case 'ApplicationWithdrawn': {
          const d = event.data;
          const [row] = await status(d.applicationId, 'withdrawn', d.at);
          if (row) await step(tx, t, d.applicationId, position, d.at, 'withdrawn', null, null);
          break;
        }
        case 'CitizenErased': {
          const subject = event.data.subjectId;
          await tx.query(`DELETE FROM ${t[APPLICATION_STEPS]} s USING ${applications} a WHERE a.subject_id = $1 AND s.application_id = a.application_id`, [subject]);
          await tx.query(`DELETE FROM ${applications} WHERE subject_id = $1`, [subject]);
          await tx.query(`DELETE FROM ${t[DOCUMENT_CODES]} WHERE subject_id = $1`, [subject]);
          break;
        }
        default:
          break;
      }
    }
  },
});
