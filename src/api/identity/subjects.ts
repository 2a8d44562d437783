// The subject an ΑΦΜ is: one random id per ΑΦΜ, found by a keyed hash of the ΑΦΜ (the ΑΦΜ itself is not kept
// here). A first login makes it, or a debt roll naming someone who never logged in; whichever comes first,
// both find the same subject, so a citizen sees at their first login the debts already on the roll.
import { randomUUID } from 'node:crypto';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../../projections/shared/tables.ts';
import { SUBJECTS } from './tables.ts';

export interface Subjects {
  readonly client: SqlExecutor;
  readonly schema: string;
  readonly keyring: Keyring;
}

/** The subject of an ΑΦΜ, made when new; two makers at once end with one. */
export const subjectOf = async (services: Subjects, taxid: string): Promise<string> => {
  const subjects = table(services.schema, SUBJECTS);
  const taxidHash = services.keyring.lookupHash('taxid', taxid);
  const [found] = await services.client.query<{ subject_id: string }>(`SELECT subject_id FROM ${subjects} WHERE taxid_hash = $1`, [taxidHash]);
  if (found) return found.subject_id;
  await services.client.query(`INSERT INTO ${subjects} (taxid_hash, subject_id) VALUES ($1, $2) ON CONFLICT (taxid_hash) DO NOTHING`, [taxidHash, randomUUID()]);
  const [row] = await services.client.query<{ subject_id: string }>(`SELECT subject_id FROM ${subjects} WHERE taxid_hash = $1`, [taxidHash]);
  if (!row) throw new Error('The subject of an ΑΦΜ vanished while it was made');
  return row.subject_id;
};

/** The subject of an ΑΦΜ when there is one, without making it. */
export const knownSubjectOf = async (services: Subjects, taxid: string): Promise<string | null> => {
  const [found] = await services.client.query<{ subject_id: string }>(`SELECT subject_id FROM ${table(services.schema, SUBJECTS)} WHERE taxid_hash = $1`, [
    services.keyring.lookupHash('taxid', taxid),
  ]);
  return found?.subject_id ?? null;
};

/**
 * The subjects of many ΑΦΜ at once (an import), made where new: one statement, whatever their number (a second
 * only when another writer made some of them meanwhile).
 */
export const subjectsOf = async (services: Subjects, taxids: readonly string[]): Promise<ReadonlyMap<string, string>> => {
  const subjects = table(services.schema, SUBJECTS);
  const byHash = new Map([...new Set(taxids)].map((taxid) => [services.keyring.lookupHash('taxid', taxid), taxid] as const));
  const hashes = [...byHash.keys()];
  if (hashes.length === 0) return new Map();
  // The subjects made here and those already there, in one statement: the SELECT sees the table as it was
  // before the INSERT, so each ΑΦΜ comes back once. Two arrays, not a parameter a value: a chunk of 30,000
  // debtors would pass PostgreSQL's 65,535 parameters.
  const rows = await services.client.query<{ taxid_hash: string; subject_id: string }>(
    `WITH made AS (
       INSERT INTO ${subjects} (taxid_hash, subject_id) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (taxid_hash) DO NOTHING RETURNING taxid_hash, subject_id)
     SELECT taxid_hash, subject_id FROM made
     UNION ALL SELECT taxid_hash, subject_id FROM ${subjects} WHERE taxid_hash = ANY($1)`,
    [hashes, hashes.map(() => randomUUID())],
  );
  const found = new Map(rows.map((r) => [byHash.get(r.taxid_hash)!, r.subject_id] as const));
  // Made by another writer after this statement began: neither made here nor seen, so read once more.
  const raced = hashes.filter((hash) => !found.has(byHash.get(hash)!));
  if (raced.length > 0) {
    const late = await services.client.query<{ taxid_hash: string; subject_id: string }>(`SELECT taxid_hash, subject_id FROM ${subjects} WHERE taxid_hash = ANY($1)`, [raced]);
    for (const r of late) found.set(byHash.get(r.taxid_hash)!, r.subject_id);
  }
  return found;
};
