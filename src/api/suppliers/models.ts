// What the suppliers' GraphQL types are resolved from (the code generator's mappers).
import type { SupplierView } from '../../projections/suppliers/index.ts';
import type { Connection } from '../shared/graphql/connection.ts';

export type SupplierConnectionModel = Connection<SupplierView>;
