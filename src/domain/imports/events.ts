// The import itself, as an audit trail (who, when, which file, what came of it): one stream per import
// (`import-<id>`).
export type ImportOutcome = 'imported' | 'nothing_new' | 'rejected' | 'partial';
export interface ImportRecorded {
  readonly type: 'ImportRecorded';
  readonly data: {
    readonly importId: string;
    readonly kind: 'transactions' | 'assets' | 'debts' | 'debt-adjustments' | 'bank-statement';
    readonly fileName: string;
    readonly sha256: string;
    readonly actor: string;
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly rows: number;
    readonly imported: number;
    readonly duplicates: number;
    readonly rejected: number;
    readonly outcome: ImportOutcome;
  };
}
export type ImportEvent = ImportRecorded;

export const importStream = (importId: string) => `import-${importId}`;
