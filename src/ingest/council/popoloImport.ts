// Past sessions from Popolo JSON (`opendimos import FILE --kind council`): one document with the arrays of the
// council's Popolo export (persons, organizations, memberships, events, motions, vote_events; the shapes of
// /api/popolo/*.json), read into a council plan and decided through the council's deciders (councilPlan.ts),
// so the events are those the office records live. All or nothing: any refusal, of the file's shape or of a
// decider (a vote of someone not a member, no quorum, a result the votes do not give), and nothing is written.
// A second import of the same file adds nothing (sessions already held are left as they are).
import type { AgendaItem, BodyClassification, Majority, PostRole, SessionKind, VoteOption } from '../../domain/index.ts';
import { isDomainError } from '../../domain/index.ts';
import type { EventStore } from '../../eventstore/port.ts';
import type { CouncilPlan, PlannedBody, PlannedItem, PlannedSession } from './councilPlan.ts';
import { applyCouncilPlan, decideCouncilPlan, PlanRefusal } from './councilPlan.ts';

export interface CouncilImportIssue {
  /** Where in the document (a JSON path) or in the plan (a session, an item). */
  readonly where: string;
  readonly code: string;
  readonly message_el: string;
  readonly message_en: string;
}

export interface CouncilImportReport {
  readonly accepted: boolean;
  readonly sessions: number;
  /** Sessions already in the store, left as they were. */
  readonly duplicates: number;
  readonly events: number;
  readonly errors: readonly CouncilImportIssue[];
  readonly dryRun: boolean;
}

class Refused extends Error {
  constructor(readonly issue: CouncilImportIssue) {
    super(issue.message_en);
  }
}

const refuse = (where: string, el: string, en: string): never => {
  throw new Refused({ where, code: 'OD_COUNCIL_IMPORT_INVALID', message_el: `${where}: ${el}`, message_en: `${where}: ${en}` });
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const arrayAt = (doc: Json, key: string): Json[] => {
  const value = doc[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) return refuse(key, 'πρέπει να είναι πίνακας', 'must be an array');
  return value.map((entry, i) => (isObject(entry) ? entry : refuse(`${key}[${i}]`, 'πρέπει να είναι αντικείμενο', 'must be an object')));
};

const text = (entry: Json, key: string, where: string): string => {
  const value = entry[key];
  if (typeof value !== 'string' || value.trim() === '') return refuse(`${where}.${key}`, 'λείπει ή δεν είναι κείμενο', 'is missing or not a string');
  return value.trim();
};
const optionalText = (entry: Json, key: string, where: string): string | null => {
  const value = entry[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return refuse(`${where}.${key}`, 'δεν είναι κείμενο', 'is not a string');
  return value.trim() === '' ? null : value.trim();
};
const oneOf = <T extends string>(value: string | null, allowed: readonly T[], where: string, fallback?: T): T => {
  if (value === null && fallback !== undefined) return fallback;
  if (value !== null && (allowed as readonly string[]).includes(value)) return value as T;
  return refuse(where, `θέλει ένα από: ${allowed.join(', ')}`, `takes one of: ${allowed.join(', ')}`);
};

const BODY_CLASSES: readonly BodyClassification[] = ['council', 'committee', 'community'];
const ROLES: readonly PostRole[] = ['chair', 'vice-chair', 'secretary'];
const KINDS: readonly SessionKind[] = ['regular', 'extraordinary', 'special', 'circulation'];
const MAJORITIES: readonly Majority[] = ['simple', 'absolute', 'qualified'];
/** Popolo's options back to the council's; «absent» is no vote at all. */
const OPTIONS: Readonly<Record<string, VoteOption | null>> = { yes: 'for', no: 'against', abstain: 'blank', 'not voting': 'present', absent: null };
const DIAVGEIA_DOC = 'https://diavgeia.gov.gr/doc/';

/** A faction's id as the body knows it: Popolo's qualifies it by its body («body/faction»). */
const localFaction = (bodyId: string, orgId: string): string => (orgId.startsWith(`${bodyId}/`) ? orgId.slice(bodyId.length + 1) : orgId);

/** The document read into a plan, with what to check once decided: each vote event's stated result. */
export const planFromPopolo = (doc: unknown): { readonly plan: CouncilPlan; readonly results: ReadonlyMap<string, { readonly where: string; readonly result: 'pass' | 'fail' }> } => {
  if (!isObject(doc)) return refuse('$', 'το αρχείο πρέπει να είναι αντικείμενο JSON με τους πίνακες του Popolo', "the file must be a JSON object with Popolo's arrays");
  const names = new Map<string, string>();
  arrayAt(doc, 'persons').forEach((p, i) => names.set(text(p, 'id', `persons[${i}]`), text(p, 'name', `persons[${i}]`)));

  const bodies = new Map<string, { body: PlannedBody; factions: PlannedBody['factions'][number][]; members: PlannedBody['members'][number][]; posts: PlannedBody['posts'][number][] }>();
  const organizations = arrayAt(doc, 'organizations');
  organizations.forEach((o, i) => {
    const where = `organizations[${i}]`;
    const classification = text(o, 'classification', where);
    if (classification === 'faction') return;
    const id = text(o, 'id', where);
    const otherNames = Array.isArray(o.other_names) ? o.other_names.filter(isObject) : [];
    const english = otherNames.find((n) => n.note === 'en');
    const factions: PlannedBody['factions'][number][] = [];
    const members: PlannedBody['members'][number][] = [];
    const posts: PlannedBody['posts'][number][] = [];
    const body: PlannedBody = {
      bodyId: id,
      name: text(o, 'name', where),
      nameEn: typeof english?.name === 'string' ? english.name : text(o, 'name', where),
      classification: oneOf(classification, BODY_CLASSES, `${where}.classification`),
      parentId: optionalText(o, 'parent_id', where),
      factions,
      members,
      posts,
    };
    bodies.set(id, { body, factions, members, posts });
  });
  organizations.forEach((o, i) => {
    const where = `organizations[${i}]`;
    if (o.classification !== 'faction') return;
    const parent = bodies.get(text(o, 'parent_id', where)) ?? refuse(`${where}.parent_id`, 'δεν είναι όργανο του αρχείου', 'is not a body of the file');
    parent.factions.push({ factionId: localFaction(parent.body.bodyId, text(o, 'id', where)), name: text(o, 'name', where) });
  });
  arrayAt(doc, 'memberships').forEach((m, i) => {
    const where = `memberships[${i}]`;
    const body = bodies.get(text(m, 'organization_id', where)) ?? refuse(`${where}.organization_id`, 'δεν είναι όργανο του αρχείου', 'is not a body of the file');
    const personId = text(m, 'person_id', where);
    const role = optionalText(m, 'role', where) ?? 'member';
    const startDate = text(m, 'start_date', where);
    const endDate = optionalText(m, 'end_date', where);
    if (role === 'member') {
      const faction = optionalText(m, 'on_behalf_of_id', where);
      const name = names.get(personId) ?? refuse(`${where}.person_id`, 'δεν είναι πρόσωπο του αρχείου (persons)', 'is not a person of the file (persons)');
      body.members.push({ personId, name, factionId: faction === null ? null : localFaction(body.body.bodyId, faction), startDate, endDate });
    } else {
      body.posts.push({ role: oneOf(role, ROLES, `${where}.role`), personId, startDate, endDate });
    }
  });

  const sessions = new Map<string, { session: PlannedSession; items: PlannedItem[]; voters: Set<string> }>();
  arrayAt(doc, 'events').forEach((e, i) => {
    const where = `events[${i}]`;
    const id = text(e, 'id', where);
    const bodyId = text(e, 'organization_id', where);
    const startsAt = text(e, 'start_date', where);
    const items: PlannedItem[] = [];
    const session: PlannedSession = {
      sessionId: id,
      bodyId,
      startsAt,
      place: optionalText(e, 'location', where),
      remote: e.remote === true,
      kind: oneOf(optionalText(e, 'classification', where), KINDS, `${where}.classification`, 'regular'),
      streamUrl: optionalText(e, 'stream_url', where),
      items,
      attendance: [],
      closedAt: optionalText(e, 'end_date', where),
    };
    sessions.set(id, { session, items, voters: new Set() });
  });

  const motions = new Map<string, { item: AgendaItem; sessionId: string; ada: string | null; summary: string | null; where: string }>();
  arrayAt(doc, 'motions').forEach((m, i) => {
    const where = `motions[${i}]`;
    const sessionId = text(m, 'legislative_session_id', where);
    const session = sessions.get(sessionId) ?? refuse(`${where}.legislative_session_id`, 'δεν είναι συνεδρίαση του αρχείου (events)', 'is not a session of the file (events)');
    const creator = isObject(m.creator) && typeof m.creator.name === 'string' ? m.creator.name : null;
    const sources = Array.isArray(m.sources) ? m.sources.filter(isObject) : [];
    const diavgeia = sources.map((s) => s.url).find((url): url is string => typeof url === 'string' && url.startsWith(DIAVGEIA_DOC));
    const item: AgendaItem = { number: session.items.length + 1, title: text(m, 'text', where), rapporteur: creator, majority: oneOf(optionalText(m, 'requirement', where), MAJORITIES, `${where}.requirement`, 'simple') };
    session.items.push({ ...item, votes: [], resolve: false, summary: null, ada: null });
    motions.set(text(m, 'id', where), { item, sessionId, ada: diavgeia === undefined ? null : decodeURIComponent(diavgeia.slice(DIAVGEIA_DOC.length)), summary: optionalText(m, 'summary', where), where });
  });

  const results = new Map<string, { where: string; result: 'pass' | 'fail' }>();
  arrayAt(doc, 'vote_events').forEach((v, i) => {
    const where = `vote_events[${i}]`;
    const motion = motions.get(text(v, 'motion_id', where)) ?? refuse(`${where}.motion_id`, 'δεν είναι θέμα του αρχείου (motions)', 'is not a motion of the file (motions)');
    const session = sessions.get(motion.sessionId)!;
    const votes: PlannedItem['votes'][number][] = [];
    const cast = Array.isArray(v.votes) ? v.votes : refuse(`${where}.votes`, 'λείπει ο πίνακας των ψήφων', 'the array of votes is missing');
    cast.forEach((vote: unknown, j) => {
      const w = `${where}.votes[${j}]`;
      if (!isObject(vote)) return refuse(w, 'πρέπει να είναι αντικείμενο', 'must be an object');
      const personId = text(vote, 'voter_id', w);
      const popolo = text(vote, 'option', w);
      if (!(popolo in OPTIONS)) return refuse(`${w}.option`, `θέλει ένα από: ${Object.keys(OPTIONS).join(', ')}`, `takes one of: ${Object.keys(OPTIONS).join(', ')}`);
      const option = OPTIONS[popolo]!;
      if (option === null) return;
      votes.push({ personId, option });
      session.voters.add(personId);
    });
    const result = optionalText(v, 'result', where);
    const index = session.items.findIndex((item) => item.number === motion.item.number);
    session.items[index] = { ...session.items[index]!, votes, resolve: result !== null, summary: motion.summary, ada: result === null ? null : motion.ada };
    if (result !== null) results.set(`${motion.sessionId}#${motion.item.number}`, { where, result: oneOf(result, ['pass', 'fail'] as const, `${where}.result`) });
  });

  // Who voted was in the room: Popolo keeps no attendance of its own.
  const planned = [...sessions.values()].map(({ session, voters }) => ({ ...session, attendance: [...voters].map((personId) => ({ personId, arrivedAt: session.startsAt, departedAt: null })) }));
  return { plan: { bodies: [...bodies.values()].map((b) => b.body), sessions: planned }, results };
};

const issueOfRefusal = (error: PlanRefusal): CouncilImportIssue => {
  const cause = error.refusal;
  if (isDomainError(cause)) return { where: error.where, code: cause.code, message_el: `${error.where}: ${cause.messageEl}`, message_en: `${error.where}: ${cause.messageEn}` };
  throw cause;
};

/** Imports a Popolo document's sessions; refused whole, with every reason in Greek and English, on the first fault. */
export const importCouncilPopolo = async (store: EventStore, source: string, options: { readonly actor: string; readonly dryRun?: boolean }): Promise<CouncilImportReport> => {
  const dryRun = options.dryRun === true;
  const rejected = (issue: CouncilImportIssue): CouncilImportReport => ({ accepted: false, sessions: 0, duplicates: 0, events: 0, errors: [issue], dryRun });
  let doc: unknown;
  try {
    doc = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    return rejected({ where: '$', code: 'OD_COUNCIL_IMPORT_INVALID', message_el: `Το αρχείο δεν είναι έγκυρο JSON: ${(error as Error).message}`, message_en: `The file is not valid JSON: ${(error as Error).message}` });
  }
  try {
    const { plan, results } = planFromPopolo(doc);
    const decided = await decideCouncilPlan(store, plan);
    // The file's stated results against what its votes give under the body's rules.
    for (const append of decided.appends) {
      for (const event of append.events) {
        if (event.type !== 'ItemResolved') continue;
        const data = event.data as { sessionId: string; item: number; result: 'passed' | 'failed' };
        const stated = results.get(`${data.sessionId}#${data.item}`);
        if (stated !== undefined && stated.result !== (data.result === 'passed' ? 'pass' : 'fail')) {
          return rejected({
            where: stated.where,
            code: 'OD_COUNCIL_IMPORT_RESULT_MISMATCH',
            message_el: `${stated.where}: το αποτέλεσμα «${stated.result}» δεν προκύπτει από τις ψήφους με την πλειοψηφία που θέλει το θέμα`,
            message_en: `${stated.where}: the result "${stated.result}" is not what the votes give under the majority the item needs`,
          });
        }
      }
    }
    if (dryRun) return { accepted: true, sessions: decided.sessionsNew, duplicates: decided.sessionsKnown, events: decided.events, errors: [], dryRun };
    const applied = await applyCouncilPlan(store, plan, options.actor);
    return { accepted: true, sessions: applied.sessionsNew, duplicates: applied.sessionsKnown, events: applied.events, errors: [], dryRun };
  } catch (error) {
    if (error instanceof Refused) return rejected(error.issue);
    if (error instanceof PlanRefusal) return rejected(issueOfRefusal(error));
    throw error;
  }
};
