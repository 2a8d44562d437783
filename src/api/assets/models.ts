// What the property register's GraphQL types are resolved from (the code generator's mappers).
import type { AssetView } from '../../projections/assets/index.ts';
import type { Connection } from '../shared/graphql/connection.ts';

export type AssetConnectionModel = Connection<AssetView>;
