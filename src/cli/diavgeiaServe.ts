// The Diavgeia schedule of `opendimos serve`, from the configuration: the real API for the organisation set,
// the stand-in in development with --with-fixtures (its decisions are the fixture year's, so they belong with
// them), or off (production without OPENDIMOS_DIAVGEIA_ORG, the stand-in without the fixtures, an interval of
// 0), with the line the server prints at start.
import { syncDecisions } from '../api/diavgeia/index.ts';
import type { EventStore } from '../eventstore/port.ts';
import { syncSummary } from './diavgeiaCommand.ts';
import type { DiavgeiaConfig } from './diavgeiaConfig.ts';
import type { DiavgeiaSchedule } from './diavgeiaSchedule.ts';
import { startDiavgeiaSchedule } from './diavgeiaSchedule.ts';
import { diavgeiaSourceOf } from './diavgeiaSource.ts';
import type { CliIo } from './io.ts';

export interface ServerDiavgeiaOptions {
  readonly withFixtures: boolean;
  readonly fetch?: typeof fetch;
}

export const startServerDiavgeiaSync = (config: DiavgeiaConfig, store: EventStore, io: Pick<CliIo, 'stderr'>, options: ServerDiavgeiaOptions): { banner: string; schedule: DiavgeiaSchedule | null; stop: () => Promise<void> } => {
  if (config.mode === 'stand-in' && !options.withFixtures) {
    return { banner: 'Διαύγεια: ανενεργή (ορίστε OPENDIMOS_DIAVGEIA_ORG, ή --with-fixtures για τη δοκιμαστική) / Diavgeia: off (set OPENDIMOS_DIAVGEIA_ORG, or --with-fixtures for the stand-in)', schedule: null, stop: async () => undefined };
  }
  const source = diavgeiaSourceOf(config, options.fetch);
  if (source.kind === 'none') return { banner: `Διαύγεια: ανενεργή / Diavgeia: off — ${source.el} / ${source.en}`, schedule: null, stop: async () => undefined };
  if (config.intervalMs === 0) return { banner: `Διαύγεια: χωρίς χρονοπρογραμματισμό (OPENDIMOS_DIAVGEIA_INTERVAL=0) / Diavgeia: no schedule; opendimos diavgeia sync — ${source.label}`, schedule: null, stop: async () => undefined };
  const schedule = startDiavgeiaSchedule({
    sync: () => syncDecisions({ store, diavgeia: source.port, organizationId: source.organizationId, actor: 'opendimos:diavgeia' }),
    intervalMs: config.intervalMs,
    log: (line) => io.stderr.write(`${line}\n`),
    describe: syncSummary,
  });
  return {
    banner: `Διαύγεια / Diavgeia: /diavgeia/ — συγχρονισμός κάθε ${config.intervalMs / 60_000} λεπτά / synced every ${config.intervalMs / 60_000} minutes: ${source.label}`,
    schedule,
    stop: schedule.stop,
  };
};
