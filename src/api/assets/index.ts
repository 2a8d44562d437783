// The property register (δημοτική περιουσία) in the API, in GraphQL.
import type { ApiContext } from '../shared/apiContext.ts';
import { loadSdl } from '../shared/apiContext.ts';
import { assetsResolvers } from './resolvers.ts';


export const assetsApi: ApiContext = { name: 'assets', sdl: loadSdl(import.meta.url, './assets.graphql'), resolvers: assetsResolvers };
