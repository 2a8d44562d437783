// Staff accounts (λογαριασμοί προσωπικού): the municipality's employees who work in the back office. One
// stream per account, `staff-<staffId>`; every change, login, failed login and lockout is an event whose
// `actor` (in the data and the metadata) says who did it: `cli:<user>` for the command line, `staff:<id>`
// for a staff member, `address:<ip>` for someone not yet logged in. No password, hash or token is ever in
// an event: the stream is an audit trail, not a credential store (the staff table holds those).

/** `finance`, `revenue`, `secretary`, `admin`, or `clerk:<department>` (a lower-case slug). */
export type StaffRole = 'finance' | 'revenue' | 'secretary' | 'admin' | `clerk:${string}`;

export const PLAIN_STAFF_ROLES = ['finance', 'revenue', 'secretary', 'admin'] as const;

/** A department's slug: lower-case Latin letters and digits, words joined by single hyphens. */
export const DEPARTMENT_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isStaffRole = (value: unknown): value is StaffRole => {
  if (typeof value !== 'string' || value.length > 64) return false;
  if ((PLAIN_STAFF_ROLES as readonly string[]).includes(value)) return true;
  return value.startsWith('clerk:') && DEPARTMENT_SLUG.test(value.slice('clerk:'.length));
};

export interface StaffAccountCreated {
  readonly type: 'StaffAccountCreated';
  readonly data: { readonly staffId: string; readonly email: string; readonly name: string; readonly roles: readonly StaffRole[]; readonly actor: string; readonly at: string };
}

export interface StaffRolesSet {
  readonly type: 'StaffRolesSet';
  readonly data: { readonly staffId: string; readonly roles: readonly StaffRole[]; readonly actor: string; readonly at: string };
}

export interface StaffAccountDisabled {
  readonly type: 'StaffAccountDisabled';
  readonly data: { readonly staffId: string; readonly actor: string; readonly at: string };
}

/** A one-time link to set the password was made (the token itself is only printed, never recorded). */
export interface StaffPasswordLinkIssued {
  readonly type: 'StaffPasswordLinkIssued';
  readonly data: { readonly staffId: string; readonly expiresAt: string; readonly actor: string; readonly at: string };
}

export interface StaffPasswordSet {
  readonly type: 'StaffPasswordSet';
  readonly data: { readonly staffId: string; readonly actor: string; readonly at: string };
}

export interface StaffLoggedIn {
  readonly type: 'StaffLoggedIn';
  readonly data: { readonly staffId: string; readonly actor: string; readonly at: string };
}

export interface StaffLoggedOut {
  readonly type: 'StaffLoggedOut';
  readonly data: { readonly staffId: string; readonly actor: string; readonly at: string };
}

/** A wrong password for a known account; `failures` counts them in a row. */
export interface StaffLoginFailed {
  readonly type: 'StaffLoginFailed';
  readonly data: { readonly staffId: string; readonly failures: number; readonly actor: string; readonly at: string };
}

export interface StaffLockedOut {
  readonly type: 'StaffLockedOut';
  readonly data: { readonly staffId: string; readonly until: string; readonly actor: string; readonly at: string };
}

export type StaffEvent =
  | StaffAccountCreated
  | StaffRolesSet
  | StaffAccountDisabled
  | StaffPasswordLinkIssued
  | StaffPasswordSet
  | StaffLoggedIn
  | StaffLoggedOut
  | StaffLoginFailed
  | StaffLockedOut;

export type StaffEventType = StaffEvent['type'];

/** The schema version of every staff event: a new event type without one fails to compile. */
export const staffEventSchemas: { readonly [T in StaffEventType]: { readonly version: number } } = {
  StaffAccountCreated: { version: 1 },
  StaffRolesSet: { version: 1 },
  StaffAccountDisabled: { version: 1 },
  StaffPasswordLinkIssued: { version: 1 },
  StaffPasswordSet: { version: 1 },
  StaffLoggedIn: { version: 1 },
  StaffLoggedOut: { version: 1 },
  StaffLoginFailed: { version: 1 },
  StaffLockedOut: { version: 1 },
};

export const staffStream = (staffId: string): string => `staff-${staffId}`;
