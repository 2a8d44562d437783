// What a command writes to and reads from: its streams, environment and working directory. A leaf of its
// own, so that commands and the dispatcher that runs them import it without importing each other.
import type { Writable } from 'node:stream';
import type { Installation } from './installation.ts';

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/** What a command that works on the ledger's database is given, in this process or inside the server. */
export interface LedgerCommandContext {
  readonly installation: Installation;
  readonly io: { readonly stdout: Writable; readonly stderr: Writable };
  /** Working directory of the person who typed the command (file arguments are relative to it). */
  readonly cwd: string;
}

export type LedgerCommand = (args: readonly string[], context: LedgerCommandContext) => Promise<number>;
