// Dispatches a command line to its command. Each command returns its exit status: 0 done, 1 refused or
// failed, 2 usage error. Messages a person reads are Greek first, English beside.
import type { Config } from './config.ts';
import type { CliIo } from './io.ts';
import { ConfigError, loadConfig } from './config.ts';
import { runInServer } from './control.ts';
import { DataDirBusy, lockDataDir } from './dataDirLock.ts';
import { openInstallation } from './installation.ts';
import { importKindNames } from '../ingest/kinds.ts';
import { ledgerCommands, ledgerUsage } from './ledgerCommands.ts';
import { serveCommand } from './serveCommand.ts';

const USAGE = `Χρήση / Usage: opendimos <command>
  serve [--with-fixtures]          ο δικτυακός τόπος και το API / the site, the API and the live feed
  import FILE [--kind ${importKindNames.join('|')}] [--skip-invalid] [--dry-run] [--json]
                                   εισαγωγή κινήσεων, περιουσίας, οφειλών / import movements, assets, debts
  token create --role finance [--name NAME] | token list | token revoke ID
                                   κλειδιά για το API εισαγωγής / tokens for the import API
  apikey create --name APP        κλειδί εφαρμογής Open311 / an Open311 app's API key
  staff create --email E --name N --role R… | staff list | staff disable --email E
  staff roles --email E --role R… | staff link --email E
                                   λογαριασμοί προσωπικού / staff accounts (the back office)
  rebuild [NAME…]                  αναδόμηση προβολών χωρίς διακοπή / rebuild read models while serving
  verify                           έλεγχος της αλυσίδας hash / verify the ledger's hash chain
  diavgeia sync [--from yyyy-mm-dd]
                                   οι αποφάσεις του Δήμου από τη Διαύγεια / the municipality's decisions from Diavgeia
`;

/** PGlite only: the server that holds the data directory runs the command, else this process opens it. */
const runLedgerCommand = async (command: string, args: readonly string[], config: Config, io: CliIo): Promise<number> => {
  const run = ledgerCommands[command]!;
  const usage = ledgerUsage[command]?.(args) ?? null;
  if (usage !== null) {
    io.stderr.write(usage);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const embedded = config.databaseUrl === null;
  if (embedded) {
    const result = await runInServer(config.dataDir, { command, args, cwd });
    if (result) {
      io.stdout.write(result.stdout);
      io.stderr.write(result.stderr);
      return result.exitCode;
    }
  }
  const release = embedded ? await lockDataDir(config.dataDir) : null;
  const installation = await openInstallation(config);
  try {
    return await run(args, { installation, io, cwd });
  } finally {
    await installation.close();
    await release?.();
  }
};

export const runCli = async (args: readonly string[], io: CliIo): Promise<number> => {
  const [command, ...rest] = args;
  try {
    const config = loadConfig(io.env);
    if (command === 'serve') return await serveCommand(rest, config, io);
    if (command !== undefined && command in ledgerCommands) return await runLedgerCommand(command, rest, config, io);
    if (command === undefined || command === 'help' || command === '--help') {
      io.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    io.stderr.write(`Άγνωστη εντολή / Unknown command: ${command}\n${USAGE}`);
    return 2;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`Λάθος ρύθμιση / Configuration error: ${error.message}\n`);
      return 2;
    }
    if (error instanceof DataDirBusy) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
};
