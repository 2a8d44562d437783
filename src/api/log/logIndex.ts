// Transaction.logIndex: a movement's leaf in the log, by its event position (the ledger's read model keys
// movements by the position of the event that made them). One query per page of movements, by loader.
import type { MercuriusLoaders } from 'mercurius';
import type { TransactionView } from '../../projections/ledger/index.ts';
import { leavesOfPositions } from '../../projections/log/index.ts';
import type { ResolverContext } from '../shared/graphql/context.ts';
import { dbOf } from '../shared/graphql/resolverKit.ts';
import type { LogServices } from './checkpoints.ts';

export const logIndexLoaders = (services: LogServices): MercuriusLoaders => ({
  Transaction: {
    logIndex: async (queries: { obj: TransactionView }[], context: ResolverContext) => {
      const leaves = await leavesOfPositions(dbOf(services.client, context), services.tables, queries.map(({ obj }) => obj.position));
      return queries.map(({ obj }) => leaves.get(obj.position) ?? null);
    },
  },
});
