// Suppliers in the API: the public view of the legal entities the municipality pays, in GraphQL.
import type { ApiContext } from '../shared/apiContext.ts';
import { loadSdl } from '../shared/apiContext.ts';
import { suppliersResolvers } from './resolvers.ts';


export const suppliersApi: ApiContext = { name: 'suppliers', sdl: loadSdl(import.meta.url, './suppliers.graphql'), resolvers: suppliersResolvers };
