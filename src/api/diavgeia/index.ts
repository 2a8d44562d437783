// The Diavgeia context in the API: the cross-check as JSON, and the sync that fills the decisions.
import type { ApiContext } from '../shared/apiContext.ts';
import { diavgeiaRoutes } from './routes.ts';

export { CROSSCHECK_PATH } from './routes.ts';
export { DIAVGEIA_START, isIsoDate, syncDecisions } from './sync.ts';
export type { SyncOptions, SyncReport } from './sync.ts';

export const diavgeiaApi: ApiContext = { name: 'diavgeia', sdl: '', resolvers: () => ({ resolvers: {} }), routes: diavgeiaRoutes };
