// The domain's public surface: what the import, projections and API build on.
export * from './shared/errors.ts';
export * from './shared/money.ts';
export * from './shared/date.ts';
export * from './shared/counterparty.ts';
export * from './shared/codes/afm.ts';
export * from './shared/codes/ada.ts';
export * from './shared/codes/kae.ts';
export * from './shared/codes/kaek.ts';
export * from './shared/codes/rf.ts';
export * from './shared/classification.ts';
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
export * from './suppliers/supplier.ts';
export * from './assets/asset.ts';
export * from './eventSchemas.ts';
