// The council context's read side: bodies, members, sessions, agenda items, attendance, votes and decisions.
import type { ProjectionsContext } from '../shared/projection.ts';
import { councilProjection } from './councilProjection.ts';

export {
  COUNCIL_ATTENDANCE,
  COUNCIL_BODIES,
  COUNCIL_FACTIONS,
  COUNCIL_ITEMS,
  COUNCIL_POSTS,
  COUNCIL_PROJECTION,
  COUNCIL_SESSIONS,
  COUNCIL_TERMS,
  COUNCIL_VOTES,
  councilProjection,
} from './councilProjection.ts';
export * from './councilQueries.ts';

export const councilProjections: ProjectionsContext = { name: 'council', projections: [councilProjection] };
