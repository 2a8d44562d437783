// Sessions (συνεδρίες) as rows in the database, so that every web node shares them. A row holds the SHA-256
// of the session id, never the id: a copy of the database opens no session. `label` is the name the header
// shows; the row goes at logout, expiry and erasure. The one-row secret signs the login forms' pre-session
// tokens (csrf.ts); it lives here, not in a node's memory, so that a form served by one node is accepted by
// another. A session in which someone acts for its subject (a company's legal representative) names them
// (`actor_subject_id`) and the grant (`representation_id`), so that revoking it ends the session on every
// node, and ends when the grant does (`ends_at`).
import type { Migration } from '../../../eventstore/sql/migrate.ts';

export const SESSIONS = 'od_sessions';
export const SESSION_SECRET = 'od_session_secret';

export const sessionMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions, by hash of their id; the pre-session signing secret',
    sql: (q) => `CREATE TABLE ${q}.${SESSIONS} (
        id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
        kind text NOT NULL CHECK (kind IN ('citizen', 'staff')),
        subject_id text NOT NULL,
        label text NOT NULL,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL);
      CREATE INDEX ON ${q}.${SESSIONS} (kind, subject_id);
      CREATE INDEX ON ${q}.${SESSIONS} (last_seen_at);
      CREATE TABLE ${q}.${SESSION_SECRET} (
        id int PRIMARY KEY CHECK (id = 1),
        secret text NOT NULL CHECK (secret ~ '^[0-9a-f]{64}$'))`,
  },
  {
    version: 2,
    name: 'sessions acting for another subject: the actor, the representation, its end',
    sql: (q) => `ALTER TABLE ${q}.${SESSIONS}
        ADD COLUMN actor_subject_id text,
        ADD COLUMN representation_id text,
        ADD COLUMN ends_at timestamptz,
        ADD CONSTRAINT od_sessions_acting CHECK ((actor_subject_id IS NULL) = (representation_id IS NULL));
      CREATE INDEX ON ${q}.${SESSIONS} (representation_id) WHERE representation_id IS NOT NULL`,
  },
];
