// One assets row decided against its asset's state (ledger plus the file's earlier rows).
import type { Asset, AssetEvent, RecordAssetAction } from '../../domain/index.ts';
import { decideAsset as decide, DomainError, initialAsset, isDomainError, streams } from '../../domain/index.ts';
import { eventId } from '../eventIds.ts';
import type { LedgerState } from '../ledgerState.ts';
import type { SpooledEvent } from '../spool.ts';

/**
 * The domain names the counterparty's name column `name`, as in the transactions export; in the assets
 * export `name` is the asset's and the counterparty's is `counterparty_name`.
 */
const decideInAssetColumns = (command: RecordAssetAction, state: Asset): AssetEvent[] => {
  try {
    return decide(command, state);
  } catch (error) {
    if (isDomainError(error) && error.code === 'OD_NAME_MISSING') {
      throw new DomainError(error.code, error.messageEl, error.messageEn, 'counterparty_name', error.status);
    }
    throw error;
  }
};

/** [] when the same action is already recorded (a duplicate); throws the domain's refusal otherwise. */
export const decideAsset = async (command: RecordAssetAction, ledger: LedgerState): Promise<SpooledEvent[]> => {
  const stream = streams.asset(command.data.asset);
  const events = decideInAssetColumns(command, await ledger.assets.load(stream, initialAsset));
  const next = ledger.assets.revision(stream) + 1;
  // An asset may be revalued twice on one day: the revision each action lands at keeps the key unique.
  const decided = events.map((event, i) => ({ stream, id: eventId(event.data.date, `${stream}@${next + i}/${event.type}`), type: event.type, data: event.data }));
  ledger.assets.evolve(stream, events);
  return decided;
};
