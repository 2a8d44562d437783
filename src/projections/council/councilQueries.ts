// Queries of the council's public read model: the sessions list, a session with its agenda, current item,
// attendance and votes, a member's page (terms, posts, attendance, every vote), an item's page, the upcoming
// sessions (the site and the iCal feed), and the whole register for Popolo's open data.
import type { BodyClassification, ItemDocument, ItemResult, Majority, PostRole, SessionKind, Tally, VoteOption } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../shared/tables.ts';
import { COUNCIL_ATTENDANCE, COUNCIL_BODIES, COUNCIL_FACTIONS, COUNCIL_ITEMS, COUNCIL_POSTS, COUNCIL_SESSIONS, COUNCIL_TERMS, COUNCIL_VOTES } from './councilProjection.ts';

export interface CouncilBodyView {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly classification: BodyClassification;
  readonly parentId: string | null;
}

export interface FactionView {
  readonly bodyId: string;
  readonly id: string;
  readonly name: string;
}

/** One term of a member in a body (Popolo Membership), with the faction they sat with. */
export interface TermView {
  readonly bodyId: string;
  readonly personId: string;
  readonly name: string;
  readonly factionId: string | null;
  readonly factionName: string | null;
  readonly startDate: string;
  readonly endDate: string | null;
}

/** Who held a body's post (Popolo Post + Membership): πρόεδρος, αντιπρόεδρος, γραμματέας. */
export interface PostView {
  readonly bodyId: string;
  readonly role: PostRole;
  readonly personId: string;
  readonly name: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

/** Convened (πρόσκληση sent), in progress (attendance or an item taken), closed. */
export type SessionStatus = 'convened' | 'in-progress' | 'closed';

export interface SessionSummary {
  readonly id: string;
  readonly bodyId: string;
  readonly bodyName: string;
  readonly bodyNameEn: string;
  /** The start as an instant (UTC, ISO 8601). */
  readonly startsAt: string;
  /** The start as the notice gave it, with its offset (Athens' wall clock: "2026-12-10T18:00+02:00"). */
  readonly startsAtLocal: string;
  readonly place: string | null;
  readonly remote: boolean;
  readonly kind: SessionKind;
  readonly streamUrl: string | null;
  readonly currentItem: number | null;
  readonly closedAt: string | null;
  readonly status: SessionStatus;
  readonly itemCount: number;
  readonly minutes: ItemDocument | null;
}

export interface ItemView {
  readonly sessionId: string;
  readonly number: number;
  readonly title: string;
  readonly rapporteur: string | null;
  readonly majority: Majority;
  /** A κατεπείγον item, with the vote that admitted it. */
  readonly urgent: boolean;
  readonly admissionTally: Tally | null;
  readonly documents: readonly ItemDocument[];
  readonly takenAt: string | null;
  readonly result: ItemResult | null;
  readonly tally: Tally | null;
  /** The result was corrected after a vote was (the decision number stays). */
  readonly resultCorrected: boolean;
  readonly decisionYear: number | null;
  readonly decisionNumber: number | null;
  /** Discussion summary, with the result. */
  readonly summary: string | null;
  /** The decision's ΑΔΑ on Diavgeia, once posted. */
  readonly ada: string | null;
}

export interface VoteView {
  readonly sessionId: string;
  readonly item: number;
  readonly personId: string;
  readonly name: string;
  readonly factionId: string | null;
  readonly factionName: string | null;
  /** The vote as it stands. */
  readonly option: VoteOption;
  /** As first recorded; differs from option when corrected. */
  readonly castOption: VoteOption;
  readonly correctionReason: string | null;
  /** Global position of the event that recorded it (the live feed's order). */
  readonly position: number;
}

export interface AttendanceEntry {
  readonly personId: string;
  readonly name: string;
  readonly kind: 'arrived' | 'departed';
  readonly at: string;
}

export interface SessionDetail {
  readonly session: SessionSummary;
  readonly items: readonly ItemView[];
  readonly currentItem: ItemView | null;
  /** The members in office on the session's day, with faction and whether in the room now (or when it closed). */
  readonly members: readonly (TermView & { readonly present: boolean })[];
  readonly attendance: readonly AttendanceEntry[];
  readonly votes: readonly VoteView[];
}

export interface ItemPage {
  readonly session: SessionSummary;
  readonly item: ItemView;
  readonly votes: readonly VoteView[];
  /** Members in office who cast no vote on it (counted absent). */
  readonly absent: readonly TermView[];
}

export interface MemberAttendance {
  readonly sessionId: string;
  readonly bodyId: string;
  readonly bodyName: string;
  readonly startsAt: string;
  readonly startsAtLocal: string;
  readonly attended: boolean;
}

export interface MemberVote {
  readonly sessionId: string;
  readonly startsAt: string;
  readonly item: number;
  readonly title: string;
  readonly option: VoteOption;
  readonly castOption: VoteOption;
  readonly correctionReason: string | null;
  readonly result: ItemResult | null;
  readonly decisionYear: number | null;
  readonly decisionNumber: number | null;
}

export interface MemberPage {
  readonly personId: string;
  readonly name: string;
  readonly terms: readonly (TermView & { readonly bodyName: string; readonly bodyNameEn: string })[];
  readonly posts: readonly PostView[];
  /** Sessions held (in progress or closed) of the member's bodies within a term, newest first. */
  readonly attendance: readonly MemberAttendance[];
  readonly votes: readonly MemberVote[];
}

export interface SessionFilter {
  readonly bodyId?: string;
  readonly from?: Date;
  readonly to?: Date;
  /** At most this many (default and cap 500). */
  readonly limit?: number;
}

export const MAX_SESSIONS = 500;

const iso = (value: Date | string): string => new Date(value).toISOString().replace('.000Z', 'Z');
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));
const day = (value: Date | string): string => (typeof value === 'string' ? value.slice(0, 10) : iso(value).slice(0, 10));
const dayOrNull = (value: Date | string | null): string | null => (value === null ? null : day(value));
const json = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

interface SessionRow {
  session_id: string;
  body_id: string;
  body_name: string;
  body_name_en: string;
  starts_at: Date | string;
  starts_at_local: string;
  place: string | null;
  remote: boolean;
  kind: SessionKind;
  stream_url: string | null;
  current_item: number | null;
  closed_at: Date | string | null;
  minutes: unknown;
  item_count: number | string;
  attended: boolean;
}

const sessionSelect = (schema: string) => `
SELECT s.session_id, s.body_id, b.name AS body_name, b.name_en AS body_name_en, s.starts_at, s.starts_at_local, s.place, s.remote, s.kind,
       s.stream_url, s.current_item, s.closed_at, s.minutes,
       (SELECT count(*) FROM ${table(schema, COUNCIL_ITEMS)} i WHERE i.session_id = s.session_id) AS item_count,
       EXISTS (SELECT 1 FROM ${table(schema, COUNCIL_ATTENDANCE)} a WHERE a.session_id = s.session_id) AS attended
FROM ${table(schema, COUNCIL_SESSIONS)} s JOIN ${table(schema, COUNCIL_BODIES)} b ON b.body_id = s.body_id`;

const summaryOf = (r: SessionRow): SessionSummary => ({
  id: r.session_id,
  bodyId: r.body_id,
  bodyName: r.body_name,
  bodyNameEn: r.body_name_en,
  startsAt: iso(r.starts_at),
  startsAtLocal: r.starts_at_local,
  place: r.place,
  remote: r.remote,
  kind: r.kind,
  streamUrl: r.stream_url,
  currentItem: r.current_item,
  closedAt: isoOrNull(r.closed_at),
  status: r.closed_at !== null ? 'closed' : r.current_item !== null || r.attended ? 'in-progress' : 'convened',
  itemCount: Number(r.item_count),
  minutes: r.minutes === null ? null : json<ItemDocument>(r.minutes),
});

interface ItemRow {
  session_id: string;
  number: number;
  title: string;
  rapporteur: string | null;
  majority: Majority;
  urgent: boolean;
  admission_tally: unknown;
  documents: unknown;
  taken_at: Date | string | null;
  result: ItemResult | null;
  tally: unknown;
  result_corrected: boolean;
  decision_year: number | null;
  decision_number: number | null;
  summary: string | null;
  ada: string | null;
}

const ITEM_COLUMNS = 'session_id, number, title, rapporteur, majority, urgent, admission_tally, documents, taken_at, result, tally, result_corrected, decision_year, decision_number, summary, ada';

const itemOf = (r: ItemRow): ItemView => ({
  sessionId: r.session_id,
  number: r.number,
  title: r.title,
  rapporteur: r.rapporteur,
  majority: r.majority,
  urgent: r.urgent,
  admissionTally: r.admission_tally === null ? null : json<Tally>(r.admission_tally),
  documents: json<ItemDocument[]>(r.documents),
  takenAt: isoOrNull(r.taken_at),
  result: r.result,
  tally: r.tally === null ? null : json<Tally>(r.tally),
  resultCorrected: r.result_corrected,
  decisionYear: r.decision_year,
  decisionNumber: r.decision_number,
  summary: r.summary,
  ada: r.ada,
});

interface TermRow {
  body_id: string;
  person_id: string;
  name: string;
  faction_id: string | null;
  faction_name: string | null;
  start_date: Date | string;
  end_date: Date | string | null;
}

const termOf = (r: TermRow): TermView => ({
  bodyId: r.body_id,
  personId: r.person_id,
  name: r.name,
  factionId: r.faction_id,
  factionName: r.faction_name,
  startDate: day(r.start_date),
  endDate: dayOrNull(r.end_date),
});

const termSelect = (schema: string) => `
SELECT t.body_id, t.person_id, t.name, t.faction_id, f.name AS faction_name, t.start_date, t.end_date
FROM ${table(schema, COUNCIL_TERMS)} t LEFT JOIN ${table(schema, COUNCIL_FACTIONS)} f ON f.body_id = t.body_id AND f.faction_id = t.faction_id`;

interface VoteRow {
  session_id: string;
  item: number;
  person_id: string;
  name: string | null;
  faction_id: string | null;
  faction_name: string | null;
  option: VoteOption;
  cast_option: VoteOption;
  correction_reason: string | null;
  position: number | string;
}

// A vote's member named from their term in the session's body on its day (the faction they sat with then).
const voteSelect = (schema: string) => `
SELECT v.session_id, v.item, v.person_id, t.name, t.faction_id, f.name AS faction_name, v.option, v.cast_option, v.correction_reason, v.position
FROM ${table(schema, COUNCIL_VOTES)} v
JOIN ${table(schema, COUNCIL_SESSIONS)} s ON s.session_id = v.session_id
LEFT JOIN LATERAL (
  SELECT name, faction_id FROM ${table(schema, COUNCIL_TERMS)} tt
  WHERE tt.body_id = s.body_id AND tt.person_id = v.person_id ORDER BY (tt.start_date <= s.starts_at_local::date AND (tt.end_date IS NULL OR tt.end_date >= s.starts_at_local::date)) DESC, tt.position DESC LIMIT 1
) t ON true
LEFT JOIN ${table(schema, COUNCIL_FACTIONS)} f ON f.body_id = s.body_id AND f.faction_id = t.faction_id`;

const voteOf = (r: VoteRow): VoteView => ({
  sessionId: r.session_id,
  item: r.item,
  personId: r.person_id,
  name: r.name ?? r.person_id,
  factionId: r.faction_id,
  factionName: r.faction_name,
  option: r.option,
  castOption: r.cast_option,
  correctionReason: r.correction_reason,
  position: Number(r.position),
});

// A term covers a session when it began on or before the session's day and had not ended before it.
const IN_OFFICE = `t.start_date <= $2::date AND (t.end_date IS NULL OR t.end_date >= $2::date)`;

export const councilBodies = async (db: SqlExecutor, schema: string): Promise<CouncilBodyView[]> => {
  const rows = await db.query<{ body_id: string; name: string; name_en: string; classification: BodyClassification; parent_id: string | null }>(
    `SELECT body_id, name, name_en, classification, parent_id FROM ${table(schema, COUNCIL_BODIES)} ORDER BY body_id`,
  );
  return rows.map((r) => ({ id: r.body_id, name: r.name, nameEn: r.name_en, classification: r.classification, parentId: r.parent_id }));
};

export const councilFactions = async (db: SqlExecutor, schema: string): Promise<FactionView[]> => {
  const rows = await db.query<{ body_id: string; faction_id: string; name: string }>(`SELECT body_id, faction_id, name FROM ${table(schema, COUNCIL_FACTIONS)} ORDER BY body_id, faction_id`);
  return rows.map((r) => ({ bodyId: r.body_id, id: r.faction_id, name: r.name }));
};

/** Every term of every body, oldest first (Popolo memberships). */
export const councilTerms = async (db: SqlExecutor, schema: string): Promise<TermView[]> =>
  (await db.query<TermRow>(`${termSelect(schema)} ORDER BY t.body_id, t.start_date, t.position`)).map(termOf);

/** The members of a body in office on a day (yyyy-mm-dd), by name. */
export const membersInOfficeOn = async (db: SqlExecutor, schema: string, bodyId: string, onDay: string): Promise<TermView[]> =>
  (await db.query<TermRow>(`${termSelect(schema)} WHERE t.body_id = $1 AND ${IN_OFFICE} ORDER BY t.name, t.position`, [bodyId, onDay])).map(termOf);

/** Every post held, oldest first. */
export const councilPosts = async (db: SqlExecutor, schema: string, personId?: string): Promise<PostView[]> => {
  const rows = await db.query<{ body_id: string; role: PostRole; person_id: string; name: string | null; start_date: Date | string; end_date: Date | string | null }>(
    `SELECT p.body_id, p.role, p.person_id, (SELECT t.name FROM ${table(schema, COUNCIL_TERMS)} t WHERE t.body_id = p.body_id AND t.person_id = p.person_id ORDER BY t.position DESC LIMIT 1) AS name,
            p.start_date, p.end_date
     FROM ${table(schema, COUNCIL_POSTS)} p ${personId === undefined ? '' : 'WHERE p.person_id = $1'} ORDER BY p.body_id, p.start_date, p.position`,
    personId === undefined ? [] : [personId],
  );
  return rows.map((r) => ({ bodyId: r.body_id, role: r.role, personId: r.person_id, name: r.name ?? r.person_id, startDate: day(r.start_date), endDate: dayOrNull(r.end_date) }));
};

/** Sessions by start, oldest first, optionally of one body and between two instants. */
export const listSessions = async (db: SqlExecutor, schema: string, filter: SessionFilter = {}): Promise<SessionSummary[]> => {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.bodyId !== undefined) {
    params.push(filter.bodyId);
    where.push(`s.body_id = $${params.length}`);
  }
  if (filter.from !== undefined) {
    params.push(filter.from.toISOString());
    where.push(`s.starts_at >= $${params.length}`);
  }
  if (filter.to !== undefined) {
    params.push(filter.to.toISOString());
    where.push(`s.starts_at < $${params.length}`);
  }
  const limit = Math.min(Math.max(1, filter.limit ?? MAX_SESSIONS), MAX_SESSIONS);
  const rows = await db.query<SessionRow>(`${sessionSelect(schema)} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.starts_at, s.session_id LIMIT ${limit}`, params);
  return rows.map(summaryOf);
};

/** Sessions not yet closed that start at or after `now` (or are under way), soonest first. */
export const upcomingSessions = async (db: SqlExecutor, schema: string, now: Date, limit = 100): Promise<SessionSummary[]> => {
  const rows = await db.query<SessionRow>(
    `${sessionSelect(schema)} WHERE s.closed_at IS NULL AND (s.starts_at >= $1 OR s.current_item IS NOT NULL) ORDER BY s.starts_at, s.session_id LIMIT ${Math.min(Math.max(1, limit), MAX_SESSIONS)}`,
    [now.toISOString()],
  );
  return rows.map(summaryOf);
};

export const sessionSummary = async (db: SqlExecutor, schema: string, sessionId: string): Promise<SessionSummary | null> => {
  const [row] = await db.query<SessionRow>(`${sessionSelect(schema)} WHERE s.session_id = $1`, [sessionId]);
  return row ? summaryOf(row) : null;
};

export const itemsOf = async (db: SqlExecutor, schema: string, sessionId: string): Promise<ItemView[]> =>
  (await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM ${table(schema, COUNCIL_ITEMS)} WHERE session_id = $1 ORDER BY number`, [sessionId])).map(itemOf);

/** A session's votes (or one item's), in the order they were recorded. */
export const votesOf = async (db: SqlExecutor, schema: string, sessionId: string, item?: number): Promise<VoteView[]> => {
  const rows = await db.query<VoteRow>(
    `${voteSelect(schema)} WHERE v.session_id = $1 ${item === undefined ? '' : 'AND v.item = $2'} ORDER BY v.item, v.position`,
    item === undefined ? [sessionId] : [sessionId, item],
  );
  return rows.map(voteOf);
};

export const attendanceOf = async (db: SqlExecutor, schema: string, sessionId: string): Promise<AttendanceEntry[]> => {
  const rows = await db.query<{ person_id: string; name: string | null; kind: 'arrived' | 'departed'; at: Date | string }>(
    `SELECT a.person_id, (SELECT t.name FROM ${table(schema, COUNCIL_TERMS)} t JOIN ${table(schema, COUNCIL_SESSIONS)} s ON s.body_id = t.body_id
                         WHERE s.session_id = a.session_id AND t.person_id = a.person_id ORDER BY t.position DESC LIMIT 1) AS name, a.kind, a.at
     FROM ${table(schema, COUNCIL_ATTENDANCE)} a WHERE a.session_id = $1 ORDER BY a.position`,
    [sessionId],
  );
  return rows.map((r) => ({ personId: r.person_id, name: r.name ?? r.person_id, kind: r.kind, at: iso(r.at) }));
};

/** A session's page: its notice, agenda, current item, members in office (present or not), attendance and votes. */
export const sessionDetail = async (db: SqlExecutor, schema: string, sessionId: string): Promise<SessionDetail | null> => {
  const session = await sessionSummary(db, schema, sessionId);
  if (session === null) return null;
  const [items, attendance, votes, inOffice] = [
    await itemsOf(db, schema, sessionId),
    await attendanceOf(db, schema, sessionId),
    await votesOf(db, schema, sessionId),
    await membersInOfficeOn(db, schema, session.bodyId, session.startsAtLocal.slice(0, 10)),
  ];
  const present = new Set<string>();
  for (const entry of attendance) {
    if (entry.kind === 'arrived') present.add(entry.personId);
    else present.delete(entry.personId);
  }
  return {
    session,
    items,
    currentItem: items.find((i) => i.number === session.currentItem) ?? null,
    members: inOffice.map((t) => ({ ...t, present: present.has(t.personId) })),
    attendance,
    votes,
  };
};

/** An item's page: its documents, summary, result, decision and ΑΔΑ, each vote, and who did not vote. */
export const itemPage = async (db: SqlExecutor, schema: string, sessionId: string, number: number): Promise<ItemPage | null> => {
  const session = await sessionSummary(db, schema, sessionId);
  if (session === null) return null;
  const [row] = await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM ${table(schema, COUNCIL_ITEMS)} WHERE session_id = $1 AND number = $2`, [sessionId, number]);
  if (row === undefined) return null;
  const votes = await votesOf(db, schema, sessionId, number);
  const voted = new Set(votes.map((v) => v.personId));
  const inOffice = await membersInOfficeOn(db, schema, session.bodyId, session.startsAtLocal.slice(0, 10));
  return { session, item: itemOf(row), votes, absent: votes.length === 0 ? [] : inOffice.filter((t) => !voted.has(t.personId)) };
};

/** A member's page; null for someone who never sat in any body. */
export const memberPage = async (db: SqlExecutor, schema: string, personId: string): Promise<MemberPage | null> => {
  const terms = await db.query<TermRow & { body_name: string; body_name_en: string }>(
    `SELECT t.body_id, t.person_id, t.name, t.faction_id, f.name AS faction_name, t.start_date, t.end_date, b.name AS body_name, b.name_en AS body_name_en
     FROM ${table(schema, COUNCIL_TERMS)} t JOIN ${table(schema, COUNCIL_BODIES)} b ON b.body_id = t.body_id
     LEFT JOIN ${table(schema, COUNCIL_FACTIONS)} f ON f.body_id = t.body_id AND f.faction_id = t.faction_id
     WHERE t.person_id = $1 ORDER BY t.start_date, t.position`,
    [personId],
  );
  if (terms.length === 0) return null;
  const attendance = await db.query<{ session_id: string; body_id: string; body_name: string; starts_at: Date | string; starts_at_local: string; attended: boolean }>(
    `SELECT s.session_id, s.body_id, b.name AS body_name, s.starts_at, s.starts_at_local,
            EXISTS (SELECT 1 FROM ${table(schema, COUNCIL_ATTENDANCE)} a WHERE a.session_id = s.session_id AND a.person_id = $1 AND a.kind = 'arrived') AS attended
     FROM ${table(schema, COUNCIL_SESSIONS)} s JOIN ${table(schema, COUNCIL_BODIES)} b ON b.body_id = s.body_id
     WHERE EXISTS (SELECT 1 FROM ${table(schema, COUNCIL_TERMS)} t WHERE t.body_id = s.body_id AND t.person_id = $1
                   AND t.start_date <= s.starts_at_local::date AND (t.end_date IS NULL OR t.end_date >= s.starts_at_local::date))
       AND (s.closed_at IS NOT NULL OR EXISTS (SELECT 1 FROM ${table(schema, COUNCIL_ATTENDANCE)} a WHERE a.session_id = s.session_id))
     ORDER BY s.starts_at DESC`,
    [personId],
  );
  const votes = await db.query<{
    session_id: string;
    starts_at: Date | string;
    item: number;
    title: string;
    option: VoteOption;
    cast_option: VoteOption;
    correction_reason: string | null;
    result: ItemResult | null;
    decision_year: number | null;
    decision_number: number | null;
  }>(
    `SELECT v.session_id, s.starts_at, v.item, i.title, v.option, v.cast_option, v.correction_reason, i.result, i.decision_year, i.decision_number
     FROM ${table(schema, COUNCIL_VOTES)} v JOIN ${table(schema, COUNCIL_SESSIONS)} s ON s.session_id = v.session_id
     JOIN ${table(schema, COUNCIL_ITEMS)} i ON i.session_id = v.session_id AND i.number = v.item
     WHERE v.person_id = $1 ORDER BY s.starts_at DESC, v.item`,
    [personId],
  );
  return {
    personId,
    name: terms.at(-1)!.name,
    terms: terms.map((r) => ({ ...termOf(r), bodyName: r.body_name, bodyNameEn: r.body_name_en })),
    posts: await councilPosts(db, schema, personId),
    attendance: attendance.map((r) => ({ sessionId: r.session_id, bodyId: r.body_id, bodyName: r.body_name, startsAt: iso(r.starts_at), startsAtLocal: r.starts_at_local, attended: r.attended })),
    votes: votes.map((r) => ({
      sessionId: r.session_id,
      startsAt: iso(r.starts_at),
      item: r.item,
      title: r.title,
      option: r.option,
      castOption: r.cast_option,
      correctionReason: r.correction_reason,
      result: r.result,
      decisionYear: r.decision_year,
      decisionNumber: r.decision_number,
    })),
  };
};

/** Every agenda item of every session, by session start (Popolo motions). */
export const allItems = async (db: SqlExecutor, schema: string): Promise<ItemView[]> =>
  (
    await db.query<ItemRow>(
      `SELECT ${ITEM_COLUMNS.split(', ').map((c) => `i.${c}`).join(', ')} FROM ${table(schema, COUNCIL_ITEMS)} i JOIN ${table(schema, COUNCIL_SESSIONS)} s ON s.session_id = i.session_id
       ORDER BY s.starts_at, i.session_id, i.number`,
    )
  ).map(itemOf);

/** Every vote of every session (Popolo votes), grouped by session and item in recorded order. */
export const allVotes = async (db: SqlExecutor, schema: string): Promise<VoteView[]> =>
  (await db.query<VoteRow>(`${voteSelect(schema)} ORDER BY s.starts_at, v.session_id, v.item, v.position`)).map(voteOf);

/** Votes recorded or corrected after the position `after` up to `upTo` (the change feed), in recorded order. */
export const councilVotesAfter = async (db: SqlExecutor, schema: string, after: number, upTo: number, limit: number): Promise<VoteView[]> =>
  (
    await db.query<VoteRow>(
      `${voteSelect(schema)} WHERE (v.position > $1 AND v.position <= $2) OR (v.corrected_position > $1 AND v.corrected_position <= $2)
       ORDER BY greatest(v.position, coalesce(v.corrected_position, 0)) LIMIT ${Math.max(1, limit)}`,
      [after, upTo],
    )
  ).map(voteOf);

/** A decision of a body known by its ΑΔΑ: what a budget amendment's page links to. */
export interface DecisionByAda {
  readonly ada: string;
  readonly sessionId: string;
  readonly number: number;
  readonly decisionYear: number | null;
  readonly decisionNumber: number | null;
  readonly bodyName: string;
  readonly bodyNameEn: string;
}

/** The decisions with these ΑΔΑ; each ΑΔΑ at most once (the first numbered, should a correction repeat it). */
export const decisionsByAda = async (db: SqlExecutor, schema: string, adas: readonly string[]): Promise<DecisionByAda[]> => {
  if (adas.length === 0) return [];
  const rows = await db.query<{ ada: string; session_id: string; number: number; decision_year: number | null; decision_number: number | null; name: string; name_en: string }>(
    `SELECT DISTINCT ON (i.ada) i.ada, i.session_id, i.number, i.decision_year, i.decision_number, b.name, b.name_en
       FROM ${table(schema, COUNCIL_ITEMS)} i
       JOIN ${table(schema, COUNCIL_SESSIONS)} s ON s.session_id = i.session_id
       JOIN ${table(schema, COUNCIL_BODIES)} b ON b.body_id = s.body_id
      WHERE i.ada = ANY($1::text[])
      ORDER BY i.ada, i.decision_year, i.decision_number, i.session_id, i.number`,
    [adas],
  );
  return rows.map((r) => ({ ada: r.ada, sessionId: r.session_id, number: r.number, decisionYear: r.decision_year, decisionNumber: r.decision_number, bodyName: r.name, bodyNameEn: r.name_en }));
};
