// The property register's resolvers: assets by filter, one asset, its place on the map and its history.
import type { AssetView } from '../../projections/assets/index.ts';
import { assetById, assetHistories, listAssets } from '../../projections/assets/index.ts';
import type { ContextResolvers, ResolverDependencies } from '../shared/apiContext.ts';
import { counted, toConnection } from '../shared/graphql/connection.ts';
import type { ResolverContext } from '../shared/graphql/context.ts';
import { dbOf, guard } from '../shared/graphql/resolverKit.ts';
import type { Resolvers } from '../schemaTypes.ts';

export const assetsResolvers = ({ client, schema }: ResolverDependencies): ContextResolvers => {
  const resolvers: Resolvers = {
    Query: {
      assets: (_root, args, context) => guard(async () => toConnection(await listAssets(dbOf(client, context), schema, args))),
      asset: (_root, { id }, context) => assetById(dbOf(client, context), schema, id),
    },
    Asset: {
      location: (asset) => (asset.lat === null || asset.lon === null ? null : { lat: asset.lat, lon: asset.lon }),
    },
    AssetConnection: counted,
  };
  const loaders = {
    Asset: {
      history: (queries: { obj: AssetView }[], context: ResolverContext) => assetHistories(dbOf(client, context), schema, queries.map(({ obj }) => obj.id)),
    },
  };
  return { resolvers, loaders };
};
