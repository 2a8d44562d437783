// The fixture year for `npm start`: loaded only into an empty ledger, through the same import as any file.
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EventStore } from '../eventstore/port.ts';
import { athensDateOf } from '../api/debts/index.ts';
import { importFile } from '../ingest/importFile.ts';
import type { PersonalData } from '../ingest/personalData.ts';
import { Readable } from 'node:stream';
import { debtFixtureFiles } from '../../fixtures/lixouriDebts.ts';
import type { CliIo } from './io.ts';
import { loadRequestTypes } from '../api/requests/index.ts';
import { loadRequestFixtures } from './requestFixtures.ts';
import { loadCouncilFixtures } from './councilFixtures.ts';

export const FIXTURE_FILES = [
  { path: fileURLToPath(new URL('../../fixtures/lixouri-2025-transactions.csv', import.meta.url)), kind: 'transactions' as const },
  { path: fileURLToPath(new URL('../../fixtures/lixouri-assets.csv', import.meta.url)), kind: 'assets' as const },
  { path: fileURLToPath(new URL('../../fixtures/lixouri-2025-supplier.csv', import.meta.url)), kind: 'transactions' as const },
];


/**
 * The fixture year, then (with the keyring) a debt roll of the TaxisNet stand-in's people dated from today,
 * so that a newcomer logs in and finds debts overdue, in instalments and still due.
 */
export const loadFixtures = async (store: EventStore, io: Pick<CliIo, 'stdout'>, personal?: PersonalData): Promise<void> => {
  if ((await store.headPosition()) > 0) return;
  const files = [
    ...FIXTURE_FILES.map((file) => ({ name: file.path.split('/').pop()!, kind: file.kind, input: () => createReadStream(file.path) })),
    ...(personal ? debtFixtureFiles(athensDateOf(new Date())).map((file) => ({ name: file.name, kind: file.kind, input: () => Readable.from([Buffer.from(file.text, 'utf8')]) })) : []),
  ];
  for (const file of files) {
    const report = await importFile(store, file.input(), { kind: file.kind, fileName: file.name, actor: 'opendimos:fixtures', ...(personal ? { personal } : {}) });
    io.stdout.write(
      `Φόρτωση / Loaded ${file.name}: ${report.imported} γραμμές / rows` + (report.accepted ? '\n' : ` — απορρίφθηκε / rejected (${report.errors.length} errors)\n`),
    );
  }
  // A year of problem reports up to today, so the requests' list, map and figures have something to show.
  await loadRequestFixtures(store, loadRequestTypes(), new Date(), io);
  // Lixouri's council: past sessions with their votes and decisions, and the next one convened.
  await loadCouncilFixtures(store, new Date(), io);
};
