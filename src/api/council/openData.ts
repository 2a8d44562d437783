// The council's read side in the API: GraphQL (sessions, items, votes, and votes as they are recorded),
// Popolo JSON and the sessions' iCalendar.
import type { ApiContext } from '../shared/apiContext.ts';
import { loadSdl } from '../shared/apiContext.ts';
import { councilOpenDataRoutes } from './openDataRoutes.ts';
import { councilResolvers } from './resolvers.ts';

export const councilApi: ApiContext = { name: 'council', sdl: loadSdl(import.meta.url, './council.graphql'), resolvers: councilResolvers, routes: councilOpenDataRoutes };
