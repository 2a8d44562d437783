// Staff accounts (λογαριασμοί προσωπικού): the table, the administrator's actions, the login and password,
// and the audit trail. Reached from outside only through this file.
export { staffMigrations, STAFF, STAFF_AUDIT } from './staffTable.ts';
export type { StaffDeps, StaffMember } from './staffRecord.ts';
export { staffMember } from './staffRecord.ts';
export type { PasswordLink } from './staffAccounts.ts';
export { createStaff, disableStaff, listStaff, newPasswordLink, passwordLinkPath, PASSWORD_LINK_HOURS, setStaffRoles } from './staffAccounts.ts';
export type { LoginOutcome } from './staffLogin.ts';
export { checkNewPassword, LOCKOUT_FAILURES, LOCKOUT_MINUTES, logInStaff, logOutStaff, passwordLinkMember, setPasswordWithLink } from './staffLogin.ts';
export type { AuditEntry } from './audit.ts';
export { AUDIT_PAGE_SIZE, auditPage, recordLookup } from './audit.ts';
export type { StaffErrorCode } from './staffErrors.ts';
export { isStaffError, STAFF_ERRORS, StaffError } from './staffErrors.ts';
export { MIN_PASSWORD_LENGTH } from './passwords.ts';
