// `opendimos serve`: opens the ledger and serves the site and API on PORT until SIGINT/SIGTERM.
import { buildApp } from '../api/app.ts';
import type { Config } from './config.ts';
import { openInstallation } from './installation.ts';
import type { CliIo } from './runCli.ts';

export const serveCommand = async (_args: readonly string[], config: Config, io: CliIo): Promise<number> => {
  const installation = await openInstallation(config);
  const app = await buildApp({ store: installation.store });
  const address = await app.listen({ port: config.port, host: config.host });
  io.stdout.write(`OpenDimos: ${address} (${installation.store.backend})\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await app.close();
  await installation.close();
  return 0;
};
