// Read model: who represents which company (personal). Read by a representative for their own grants (the
// companies they may act for, on /my/) and by staff with the admin role (the back office, every look-up
// audited). Each grant's fields are opened with the company's key and the representative's; a grant one of
// whose keys is gone (either erased) leaves nothing, so a rebuild after an erasure brings nobody back.
import type { CitizenEvent, RepresentationEvent, RepresentativePerson, RepresentedCompany } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { Projection, Tables } from '../shared/projection.ts';

export const REPRESENTATIONS = 'od_representations';
export const REPRESENTATIONS_PROJECTION = 'representations';

export const representationsProjection = (keyring: Keyring): Projection => ({
  name: REPRESENTATIONS_PROJECTION,
  version: 1,
  tables: [REPRESENTATIONS],
  // Days as text (YYYY-MM-DD): compared as strings, and read back the same from PostgreSQL and PGlite.
  create: (t: Tables) => `
CREATE TABLE ${t[REPRESENTATIONS]} (
  representation_id text PRIMARY KEY,
  company_subject_id text NOT NULL,
  representative_subject_id text NOT NULL,
  company_taxid text NOT NULL,
  company_name text NOT NULL,
  representative_taxid text NOT NULL,
  basis text NOT NULL,
  evidence text NOT NULL,
  valid_from text NOT NULL CHECK (valid_from ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  valid_until text CHECK (valid_until ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  granted_by text NOT NULL,
  granted_at timestamptz NOT NULL,
  revoked_by text,
  revoked_at timestamptz
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[REPRESENTATIONS]} (representative_subject_id);
CREATE INDEX ON ${t[REPRESENTATIONS]} (company_subject_id);
CREATE INDEX ON ${t[REPRESENTATIONS]} (company_taxid);
CREATE INDEX ON ${t[REPRESENTATIONS]} (representative_taxid);`,
  async apply(tx, t, events) {
    const representations = t[REPRESENTATIONS]!;
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as RepresentationEvent | CitizenEvent;
      switch (event.type) {
        case 'RepresentationGranted': {
          const d = event.data;
          const company = await keyring.open<RepresentedCompany>(d.companySubjectId, d.sealed, tx);
          const person = await keyring.open<RepresentativePerson>(d.representativeSubjectId, d.representativeSealed, tx);
          if (!company || !person) continue;
          await tx.query(
            `INSERT INTO ${representations} (representation_id, company_subject_id, representative_subject_id, company_taxid, company_name, representative_taxid, basis, evidence, valid_from, valid_until, granted_by, granted_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (representation_id) DO NOTHING`,
            [d.representationId, d.companySubjectId, d.representativeSubjectId, company.companyTaxid, company.companyName, person.representativeTaxid, company.basis, company.evidence, d.validFrom, d.validUntil, d.grantedBy, d.at],
          );
          break;
        }
        case 'RepresentationRevoked':
          await tx.query(`UPDATE ${representations} SET revoked_by = $2, revoked_at = $3 WHERE representation_id = $1`, [event.data.representationId, event.data.revokedBy, event.data.at]);
          break;
        case 'CitizenErased':
          await tx.query(`DELETE FROM ${representations} WHERE company_subject_id = $1 OR representative_subject_id = $1`, [event.data.subjectId]);
          break;
        default:
          break;
      }
    }
  },
});
