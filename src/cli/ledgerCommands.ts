// Commands that work on the ledger's database. They run in this process, or — when a server already holds
// the embedded database — inside that server, through its control socket.
import { apiKeyCommand } from './apiKeyCommand.ts';
import { personalDataOf } from './personalData.ts';
import { userInfo } from 'node:os';
import { runImportCommand } from './importCommand.ts';
import type { LedgerCommand } from './io.ts';
import { rebuildCommand, rebuildUsage } from './rebuildCommand.ts';
import { staffCommand } from './staffCommand.ts';
import { tokenCommand } from './tokenCommand.ts';
import { verifyCommand } from './verifyCommand.ts';
import { diavgeiaCommand, diavgeiaUsage } from './diavgeiaCommand.ts';


/** Usage checks that need no database, so a mistyped command fails at once. */
export const ledgerUsage: Readonly<Record<string, (args: readonly string[]) => string | null>> = {
  rebuild: rebuildUsage,
  diavgeia: diavgeiaUsage,
  verify: (args) => (args.length === 0 ? null : `Το verify δεν παίρνει ορίσματα / verify takes no arguments: ${args.join(' ')}\n`),
};

export const ledgerCommands: Readonly<Record<string, LedgerCommand>> = {
  import: (args, { installation, io, cwd }) =>
    runImportCommand([...args], {
      store: installation.store,
      stdout: io.stdout,
      stderr: io.stderr,
      actor: `cli:${userInfo().username}`,
      cwd,
      database: { client: installation.client, schema: installation.config.schema },
      personal: personalDataOf(installation),
    }),
  apikey: (args, { installation, io }) => apiKeyCommand([...args], { client: installation.client, schema: installation.config.schema, stdout: io.stdout, stderr: io.stderr }),
  token: (args, { installation, io }) => tokenCommand([...args], { client: installation.client, schema: installation.config.schema, stdout: io.stdout, stderr: io.stderr }),
  staff: (args, { installation, io }) =>
    staffCommand([...args], {
      client: installation.client,
      schema: installation.config.schema,
      store: installation.store,
      publicUrl: installation.config.publicUrl,
      actor: `cli:${userInfo().username}`,
      stdout: io.stdout,
      stderr: io.stderr,
    }),
  rebuild: rebuildCommand,
  verify: verifyCommand,
  diavgeia: diavgeiaCommand,
};
