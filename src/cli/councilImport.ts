// `opendimos import FILE --kind council [--dry-run] [--json]`: past sessions from a Popolo JSON document
// (src/ingest/council). Not rows, so not the row pipeline: the whole document is decided, then appended in one
// unit. Exit status 0 imported (or nothing new), 1 refused (nothing written), 2 a usage error.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { EventStore } from '../eventstore/port.ts';
import type { CouncilImportReport } from '../ingest/council/index.ts';
import { importCouncilPopolo } from '../ingest/council/index.ts';

interface Output {
  write(text: string): unknown;
}

export interface CouncilImportDeps {
  readonly store: EventStore;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly actor: string;
  readonly cwd?: string;
}

const USAGE = 'opendimos import FILE --kind council [--dry-run] [--json]';

/** Whether the arguments ask for the council's kind (`--kind council` or `--kind=council`). */
export const isCouncilImport = (args: readonly string[]): boolean => args.some((arg, i) => arg === '--kind=council' || (arg === '--kind' && args[i + 1] === 'council'));

const summaryOf = (file: string, report: CouncilImportReport): string => {
  const outcome = !report.accepted
    ? { el: 'απορρίφθηκε, δεν καταχωρίστηκε τίποτα', en: 'rejected, nothing was recorded' }
    : report.dryRun
      ? { el: 'δοκιμή, θα γινόταν δεκτό· δεν καταχωρίστηκε τίποτα', en: 'dry run, would be accepted; nothing was recorded' }
      : report.sessions === 0
        ? { el: 'τίποτα νέο, όλα ήταν ήδη καταχωρισμένα', en: 'nothing new, all already recorded' }
        : { el: 'εισήχθη', en: 'imported' };
  const lines = [
    `Εισαγωγή συνεδριάσεων «${file}»: ${outcome.el} / Import of sessions "${file}": ${outcome.en}`,
    `Νέες συνεδριάσεις ${report.sessions} · ήδη καταχωρισμένες ${report.duplicates} · γεγονότα ${report.events} · σφάλματα ${report.errors.length}`,
    `New sessions ${report.sessions} · already recorded ${report.duplicates} · events ${report.events} · errors ${report.errors.length}`,
  ];
  for (const issue of report.errors) lines.push(`  [${issue.code}]`, `    ${issue.message_el}`, `    ${issue.message_en}`);
  return `${lines.join('\n')}\n`;
};

export const runCouncilImport = async (args: readonly string[], deps: CouncilImportDeps): Promise<number> => {
  const rest = args.filter((arg, i) => arg !== '--kind=council' && arg !== '--kind' && !(args[i - 1] === '--kind' && arg === 'council'));
  const dryRun = rest.includes('--dry-run');
  const json = rest.includes('--json');
  const unknown = rest.find((arg) => arg.startsWith('-') && arg !== '--dry-run' && arg !== '--json');
  const files = rest.filter((arg) => !arg.startsWith('-'));
  if (unknown !== undefined || files.length !== 1) {
    const [el, en] = unknown !== undefined ? [`Άγνωστη επιλογή «${unknown}»`, `Unknown option "${unknown}"`] : files.length === 0 ? ['Λείπει το αρχείο προς εισαγωγή', 'The file to import is missing'] : ['Δίνεται ένα αρχείο τη φορά', 'Give one file at a time'];
    deps.stderr.write(`${el}\n${en}\n${USAGE}\n`);
    return 2;
  }
  const file = files[0]!;
  let source: string;
  try {
    source = await readFile(resolve(deps.cwd ?? process.cwd(), file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    deps.stderr.write(`Δεν διαβάζεται το αρχείο «${file}» (${reason})\nCannot read the file "${file}" (${reason})\n${USAGE}\n`);
    return 2;
  }
  const report = await importCouncilPopolo(deps.store, source, { actor: deps.actor, dryRun });
  deps.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : summaryOf(file, report));
  return report.accepted ? 0 : 1;
};
