// What the rest of the house sees of a staff account, the service's dependencies, and the checks on what
// a person types (e-mail, name, roles) before anything is written.
import { createHash, randomBytes } from 'node:crypto';
import type { StaffEvent, StaffRole } from '../../../domain/index.ts';
import { isStaffRole, staffStream } from '../../../domain/index.ts';
import type { EventStore } from '../../../eventstore/port.ts';
import type { SqlClient, SqlExecutor } from '../../../eventstore/sql/client.ts';
import { uuidv7 } from '../../../eventstore/uuid.ts';
import { StaffError } from './staffErrors.ts';
import { staffTables } from './staffTable.ts';

export interface StaffDeps {
  readonly client: SqlClient;
  readonly schema: string;
  readonly store: EventStore;
  /** The clock, for tests of lockout and link expiry. */
  readonly now?: () => Date;
}

export interface StaffMember {
  readonly staffId: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly StaffRole[];
  readonly disabled: boolean;
  readonly hasPassword: boolean;
  readonly lockedUntil: Date | null;
  readonly createdAt: Date;
}

export interface StaffRow {
  readonly staff_id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: StaffRole[] | string;
  readonly password_hash: string | null;
  readonly disabled_at: Date | string | null;
  readonly failed_logins: number;
  readonly locked_until: Date | string | null;
  readonly created_at: Date | string;
}

export const STAFF_COLUMNS = 'staff_id, email, name, roles, password_hash, disabled_at, failed_logins, locked_until, created_at';

export const memberOf = (row: StaffRow): StaffMember => ({
  staffId: row.staff_id,
  email: row.email,
  name: row.name,
  roles: typeof row.roles === 'string' ? (JSON.parse(row.roles) as StaffRole[]) : row.roles,
  disabled: row.disabled_at !== null,
  hasPassword: row.password_hash !== null,
  lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
  createdAt: new Date(row.created_at),
});

export const nowOf = (deps: StaffDeps): Date => (deps.now ?? (() => new Date()))();

/** The key an e-mail is unique by: trimmed, NFC, lower-case. */
export const emailKey = (email: string): string => email.trim().normalize('NFC').toLowerCase();

export const checkEmail = (email: unknown): string => {
  const trimmed = typeof email === 'string' ? email.trim().normalize('NFC') : '';
  if (trimmed.length > 254 || !/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(trimmed)) throw new StaffError('OD_STAFF_EMAIL_INVALID');
  return trimmed;
};

export const checkName = (name: unknown): string => {
  const trimmed = typeof name === 'string' ? name.trim().normalize('NFC') : '';
  if (trimmed.length === 0 || [...trimmed].length > 100 || /[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) throw new StaffError('OD_STAFF_NAME_INVALID');
  return trimmed;
};

export const checkRoles = (roles: readonly unknown[]): StaffRole[] => {
  if (roles.length === 0 || roles.length > 20 || !roles.every(isStaffRole)) throw new StaffError('OD_STAFF_ROLE_INVALID');
  return [...new Set(roles)].sort();
};

export const findByEmail = async (db: SqlExecutor, schema: string, email: string): Promise<StaffRow | null> => {
  const [row] = await db.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM ${staffTables(schema).staff} WHERE email_key = $1`, [emailKey(email)]);
  return row ?? null;
};

export const staffMember = async (deps: Pick<StaffDeps, 'client' | 'schema'>, staffId: string): Promise<StaffMember | null> => {
  const [row] = await deps.client.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM ${staffTables(deps.schema).staff} WHERE staff_id = $1`, [staffId]);
  return row ? memberOf(row) : null;
};

export const newStaffId = (): string => uuidv7();

/** A one-time token for a link (32 random bytes) and the SHA-256 the table keeps. */
export const linkToken = (): { readonly token: string; readonly hash: string } => {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
};
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Appends the event to the staff member's stream and writes its audit row (the event id keeps it single). */
export const record = async (deps: StaffDeps, event: StaffEvent, subject: string | null = null): Promise<void> => {
  const id = uuidv7();
  const { staffId, actor, at } = event.data;
  await deps.store.append(staffStream(staffId), [{ id, type: event.type, data: event.data, metadata: { actor } }]);
  const detail = Object.fromEntries(Object.entries(event.data).filter(([key]) => !['staffId', 'actor', 'at'].includes(key)));
  await deps.client.query(
    `INSERT INTO ${staffTables(deps.schema).audit} (event_id, at, actor, action, staff_id, subject, detail) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
    [id, at, actor, event.type, staffId, subject, JSON.stringify(detail)],
  );
};
