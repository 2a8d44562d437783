// What the ledger's GraphQL types are resolved from (the code generator's mappers): read-model views,
// and a budget known by its year alone, its parts resolved on demand.
import type { TransactionView } from '../../projections/ledger/index.ts';
import type { Connection } from '../shared/graphql/connection.ts';

export interface BudgetModel {
  readonly year: number;
}

export type TransactionConnectionModel = Connection<TransactionView>;
