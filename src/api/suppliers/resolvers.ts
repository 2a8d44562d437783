// The suppliers' resolvers: a supplier by ΑΦΜ, the list by amount paid, each one's years and movements.
import type { SupplierView } from '../../projections/suppliers/index.ts';
import { listSuppliers, supplierByAfm, supplierYearsFor } from '../../projections/suppliers/index.ts';
import { transactionsConnection } from '../ledger/index.ts';
import type { ContextResolvers, ResolverDependencies } from '../shared/apiContext.ts';
import { counted, toConnection } from '../shared/graphql/connection.ts';
import type { ResolverContext } from '../shared/graphql/context.ts';
import { dbOf, guard } from '../shared/graphql/resolverKit.ts';
import type { Resolvers } from '../schemaTypes.ts';

export const suppliersResolvers = (deps: ResolverDependencies): ContextResolvers => {
  const { client, schema } = deps;
  const transactionsOf = transactionsConnection(deps);
  const resolvers: Resolvers = {
    Query: {
      supplier: (_root, { afm }, context) => supplierByAfm(dbOf(client, context), schema, afm),
      suppliers: (_root, args, context) => guard(async () => toConnection(await listSuppliers(dbOf(client, context), schema, args))),
    },
    Supplier: {
      transactions: (supplier, args, context, info) => transactionsOf({ afm: supplier.afm, type: args.type }, args, context, info),
    },
    SupplierConnection: counted,
  };
  const loaders = {
    Supplier: {
      years: (queries: { obj: SupplierView }[], context: ResolverContext) => supplierYearsFor(dbOf(client, context), schema, queries.map(({ obj }) => obj.afm)),
    },
  };
  return { resolvers, loaders };
};
