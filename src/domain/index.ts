// The domain's public surface: what the import, projections and API build on.
export * from './errors.ts';
export * from './money.ts';
export * from './date.ts';
export * from './counterparty.ts';
export * from './codes/afm.ts';
export * from './codes/ada.ts';
export * from './codes/kae.ts';
export * from './codes/kaek.ts';
export * from './codes/rf.ts';
export * from './classification.ts';
export * from './ledger/events.ts';
export * from './ledger/commands.ts';
export {
  initialFiscalYear,
  decide as decideFiscalYear,
  evolve as evolveFiscalYear,
  budgetLineTotals,
  budgetLines,
  documentBalance,
  reversibleRef,
  withLineTitle,
  documentTypeNames,
  isReversibleType,
} from './ledger/fiscalYear.ts';
export type { BudgetLine, BudgetLineTotals, DocumentBalance, FiscalYearState, TrackedDocument } from './ledger/fiscalYear.ts';
export * from './supplier.ts';
export * from './asset.ts';
export * from './eventSchemas.ts';
