// `opendimos verify`: walks the hash chain of the whole ledger, then checks the verifiable log against the
// events as stored (every leaf, every published checkpoint's root); exit 1 at the first failure, named.
import { verifyLog } from '../api/log/index.ts';
import { ledgerNames } from '../eventstore/sql/ledgerSchema.ts';
import { logTables } from '../projections/log/index.ts';
import type { LedgerCommandContext } from './io.ts';

export const verifyCommand = async (_args: readonly string[], { installation, io }: LedgerCommandContext): Promise<number> => {
  const report = await installation.store.verify();
  if (!report.ok) {
    io.stdout.write(
      `Σπασμένος κρίκος στη θέση ${report.brokenAt} (μετά από ${report.events} έγκυρα γεγονότα)\n` +
        `Broken link at position ${report.brokenAt} (after ${report.events} valid events): ${report.reason}\n`,
    );
    return 1;
  }
  io.stdout.write(
    `Η αλυσίδα είναι ακέραιη: ${report.events} γεγονότα, τελευταίο hash ${report.headHash}\n` +
      `The chain holds: ${report.events} events, head hash ${report.headHash}\n`,
  );
  const { config, client } = installation;
  if (config.eventStoreUrl !== null) return 0;
  const tables = logTables(config.schema, ledgerNames(config.schema).events);
  const [exists] = await client.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [tables.leaves]);
  if (!exists?.found) {
    io.stdout.write('Το επαληθεύσιμο βιβλίο δεν έχει χτιστεί ακόμη (ξεκινά με το serve) / The verifiable log is not built yet (serve builds it)\n');
    return 0;
  }
  const log = await verifyLog(client, config.schema, tables);
  if (log.ok) {
    io.stdout.write(
      `Το βιβλίο συμφωνεί: ${log.leaves} φύλλα, ${log.checkpoints} υπογεγραμμένα σημεία ελέγχου\n` +
        `The log agrees: ${log.leaves} leaves, ${log.checkpoints} signed checkpoints\n`,
    );
    return 0;
  }
  io.stdout.write(
    `Το βιβλίο ΔΕΝ συμφωνεί${log.leaf === null ? '' : ` στο φύλλο ${log.leaf}${log.position === null ? '' : ` (θέση ${log.position})`}`}\n` +
      `The log does NOT agree${log.leaf === null ? '' : ` at leaf ${log.leaf}${log.position === null ? '' : ` (position ${log.position})`}`}: ${log.reason}\n`,
  );
  return 1;
};
