// The council's public read model (Popolo's model): bodies and their factions, members' terms and posts,
// sessions with their agenda, attendance, votes, results, decision numbers and ΑΔΑ. Kept from the public
// `council-body-<id>` and `council-session-<id>` streams; a correction is one more event applied on top,
// so a corrected vote keeps what it first was and why it changed. Rebuildable from the log like any other.
import type { CouncilEvent, Tally } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Projection, Tables } from '../shared/projection.ts';

export const COUNCIL_PROJECTION = 'council';
export const COUNCIL_BODIES = 'od_council_bodies';
export const COUNCIL_FACTIONS = 'od_council_factions';
export const COUNCIL_TERMS = 'od_council_terms';
export const COUNCIL_POSTS = 'od_council_posts';
export const COUNCIL_SESSIONS = 'od_council_sessions';
export const COUNCIL_ITEMS = 'od_council_items';
export const COUNCIL_ATTENDANCE = 'od_council_attendance';
export const COUNCIL_VOTES = 'od_council_votes';

const COUNCIL_TYPES: ReadonlySet<string> = new Set<CouncilEvent['type']>([
  'BodyEstablished',
  'FactionFormed',
  'MemberJoined',
  'MemberLeft',
  'PostAssigned',
  'PostVacated',
  'DecisionNumbered',
  'SessionConvened',
  'ItemDocumentAttached',
  'UrgentItemAdmitted',
  'MemberArrived',
  'MemberDeparted',
  'ItemTaken',
  'VoteCast',
  'VoteCorrected',
  'ItemResolved',
  'ResultCorrected',
  'DecisionPosted',
  'SessionClosed',
  'MinutesPublished',
]);

const tallyJson = (tally: Tally): string => JSON.stringify({ for: tally.for, against: tally.against, blank: tally.blank, present: tally.present, absent: tally.absent });

const applyOne = async (tx: SqlExecutor, t: Tables, event: CouncilEvent, position: number): Promise<void> => {
  switch (event.type) {
    case 'BodyEstablished': {
      const d = event.data;
      await tx.query(`INSERT INTO ${t[COUNCIL_BODIES]} (body_id, name, name_en, classification, parent_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
        d.bodyId,
        d.name,
        d.nameEn,
        d.classification,
        d.parentId,
      ]);
      return;
    }
    case 'FactionFormed': {
      const d = event.data;
      await tx.query(`INSERT INTO ${t[COUNCIL_FACTIONS]} (body_id, faction_id, name) VALUES ($1, $2, $3) ON CONFLICT (body_id, faction_id) DO UPDATE SET name = $3`, [d.bodyId, d.factionId, d.name]);
      return;
    }
    case 'MemberJoined': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${t[COUNCIL_TERMS]} (body_id, person_id, position, name, faction_id, start_date) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [d.bodyId, d.personId, position, d.name, d.factionId, d.startDate],
      );
      return;
    }
    case 'MemberLeft': {
      const d = event.data;
      await tx.query(`UPDATE ${t[COUNCIL_TERMS]} SET end_date = $3 WHERE body_id = $1 AND person_id = $2 AND end_date IS NULL`, [d.bodyId, d.personId, d.endDate]);
      // A member who leaves hands over every post they held (the decider's rule, kept here too).
      await tx.query(`UPDATE ${t[COUNCIL_POSTS]} SET end_date = $3 WHERE body_id = $1 AND person_id = $2 AND end_date IS NULL`, [d.bodyId, d.personId, d.endDate]);
      return;
    }
    case 'PostAssigned': {
      const d = event.data;
      await tx.query(`UPDATE ${t[COUNCIL_POSTS]} SET end_date = $3 WHERE body_id = $1 AND role = $2 AND end_date IS NULL`, [d.bodyId, d.role, d.startDate]);
      await tx.query(`INSERT INTO ${t[COUNCIL_POSTS]} (body_id, role, position, person_id, start_date) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
        d.bodyId,
        d.role,
        position,
        d.personId,
        d.startDate,
      ]);
      return;
    }
    case 'PostVacated': {
      const d = event.data;
      await tx.query(`UPDATE ${t[COUNCIL_POSTS]} SET end_date = $3 WHERE body_id = $1 AND role = $2 AND end_date IS NULL`, [d.bodyId, d.role, d.endDate]);
      return;
    }
    case 'DecisionNumbered':
      // The number is on the item's result (ItemResolved carries it too); the body's stream only keeps it unique.
      return;
    case 'SessionConvened': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${t[COUNCIL_SESSIONS]} (session_id, body_id, starts_at, starts_at_local, place, remote, kind, stream_url, convened_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [d.sessionId, d.bodyId, d.startsAt, d.startsAt, d.place, d.remote, d.kind, d.streamUrl, position],
      );
      for (const item of d.items) {
        await tx.query(
          `INSERT INTO ${t[COUNCIL_ITEMS]} (session_id, number, title, rapporteur, majority, urgent) VALUES ($1, $2, $3, $4, $5, false) ON CONFLICT DO NOTHING`,
          [d.sessionId, item.number, item.title, item.rapporteur, item.majority],
        );
      }
      return;
    }
    case 'ItemDocumentAttached': {
      const d = event.data;
      await tx.query(`UPDATE ${t[COUNCIL_ITEMS]} SET documents = documents || $3::jsonb WHERE session_id = $1 AND number = $2`, [d.sessionId, d.item, JSON.stringify([d.document])]);
      return;
    }
    case 'UrgentItemAdmitted': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${t[COUNCIL_ITEMS]} (session_id, number, title, rapporteur, majority, urgent, admission_tally) VALUES ($1, $2, $3, $4, $5, true, $6::jsonb) ON CONFLICT DO NOTHING`,
        [d.sessionId, d.item.number, d.item.title, d.item.rapporteur, d.item.majority, tallyJson(d.tally)],
      );
      return;
    }
    case 'MemberArrived':
    case 'MemberDeparted': {
      const d = event.data;
      await tx.query(`INSERT INTO ${t[COUNCIL_ATTENDANCE]} (session_id, position, person_id, kind, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
        d.sessionId,
        position,
        d.personId,
        event.type === 'MemberArrived' ? 'arrived' : 'departed',
        d.at,
      ]);
      return;
    }
    case 'ItemTaken': {
      const d = event.data;
      await tx.query(`UPDATE ${t[COUNCIL_SESSIONS]} SET current_item = $2 WHERE session_id = $1`, [d.sessionId, d.item]);
      await tx.query(`UPDATE ${t[COUNCIL_ITEMS]} SET taken_at = COALESCE(taken_at, $3::timestamptz) WHERE session_id = $1 AND number = $2`, [d.sessionId, d.item, d.at]);
      return;
    }
    case 'VoteCast': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${t[COUNCIL_VOTES]} (session_id, item, person_id, option, cast_option, position) VALUES ($1, $2, $3, $4, $4, $5) ON CONFLICT DO NOTHING`,
        [d.sessionId, d.item, d.personId, d.option, position],
      );
      return;
    }
    case 'VoteCorrected': {
      const d = event.data;
      await tx.query(`UPDATE ${t[COUNCIL_VOTES]} SET option = $4, correction_reason = $5, corrected_position = $6 WHERE session_id = $1 AND item = $2 AND person_id = $3`, [
        d.sessionId,
        d.item,
        d.personId,
        d.option,
        d.reason,
        position,
      ]);
      return;
    }
    case 'ItemResolved': {
      const d = event.data;
      await tx.query(
        `UPDATE ${t[COUNCIL_ITEMS]} SET result = $3, tally = $4::jsonb, decision_year = $5, decision_number = $6, summary = $7, resolved_position = $8 WHERE session_id = $1 AND number = $2`,
        [d.sessionId, d.item, d.result, tallyJson(d.tally), d.decisionYear, d.decisionNumber, d.summary, position],
      );
      return;
    }
    case 'ResultCorrected': {
      const d = event.data;
      await tx.query(`UPDATE ${t[COUNCIL_ITEMS]} SET result = $3, tally = $4::jsonb, result_corrected = true WHERE session_id = $1 AND number = $2`, [
        d.sessionId,
        d.item,
        d.result,
        tallyJson(d.tally),
      ]);
      return;
    }
    case 'DecisionPosted': {
      const d = event.data;
      await tx.query(`UPDATE ${t[COUNCIL_ITEMS]} SET ada = $3 WHERE session_id = $1 AND number = $2`, [d.sessionId, d.item, d.ada]);
      return;
    }
    case 'SessionClosed': {
      const d = event.data;
      await tx.query(`UPDATE ${t[COUNCIL_SESSIONS]} SET closed_at = $2, current_item = NULL WHERE session_id = $1`, [d.sessionId, d.at]);
      return;
    }
    case 'MinutesPublished': {
      const d = event.data;
      await tx.query(`UPDATE ${t[COUNCIL_SESSIONS]} SET minutes = $2::jsonb WHERE session_id = $1`, [d.sessionId, JSON.stringify(d.document)]);
      return;
    }
    default: {
      const _exhaustive: never = event;
      throw new Error(`Unknown council event ${JSON.stringify(_exhaustive)}`);
    }
  }
};

export const councilProjection: Projection = {
  name: COUNCIL_PROJECTION,
  version: 1,
  tables: [COUNCIL_BODIES, COUNCIL_FACTIONS, COUNCIL_TERMS, COUNCIL_POSTS, COUNCIL_SESSIONS, COUNCIL_ITEMS, COUNCIL_ATTENDANCE, COUNCIL_VOTES],
  create: (t: Tables) => `
CREATE TABLE ${t[COUNCIL_BODIES]} (
  body_id text PRIMARY KEY,
  name text NOT NULL,
  name_en text NOT NULL,
  classification text NOT NULL,
  parent_id text
);
CREATE TABLE ${t[COUNCIL_FACTIONS]} (
  body_id text NOT NULL,
  faction_id text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (body_id, faction_id)
);
-- One row per term: a member who returns has a second one (its key is the event that began it).
CREATE TABLE ${t[COUNCIL_TERMS]} (
  body_id text NOT NULL,
  person_id text NOT NULL,
  position bigint NOT NULL,
  name text NOT NULL,
  faction_id text,
  start_date date NOT NULL,
  end_date date,
  PRIMARY KEY (body_id, person_id, position)
);
CREATE TABLE ${t[COUNCIL_POSTS]} (
  body_id text NOT NULL,
  role text NOT NULL,
  position bigint NOT NULL,
  person_id text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  PRIMARY KEY (body_id, role, position)
);
-- starts_at for ordering; starts_at_local as the notice gave it, with its offset (Athens' wall clock).
CREATE TABLE ${t[COUNCIL_SESSIONS]} (
  session_id text PRIMARY KEY,
  body_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  starts_at_local text NOT NULL,
  place text,
  remote boolean NOT NULL,
  kind text NOT NULL,
  stream_url text,
  current_item int,
  closed_at timestamptz,
  minutes jsonb,
  convened_position bigint NOT NULL
);
CREATE TABLE ${t[COUNCIL_ITEMS]} (
  session_id text NOT NULL,
  number int NOT NULL,
  title text NOT NULL,
  rapporteur text,
  majority text NOT NULL,
  urgent boolean NOT NULL,
  admission_tally jsonb,
  documents jsonb NOT NULL DEFAULT '[]'::jsonb,
  taken_at timestamptz,
  result text,
  tally jsonb,
  result_corrected boolean NOT NULL DEFAULT false,
  decision_year int,
  decision_number int,
  summary text,
  ada text,
  resolved_position bigint,
  PRIMARY KEY (session_id, number)
);
CREATE TABLE ${t[COUNCIL_ATTENDANCE]} (
  session_id text NOT NULL,
  position bigint NOT NULL,
  person_id text NOT NULL,
  kind text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (session_id, position)
);
-- The vote as it stands (option), as first cast (cast_option), and why it was corrected, if it was.
CREATE TABLE ${t[COUNCIL_VOTES]} (
  session_id text NOT NULL,
  item int NOT NULL,
  person_id text NOT NULL,
  option text NOT NULL,
  cast_option text NOT NULL,
  correction_reason text,
  corrected_position bigint,
  position bigint NOT NULL,
  PRIMARY KEY (session_id, item, person_id)
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[COUNCIL_TERMS]} (person_id);
CREATE INDEX ON ${t[COUNCIL_SESSIONS]} (starts_at);
CREATE INDEX ON ${t[COUNCIL_SESSIONS]} (body_id, starts_at);
CREATE INDEX ON ${t[COUNCIL_ATTENDANCE]} (person_id);
CREATE INDEX ON ${t[COUNCIL_VOTES]} (person_id);`,
  async apply(tx, t, events) {
    for (const recorded of events) {
      if (!COUNCIL_TYPES.has(recorded.type)) continue;
      await applyOne(tx, t, { type: recorded.type, data: recorded.data } as CouncilEvent, Number(recorded.position));
    }
  },
};
