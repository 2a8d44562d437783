// The Diavgeia context: the municipality's decisions as published on Diavgeia, public, one stream each.
import { domainContext } from '../shared/context.ts';
import type { DecisionEvent, DiavgeiaSyncEvent } from './events.ts';

export * from './events.ts';
export * from './decision.ts';
export * from './decisionTypes.ts';
export * from './sponsor.ts';

/** Public: in the read models, the API and the verifiable log; a natural person is never named in them. */
export const diavgeiaDomain = domainContext<DecisionEvent | DiavgeiaSyncEvent>({
  name: 'diavgeia',
  eventSchemas: {
    DecisionPublished: { version: 1 },
    DecisionCorrected: { version: 1 },
    DecisionRevoked: { version: 1 },
    DiavgeiaPageSynced: { version: 1 },
    DiavgeiaWindowSynced: { version: 1 },
  },
});
