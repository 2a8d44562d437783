// The import log's view: which files came in, when, and what came of them.
export interface ImportView {
  readonly id: string;
  readonly kind: 'TRANSACTIONS' | 'ASSETS';
  readonly fileName: string;
  readonly sha256: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly outcome: 'IMPORTED' | 'NOTHING_NEW' | 'REJECTED' | 'PARTIAL';
}
