// What an import kind adds to the one pipeline (decideFile.ts): its name, its export's columns, and how a
// row becomes its context's commands and events. Every kind gets the same decoding, header check, all or
// nothing, idempotence and report; a kind is a folder of src/ingest with one of these in its index.ts.
import type { ImportColumns } from './headers.ts';
import type { LedgerState } from './ledgerState.ts';
import type { Row } from './row.ts';
import type { SpooledEvent } from './spool.ts';

export interface IngestKind<K extends string = string> {
  /** Its name in `--kind`, POST /api/imports and the import's audit event. */
  readonly kind: K;
  readonly columns: ImportColumns;
  /** The department whose export it is: the role an API token needs to import it. */
  readonly department: 'finance' | 'revenue';
  /**
   * A row's new events against the ledger plus the file's earlier rows: [] for a duplicate, null when a cell
   * is refused (the row's refusals say why); the domain's refusal is thrown.
   */
  readonly decideRow: (row: Row, ledger: LedgerState) => Promise<SpooledEvent[] | null>;
  /**
   * Before a chunk of rows is decided one by one: what the kind can ask of the database for the whole chunk
   * at once (which streams exist, the debtors' subjects and keys). Optional; nothing is decided here.
   */
  readonly prepare?: (rows: readonly Row[], ledger: LedgerState) => Promise<void>;
}
