// Whether a new movement matches a subscription's TransactionFilter: the same meaning as the query filter,
// decided in memory because the movement is already at hand.
import { parseKae } from '../../../domain/index.ts';
import type { TransactionFilter, TransactionView } from '../../../projections/ledger/index.ts';
import { foldForSearch } from '../../../projections/shared/searchText.ts';

export const matchesFilter = (t: TransactionView, filter: TransactionFilter | null | undefined): boolean => {
  if (!filter) return true;
  if (filter.year && t.year !== filter.year) return false;
  if (filter.type && t.type !== filter.type) return false;
  if (filter.afm && t.counterparty?.afm !== filter.afm.trim()) return false;
  if (filter.from && t.date < filter.from) return false;
  if (filter.to && t.date > filter.to) return false;
  if (filter.kae) {
    const kae = parseKae(filter.kae).kae;
    if (t.kae !== kae && !t.kae.startsWith(`${kae}.`)) return false;
  }
  if (filter.search) {
    const text = foldForSearch([t.description, t.counterparty?.name, t.document, t.ada, t.kae].filter(Boolean).join(' '));
    const words = foldForSearch(filter.search).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
    if (!words.every((w) => text.split(/[^\p{L}\p{N}]+/u).some((token) => token.startsWith(w)))) return false;
  }
  return true;
};
