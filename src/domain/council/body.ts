// A body's life (όργανο: the council, the municipal committee, a local community): its factions, its members'
// terms, who holds its posts, and its decision numbers, which run per year from 1 without a gap.
import type { BodyClassification, BodyEvent, PostRole } from './events.ts';
import { councilErrors } from './errors.ts';
import { checkDay, requireText } from './fields.ts';

export interface Term {
  readonly personId: string;
  readonly name: string;
  readonly factionId: string | null;
  readonly startDate: string;
  readonly endDate: string | null;
}

export interface Body {
  readonly bodyId: string | null;
  readonly name: string;
  readonly classification: BodyClassification | null;
  readonly factions: ReadonlyMap<string, string>;
  /** Every term, in the order they began; a member who returns has a second one. */
  readonly terms: readonly Term[];
  readonly posts: ReadonlyMap<PostRole, { readonly personId: string; readonly startDate: string }>;
  /** The last decision number given, per year. */
  readonly lastDecision: ReadonlyMap<number, number>;
}

export const initialBody = (): Body => ({ bodyId: null, name: '', classification: null, factions: new Map(), terms: [], posts: new Map(), lastDecision: new Map() });

/** The members in office on a day (yyyy-mm-dd): their term began on or before it and had not ended before it. */
export const membersInOffice = (body: Body, day: string): readonly Term[] => body.terms.filter((t) => t.startDate <= day && (t.endDate === null || t.endDate >= day));

export const isInOffice = (body: Body, personId: string, day: string): boolean => membersInOffice(body, day).some((t) => t.personId === personId);

/** Who any of the body's members ever was, by id. */
export const memberNamed = (body: Body, personId: string): Term | undefined => body.terms.find((t) => t.personId === personId);

export const nextDecisionNumber = (body: Body, year: number): number => (body.lastDecision.get(year) ?? 0) + 1;

const established = (body: Body): string => {
  if (body.bodyId === null) throw councilErrors.OD_COUNCIL_BODY_UNKNOWN({ bodyId: '' });
  return body.bodyId;
};

export interface EstablishBody {
  readonly bodyId: string;
  readonly name: string;
  readonly nameEn: string;
  readonly classification: BodyClassification;
  readonly parentId: string | null;
}

export const establishBody = (body: Body, input: EstablishBody): BodyEvent[] => {
  if (body.bodyId !== null) throw councilErrors.OD_COUNCIL_BODY_EXISTS({ bodyId: input.bodyId });
  return [
    {
      type: 'BodyEstablished',
      data: {
        bodyId: requireText(input.bodyId, 'bodyId'),
        name: requireText(input.name, 'name'),
        nameEn: requireText(input.nameEn, 'nameEn'),
        classification: input.classification,
        parentId: input.parentId,
      },
    },
  ];
};

export const formFaction = (body: Body, input: { readonly factionId: string; readonly name: string }): BodyEvent[] => {
  const bodyId = established(body);
  if (body.factions.get(input.factionId) === input.name) return [];
  return [{ type: 'FactionFormed', data: { bodyId, factionId: requireText(input.factionId, 'factionId'), name: requireText(input.name, 'name') } }];
};

export interface JoinMember {
  readonly personId: string;
  readonly name: string;
  readonly factionId: string | null;
  readonly startDate: string;
}

export const joinMember = (body: Body, input: JoinMember): BodyEvent[] => {
  const bodyId = established(body);
  const personId = requireText(input.personId, 'personId');
  checkDay(input.startDate);
  if (input.factionId !== null && !body.factions.has(input.factionId)) throw councilErrors.OD_COUNCIL_FACTION_UNKNOWN({ factionId: input.factionId });
  if (body.terms.some((t) => t.personId === personId && t.endDate === null)) throw councilErrors.OD_COUNCIL_ALREADY_MEMBER({ personId });
  return [{ type: 'MemberJoined', data: { bodyId, personId, name: requireText(input.name, 'name'), factionId: input.factionId, startDate: input.startDate } }];
};

export const leaveMember = (body: Body, input: { readonly personId: string; readonly endDate: string }): BodyEvent[] => {
  const bodyId = established(body);
  checkDay(input.endDate);
  const term = body.terms.find((t) => t.personId === input.personId && t.endDate === null);
  if (term === undefined) throw councilErrors.OD_COUNCIL_NOT_MEMBER({ personId: input.personId });
  if (input.endDate < term.startDate) throw councilErrors.OD_COUNCIL_END_BEFORE_START();
  return [{ type: 'MemberLeft', data: { bodyId, personId: input.personId, endDate: input.endDate } }];
};

/** A post goes to a member in office; whoever held it before hands it over that day. */
export const assignPost = (body: Body, input: { readonly role: PostRole; readonly personId: string; readonly startDate: string }): BodyEvent[] => {
  const bodyId = established(body);
  checkDay(input.startDate);
  if (!isInOffice(body, input.personId, input.startDate)) throw councilErrors.OD_COUNCIL_NOT_MEMBER({ personId: input.personId });
  if (body.posts.get(input.role)?.personId === input.personId) return [];
  return [{ type: 'PostAssigned', data: { bodyId, role: input.role, personId: input.personId, startDate: input.startDate } }];
};

export const vacatePost = (body: Body, input: { readonly role: PostRole; readonly endDate: string }): BodyEvent[] => {
  const bodyId = established(body);
  checkDay(input.endDate);
  if (!body.posts.has(input.role)) return [];
  return [{ type: 'PostVacated', data: { bodyId, role: input.role, endDate: input.endDate } }];
};

export const evolveBody = (body: Body, event: BodyEvent): Body => {
  switch (event.type) {
    case 'BodyEstablished':
      return { ...body, bodyId: event.data.bodyId, name: event.data.name, classification: event.data.classification };
    case 'FactionFormed':
      return { ...body, factions: new Map(body.factions).set(event.data.factionId, event.data.name) };
    case 'MemberJoined': {
      const { personId, name, factionId, startDate } = event.data;
      return { ...body, terms: [...body.terms, { personId, name, factionId, startDate, endDate: null }] };
    }
    case 'MemberLeft': {
      const { personId, endDate } = event.data;
      const posts = new Map([...body.posts].filter(([, holder]) => holder.personId !== personId));
      return { ...body, posts, terms: body.terms.map((t) => (t.personId === personId && t.endDate === null ? { ...t, endDate } : t)) };
    }
    case 'PostAssigned':
      return { ...body, posts: new Map(body.posts).set(event.data.role, { personId: event.data.personId, startDate: event.data.startDate }) };
    case 'PostVacated': {
      const posts = new Map(body.posts);
      posts.delete(event.data.role);
      return { ...body, posts };
    }
    case 'DecisionNumbered':
      return { ...body, lastDecision: new Map(body.lastDecision).set(event.data.year, event.data.number) };
    default: {
      const _exhaustive: never = event;
      throw new Error(`Unknown body event ${JSON.stringify(_exhaustive)}`);
    }
  }
};
