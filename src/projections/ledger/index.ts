// The ledger's read side: movements (κινήσεις), budget execution per line (εκτέλεση προϋπολογισμού) and
// daily totals, and the queries over them.
import type { ProjectionsContext } from '../shared/projection.ts';
import { budgetProjection } from './budgetProjection.ts';
import { transactionsProjection } from './transactionsProjection.ts';

export * from './views.ts';
export * from './transactionQueries.ts';
export * from './budgetQueries.ts';
export * from './lineQueries.ts';
export { TRANSACTIONS, transactionsProjection } from './transactionsProjection.ts';
export { BUDGET_LINES, DAILY_TOTALS, budgetProjection } from './budgetProjection.ts';
export { isFiscalYearEvent, toTransactionRow } from './transactionRows.ts';
export type { TransactionRow } from './transactionRows.ts';

export const ledgerProjections: ProjectionsContext = { name: 'ledger', projections: [transactionsProjection, budgetProjection] };
