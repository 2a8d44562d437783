// Queries over the applications' read models. A citizen's routes pass the session's own subject, so an
// application of another subject is simply not found (404); the office passes none and reads its queues.
import type { ApplicationStatus, AttachmentRef, RejectionCode } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { DEBTS, DEBT_HISTORY } from '../debts/index.ts';
import { table } from '../shared/tables.ts';
import { APPLICATION_STEPS, APPLICATIONS, DOCUMENT_CODES } from './applicationsProjection.ts';
import type { PublicDocument } from './documentsProjection.ts';
import { DOCUMENTS } from './documentsProjection.ts';

export interface ApplicationStep {
  readonly at: string;
  readonly kind: string;
  readonly actor: string | null;
  readonly detail: string | null;
}

export interface ApplicationRecord {
  readonly id: string;
  readonly subjectId: string;
  readonly applicantKind: 'person' | 'company';
  readonly service: string;
  readonly department: string;
  readonly status: Exclude<ApplicationStatus, 'none'>;
  readonly submittedAt: string;
  readonly updatedAt: string;
  readonly dueOn: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly attachments: readonly AttachmentRef[];
  readonly assignedTo: string | null;
  readonly fee: { readonly amount: string; readonly year: number; readonly assessment: string; readonly paid: boolean } | null;
  readonly rejectionCode: RejectionCode | null;
  readonly reason: string | null;
  readonly question: string | null;
  readonly document: { readonly documentId: string; readonly year: number; readonly protocolNumber: number; readonly sha256: string; readonly verificationCode: string } | null;
}

interface Row {
  application_id: string;
  subject_id: string;
  applicant_kind: 'person' | 'company';
  service: string;
  department: string;
  status: ApplicationRecord['status'];
  submitted_at: Date | string;
  updated_at: Date | string;
  due_on: Date | string;
  fields: Record<string, string> | string;
  attachments: AttachmentRef[] | string;
  assigned_to: string | null;
  fee_amount: string | null;
  fee_year: number | null;
  fee_assessment: string | null;
  fee_paid: boolean;
  rejection_code: RejectionCode | null;
  reason: string | null;
  question: string | null;
  document_id: string | null;
  year: number | null;
  protocol_number: number | null;
  sha256: string | null;
  verification_code: string | null;
}

const iso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());
const day = (value: Date | string): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

const recordOf = (r: Row): ApplicationRecord => ({
  id: r.application_id,
  subjectId: r.subject_id,
  applicantKind: r.applicant_kind,
  service: r.service,
  department: r.department,
  status: r.status,
  submittedAt: iso(r.submitted_at),
  updatedAt: iso(r.updated_at),
  dueOn: day(r.due_on),
  fields: json(r.fields),
  attachments: json(r.attachments),
  assignedTo: r.assigned_to,
  fee: r.fee_amount !== null && r.fee_year !== null && r.fee_assessment !== null ? { amount: r.fee_amount, year: r.fee_year, assessment: r.fee_assessment, paid: r.fee_paid } : null,
  rejectionCode: r.rejection_code,
  reason: r.reason,
  question: r.question,
  document:
    r.document_id !== null && r.year !== null && r.protocol_number !== null && r.sha256 !== null && r.verification_code !== null
      ? { documentId: r.document_id, year: r.year, protocolNumber: r.protocol_number, sha256: r.sha256, verificationCode: r.verification_code }
      : null,
});

/** The subject's applications, newest first. */
export const applicationsOf = async (db: SqlExecutor, schema: string, subjectId: string): Promise<ApplicationRecord[]> =>
  (await db.query<Row>(`SELECT * FROM ${table(schema, APPLICATIONS)} WHERE subject_id = $1 ORDER BY submitted_at DESC, application_id LIMIT 500`, [subjectId])).map(recordOf);

/** One application: the subject's own (a citizen), or any (staff: `subjectId` null). */
export const applicationOf = async (db: SqlExecutor, schema: string, id: string, subjectId: string | null): Promise<ApplicationRecord | null> => {
  const [row] = await db.query<Row>(`SELECT * FROM ${table(schema, APPLICATIONS)} WHERE application_id = $1 AND ($2::text IS NULL OR subject_id = $2)`, [id, subjectId]);
  return row ? recordOf(row) : null;
};

export const stepsOf = async (db: SqlExecutor, schema: string, id: string): Promise<ApplicationStep[]> =>
  (
    await db.query<{ at: Date | string; kind: string; actor: string | null; detail: string | null }>(
      `SELECT at, kind, actor, detail FROM ${table(schema, APPLICATION_STEPS)} WHERE application_id = $1 ORDER BY position`,
      [id],
    )
  ).map((s) => ({ at: iso(s.at), kind: s.kind, actor: s.actor, detail: s.detail }));

/** A department's queue: open applications, the nearest deadline first; or those of one status. */
export const departmentQueue = async (db: SqlExecutor, schema: string, departments: readonly string[] | null, status: string | null): Promise<ApplicationRecord[]> =>
  (
    await db.query<Row>(
      `SELECT * FROM ${table(schema, APPLICATIONS)}
       WHERE ($1::text[] IS NULL OR department = ANY($1)) AND (CASE WHEN $2::text IS NULL THEN status NOT IN ('rejected', 'issued', 'withdrawn') ELSE status = $2 END)
       ORDER BY due_on, submitted_at LIMIT 500`,
      [departments, status],
    )
  ).map(recordOf);

/** Applications waiting for a fee whose debt is now paid in full: the fee watcher records them as paid. */
export const paidFees = async (db: SqlExecutor, schema: string): Promise<{ id: string; receipt: string; paidAt: string }[]> =>
  (
    await db.query<{ application_id: string; receipt: string | null; at: string | null }>(
      `SELECT a.application_id,
              (SELECT h.detail FROM ${table(schema, DEBT_HISTORY)} h WHERE h.year = d.year AND h.assessment = d.assessment AND h.kind LIKE 'paid:%' ORDER BY h.position DESC LIMIT 1) AS receipt,
              (SELECT h.at FROM ${table(schema, DEBT_HISTORY)} h WHERE h.year = d.year AND h.assessment = d.assessment AND h.kind LIKE 'paid:%' ORDER BY h.position DESC LIMIT 1) AS at
       FROM ${table(schema, APPLICATIONS)} a JOIN ${table(schema, DEBTS)} d ON d.year = a.fee_year AND d.assessment = a.fee_assessment
       WHERE a.fee_assessment IS NOT NULL AND NOT a.fee_paid AND d.paid + d.reduced + d.written_off >= d.amount + d.surcharges
       LIMIT 1000`,
    )
  ).map((r) => ({ id: r.application_id, receipt: r.receipt ?? '', paidAt: r.at ?? new Date().toISOString() }));

interface DocumentRow {
  document_id: string;
  service: string;
  year: number;
  protocol_number: number;
  sha256: string;
  issued_at: Date | string;
  development: boolean;
  status: 'valid' | 'revoked';
  revocation_reason: string | null;
  revoked_at: Date | string | null;
  position: string | number;
}

const publicOf = (r: DocumentRow): PublicDocument => ({
  documentId: r.document_id,
  service: r.service,
  year: r.year,
  protocolNumber: r.protocol_number,
  sha256: r.sha256,
  issuedAt: iso(r.issued_at),
  development: r.development,
  status: r.status,
  revocationReason: r.revocation_reason,
  revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
  position: Number(r.position),
});

/** A document found by its verification code's keyed hash: its public record and the masked holder. */
export const documentByCode = async (db: SqlExecutor, schema: string, codeHash: string): Promise<(PublicDocument & { readonly holderMasked: string }) | null> => {
  const [row] = await db.query<DocumentRow & { holder_masked: string }>(
    `SELECT d.*, c.holder_masked FROM ${table(schema, DOCUMENT_CODES)} c JOIN ${table(schema, DOCUMENTS)} d ON d.document_id = c.document_id WHERE c.code_hash = $1`,
    [codeHash],
  );
  return row ? { ...publicOf(row), holderMasked: row.holder_masked } : null;
};

/** Documents whose signed PDF has this digest (one, unless the same bytes were somehow issued twice). */
export const documentBySha256 = async (db: SqlExecutor, schema: string, sha256: string): Promise<(PublicDocument & { readonly holderMasked: string | null }) | null> => {
  const [row] = await db.query<DocumentRow & { holder_masked: string | null }>(
    `SELECT d.*, c.holder_masked FROM ${table(schema, DOCUMENTS)} d LEFT JOIN ${table(schema, DOCUMENT_CODES)} c ON c.document_id = d.document_id WHERE d.sha256 = $1 ORDER BY d.position LIMIT 1`,
    [sha256],
  );
  return row ? { ...publicOf(row), holderMasked: row.holder_masked } : null;
};

/** The public register, newest first: what the municipality issued, without holders. */
export const publicDocuments = async (db: SqlExecutor, schema: string, limit = 100): Promise<PublicDocument[]> =>
  (await db.query<DocumentRow>(`SELECT * FROM ${table(schema, DOCUMENTS)} ORDER BY position DESC LIMIT $1`, [limit])).map(publicOf);
