// GET /api/my: who the session is, for the site's scripts and other clients of the citizen's own data:
// `{ taxid, name, kind, email, language, csrfToken }`, 401 without a citizen session. Never cached. When a
// representative acts for a company, the subject is the company (every personal context reads the
// session's subject), and `representative` beside names the person at the keyboard; absent otherwise, so
// the fixed fields are all a person's own session answers.
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDependencies } from '../shared/apiContext.ts';
import { ApiError } from '../shared/errors.ts';
import type { CitizenServices } from './account.ts';
import { displayName, loadAccount } from './account.ts';

export const myRoutes =
  (services: CitizenServices): FastifyPluginAsync<RouteDependencies> =>
  async (app) => {
    app.get('/api/my', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const session = request.session;
      const account = session?.kind === 'citizen' ? await loadAccount(services, session.subjectId) : null;
      if (!session || !account) throw new ApiError('OD_LOGIN_REQUIRED');
      const representative = session.actingBy ? await loadAccount(services, session.actingBy.subjectId) : null;
      return {
        taxid: account.details.taxid,
        name: displayName(account),
        kind: account.kind,
        email: account.email,
        language: account.language,
        csrfToken: session.csrfToken,
        ...(representative ? { representative: { taxid: representative.details.taxid, name: displayName(representative) } } : {}),
      };
    });
  };
