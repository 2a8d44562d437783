// Dispatches a command line to its command. Each command returns its exit status: 0 done, 1 refused or
// failed, 2 usage error. Messages a person reads are Greek first, English beside.
import type { Writable } from 'node:stream';
import { ConfigError, loadConfig } from './config.ts';
import { serveCommand } from './serveCommand.ts';
import { verifyCommand } from './verifyCommand.ts';

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
}

const USAGE = `Χρήση / Usage: opendimos <command>
  serve [--with-fixtures]    εκκίνηση του δικτυακού τόπου / start the site and API
  verify                     έλεγχος της αλυσίδας hash / verify the ledger's hash chain
`;

export const runCli = async (args: readonly string[], io: CliIo): Promise<number> => {
  const [command, ...rest] = args;
  try {
    const config = loadConfig(io.env);
    switch (command) {
      case 'serve':
        return await serveCommand(rest, config, io);
      case 'verify':
        return await verifyCommand(rest, config, io);
      case undefined:
      case 'help':
      case '--help':
        io.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.stderr.write(`Άγνωστη εντολή / Unknown command: ${command}\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`Λάθος ρύθμιση / Configuration error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
};
