// Queries over the citizens' read model, for staff with a role (the caller checks the role and records the
// look-up as an audit event before it shows anything).
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { foldForSearch } from '../shared/searchText.ts';
import { table } from '../shared/tables.ts';
import { CITIZENS } from './citizensProjection.ts';

export interface CitizenRecord {
  readonly subjectId: string;
  readonly kind: 'person' | 'company';
  readonly taxid: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly fatherName: string;
  readonly birthYear: number | null;
  /** The verified address notices go to. */
  readonly email: string | null;
  /** A newer address waiting for its link to be followed, and until when the link holds. */
  readonly pendingEmail: { readonly address: string; readonly expiresAt: string } | null;
  readonly phone: string | null;
  readonly language: 'el' | 'en';
  readonly registeredAt: string;
  readonly lastLoginAt: string | null;
}

interface Row {
  subject_id: string;
  kind: 'person' | 'company';
  taxid: string;
  last_name: string;
  first_name: string;
  father_name: string;
  birth_year: number | null;
  email: string | null;
  pending_email: string | null;
  pending_expires_at: Date | string | null;
  phone: string | null;
  language: 'el' | 'en';
  registered_at: Date | string;
  last_login_at: Date | string | null;
}

const recordOf = (r: Row): CitizenRecord => ({
  subjectId: r.subject_id,
  kind: r.kind,
  taxid: r.taxid,
  lastName: r.last_name,
  firstName: r.first_name,
  fatherName: r.father_name,
  birthYear: r.birth_year,
  email: r.email,
  pendingEmail: r.pending_email === null || r.pending_expires_at === null ? null : { address: r.pending_email, expiresAt: new Date(r.pending_expires_at).toISOString() },
  phone: r.phone,
  language: r.language,
  registeredAt: new Date(r.registered_at).toISOString(),
  lastLoginAt: r.last_login_at === null ? null : new Date(r.last_login_at).toISOString(),
});

export const SEARCH_LIMIT = 50;

/** People by ΑΦΜ (nine digits, exact) or by the start of "surname first name", ignoring accents and case; at most SEARCH_LIMIT. */
export const searchCitizens = async (db: SqlExecutor, schema: string, query: string): Promise<readonly CitizenRecord[]> => {
  const q = query.trim();
  if (q.length < 2) return [];
  const citizens = table(schema, CITIZENS);
  const rows = /^\d{9}$/.test(q)
    ? await db.query<Row>(`SELECT * FROM ${citizens} WHERE taxid = $1`, [q])
    : await db.query<Row>(
        `SELECT * FROM ${citizens} WHERE folded_name LIKE $1 ESCAPE '\\' ORDER BY last_name, first_name LIMIT ${SEARCH_LIMIT}`,
        [`${foldForSearch(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
      );
  return rows.map(recordOf);
};

export const citizenRecord = async (db: SqlExecutor, schema: string, subjectId: string): Promise<CitizenRecord | null> => {
  const [row] = await db.query<Row>(`SELECT * FROM ${table(schema, CITIZENS)} WHERE subject_id = $1`, [subjectId]);
  return row ? recordOf(row) : null;
};
