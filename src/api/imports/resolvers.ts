// The import log's resolver: which files came in, newest first.
import { listImports } from '../../projections/imports/index.ts';
import type { ContextResolvers, ResolverDependencies } from '../shared/apiContext.ts';
import { counted, toConnection } from '../shared/graphql/connection.ts';
import { dbOf, guard } from '../shared/graphql/resolverKit.ts';
import type { Resolvers } from '../schemaTypes.ts';

export const importsResolvers = ({ client, schema }: ResolverDependencies): ContextResolvers => {
  const resolvers: Resolvers = {
    Query: {
      imports: (_root, args, context) => guard(async () => toConnection(await listImports(dbOf(client, context), schema, args))),
    },
    ImportConnection: counted,
  };
  return { resolvers };
};
