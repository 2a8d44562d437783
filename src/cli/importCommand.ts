// `opendimos import FILE [--kind transactions|assets|debts|…] [--skip-invalid] [--dry-run] [--json]` (the kinds: ingest/kinds.ts)
// Exit status: 0 imported (or nothing new, or good rows imported with --skip-invalid), 1 rejected,
// 2 a usage error (unknown flag, no file, a file that cannot be read). Messages: Greek, then English.
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { EventStore } from '../eventstore/port.ts';
import type { ImportKind } from '../ingest/kinds.ts';
import { importKindNames } from '../ingest/kinds.ts';
import type { PersonalData } from '../ingest/personalData.ts';
import type { ImportOptions, ImportReport } from '../ingest/importFile.ts';
import { importFile } from '../ingest/importFile.ts';
import { isCouncilImport, runCouncilImport } from './councilImport.ts';

interface Output {
  write(text: string): unknown;
}

export interface ImportCommandDeps {
  readonly store: EventStore;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly actor: string;
  /** Directory the FILE argument is relative to (the caller's, when the command runs inside a server). */
  readonly cwd?: string;
  /** The keyring and subjects, for debt rolls; such files are refused without them. */
  readonly personal?: PersonalData;
  /** The read models' database, for bank statements (the RF selections, the budget's revenue lines). */
  readonly database?: ImportOptions['database'];
}

const USAGE = `opendimos import FILE [--kind ${importKindNames.join('|')}|council] [--skip-invalid] [--dry-run] [--json]`;
const isKind = (value: string | undefined): value is ImportKind => importKindNames.some((k) => k === value);

interface Invocation {
  readonly file: string;
  readonly kind: ImportKind;
  readonly skipInvalid: boolean;
  readonly dryRun: boolean;
  readonly json: boolean;
}

class UsageError extends Error {
  constructor(
    readonly el: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const kindOf = (value: string | undefined): ImportKind => {
  if (!isKind(value)) {
    // Every registered kind, so that a kind added to the registry (kinds.ts) is named here without an edit.
    const kinds = importKindNames.join(', ');
    throw new UsageError(`Το --kind θέλει ένα από: ${kinds} (δόθηκε «${value ?? ''}»)`, `--kind takes one of: ${kinds} (got "${value ?? ''}")`);
  }
  return value;
};

const parseArgs = (args: readonly string[]): Invocation => {
  const files: string[] = [];
  const flags = { kind: 'transactions' as ImportKind, skipInvalid: false, dryRun: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--skip-invalid') flags.skipInvalid = true;
    else if (arg === '--dry-run') flags.dryRun = true;
    else if (arg === '--json') flags.json = true;
    else if (arg === '--kind') flags.kind = kindOf(args[++i]);
    else if (arg.startsWith('--kind=')) flags.kind = kindOf(arg.slice('--kind='.length));
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Άγνωστη επιλογή «${arg}»`, `Unknown option "${arg}"`);
    else files.push(arg);
  }
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0 ? 'Λείπει το αρχείο προς εισαγωγή' : 'Δίνεται ένα αρχείο τη φορά',
      files.length === 0 ? 'The file to import is missing' : 'Give one file at a time',
    );
  }
  return { file: files[0]!, ...flags };
};

const openFile = async (file: string): Promise<FileHandle> => {
  let handle: FileHandle | null = null;
  try {
    handle = await open(file, 'r');
    if ((await handle.stat()).isFile()) return handle;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`Δεν διαβάζεται το αρχείο «${file}» (${reason})`, `Cannot read the file "${file}" (${reason})`);
  }
  await handle.close();
  throw new UsageError(`Το «${file}» δεν είναι αρχείο`, `"${file}" is not a file`);
};

const OUTCOMES: Readonly<Record<ImportReport['outcome'], { el: string; en: string }>> = {
  imported: { el: 'εισήχθη', en: 'imported' },
  nothing_new: { el: 'τίποτα νέο, όλα ήταν ήδη καταχωρισμένα', en: 'nothing new, all already recorded' },
  partial: { el: 'εισήχθησαν οι σωστές γραμμές, παραλείφθηκαν οι λανθασμένες', en: 'good rows imported, bad rows skipped' },
  rejected: { el: 'απορρίφθηκε, δεν καταχωρίστηκε τίποτα', en: 'rejected, nothing was recorded' },
  dry_run: { el: 'δοκιμή, δεν καταχωρίστηκε τίποτα', en: 'dry run, nothing was recorded' },
};

const summaryOf = (file: string, report: ImportReport): string => {
  const outcome = OUTCOMES[report.outcome];
  const verdict = report.outcome === 'dry_run' ? (report.accepted ? ' — θα γινόταν δεκτό / would be accepted' : ' — θα απορριπτόταν / would be rejected') : '';
  const lines = [
    `Εισαγωγή «${file}»: ${outcome.el} / Import "${file}": ${outcome.en}${verdict}`,
    `Γραμμές ${report.rows} · νέες ${report.imported} · ήδη καταχωρισμένες ${report.duplicates} · σφάλματα ${report.errors.length}`,
    `Rows ${report.rows} · new ${report.imported} · duplicates ${report.duplicates} · errors ${report.errors.length}`,
  ];
  for (const issue of report.errors) {
    const where = issue.column === null ? `γραμμή/line ${issue.line}` : `γραμμή/line ${issue.line}, στήλη/column ${issue.column}`;
    lines.push(`  ${where} [${issue.code}]`, `    ${issue.message_el}`, `    ${issue.message_en}`);
  }
  return `${lines.join('\n')}\n`;
};

interface Prepared {
  readonly invocation: Invocation;
  readonly handle: FileHandle;
}

const prepare = async (args: readonly string[], cwd: string): Promise<Prepared | UsageError> => {
  try {
    const invocation = parseArgs(args);
    return { invocation, handle: await openFile(resolve(cwd, invocation.file)) };
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
};

export const runImportCommand = async (args: string[], deps: ImportCommandDeps): Promise<number> => {
  // Past council sessions are a Popolo JSON document, not rows: their own path (councilImport.ts).
  if (isCouncilImport(args)) return runCouncilImport(args, deps);
  const prepared = await prepare(args, deps.cwd ?? process.cwd());
  if (prepared instanceof UsageError) {
    deps.stderr.write(`${prepared.el}\n${prepared.en}\n${USAGE}\n`);
    return 2;
  }
  const { invocation, handle } = prepared;
  try {
    const report = await importFile(deps.store, handle.createReadStream({ autoClose: false }), {
      kind: invocation.kind,
      skipInvalid: invocation.skipInvalid,
      dryRun: invocation.dryRun,
      fileName: basename(invocation.file),
      actor: deps.actor,
      ...(deps.personal ? { personal: deps.personal } : {}),
      ...(deps.database ? { database: deps.database } : {}),
    });
    deps.stdout.write(invocation.json ? `${JSON.stringify(report, null, 2)}\n` : summaryOf(invocation.file, report));
    return report.accepted ? 0 : 1;
  } finally {
    await handle.close();
  }
};
