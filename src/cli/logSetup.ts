// The verifiable log's services for a process: its signing key (OPENDIMOS_LOG_KEY in the note private-key
// format, else the key file `log.key` of the data directory, made at first start with mode 0600), its
// tables and witnesses (the settings are read with the rest of the configuration, src/cli/config.ts).
import type { LogServices, LogSigner } from '../api/log/index.ts';
import { LogKeyError, newLogKey, signerFromPrivateKey } from '../api/log/index.ts';
import { ledgerNames } from '../eventstore/sql/ledgerSchema.ts';
import type { SqlClient } from '../eventstore/sql/client.ts';
import { logTables } from '../projections/log/index.ts';
import type { LogSettings } from './config.ts';
import { ConfigError } from './config.ts';
import { readOrCreateSecretFile } from './secretFile.ts';

export const LOG_KEY_FILE = 'log.key';

export const loadLogSigner = async (settings: LogSettings, dataDir: string): Promise<{ signer: LogSigner; source: string }> => {
  try {
    if (settings.key !== null) return { signer: signerFromPrivateKey(settings.key), source: 'OPENDIMOS_LOG_KEY' };
    const file = await readOrCreateSecretFile(dataDir, LOG_KEY_FILE, () => `${newLogKey(settings.origin)}\n`);
    return { signer: signerFromPrivateKey(file.text), source: file.created ? `${file.path} (new)` : file.path };
  } catch (error) {
    if (error instanceof LogKeyError) throw new ConfigError(`${settings.key !== null ? 'OPENDIMOS_LOG_KEY' : LOG_KEY_FILE}: ${error.message}`);
    throw error;
  }
};

export const logServicesOf = (client: SqlClient, schema: string, settings: LogSettings, signer: LogSigner): LogServices => ({
  client,
  schema,
  tables: logTables(schema, ledgerNames(schema).events),
  signer,
  origin: settings.origin,
  witnesses: settings.witnesses,
});
