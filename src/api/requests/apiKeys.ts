// API keys of third-party Open311 apps (κλειδιά εφαρμογών): the table holds each key's SHA-256, never the
// key, which is printed once by `opendimos apikey create --name APP`.
import { createHash, randomBytes } from 'node:crypto';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Migration } from '../../eventstore/sql/migrate.ts';
import { table } from '../../projections/shared/tables.ts';

export const API_KEYS = 'od_api_keys';

export const requestsMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'Open311 API keys, hashed',
    sql: (q) => `CREATE TABLE ${q}.${API_KEYS} (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz)`,
  },
];

const hashOf = (key: string): string => createHash('sha256').update(key).digest('hex');

export const isValidAppName = (name: string): boolean => /^[\p{L}\p{N} ._@-]{1,64}$/u.test(name);

/** A new key for an app: the key itself (shown once) and its row's id. */
export const createApiKey = async (db: SqlExecutor, schema: string, name: string): Promise<{ readonly key: string; readonly id: number }> => {
  const key = `od311_${randomBytes(24).toString('base64url')}`;
  const [row] = await db.query<{ id: string | number }>(`INSERT INTO ${table(schema, API_KEYS)} (name, hash) VALUES ($1, $2) RETURNING id`, [name, hashOf(key)]);
  return { key, id: Number(row!.id) };
};

/** The app a key belongs to, or null for a missing, unknown or revoked key. */
export const appOfKey = async (db: SqlExecutor, schema: string, key: string | undefined): Promise<string | null> => {
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) return null;
  const [row] = await db.query<{ name: string }>(`SELECT name FROM ${table(schema, API_KEYS)} WHERE hash = $1 AND revoked_at IS NULL`, [hashOf(key)]);
  return row?.name ?? null;
};
