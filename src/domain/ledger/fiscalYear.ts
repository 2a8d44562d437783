// The fiscal-year aggregate (stream `fiscalYear-<year>`): every budget line and movement of one year.
export { initialFiscalYear } from './state.ts';
export type { BudgetLine, FiscalYearState } from './state.ts';
export type { DocumentTable, TrackedDocument } from './documentTable.ts';
export { decide } from './decide.ts';
export { evolve } from './evolve.ts';
export { budgetLineTotals, budgetLines, documentBalance } from './totals.ts';
export type { BudgetLineTotals, DocumentBalance } from './totals.ts';
export { reversibleRef } from './reversibleRef.ts';
export { withLineTitle } from './withLineTitle.ts';
export { documentTypeNames, isReversibleType } from './documentTypes.ts';
