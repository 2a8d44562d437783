// Change notifications for the live site and GraphQL subscriptions. Whichever process applies a batch to
// the read models NOTIFYs; every process listens, reads what changed since it last looked, and hands one
// Change to its subscribers. Several web nodes on one PostgreSQL therefore all see every import.
import type { SqlClient } from '../../eventstore/sql/client.ts';
import { toNumber } from '../../eventstore/sql/client.ts';
import { budgetLinesChangedAfter, transactionsAfter } from '../ledger/index.ts';
import { councilVotesAfter } from '../council/index.ts';
import type { VoteView } from '../council/index.ts';
import type { BudgetLineView, TransactionView } from '../ledger/index.ts';
import { changesChannel, projectionState } from './registry.ts';

/** More movements than this in one change are announced as a bulk change rather than one by one. */
export const MAX_ANNOUNCED = 200;

export interface Change {
  readonly position: number;
  readonly transactions: readonly TransactionView[];
  readonly budgetLines: readonly BudgetLineView[];
  /** Council votes recorded or corrected in the change, in recorded order (absent: none). */
  readonly councilVotes?: readonly VoteView[];
  /** True when there were more than MAX_ANNOUNCED movements: clients should refresh rather than append. */
  readonly bulk: boolean;
}

export type ChangeListener = (change: Change) => void;

export interface ChangeFeed {
  readonly subscribe: (listener: ChangeListener) => () => void;
  /** Position of the read models this feed has announced up to. */
  readonly position: () => number;
  readonly close: () => Promise<void>;
}

/** How often the feed looks for changes on its own, in case a notification was lost (a dropped connection). */
const POLL_MS = 5_000;

export const startChangeFeed = async (client: SqlClient, schema: string): Promise<ChangeFeed> => {
  const listeners = new Set<ChangeListener>();
  const appliedPosition = async () =>
    toNumber((await client.query<{ p: unknown }>(`SELECT coalesce(min(position), 0) AS p FROM ${projectionState(schema)}`))[0]?.p ?? 0);
  let seen = await appliedPosition();
  let reading: Promise<void> | null = null;
  let again = false;

  // One reader at a time; notifications that arrive meanwhile fold into one more read.
  const read = async (): Promise<void> => {
    const upTo = await appliedPosition();
    if (upTo <= seen) return;
    const [transactions, budgetLines, councilVotes] = await Promise.all([
      transactionsAfter(client, schema, seen, MAX_ANNOUNCED + 1),
      budgetLinesChangedAfter(client, schema, seen, 5_000),
      councilVotesAfter(client, schema, seen, upTo, MAX_ANNOUNCED),
    ]);
    const change: Change = {
      position: upTo,
      transactions: transactions.filter((t) => t.position <= upTo).slice(0, MAX_ANNOUNCED),
      budgetLines,
      councilVotes,
      bulk: transactions.length > MAX_ANNOUNCED,
    };
    seen = upTo;
    for (const listener of listeners) listener(change);
  };

  const onNotify = () => {
    if (reading) {
      again = true;
      return;
    }
    reading = (async () => {
      do {
        again = false;
        await read().catch(() => undefined);
      } while (again);
      reading = null;
    })();
  };

  const unlisten = await client.listen(changesChannel(schema), onNotify);
  const poll = setInterval(onNotify, POLL_MS);
  poll.unref();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    position: () => seen,
    async close() {
      clearInterval(poll);
      listeners.clear();
      await unlisten();
      await reading;
    },
  };
};
