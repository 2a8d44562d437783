// The council's open data: Popolo JSON at /api/popolo/*.json (the OpenAPI document's schemas, held to them by
// the compiler), and the upcoming sessions as iCalendar at /council/sessions.ics.
import type { FastifyPluginAsync } from 'fastify';
import { itemsOf, upcomingSessions } from '../../projections/council/index.ts';
import type { RouteDependencies } from '../shared/apiContext.ts';
import { fastifyPath } from '../shared/rest/openApiDocument.ts';
import { councilCalendar } from './ical.ts';
import { popoloEvents, popoloMemberships, popoloMotions, popoloOrganizations, popoloPeople, popoloVoteEvents } from './popolo.ts';

export const POPOLO_PATH = '/api/popolo';
export const SESSIONS_ICS_PATH = '/council/sessions.ics';

export const councilOpenDataRoutes: FastifyPluginAsync<RouteDependencies> = async (app, { db, schema, document }) => {
  const popolo = { people: popoloPeople, organizations: popoloOrganizations, memberships: popoloMemberships, events: popoloEvents, motions: popoloMotions, vote_events: popoloVoteEvents } as const;
  for (const [name, read] of Object.entries(popolo)) {
    const path = `${POPOLO_PATH}/${name}.json`;
    app.get(fastifyPath(path), { schema: document.routeSchema('get', path) }, async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      return read(db, schema);
    });
  }
  app.get(fastifyPath(SESSIONS_ICS_PATH), { schema: document.routeSchema('get', SESSIONS_ICS_PATH) }, async (request, reply) => {
    const sessions = await upcomingSessions(db, schema, new Date());
    const entries = [];
    for (const session of sessions) entries.push({ session, items: await itemsOf(db, schema, session.id) });
    reply.header('cache-control', 'public, max-age=300');
    reply.type('text/calendar; charset=utf-8');
    return councilCalendar(entries, { siteUrl: `${request.protocol}://${request.host}`, now: new Date() });
  });
};
