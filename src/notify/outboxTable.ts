// The outbox (εξερχόμενα): one row per message to deliver, made before any send, and the delivery log,
// one row per attempt. These are migrated tables, not a projection's read model: a rebuild swaps read
// models for fresh ones, and that must never forget what was already sent.
import type { Migration } from '../eventstore/sql/migrate.ts';
import { table } from '../projections/shared/tables.ts';

export const OUTBOX = 'od_notify_outbox';
export const ATTEMPTS = 'od_notify_attempts';

export const outboxTable = (schema: string): string => table(schema, OUTBOX);
export const attemptsTable = (schema: string): string => table(schema, ATTEMPTS);

/** NOTIFY channel that wakes the dispatchers of every process when messages are enqueued. */
export const outboxChannel = (schema: string): string => `od_notify_${schema}`;

export const notifyMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'notification outbox and delivery log',
    sql: (q) => `CREATE TABLE ${q}.${OUTBOX} (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key text NOT NULL UNIQUE,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        subject_id text,
        recipient text NOT NULL,
        content jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        leased_by text,
        last_error text,
        created_at timestamptz NOT NULL,
        finished_at timestamptz);
      CREATE INDEX ON ${q}.${OUTBOX} (next_attempt_at, id) WHERE status = 'pending';
      CREATE INDEX ON ${q}.${OUTBOX} (subject_id) WHERE subject_id IS NOT NULL;
      CREATE INDEX ON ${q}.${OUTBOX} (finished_at) WHERE status = 'failed';
      CREATE TABLE ${q}.${ATTEMPTS} (
        message bigint NOT NULL REFERENCES ${q}.${OUTBOX} (id) ON DELETE CASCADE,
        attempt int NOT NULL,
        at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed')),
        detail text NOT NULL,
        PRIMARY KEY (message, attempt));`,
  },
];
