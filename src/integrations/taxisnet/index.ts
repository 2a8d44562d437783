// TaxisNet (GSIS OAuth2): the port the identity context owns, its one adapter, and the development stand-in.
// Imported only by the composition root and the identity routes (eslint.config.js, od/boundaries).
export type { LoginAttempt, TaxisNetClient, TaxisNetSettings, TaxisNetUser } from './types.ts';
export type { TaxisNetErrorCode } from './errors.ts';
export { TaxisNetError, isTaxisNetError } from './errors.ts';
export { newLoginAttempt } from './loginAttempt.ts';
export { createTaxisNetClient } from './client.ts';
export { isValidTaxid } from './taxid.ts';
export type { StandInOptions } from './standIn.ts';
export { taxisNetStandIn } from './standIn.ts';
export type { StandInPerson } from './standInPeople.ts';
export { standInPeople } from './standInPeople.ts';
