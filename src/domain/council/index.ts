// Council and committee sessions (Popolo's model): bodies, members, posts, sessions, votes, decisions. Public.
import { domainContext } from '../shared/context.ts';
import type { CouncilEvent } from './events.ts';

export * from './events.ts';
export * from './body.ts';
export * from './session.ts';
export { checkDateTime, checkDay, dayOf } from './fields.ts';
export { councilErrors } from './errors.ts';

/** Public: in the read models, the API, the live feed and the verifiable log. */
export const councilDomain = domainContext<CouncilEvent>({
  name: 'council',
  eventSchemas: {
    BodyEstablished: { version: 1 },
    FactionFormed: { version: 1 },
    MemberJoined: { version: 1 },
    MemberLeft: { version: 1 },
    PostAssigned: { version: 1 },
    PostVacated: { version: 1 },
    DecisionNumbered: { version: 1 },
    SessionConvened: { version: 1 },
    ItemDocumentAttached: { version: 1 },
    UrgentItemAdmitted: { version: 1 },
    MemberArrived: { version: 1 },
    MemberDeparted: { version: 1 },
    ItemTaken: { version: 1 },
    VoteCast: { version: 1 },
    VoteCorrected: { version: 1 },
    ItemResolved: { version: 1 },
    ResultCorrected: { version: 1 },
    DecisionPosted: { version: 1 },
    SessionClosed: { version: 1 },
    MinutesPublished: { version: 1 },
  },
});
