// The read side of one process: the projection runner (up to date before serving) and the change feed.
import type { ChangeFeed } from '../projections/shared/changeFeed.ts';
import { startChangeFeed } from '../projections/shared/changeFeed.ts';
import type { Projection } from '../projections/shared/projection.ts';
import type { ProjectionRunner } from '../projections/shared/runner.ts';
import { startProjections } from '../projections/shared/runner.ts';
import type { Installation } from './installation.ts';

export interface ReadSide {
  readonly runner: ProjectionRunner;
  readonly changes: ChangeFeed;
  readonly stop: () => Promise<void>;
}

export const startReadSide = async (installation: Installation, projections: readonly Projection[], onError: (error: unknown) => void): Promise<ReadSide> => {
  const { client, store, config } = installation;
  const runner = await startProjections({ client, store, schema: config.schema, projections, onError });
  await runner.caughtUp;
  const changes = await startChangeFeed(client, config.schema);
  return {
    runner,
    changes,
    async stop() {
      await changes.close();
      await runner.stop();
    },
  };
};
