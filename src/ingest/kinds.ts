// The import kinds, one line each: a new kind is a folder of src/ingest and a line here.
import { assetsImport } from './assets/index.ts';
import { debtAdjustmentsImport } from './debtAdjustments/index.ts';
import { debtsImport } from './debts/index.ts';
import type { IngestKind } from './importKind.ts';
import { transactionsImport } from './transactions/index.ts';

export const importKinds = [transactionsImport, assetsImport, debtsImport, debtAdjustmentsImport] as const;

/** The bank statement: a camt.053/054 XML file, not rows, with its own path through importFile. */
export const bankStatementKind = { kind: 'bank-statement', department: 'revenue' } as const;

/** A kind's name, as `--kind`, POST /api/imports and the import's audit event give it. */
export type ImportKind = (typeof importKinds)[number]['kind'] | typeof bankStatementKind.kind;

export const importKindNames: readonly ImportKind[] = [...importKinds.map((kind) => kind.kind), bankStatementKind.kind];

/** The role an API token needs to import a kind. */
export const departmentOf = (name: ImportKind): IngestKind['department'] => (name === bankStatementKind.kind ? bankStatementKind.department : importKindNamed(name).department);

const byName = new Map<string, IngestKind>(importKinds.map((kind) => [kind.kind, kind]));

/** A kind of rows (decideFile.ts); the bank statement is none. */
export const importKindNamed = (name: ImportKind): IngestKind => {
  const kind = byName.get(name);
  if (kind === undefined) throw new Error(`Unknown import kind ${name}`);
  return kind;
};
