// Read model: the citizens who hold an account (personal). It exists for the staff's people search, and
// only staff with a role read it (every look-up is audited). Personal fields are opened here, with the
// subject's key, inside the runner's transaction; a subject whose key is gone (erased) leaves nothing, so a
// rebuild after an erasure brings nobody back. The citizen's own pages read their stream, not this table.
// The address notices go to (`email`, verified) and one waiting for its link (`pending_email`) are apart: a
// new address replaces the verified one only when its own link is followed (version 2; version 1 showed the
// pending address in the verified one's place).
import type { CitizenEvent, TaxisNetDetails } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { Projection, Tables } from '../shared/projection.ts';
import { foldForSearch } from '../shared/searchText.ts';

export const CITIZENS = 'od_citizens';
export const CITIZENS_PROJECTION = 'citizens';

interface SealedEmail {
  readonly email: string;
}

/** Surname then first name, folded (accents, case, final sigma) as the search folds what staff type. */
const foldedName = (d: TaxisNetDetails): string => foldForSearch(`${d.lastName} ${d.firstName}`);

export const citizensProjection = (keyring: Keyring): Projection => ({
  name: CITIZENS_PROJECTION,
  version: 2,
  tables: [CITIZENS],
  create: (t: Tables) => `
CREATE TABLE ${t[CITIZENS]} (
  subject_id text PRIMARY KEY,
  kind text NOT NULL,
  taxid text NOT NULL,
  last_name text NOT NULL,
  first_name text NOT NULL,
  father_name text NOT NULL,
  folded_name text NOT NULL,
  birth_year int,
  email text,
  pending_email text,
  pending_token_hash text,
  pending_expires_at timestamptz,
  phone text,
  language text NOT NULL DEFAULT 'el',
  registered_at timestamptz NOT NULL,
  last_login_at timestamptz
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[CITIZENS]} (taxid);
CREATE INDEX ON ${t[CITIZENS]} (folded_name text_pattern_ops);`,
  async apply(tx, t, events) {
    const citizens = t[CITIZENS]!;
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as CitizenEvent;
      switch (event.type) {
        case 'CitizenRegistered': {
          const d = await keyring.open<TaxisNetDetails>(event.data.subjectId, event.data.sealed, tx);
          if (!d) continue;
          await tx.query(
            `INSERT INTO ${citizens} (subject_id, kind, taxid, last_name, first_name, father_name, folded_name, birth_year, registered_at, last_login_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (subject_id) DO NOTHING`,
            [event.data.subjectId, event.data.kind, d.taxid, d.lastName, d.firstName, d.fatherName, foldedName(d), d.birthYear, event.data.at],
          );
          break;
        }
        case 'CitizenLoggedIn': {
          const d = event.data.sealed ? await keyring.open<TaxisNetDetails>(event.data.subjectId, event.data.sealed, tx) : null;
          await tx.query(
            d
              ? `UPDATE ${citizens} SET last_login_at = $2, last_name = $3, first_name = $4, father_name = $5, birth_year = $6, folded_name = $7 WHERE subject_id = $1`
              : `UPDATE ${citizens} SET last_login_at = $2 WHERE subject_id = $1`,
            d ? [event.data.subjectId, event.data.at, d.lastName, d.firstName, d.fatherName, d.birthYear, foldedName(d)] : [event.data.subjectId, event.data.at],
          );
          break;
        }
        case 'ContactEmailRequested': {
          const d = await keyring.open<SealedEmail>(event.data.subjectId, event.data.sealed, tx);
          if (d) {
            await tx.query(`UPDATE ${citizens} SET pending_email = $2, pending_token_hash = $3, pending_expires_at = $4 WHERE subject_id = $1`, [
              event.data.subjectId,
              d.email,
              event.data.tokenHash,
              event.data.expiresAt,
            ]);
          }
          break;
        }
        case 'ContactEmailVerified':
          // Only the link of the address waiting makes it the one notices go to.
          await tx.query(
            `UPDATE ${citizens} SET email = pending_email, pending_email = NULL, pending_token_hash = NULL, pending_expires_at = NULL
             WHERE subject_id = $1 AND pending_token_hash = $2`,
            [event.data.subjectId, event.data.tokenHash],
          );
          break;
        case 'ContactEmailRemoved':
          await tx.query(`UPDATE ${citizens} SET email = NULL, pending_email = NULL, pending_token_hash = NULL, pending_expires_at = NULL WHERE subject_id = $1`, [
            event.data.subjectId,
          ]);
          break;
        case 'ContactPhoneSet': {
          const d = event.data.sealed ? await keyring.open<{ phone: string }>(event.data.subjectId, event.data.sealed, tx) : null;
          await tx.query(`UPDATE ${citizens} SET phone = $2 WHERE subject_id = $1`, [event.data.subjectId, d?.phone ?? null]);
          break;
        }
        case 'LanguageChosen':
          await tx.query(`UPDATE ${citizens} SET language = $2 WHERE subject_id = $1`, [event.data.subjectId, event.data.language]);
          break;
        case 'CitizenErased':
          await tx.query(`DELETE FROM ${citizens} WHERE subject_id = $1`, [event.data.subjectId]);
          // The erasure destroys the key as it is recorded; doing it here too means a crash between the two
          // cannot leave a readable account behind an erasure in the log.
          await keyring.shred(event.data.subjectId, tx);
          break;
        default:
          break;
      }
    }
  },
});
