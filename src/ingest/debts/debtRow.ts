// A row of the debt roll → what the domain decides on, before anything is sealed. The ΑΦΜ is checked
// here (check digit); a company is told from a person by the roll's own column, else by TaxisNet's rule
// that nothing about the ΑΦΜ says which: a roll without the column is of persons unless it says otherwise.
import type { Decimal } from 'decimal.js';
import type { DebtorKind } from '../../domain/index.ts';
import { requireAfm, requireName } from '../../domain/index.ts';
import { parseAmount } from '../parseAmount.ts';
import { parseDate } from '../parseDate.ts';
import type { Row } from '../row.ts';
import { asText } from '../row.ts';
import { parseAssessment, parseCount, parseDebtorKind, parseKaeCode, parseYear } from './cells.ts';

export interface DebtRow {
  readonly taxid: string;
  readonly name: string;
  readonly debtorKind: DebtorKind;
  readonly assessment: string;
  readonly year: number;
  readonly kae: string;
  readonly reason: string;
  readonly amount: Decimal;
  readonly surcharges: Decimal | null;
  readonly assessedOn: string;
  readonly dueOn: string;
  readonly instalments: number | null;
}

/** Null when a cell is refused (the row's refusals say why). */
export const debtRow = (row: Row): DebtRow | null => {
  const taxid = row.required('afm', requireAfm);
  const name = row.required('name', requireName);
  const assessment = row.required('assessment', parseAssessment);
  const year = row.required('year', parseYear);
  const kae = row.required('kae', parseKaeCode);
  const reason = row.required('reason', asText);
  const amount = row.required('amount', parseAmount);
  const surcharges = row.optional('surcharges', parseAmount);
  const assessedOn = row.required('assessed_on', parseDate);
  const dueOn = row.required('due_on', parseDate);
  const instalments = row.optional('instalments', parseCount);
  const debtorKind = row.optional('debtor_kind', parseDebtorKind) ?? 'person';
  if (taxid === null || name === null || assessment === null || year === null || kae === null || reason === null) return null;
  if (amount === null || assessedOn === null || dueOn === null || row.refusals.length > 0) return null;
  return { taxid, name, debtorKind, assessment, year, kae, reason, amount, surcharges, assessedOn, dueOn, instalments };
};
