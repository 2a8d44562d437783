// Identity (ταυτότητα): citizens and legal entities who log in with TaxisNet, their contact preferences
// and language, the erasure of their account, and who may act for a company (legal representation). Its
// streams are personal.
import { domainContext } from '../shared/context.ts';
import type { CitizenEvent } from './events.ts';
import type { RepresentationEvent } from './representationEvents.ts';
import type { StaffEvent } from './staffEvents.ts';
import { staffEventSchemas } from './staffEvents.ts';

export * from './events.ts';
export * from './citizen.ts';
export * from './staffEvents.ts';
export * from './representationEvents.ts';
export * from './representation.ts';
export { identityErrors } from './errors.ts';

export const identityDomain = domainContext<CitizenEvent | RepresentationEvent | StaffEvent>({
  name: 'identity',
  personal: true,
  eventSchemas: {
    CitizenRegistered: { version: 1 },
    CitizenLoggedIn: { version: 1 },
    ContactEmailRequested: { version: 1 },
    ContactEmailVerified: { version: 1 },
    ContactEmailRemoved: { version: 1 },
    ContactPhoneSet: { version: 1 },
    LanguageChosen: { version: 1 },
    CitizenErased: { version: 1 },
    RepresentationGranted: { version: 1 },
    RepresentationRevoked: { version: 1 },
    ...staffEventSchemas,
  },
});
