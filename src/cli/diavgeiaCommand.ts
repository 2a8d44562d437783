// `opendimos diavgeia sync [--from yyyy-mm-dd]`: the organisation's decisions from Diavgeia into their streams,
// from where the last sync stopped (or from the date given), and what it found. Diavgeia down or answering
// nonsense: its reason, exit 1, and nothing half-written; the next sync resumes.
import { DIAVGEIA_START, isIsoDate, syncDecisions } from '../api/diavgeia/index.ts';
import type { SyncReport } from '../api/diavgeia/index.ts';
import { isDiavgeiaError } from '../integrations/diavgeia/index.ts';
import { diavgeiaSourceOf } from './diavgeiaSource.ts';
import type { Writable } from 'node:stream';
import type { EventStore } from '../eventstore/port.ts';
import type { DiavgeiaConfig } from './diavgeiaConfig.ts';
import type { LedgerCommand } from './io.ts';

const USAGE = 'Χρήση / Usage: opendimos diavgeia sync [--from yyyy-mm-dd]\n';

const athensToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens' }).format(new Date());

/** The date to start from (null: where the last sync stopped), or the el/en words of what is wrong. */
export const parseDiavgeiaArgs = (args: readonly string[], today: string = athensToday()): { from: string | null } | { error: string } => {
  const [sub, ...rest] = args;
  if (sub !== 'sync') return { error: sub === undefined ? USAGE : `Άγνωστη εντολή / Unknown command: diavgeia ${sub}\n${USAGE}` };
  if (rest.length === 0) return { from: null };
  if (rest[0] !== '--from' || rest.length !== 2) return { error: `Άγνωστη επιλογή / Unknown option: ${rest.join(' ')}\n${USAGE}` };
  const from = rest[1]!;
  if (!isIsoDate(from)) return { error: `Η ημερομηνία «${from}» δεν είναι έγκυρη· γράψτε έτος-μήνας-ημέρα, π.χ. 2025-01-01 / "${from}" is not a valid date; write year-month-day, e.g. 2025-01-01\n` };
  if (from < DIAVGEIA_START) return { error: `Η Διαύγεια ξεκίνησε στις ${DIAVGEIA_START}· δώστε ημερομηνία από τότε / Diavgeia began on ${DIAVGEIA_START}; give a date from then on (got ${from})\n` };
  if (from > today) return { error: `Η ημερομηνία ${from} είναι μελλοντική / ${from} is in the future (today is ${today})\n` };
  return { from };
};

export const diavgeiaUsage = (args: readonly string[]): string | null => {
  const parsed = parseDiavgeiaArgs(args);
  return 'error' in parsed ? parsed.error : null;
};

export const syncSummary = (r: SyncReport): string =>
  `Διαύγεια: ${r.decisions} αποφάσεις από ${r.from} έως ${r.to} (${r.pages} σελίδες): ${r.published} νέες, ${r.corrected} διορθώσεις, ${r.revoked} ανακλήσεις / ` +
  `Diavgeia: ${r.decisions} decisions from ${r.from} to ${r.to} (${r.pages} pages): ${r.published} new, ${r.corrected} corrected, ${r.revoked} revoked`;

export interface DiavgeiaCommandDeps {
  readonly store: EventStore;
  readonly config: DiavgeiaConfig;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly fetch?: typeof fetch;
  readonly today?: () => string;
}

export const runDiavgeiaCommand = async (args: readonly string[], deps: DiavgeiaCommandDeps): Promise<number> => {
  const io = deps;
  const parsed = parseDiavgeiaArgs(args, deps.today?.());
  if ('error' in parsed) {
    io.stderr.write(parsed.error);
    return 2;
  }
  const source = diavgeiaSourceOf(deps.config, deps.fetch);
  if (source.kind === 'none') {
    io.stderr.write(`${source.el} / ${source.en}\n`);
    return 1;
  }
  try {
    const report = await syncDecisions({ store: deps.store, diavgeia: source.port, organizationId: source.organizationId, actor: 'cli:diavgeia', ...(deps.today ? { today: deps.today } : {}), ...(parsed.from ? { from: parsed.from } : {}) });
    io.stdout.write(`${syncSummary(report)}\n`);
    return 0;
  } catch (error) {
    if (!isDiavgeiaError(error)) throw error;
    io.stderr.write(`${error.messageEl}\n${error.messageEn}\nΗ επόμενη εκτέλεση συνεχίζει από εκεί που σταμάτησε / The next run resumes where this one stopped.\n`);
    return 1;
  }
};

export const diavgeiaCommand: LedgerCommand = (args, { installation, io }) =>
  runDiavgeiaCommand(args, { store: installation.store, config: installation.config.diavgeia, stdout: io.stdout, stderr: io.stderr });
