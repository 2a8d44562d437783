// The council's GraphQL resolvers: sessions (all or upcoming), one session with its items, each item's votes.
// The subscription to votes as they are recorded is fed by the change feed (src/api/shared/graphql/subscriptions.ts).
import type { VoteView } from '../../projections/council/index.ts';
import { itemsOf, listSessions, MAX_SESSIONS, sessionSummary, upcomingSessions, votesOf } from '../../projections/council/index.ts';
import type { ContextResolvers, ResolverDependencies } from '../shared/apiContext.ts';
import { dbOf, guard } from '../shared/graphql/resolverKit.ts';
import type { Resolvers } from '../schemaTypes.ts';

const capped = (first: number | null | undefined): number => Math.min(Math.max(1, first ?? 50), MAX_SESSIONS);

export const councilResolvers = ({ client, schema }: ResolverDependencies): ContextResolvers => {
  const resolvers: Resolvers = {
    Query: {
      councilSessions: (_root, { bodyId, upcoming, first }, context) =>
        guard(async () => {
          const db = dbOf(client, context);
          if (upcoming === true) return (await upcomingSessions(db, schema, new Date(), capped(first))).filter((s) => bodyId == null || s.bodyId === bodyId);
          return listSessions(db, schema, { ...(bodyId == null ? {} : { bodyId }), limit: capped(first) });
        }),
      councilSession: (_root, { id }, context) => sessionSummary(dbOf(client, context), schema, id),
    },
    CouncilSession: {
      items: (session, _args, context) => itemsOf(dbOf(client, context), schema, session.id),
      currentItem: async (session, _args, context) => (session.currentItem === null ? null : ((await itemsOf(dbOf(client, context), schema, session.id)).find((i) => i.number === session.currentItem) ?? null)),
    },
    CouncilItem: {
      votes: (item, _args, context) => votesOf(dbOf(client, context), schema, item.sessionId, item.number),
    },
    CouncilVote: {
      faction: (vote: VoteView) => vote.factionName,
    },
  };
  return { resolvers };
};
