// The log context's own tables (not read models: nothing rebuilds them, a checkpoint once published is kept
// for ever): every signed checkpoint, the witnesses' cosignatures of each, and what each witness last cosigned.
import type { Migration } from '../../eventstore/sql/migrate.ts';

export const LOG_CHECKPOINTS = 'od_log_checkpoints';
export const LOG_COSIGNATURES = 'od_log_cosignatures';
export const LOG_WITNESSES = 'od_log_witnesses';

export const logMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'Signed checkpoints of the verifiable log, witnesses and their cosignatures',
    sql: (q) => `CREATE TABLE ${q}.${LOG_CHECKPOINTS} (
        size bigint PRIMARY KEY,
        root bytea NOT NULL,
        note text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE ${q}.${LOG_COSIGNATURES} (
        size bigint NOT NULL REFERENCES ${q}.${LOG_CHECKPOINTS} (size),
        witness text NOT NULL,
        line text NOT NULL,
        PRIMARY KEY (size, witness));
      CREATE TABLE ${q}.${LOG_WITNESSES} (
        witness text PRIMARY KEY,
        size bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now())`,
  },
];
