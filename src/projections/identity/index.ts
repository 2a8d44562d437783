// The identity context's read side (personal): the citizens' read model for staff look-ups, and who
// represents which company.
import type { Keyring } from '../../eventstore/keyring.ts';
import type { ProjectionsContext } from '../shared/projection.ts';
import { citizensProjection } from './citizensProjection.ts';
import { representationsProjection } from './representationsProjection.ts';

export * from './citizenQueries.ts';
export { CITIZENS, CITIZENS_PROJECTION } from './citizensProjection.ts';
export * from './representationQueries.ts';
export { REPRESENTATIONS, REPRESENTATIONS_PROJECTION } from './representationsProjection.ts';
export { emailVerificationLink, identityNotifications } from './notifications.ts';

export const identityProjections = (keyring: Keyring): ProjectionsContext => ({ name: 'identity', projections: [citizensProjection(keyring), representationsProjection(keyring)] });
