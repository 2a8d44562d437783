// The fixture year for `npm start`: loaded only into an empty ledger, through the same import as any file.
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EventStore } from '../eventstore/port.ts';
import { importFile } from '../ingest/importFile.ts';
import type { CliIo } from './io.ts';

export const FIXTURE_FILES = [
  { path: fileURLToPath(new URL('../../fixtures/lixouri-2025-transactions.csv', import.meta.url)), kind: 'transactions' as const },
  { path: fileURLToPath(new URL('../../fixtures/lixouri-assets.csv', import.meta.url)), kind: 'assets' as const },
];

export const loadFixtures = async (store: EventStore, io: Pick<CliIo, 'stdout'>): Promise<void> => {
  if ((await store.headPosition()) > 0) return;
  for (const file of FIXTURE_FILES) {
    const report = await importFile(store, createReadStream(file.path), {
      kind: file.kind,
      fileName: file.path.split('/').pop()!,
      actor: 'opendimos:fixtures',
    });
    io.stdout.write(
      `Φόρτωση / Loaded ${file.path.split('/').pop()}: ${report.imported} γραμμές / rows` +
        (report.accepted ? '\n' : ` — απορρίφθηκε / rejected (${report.errors.length} errors)\n`),
    );
  }
};
