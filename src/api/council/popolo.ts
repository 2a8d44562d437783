// The council as Popolo open data (popoloproject.com, field names as in its JSON schemas): people, organizations
// (the bodies and their factions), memberships (terms, with the faction as on_behalf_of_id, and posts with their
// role), motions (agenda items) and vote events with their counts and votes. The same shapes are read back by
// the import (src/ingest/council), so a municipality's export loads into another installation.
import type { ItemResult, PostRole, VoteOption } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { ItemView, SessionSummary } from '../../projections/council/index.ts';
import { allItems, allVotes, councilBodies, councilFactions, councilPosts, councilTerms, listSessions } from '../../projections/council/index.ts';
import type { components } from '../openapi.d.ts';

export type PopoloPerson = components['schemas']['PopoloPerson'];
export type PopoloOrganization = components['schemas']['PopoloOrganization'];
export type PopoloMembership = components['schemas']['PopoloMembership'];
export type PopoloMotion = components['schemas']['PopoloMotion'];
export type PopoloVoteEvent = components['schemas']['PopoloVoteEvent'];
export type PopoloEvent = components['schemas']['PopoloEvent'];

/** Popolo's recommended options; «παρών» (present, not voting) and «λευκό» (blank) mapped to its nearest. */
export type PopoloOption = PopoloVoteEvent['votes'][number]['option'];
export type PopoloResult = 'pass' | 'fail';
export const POPOLO_OPTION: Readonly<Record<VoteOption | 'absent', PopoloOption>> = { for: 'yes', against: 'no', blank: 'abstain', present: 'not voting', absent: 'absent' };
export const POPOLO_RESULT: Readonly<Record<ItemResult, PopoloResult>> = { passed: 'pass', failed: 'fail' };
export const POST_LABEL: Readonly<Record<PostRole, string>> = { chair: 'Πρόεδρος', 'vice-chair': 'Αντιπρόεδρος', secretary: 'Γραμματέας' };

/** A faction's id is unique within its body only: in Popolo it is qualified by the body's. */
export const factionOrgId = (bodyId: string, factionId: string): string => `${bodyId}/${factionId}`;
export const motionId = (sessionId: string, item: number): string => `${sessionId}/${item}`;
export const voteEventId = (sessionId: string, item: number): string => `${sessionId}/${item}/vote`;
export const DIAVGEIA_DOC = 'https://diavgeia.gov.gr/doc/';

export const popoloPeople = async (db: SqlExecutor, schema: string): Promise<PopoloPerson[]> => {
  const byId = new Map<string, string>();
  for (const term of await councilTerms(db, schema)) byId.set(term.personId, term.name);
  return [...byId].sort(([a], [b]) => a.localeCompare(b)).map(([id, name]) => ({ id, name }));
};

export const popoloOrganizations = async (db: SqlExecutor, schema: string): Promise<PopoloOrganization[]> => {
  const bodies: PopoloOrganization[] = (await councilBodies(db, schema)).map((b) => ({
    id: b.id,
    name: b.name,
    other_names: [{ name: b.nameEn, note: 'en' }],
    classification: b.classification,
    parent_id: b.parentId,
  }));
  const factions: PopoloOrganization[] = (await councilFactions(db, schema)).map((f) => ({ id: factionOrgId(f.bodyId, f.id), name: f.name, other_names: [], classification: 'faction', parent_id: f.bodyId }));
  return [...bodies, ...factions];
};

export const popoloMemberships = async (db: SqlExecutor, schema: string): Promise<PopoloMembership[]> => {
  const terms: PopoloMembership[] = (await councilTerms(db, schema)).map((t) => ({
    id: `${t.bodyId}/${t.personId}/${t.startDate}`,
    person_id: t.personId,
    organization_id: t.bodyId,
    on_behalf_of_id: t.factionId === null ? null : factionOrgId(t.bodyId, t.factionId),
    role: 'member',
    label: 'Μέλος',
    start_date: t.startDate,
    end_date: t.endDate,
  }));
  const posts: PopoloMembership[] = (await councilPosts(db, schema)).map((p) => ({
    id: `${p.bodyId}/${p.role}/${p.personId}/${p.startDate}`,
    person_id: p.personId,
    organization_id: p.bodyId,
    on_behalf_of_id: null,
    post_id: `${p.bodyId}/${p.role}`,
    role: p.role,
    label: POST_LABEL[p.role],
    start_date: p.startDate,
    end_date: p.endDate,
  }));
  return [...terms, ...posts];
};

/** The sessions as Popolo events (legislative sessions), which motions and vote events name. */
export const popoloEvents = async (db: SqlExecutor, schema: string): Promise<PopoloEvent[]> =>
  (await listSessions(db, schema)).map((s: SessionSummary) => ({
    id: s.id,
    name: `${s.bodyName}, ${s.startsAtLocal.slice(0, 10)}`,
    classification: s.kind,
    organization_id: s.bodyId,
    start_date: s.startsAtLocal,
    end_date: s.closedAt,
    location: s.place,
    remote: s.remote,
    stream_url: s.streamUrl,
  }));

const sessionsById = async (db: SqlExecutor, schema: string): Promise<Map<string, SessionSummary>> => new Map((await listSessions(db, schema)).map((s) => [s.id, s]));

const motionOf = (item: ItemView, session: SessionSummary): PopoloMotion => ({
  id: motionId(item.sessionId, item.number),
  organization_id: session.bodyId,
  legislative_session_id: item.sessionId,
  text: item.title,
  classification: item.urgent ? 'urgent' : 'agenda-item',
  date: session.startsAtLocal,
  requirement: item.majority,
  result: item.result === null ? null : POPOLO_RESULT[item.result],
  summary: item.summary,
  creator: item.rapporteur === null ? null : { name: item.rapporteur },
  sources: item.ada === null ? [] : [{ url: `${DIAVGEIA_DOC}${item.ada}`, note: `ΑΔΑ ${item.ada}` }],
});

export const popoloMotions = async (db: SqlExecutor, schema: string): Promise<PopoloMotion[]> => {
  const sessions = await sessionsById(db, schema);
  return (await allItems(db, schema)).map((item) => motionOf(item, sessions.get(item.sessionId)!));
};

/** One vote event per item decided or being voted on: its counts (absent included) and each member's vote. */
export const popoloVoteEvents = async (db: SqlExecutor, schema: string): Promise<PopoloVoteEvent[]> => {
  const sessions = await sessionsById(db, schema);
  const votes = new Map<string, PopoloVoteEvent['votes']>();
  for (const v of await allVotes(db, schema)) {
    const key = motionId(v.sessionId, v.item);
    const list = votes.get(key) ?? [];
    const session = sessions.get(v.sessionId)!;
    list.push({ voter_id: v.personId, option: POPOLO_OPTION[v.option], group_id: v.factionId === null ? null : factionOrgId(session.bodyId, v.factionId) });
    votes.set(key, list);
  }
  const events: PopoloVoteEvent[] = [];
  for (const item of await allItems(db, schema)) {
    const key = motionId(item.sessionId, item.number);
    const cast = votes.get(key) ?? [];
    if (item.tally === null && cast.length === 0) continue;
    const session = sessions.get(item.sessionId)!;
    const counted = item.tally ?? {
      for: cast.filter((v) => v.option === 'yes').length,
      against: cast.filter((v) => v.option === 'no').length,
      blank: cast.filter((v) => v.option === 'abstain').length,
      present: cast.filter((v) => v.option === 'not voting').length,
      absent: 0,
    };
    events.push({
      id: voteEventId(item.sessionId, item.number),
      organization_id: session.bodyId,
      legislative_session_id: item.sessionId,
      motion_id: key,
      identifier: item.decisionNumber === null ? null : `${item.decisionNumber}/${item.decisionYear}`,
      start_date: item.takenAt ?? session.startsAtLocal,
      result: item.result === null ? null : POPOLO_RESULT[item.result],
      counts: (['for', 'against', 'blank', 'present', 'absent'] as const).map((option) => ({ option: POPOLO_OPTION[option], value: counted[option] })),
      votes: cast,
    });
  }
  return events;
};
