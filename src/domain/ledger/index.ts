// The ledger (λογιστική): the budget and its execution, one fiscal-year aggregate per year
// (stream `fiscalYear-<year>`). What other layers and contexts may use of it.
import { domainContext } from '../shared/context.ts';
import type { FiscalYearEvent } from './events.ts';

export * from './events.ts';
export * from './commands.ts';
export { initialFiscalYear } from './state.ts';
export type { FiscalYearState } from './state.ts';
export type { BudgetLine, BudgetMeasure, DocumentMeasure } from './budgetLine.ts';
export { BUDGET_MEASURES, MEASURE_OF, measureMovedBy } from './budgetLine.ts';
export type { DocumentTable, TrackedDocument } from './documentTable.ts';
export { decide as decideFiscalYear } from './decide.ts';
export { evolve as evolveFiscalYear } from './evolve.ts';
export { budgetLineTotals, budgetLines, documentBalance } from './totals.ts';
export type { BudgetLineTotals, DocumentBalance } from './totals.ts';
export { reversibleRef } from './reversibleRef.ts';
export { withLineTitle } from './withLineTitle.ts';
export { documentTypeNames, isReversibleType } from './documentTypes.ts';
export { checkedOnce } from './checkedOnce.ts';
export { ledgerErrors } from './errors.ts';

export const ledgerDomain = domainContext<FiscalYearEvent>({
  name: 'ledger',
  eventSchemas: {
    BudgetLineEstablished: { version: 1 },
    BudgetLineAmended: { version: 1 },
    ExpenseCommitted: { version: 1 },
    PaymentOrdered: { version: 1 },
    PaymentMade: { version: 1 },
    RevenueAssessed: { version: 1 },
    RevenueCollected: { version: 1 },
    DocumentReversed: { version: 1 },
  },
});
