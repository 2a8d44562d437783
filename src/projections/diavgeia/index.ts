// The Diavgeia context's read side: the decisions as Diavgeia publishes them, and the cross-check with the ledger.
import type { ProjectionsContext } from '../shared/projection.ts';
import { decisionsProjection } from './decisionsProjection.ts';

export { DECISIONS, DECISION_AMOUNTS, DECISION_SPONSORS, decisionsProjection, kaeDigits } from './decisionsProjection.ts';
export * from './crossCheck.ts';

export const diavgeiaProjections: ProjectionsContext = { name: 'diavgeia', projections: [decisionsProjection] };
