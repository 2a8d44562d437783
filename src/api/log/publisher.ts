// Keeps the published log up with the tree: once a second at most, a new signed checkpoint when the tree
// grew, then to the witnesses. A failing witness is reported and asked again with the next checkpoint.
import type { LogServices, PublishedCheckpoint } from './checkpoints.ts';
import { latestCheckpoint, publishCheckpoint, witnessCheckpoint } from './checkpoints.ts';

export interface LogPublisher {
  /** Publishes now what the tree holds (tests, and the first start); resolves with the newest checkpoint. */
  readonly publishNow: () => Promise<PublishedCheckpoint | null>;
  readonly stop: () => Promise<void>;
}

export const startLogPublisher = (services: LogServices, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}): LogPublisher => {
  let running: Promise<PublishedCheckpoint | null> | null = null;
  let stopped = false;
  const report = options.onError ?? (() => undefined);

  const witness = async (checkpoint: PublishedCheckpoint) => {
    await Promise.all(services.witnesses.map((w) => witnessCheckpoint(services, w, checkpoint).catch(report)));
  };

  const once = async (): Promise<PublishedCheckpoint | null> => {
    const fresh = await publishCheckpoint(services);
    const newest = fresh ?? (await latestCheckpoint(services.client, services.schema));
    if (!newest || services.witnesses.length === 0) return newest;
    await witness(newest);
    // With the cosignatures the witnesses just gave.
    return latestCheckpoint(services.client, services.schema);
  };

  const publishNow = () => {
    running ??= once().finally(() => (running = null));
    return running;
  };

  const timer = setInterval(() => {
    if (!stopped && running === null) publishNow().catch(report);
  }, options.intervalMs ?? 1_000);
  timer.unref();

  return {
    publishNow,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
};
