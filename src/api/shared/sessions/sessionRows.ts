// The session rows: made at login, read on every request, touched at most once a minute, deleted at logout,
// expiry and erasure. Only the SHA-256 of the id is ever stored or looked up.
import { createHash, randomBytes } from 'node:crypto';
import type { SqlExecutor } from '../../../eventstore/sql/client.ts';

export type SessionKind = 'citizen' | 'staff';

export interface Session {
  readonly id: string;
  readonly kind: SessionKind;
  readonly subjectId: string;
  /** What the header shows: the person's or company's name, the staff member's name. */
  readonly label: string;
  readonly csrfToken: string;
  readonly createdAt: Date;
  /** Who acts for the subject in this session (a company's representative), or null: the subject itself. */
  readonly actingBy: ActingBy | null;
}

/** A person acting for the session's subject under a representation. */
export interface ActingBy {
  /** The person's own subject: the actor of everything the session does. */
  readonly subjectId: string;
  readonly representationId: string;
}

export interface SessionSubject {
  readonly kind: SessionKind;
  readonly subjectId: string;
}

export interface SessionStart extends SessionSubject {
  /** The name the header shows; empty when the caller has none to show. */
  readonly label?: string;
  /** Someone acting for the subject, and when the session must end with their grant (null: it holds until revoked). */
  readonly actingBy?: ActingBy & { readonly endsAt: Date | null };
}

export interface SessionLimits {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/** Last-seen is written at most this often: a busy page does not write on every request. */
export const TOUCH_EVERY_MS = 60_000;

/** 32 random bytes, base64url: the session id, a CSRF token, a pre-session nonce. */
export const randomToken = (): string => randomBytes(32).toString('base64url');
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
export const hashOf = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');

interface Row {
  readonly kind: SessionKind;
  readonly subject_id: string;
  readonly label: string;
  readonly csrf_token: string;
  readonly created_at: Date | string;
  readonly last_seen_at: Date | string;
  readonly actor_subject_id: string | null;
  readonly representation_id: string | null;
  readonly ends_at: Date | string | null;
}

export const insertSession = async (db: SqlExecutor, sessions: string, subject: SessionStart, at: Date, limits: SessionLimits): Promise<Session> => {
  // Expired rows of anyone go here, at login, rather than on a timer every node would run.
  await db.query(`DELETE FROM ${sessions} WHERE last_seen_at < $1 OR created_at < $2`, [new Date(at.getTime() - limits.idleMs), new Date(at.getTime() - limits.absoluteMs)]);
  const acting = subject.actingBy ?? null;
  const session: Session = {
    id: randomToken(),
    kind: subject.kind,
    subjectId: subject.subjectId,
    label: subject.label ?? '',
    csrfToken: randomToken(),
    createdAt: at,
    actingBy: acting && { subjectId: acting.subjectId, representationId: acting.representationId },
  };
  await db.query(
    `INSERT INTO ${sessions} (id_hash, kind, subject_id, label, csrf_token, created_at, last_seen_at, actor_subject_id, representation_id, ends_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9)`,
    [hashOf(session.id), session.kind, session.subjectId, session.label, session.csrfToken, at, acting?.subjectId ?? null, acting?.representationId ?? null, acting?.endsAt ?? null],
  );
  return session;
};

/** The live session of an id, or null (unknown, idle too long, too old, past its grant's end: the last three are deleted). */
export const loadSession = async (db: SqlExecutor, sessions: string, id: string, at: Date, limits: SessionLimits): Promise<Session | null> => {
  if (!TOKEN_SHAPE.test(id)) return null;
  const idHash = hashOf(id);
  const [row] = await db.query<Row>(`SELECT kind, subject_id, label, csrf_token, created_at, last_seen_at, actor_subject_id, representation_id, ends_at FROM ${sessions} WHERE id_hash = $1`, [idHash]);
  if (!row) return null;
  const created = new Date(row.created_at);
  const seen = new Date(row.last_seen_at).getTime();
  const ended = row.ends_at !== null && at.getTime() >= new Date(row.ends_at).getTime();
  if (at.getTime() - seen > limits.idleMs || at.getTime() - created.getTime() > limits.absoluteMs || ended) {
    await deleteSession(db, sessions, id);
    return null;
  }
  if (at.getTime() - seen >= TOUCH_EVERY_MS) await db.query(`UPDATE ${sessions} SET last_seen_at = $2 WHERE id_hash = $1`, [idHash, at]);
  const actingBy = row.actor_subject_id !== null && row.representation_id !== null ? { subjectId: row.actor_subject_id, representationId: row.representation_id } : null;
  return { id, kind: row.kind, subjectId: row.subject_id, label: row.label, csrfToken: row.csrf_token, createdAt: created, actingBy };
};

export const deleteSession = async (db: SqlExecutor, sessions: string, id: string): Promise<void> => {
  await db.query(`DELETE FROM ${sessions} WHERE id_hash = $1`, [hashOf(id)]);
};
