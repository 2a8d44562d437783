// Wakes catch-up subscriptions when the server reports a new event of this ledger. If the server's
// subscription fails it is reported (never dropped silently) and opened again after a pause; meanwhile
// the subscriptions' own polling keeps them going, so no event is missed, only seen later.
import { END, streamNameFilter } from '@eventstore/db-client';
import type { createChangeSignal } from '../catchUpSubscription.ts';
import type { EsdbConnection } from './connection.ts';

const RESUBSCRIBE_MS = 1_000;

export interface LiveSignal {
  readonly close: () => Promise<void>;
}

export const openLiveSignal = (
  connection: EsdbConnection,
  signal: ReturnType<typeof createChangeSignal>,
  onError: (error: unknown) => void,
  resubscribeMs = RESUBSCRIBE_MS,
): LiveSignal => {
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let live: ReturnType<EsdbConnection['client']['subscribeToAll']> | null = null;
  const open = () => {
    live = connection.client.subscribeToAll({ fromPosition: END, filter: streamNameFilter({ prefixes: [connection.prefix || 'od'] }) });
    live.on('data', () => signal.notify());
    live.on('error', (error: unknown) => {
      if (closed) return;
      onError(error);
      retry = setTimeout(open, resubscribeMs);
      retry.unref();
    });
  };
  open();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await live?.unsubscribe().catch(onError);
    },
  };
};
