// What the import log's GraphQL types are resolved from (the code generator's mappers).
import type { ImportView } from '../../projections/imports/index.ts';
import type { Connection } from '../shared/graphql/connection.ts';

export type ImportConnectionModel = Connection<ImportView>;
