// Access tokens: `od_` and 43 base64url characters (256 random bits). Only the SHA-256 is stored; a plain hash
// is enough for a secret this random (nothing to guess), and lets a token be found by its hash in one lookup.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SqlClient, SqlExecutor } from '../../../eventstore/sql/client.ts';
import { toNumber } from '../../../eventstore/sql/client.ts';
import { tokensTable } from './tokenTable.ts';

// finance: the accounting export (transactions, assets); revenue: the revenue department's rolls and bank statements.
export const ROLES = ['finance', 'revenue'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export interface TokenRecord {
  readonly id: number;
  readonly name: string;
  /** One of ROLES when created by this version; compared, never trusted to be known. */
  readonly role: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

const TOKEN_FORMAT = /^od_[A-Za-z0-9_-]{43}$/;
/** Names are printed by the CLI and written to the audit trail: letters, digits and a little punctuation. */
const NAME_FORMAT = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u;

export class InvalidTokenName extends Error {
  readonly code = 'OD_TOKEN_NAME_INVALID';
  constructor(readonly tokenName: string) {
    super(`Invalid token name "${tokenName}"`);
  }
}

export const isValidTokenName = (name: string): boolean => NAME_FORMAT.test(name);

const sha256 = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

interface TokenRow {
  id: unknown;
  name: string;
  role: string;
  hash: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

const COLUMNS = 'id, name, role, hash, created_at, revoked_at';

const toRecord = (row: TokenRow): TokenRecord => ({
  id: toNumber(row.id),
  name: row.name,
  role: row.role,
  createdAt: new Date(row.created_at).toISOString(),
  revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
});

/** Creates a token; the token itself is returned this once and exists nowhere else. */
export const createToken = async (
  client: SqlClient,
  schema: string,
  options: { readonly role: Role; readonly name?: string },
): Promise<{ token: string; record: TokenRecord }> => {
  if (options.name !== undefined && !isValidTokenName(options.name)) throw new InvalidTokenName(options.name);
  const token = `od_${randomBytes(32).toString('base64url')}`;
  const row = await client.transaction(async (tx) => {
    const [inserted] = await tx.query<TokenRow>(
      `INSERT INTO ${tokensTable(schema)} (name, role, hash) VALUES (coalesce($1, ''), $2, $3) RETURNING ${COLUMNS}`,
      [options.name ?? null, options.role, sha256(token)],
    );
    if (options.name !== undefined) return inserted!;
    // Without a name the token is called after its role and id ("finance-3"), so the audit trail tells tokens apart.
    const [named] = await tx.query<TokenRow>(`UPDATE ${tokensTable(schema)} SET name = role || '-' || id WHERE id = $1 RETURNING ${COLUMNS}`, [
      inserted!.id,
    ]);
    return named!;
  });
  return { token, record: toRecord(row) };
};

/** The active token this is, or null: a malformed, unknown or revoked token is no token. */
export const verifyToken = async (db: SqlExecutor, schema: string, token: string): Promise<TokenRecord | null> => {
  if (!TOKEN_FORMAT.test(token)) return null;
  const hash = sha256(token);
  const [row] = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM ${tokensTable(schema)} WHERE hash = $1 AND revoked_at IS NULL`, [hash]);
  // The lookup is by a hash the caller cannot steer, so its timing reveals nothing; compare in constant time anyway.
  if (!row || !timingSafeEqual(Buffer.from(row.hash, 'hex'), Buffer.from(hash, 'hex'))) return null;
  return toRecord(row);
};

/** Revokes a token: from now on it is refused. Null when there is no such token; revoking twice keeps the first time. */
export const revokeToken = async (db: SqlExecutor, schema: string, id: number): Promise<TokenRecord | null> => {
  const [row] = await db.query<TokenRow>(
    `UPDATE ${tokensTable(schema)} SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
    [id],
  );
  return row ? toRecord(row) : null;
};

export const listTokens = async (db: SqlExecutor, schema: string): Promise<TokenRecord[]> =>
  (await db.query<TokenRow>(`SELECT ${COLUMNS} FROM ${tokensTable(schema)} ORDER BY id`)).map(toRecord);
