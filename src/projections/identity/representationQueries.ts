// Queries over the representations' read model: a representative's own grants (the caller passes the
// session's subject, never one from the request), and those concerning an ΑΦΜ for staff with the admin role
// (the caller checks the role and records the look-up before it shows anything).
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../shared/tables.ts';
import { CITIZENS } from './citizensProjection.ts';
import { REPRESENTATIONS } from './representationsProjection.ts';

export interface RepresentationRecord {
  readonly representationId: string;
  readonly companySubjectId: string;
  readonly representativeSubjectId: string;
  readonly companyTaxid: string;
  readonly companyName: string;
  readonly representativeTaxid: string;
  /** The representative's name from their own account; null while they have none. */
  readonly representativeName: string | null;
  readonly basis: string;
  readonly evidence: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly grantedBy: string;
  readonly grantedAt: string;
  readonly revokedBy: string | null;
  readonly revokedAt: string | null;
}

interface Row {
  representation_id: string;
  company_subject_id: string;
  representative_subject_id: string;
  company_taxid: string;
  company_name: string;
  representative_taxid: string;
  first_name: string | null;
  last_name: string | null;
  basis: string;
  evidence: string;
  valid_from: string;
  valid_until: string | null;
  granted_by: string;
  granted_at: Date | string;
  revoked_by: string | null;
  revoked_at: Date | string | null;
}

const recordOf = (r: Row): RepresentationRecord => ({
  representationId: r.representation_id,
  companySubjectId: r.company_subject_id,
  representativeSubjectId: r.representative_subject_id,
  companyTaxid: r.company_taxid,
  companyName: r.company_name,
  representativeTaxid: r.representative_taxid,
  representativeName: r.last_name === null ? null : [r.first_name ?? '', r.last_name].filter((part) => part !== '').join(' '),
  basis: r.basis,
  evidence: r.evidence,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  grantedBy: r.granted_by,
  grantedAt: new Date(r.granted_at).toISOString(),
  revokedBy: r.revoked_by,
  revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at).toISOString(),
});

const select = (schema: string, where: string): string =>
  `SELECT r.*, c.first_name, c.last_name FROM ${table(schema, REPRESENTATIONS)} r LEFT JOIN ${table(schema, CITIZENS)} c ON c.subject_id = r.representative_subject_id WHERE ${where}`;

/** The grants not revoked of which the subject is the representative, by company name (the caller filters by day). */
export const representationsOf = async (db: SqlExecutor, schema: string, representativeSubjectId: string): Promise<readonly RepresentationRecord[]> =>
  (await db.query<Row>(`${select(schema, 'r.representative_subject_id = $1 AND r.revoked_at IS NULL')} ORDER BY r.company_name, r.valid_from`, [representativeSubjectId])).map(recordOf);

export const CONCERNING_LIMIT = 100;

/** Every grant (revoked too) in which the ΑΦΜ is the company or the representative, newest first. */
export const representationsConcerning = async (db: SqlExecutor, schema: string, taxid: string): Promise<readonly RepresentationRecord[]> =>
  (
    await db.query<Row>(`${select(schema, 'r.company_taxid = $1 OR r.representative_taxid = $1')} ORDER BY r.granted_at DESC, r.representation_id LIMIT ${CONCERNING_LIMIT}`, [
      taxid,
    ])
  ).map(recordOf);

export const representationRecord = async (db: SqlExecutor, schema: string, representationId: string): Promise<RepresentationRecord | null> => {
  const [row] = await db.query<Row>(select(schema, 'r.representation_id = $1'), [representationId]);
  return row ? recordOf(row) : null;
};
