// Reductions (μειώσεις), write-offs (διαγραφές) and settlements in instalments (ρυθμίσεις) of debts in a roll.
import { parseAmount } from '../parseAmount.ts';
import { parseDate } from '../parseDate.ts';
import type { IngestKind } from '../importKind.ts';
import { ingestErrors } from '../ingestErrors.ts';
import { asText } from '../row.ts';
import { vocabulary } from '../vocabulary.ts';
import { parseAssessment, parseCount, parseYear } from '../debts/index.ts';
import { debtAdjustmentColumns } from './columns.ts';
import type { AdjustmentAction } from './decideAdjustment.ts';
import { decideAdjustment } from './decideAdjustment.ts';

const actions = vocabulary<AdjustmentAction>(ingestErrors.OD_ACTION_UNKNOWN, [
  ['reduction', 'reduction', 'μείωση', 'απομείωση'],
  ['write-off', 'write-off', 'διαγραφή', 'write off'],
  ['settlement', 'settlement', 'ρύθμιση', 'διακανονισμός'],
]);

export const debtAdjustmentsImport: IngestKind<'debt-adjustments'> = {
  kind: 'debt-adjustments',
  department: 'revenue',
  columns: debtAdjustmentColumns,
  decideRow: async (row, ledger) => {
    const assessment = row.required('assessment', parseAssessment);
    const year = row.required('year', parseYear);
    const action = row.required('action', actions.read);
    const amount = row.optional('amount', parseAmount);
    const instalments = row.optional('instalments', parseCount);
    const ada = row.required('ada', asText);
    const date = row.required('date', parseDate);
    const reason = row.text('reason') ?? '';
    if (assessment === null || year === null || action === null || ada === null || date === null || row.refusals.length > 0) return null;
    return decideAdjustment({ assessment, year, action, amount, instalments, reason, ada, date }, ledger);
  },
};
