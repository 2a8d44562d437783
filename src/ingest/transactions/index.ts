// The finance department's daily export: each row a document of a fiscal year (and its supplier).
import type { IngestKind } from '../importKind.ts';
import { transactionColumns } from './columns.ts';
import { decideTransaction } from './decideTransaction.ts';
import { transactionCommand } from './transactionRow.ts';

export const transactionsImport: IngestKind<'transactions'> = {
  kind: 'transactions',
  department: 'finance',
  columns: transactionColumns,
  decideRow: async (row, ledger) => {
    const command = transactionCommand(row);
    return command && decideTransaction(command, ledger);
  },
};
