// What an administrator does to staff accounts (from the command line): create one with its roles and a
// one-time link to set the password, list them, disable one (its sessions end on every node), set its
// roles, and make a new link. Each change is checked before anything is written and recorded as an event
// with its actor.
import type { StaffRole } from '../../../domain/index.ts';
import { endSessionsOf } from '../sessions/index.ts';
import type { StaffDeps, StaffMember, StaffRow } from './staffRecord.ts';
import { checkEmail, checkName, checkRoles, emailKey, findByEmail, linkToken, memberOf, newStaffId, nowOf, record, STAFF_COLUMNS } from './staffRecord.ts';
import { StaffError } from './staffErrors.ts';
import { staffTables } from './staffTable.ts';

/** A password link is good for a day, once. */
export const PASSWORD_LINK_HOURS = 24;

export interface PasswordLink {
  readonly member: StaffMember;
  /** The one-time token; the link is `<public URL>/office/password/<token>`. Shown once, stored as its hash. */
  readonly token: string;
  readonly expiresAt: Date;
}

export const passwordLinkPath = (token: string): string => `/office/password/${token}`;

const issueLink = async (deps: StaffDeps, member: StaffMember, actor: string, at: Date): Promise<PasswordLink> => {
  const { token, hash } = linkToken();
  const expiresAt = new Date(at.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  await deps.client.query(`UPDATE ${staffTables(deps.schema).staff} SET password_token_hash = $2, password_token_expires_at = $3 WHERE staff_id = $1`, [member.staffId, hash, expiresAt]);
  await record(deps, { type: 'StaffPasswordLinkIssued', data: { staffId: member.staffId, expiresAt: expiresAt.toISOString(), actor, at: at.toISOString() } });
  return { member, token, expiresAt };
};

const existing = async (deps: StaffDeps, email: string): Promise<StaffMember> => {
  const row = await findByEmail(deps.client, deps.schema, checkEmail(email));
  if (!row) throw new StaffError('OD_STAFF_UNKNOWN');
  return memberOf(row);
};

export const createStaff = async (
  deps: StaffDeps,
  input: { readonly email: string; readonly name: string; readonly roles: readonly string[]; readonly actor: string },
): Promise<PasswordLink> => {
  const email = checkEmail(input.email);
  const name = checkName(input.name);
  const roles = checkRoles(input.roles);
  const at = nowOf(deps);
  const staffId = newStaffId();
  const [row] = await deps.client.query<StaffRow>(
    `INSERT INTO ${staffTables(deps.schema).staff} (staff_id, email, email_key, name, roles, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (email_key) DO NOTHING RETURNING ${STAFF_COLUMNS}`,
    [staffId, email, emailKey(email), name, JSON.stringify(roles), at],
  );
  if (!row) throw new StaffError('OD_STAFF_EMAIL_TAKEN');
  await record(deps, { type: 'StaffAccountCreated', data: { staffId, email, name, roles, actor: input.actor, at: at.toISOString() } });
  return issueLink(deps, memberOf(row), input.actor, at);
};

export const listStaff = async (deps: Pick<StaffDeps, 'client' | 'schema'>): Promise<StaffMember[]> =>
  (await deps.client.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM ${staffTables(deps.schema).staff} ORDER BY email_key`)).map(memberOf);

/** Disables the account and ends its sessions; its password and link stop working. */
export const disableStaff = async (deps: StaffDeps, input: { readonly email: string; readonly actor: string }): Promise<StaffMember> => {
  const member = await existing(deps, input.email);
  if (member.disabled) throw new StaffError('OD_STAFF_DISABLED');
  const at = nowOf(deps);
  await deps.client.query(`UPDATE ${staffTables(deps.schema).staff} SET disabled_at = $2, password_token_hash = NULL, password_token_expires_at = NULL WHERE staff_id = $1`, [member.staffId, at]);
  await endSessionsOf(deps.client, deps.schema, { kind: 'staff', subjectId: member.staffId });
  await record(deps, { type: 'StaffAccountDisabled', data: { staffId: member.staffId, actor: input.actor, at: at.toISOString() } });
  return { ...member, disabled: true };
};

/** Sets the account's roles (all of them: the ones not given are taken away). */
export const setStaffRoles = async (deps: StaffDeps, input: { readonly email: string; readonly roles: readonly string[]; readonly actor: string }): Promise<StaffMember> => {
  const roles: StaffRole[] = checkRoles(input.roles);
  const member = await existing(deps, input.email);
  if (member.disabled) throw new StaffError('OD_STAFF_DISABLED');
  const at = nowOf(deps);
  await deps.client.query(`UPDATE ${staffTables(deps.schema).staff} SET roles = $2 WHERE staff_id = $1`, [member.staffId, JSON.stringify(roles)]);
  await record(deps, { type: 'StaffRolesSet', data: { staffId: member.staffId, roles, actor: input.actor, at: at.toISOString() } });
  return { ...member, roles };
};

/** A new one-time link (the previous one stops working): a forgotten password, an expired first link. */
export const newPasswordLink = async (deps: StaffDeps, input: { readonly email: string; readonly actor: string }): Promise<PasswordLink> => {
  const member = await existing(deps, input.email);
  if (member.disabled) throw new StaffError('OD_STAFF_DISABLED');
  return issueLink(deps, member, input.actor, nowOf(deps));
};
