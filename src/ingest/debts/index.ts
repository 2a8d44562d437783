// The debt roll (βεβαιωτικός κατάλογος): each row a debt assessed against a person or a company.
import type { IngestKind } from '../importKind.ts';
import { debtColumns } from './columns.ts';
import { decideDebt, prepareDebts } from './decideDebt.ts';
import { debtRow } from './debtRow.ts';

// What the kinds of the same rolls (reductions, settlements) read as this kind does.
export { parseAssessment, parseCount, parseYear } from './cells.ts';
export { requirePersonal } from './decideDebt.ts';

export const debtsImport: IngestKind<'debts'> = {
  kind: 'debts',
  department: 'revenue',
  columns: debtColumns,
  decideRow: async (row, ledger) => {
    const debt = debtRow(row);
    return debt && decideDebt(debt, ledger);
  },
  prepare: prepareDebts,
};
