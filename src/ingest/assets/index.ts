// The property register (δημοτική περιουσία): each row an action on an asset.
import type { IngestKind } from '../importKind.ts';
import { assetCommand } from './assetRow.ts';
import { assetColumns } from './columns.ts';
import { decideAsset } from './decideAsset.ts';

export const assetsImport: IngestKind<'assets'> = {
  kind: 'assets',
  department: 'finance',
  columns: assetColumns,
  decideRow: async (row, ledger) => {
    const command = assetCommand(row);
    return command && decideAsset(command, ledger);
  },
};
