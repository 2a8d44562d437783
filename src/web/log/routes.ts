// The log's pages: «verify our books», a movement's verification, and the Python check as a download.
import type { LogServices } from '../../api/log/index.ts';
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { movementProofPage } from './movementPage.ts';
import { VERIFY_PY, VERIFY_PY_PATH, verifyPage } from './verifyPage.ts';

const POSITION_PARAMS = { type: 'object', properties: { position: { type: 'string', pattern: '^\\d{1,15}$' } }, required: ['position'] } as const;

export const logWebRoutes =
  (log: LogServices): WebRoutes =>
  async (app, options) => {
    const { site } = options;
    app.get(VERIFY_PY_PATH, async (_request, reply) =>
      reply.type('text/x-python; charset=utf-8').header('cache-control', 'public, max-age=3600').header('content-disposition', 'attachment; filename="verify.py"').send(VERIFY_PY),
    );
    registerPages(options, ({ at, page }) => {
      app.get(at('/verify'), page((visit) => verifyPage(site, visit, log)));
      app.get<{ Params: { position: string } }>(
        at('/verify/movement/:position'),
        { schema: { params: POSITION_PARAMS } },
        page((visit, request) => movementProofPage(visit, log, Number(request.params.position))),
      );
    });
  };
