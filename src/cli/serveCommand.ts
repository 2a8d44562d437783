// `opendimos serve [--with-fixtures]`: opens the ledger, brings the read models up to date, and serves the
// site, the API and the live feed on PORT until SIGINT, SIGTERM or SIGHUP. With --with-fixtures an empty ledger is
// first loaded with the fixture year, so a newcomer sees a live site at once.
import { buildApp } from '../api/app.ts';
import { apiContexts, webContexts } from '../contexts.ts';
import { removeDeadSpools } from '../ingest/spool.ts';
import type { Config } from './config.ts';
import { startControlServer } from './control.ts';
import { lockDataDir } from './dataDirLock.ts';
import { ledgerCommands } from './ledgerCommands.ts';
import { loadFixtures } from './fixtures.ts';
import { openInstallation } from './installation.ts';
import type { CliIo } from './io.ts';
import { startReadSide } from './readSide.ts';

export const serveCommand = async (args: readonly string[], config: Config, io: CliIo): Promise<number> => {
  const unknown = args.filter((a) => a !== '--with-fixtures');
  if (unknown.length > 0) {
    io.stderr.write(`Άγνωστη επιλογή / Unknown option: ${unknown.join(' ')}\n`);
    return 2;
  }
  // On PGlite this process holds the database; the command line gets in through the control socket.
  const release = config.databaseUrl === null ? await lockDataDir(config.dataDir) : null;
  // Spools of imports that crashed hold up to a file's size each in the temporary folder.
  await removeDeadSpools();
  const installation = await openInstallation(config);
  if (args.includes('--with-fixtures')) await loadFixtures(installation.store, io);
  const readSide = await startReadSide(installation, (error) => io.stderr.write(`Σφάλμα προβολής / Projection error: ${String(error)}\n`));
  const app = await buildApp({
    api: apiContexts,
    store: installation.store,
    client: installation.client,
    schema: config.schema,
    changes: readSide.changes,
    runner: readSide.runner,
    settings: config.app,
    web: webContexts,
  });
  const control =
    release === null
      ? null
      : await startControlServer(config.dataDir, (request, commandIo) =>
          ledgerCommands[request.command]
            ? ledgerCommands[request.command]!(request.args, { installation, io: commandIo, cwd: request.cwd })
            : Promise.resolve(2),
        );
  const address = await app.listen({ port: config.port, host: config.host });
  io.stdout.write(`OpenDimos: ${address.replace('0.0.0.0', 'localhost')} (${installation.store.backend})\n`);
  await new Promise<void>((resolve) => {
    // SIGHUP too: a closed terminal should close the ledger cleanly, not kill PGlite in the middle of a write.
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    process.once('SIGHUP', resolve);
  });
  await control?.close();
  await app.close();
  await readSide.stop();
  await installation.close();
  await release?.();
  return 0;
};
