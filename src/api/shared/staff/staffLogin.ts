// A staff member's login and password. A login answers only "yes, this member" or "no": the same no for an
// unknown e-mail, a wrong password, a disabled account and a locked one, and each takes one argon2id
// verification (a dummy hash for unknown e-mails), so neither the answer nor its time tells whether an
// account exists. Five wrong passwords in a row lock the account for 15 minutes; a good one resets the count.
import { endSessionsOf } from '../sessions/index.ts';
import type { StaffDeps, StaffMember, StaffRow } from './staffRecord.ts';
import { findByEmail, memberOf, nowOf, record, STAFF_COLUMNS, tokenHash } from './staffRecord.ts';
import { StaffError } from './staffErrors.ts';
import { dummyHash, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordMatches } from './passwords.ts';
import { staffTables } from './staffTable.ts';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

export type LoginOutcome = { readonly ok: true; readonly member: StaffMember } | { readonly ok: false };

const NO: LoginOutcome = { ok: false };

export const logInStaff = async (deps: StaffDeps, input: { readonly email: string; readonly password: string; readonly address: string }): Promise<LoginOutcome> => {
  const email = typeof input.email === 'string' ? input.email.trim() : '';
  const row = email.length > 0 && email.length <= 254 ? await findByEmail(deps.client, deps.schema, email) : null;
  const matches = await passwordMatches(row?.password_hash ?? (await dummyHash()), input.password);
  if (!row || row.password_hash === null || row.disabled_at !== null) return NO;
  const at = nowOf(deps);
  const actor = `address:${input.address}`;
  const locked = row.locked_until !== null && new Date(row.locked_until).getTime() > at.getTime();
  if (locked) return NO;
  const staff = staffTables(deps.schema).staff;
  if (matches) {
    await deps.client.query(`UPDATE ${staff} SET failed_logins = 0, locked_until = NULL WHERE staff_id = $1`, [row.staff_id]);
    await record(deps, { type: 'StaffLoggedIn', data: { staffId: row.staff_id, actor: `staff:${row.staff_id}`, at: at.toISOString() } });
    return { ok: true, member: memberOf({ ...row, failed_logins: 0, locked_until: null }) };
  }
  // An ended lockout starts a new count: five more in a row lock it again.
  const [counted] = await deps.client.query<{ failed_logins: number }>(
    `UPDATE ${staff} SET failed_logins = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END, locked_until = NULL WHERE staff_id = $1 RETURNING failed_logins`,
    [row.staff_id],
  );
  const failures = counted?.failed_logins ?? 1;
  await record(deps, { type: 'StaffLoginFailed', data: { staffId: row.staff_id, failures, actor, at: at.toISOString() } });
  if (failures >= LOCKOUT_FAILURES) {
    const until = new Date(at.getTime() + LOCKOUT_MINUTES * 60_000);
    await deps.client.query(`UPDATE ${staff} SET locked_until = $2 WHERE staff_id = $1`, [row.staff_id, until]);
    await record(deps, { type: 'StaffLockedOut', data: { staffId: row.staff_id, until: until.toISOString(), actor, at: at.toISOString() } });
  }
  return NO;
};

const linkRow = async (deps: StaffDeps, token: string): Promise<StaffRow | null> => {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await deps.client.query<StaffRow>(
    `SELECT ${STAFF_COLUMNS} FROM ${staffTables(deps.schema).staff} WHERE password_token_hash = $1 AND password_token_expires_at > $2 AND disabled_at IS NULL`,
    [tokenHash(token), nowOf(deps)],
  );
  return row ?? null;
};

/** The member a password link is for, while it is unused, unexpired and the account enabled. */
export const passwordLinkMember = async (deps: StaffDeps, token: string): Promise<StaffMember | null> => {
  const row = await linkRow(deps, token);
  return row ? memberOf(row) : null;
};

export const checkNewPassword = (password: string, repeated: string): void => {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) throw new StaffError('OD_STAFF_PASSWORD_SHORT');
  if (password !== repeated) throw new StaffError('OD_STAFF_PASSWORD_MISMATCH');
};

/** Sets the password through a one-time link; the link is spent, the lockout lifted, other sessions ended. */
export const setPasswordWithLink = async (deps: StaffDeps, input: { readonly token: string; readonly password: string; readonly repeated: string }): Promise<StaffMember> => {
  const row = await linkRow(deps, input.token);
  if (!row) throw new StaffError('OD_STAFF_LINK_INVALID');
  checkNewPassword(input.password, input.repeated);
  const hashed = await hashPassword(input.password);
  // Spent in the same statement that checks it: two tabs sending the form set it once.
  const [spent] = await deps.client.query<StaffRow>(
    `UPDATE ${staffTables(deps.schema).staff} SET password_hash = $3, password_token_hash = NULL, password_token_expires_at = NULL, failed_logins = 0, locked_until = NULL
     WHERE staff_id = $1 AND password_token_hash = $2 RETURNING ${STAFF_COLUMNS}`,
    [row.staff_id, tokenHash(input.token), hashed],
  );
  if (!spent) throw new StaffError('OD_STAFF_LINK_INVALID');
  await endSessionsOf(deps.client, deps.schema, { kind: 'staff', subjectId: row.staff_id });
  await record(deps, { type: 'StaffPasswordSet', data: { staffId: row.staff_id, actor: `staff:${row.staff_id}`, at: nowOf(deps).toISOString() } });
  return memberOf(spent);
};

export const logOutStaff = async (deps: StaffDeps, staffId: string): Promise<void> => {
  await record(deps, { type: 'StaffLoggedOut', data: { staffId, actor: `staff:${staffId}`, at: nowOf(deps).toISOString() } });
};
